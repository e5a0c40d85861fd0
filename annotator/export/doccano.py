"""``doccano``: doccano's JSONL for sequence labelling, one article per line:
``{"text", "label": [[start, end, "LABEL"]], "id", "title", ...}``, offsets in code
points. Entities and tasks are both in ``label`` (tasks contain entities: turn on
"Allow overlapping spans" in the doccano project). The metadata the article was imported
with comes along as top-level keys, as doccano keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from annotator.export.base import Context, ExportArticle, open_text

_OWN = {"text", "label", "id", "title"}


def record(article: ExportArticle) -> dict[str, Any]:
    e = article.entry
    out: dict[str, Any] = {k: v for k, v in article.meta.items() if k not in _OWN}
    out.update(id=e.id, title=e.title, text=article.text, label=[[s, t, label] for s, t, label in e.spans])
    return out


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    name = f"{split}.doccano.jsonl"
    with open_text(ctx.folder / name) as fh:
        for article in articles:
            fh.write(json.dumps(record(article), ensure_ascii=False) + "\n")
            ctx.tick()
    return [name]


def finish(ctx: Context) -> list[str]:
    return []
