"""``prodigy``: Prodigy-style JSONL for ``prodigy db-in``, one accepted example per
article: ``{"text", "tokens": [{"text", "start", "end", "id", "ws"}], "spans": [{"start",
"end", "label", "token_start", "token_end"}], "answer": "accept", "meta": {...}}``.

Tokens are the syllables (white-space separated, punctuation apart), which every span
boundary falls on. Tasks contain entities, and a Prodigy ``ner`` view shows no
overlapping spans, so the tasks go to ``SPLIT.prodigy.tasks.jsonl`` (for a ``spans``
dataset) and the entities to ``SPLIT.prodigy.jsonl``.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterable
from typing import Any

from annotator.export.base import Context, ExportArticle, open_text
from annotator.model import task_label
from annotator.nlp.tokens import syllable_ranges


def example(article: ExportArticle, tasks: bool) -> dict[str, Any]:
    e, text = article.entry, article.text
    ranges = syllable_ranges(text)
    # a span boundary inside a token splits the token there
    cuts = sorted({x for s, t, _ in e.spans for x in (s, t)})
    tokens: list[tuple[int, int]] = []
    for a, b in ranges:
        inner = [c for c in cuts if a < c < b]
        for x, y in zip([a, *inner], [*inner, b], strict=True):
            tokens.append((x, y))
    ends = [b for _, b in tokens]
    starts = [a for a, _ in tokens]
    spans = [
        {
            "start": s,
            "end": t,
            "label": label,
            "token_start": bisect.bisect_right(ends, s),  # the first token that ends after s
            "token_end": bisect.bisect_left(starts, t) - 1,  # the last token that starts before t
        }
        for s, t, label in e.spans
        if (label == task_label()) == tasks
    ]
    return {
        "text": text,
        "tokens": [
            {"text": text[a:b], "start": a, "end": b, "id": i, "ws": b < len(text) and text[b].isspace()}
            for i, (a, b) in enumerate(tokens)
        ],
        "spans": spans,
        "answer": "accept",
        "meta": {**article.meta, "id": e.id, "title": e.title},
    }


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    names = [f"{split}.prodigy.jsonl", f"{split}.prodigy.tasks.jsonl"]
    with open_text(ctx.folder / names[0]) as ents, open_text(ctx.folder / names[1]) as tasks:
        for article in articles:
            ents.write(json.dumps(example(article, False), ensure_ascii=False) + "\n")
            tasks.write(json.dumps(example(article, True), ensure_ascii=False) + "\n")
            ctx.tick()
    return names


def finish(ctx: Context) -> list[str]:
    return []
