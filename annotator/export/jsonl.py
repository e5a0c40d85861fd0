"""``jsonl``: one article per line, the project's own import format.

``{"id", "title", "text", "spans": [{"start", "end", "label", "text"}], "meta": {...},
"imported_meta": {...}}``: ``meta`` says where the work comes from (layer, annotators,
dates), ``imported_meta`` is the metadata the article was imported with (left out when
there was none), which ``annotator import`` restores.
Offsets are Python string indices into ``text`` (NFC). ``annotator import`` reads the
file back with the same text and spans (as proposals of the ``import`` annotator).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from annotator.export.base import Context, ExportArticle, open_text


def record(article: ExportArticle, layer: str) -> dict[str, Any]:
    e, text = article.entry, article.text
    meta: dict[str, Any] = {"source": e.source, "layer": layer, "annotators": list(e.annotators)}
    if e.adjudicators:
        meta["adjudicators"] = list(e.adjudicators)
    if e.external_id is not None:
        meta["external_id"] = e.external_id
    meta["imported_at"] = e.imported_at
    meta["approved_at"] = e.approved_at
    meta["last_change"] = e.last_change
    out = {
        "id": e.id,
        "title": e.title,
        "text": text,
        "spans": [{"start": s, "end": t, "label": label, "text": text[s:t]} for s, t, label in e.spans],
        "meta": meta,
    }
    if article.meta:
        out["imported_meta"] = article.meta  # `annotator import` restores it as the meta
    return out


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    name = f"{split}.jsonl"
    layer = ctx.stats.get("layer", "")
    with open_text(ctx.folder / name) as fh:
        for article in articles:
            fh.write(json.dumps(record(article, layer), ensure_ascii=False))
            fh.write("\n")
            ctx.tick()
    return [name]


def finish(ctx: Context) -> list[str]:
    return []
