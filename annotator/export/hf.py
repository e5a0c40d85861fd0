"""``hf``: token classification data for Hugging Face ``datasets``.

``SPLIT.jsonl`` has one sentence per line: ``{"id": "ARTICLE-N", "article_id", "tokens":
[...], "ner_tags": [...], "task_tags": [...]}``, the tags being integer BIO indices into
the label lists of ``labels.json`` (entities in ``ner_tags``; tasks, which may contain
entities, in ``task_tags``). Tokens are syllables by default (``--level word``: words
with ``_``), cut at every span boundary. Load with::

    load_dataset("json", data_files={"train": "train.jsonl", ...}, features=...)

(the dataset card shows the ``features`` that give the tags their label names).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from annotator.bio import OUTSIDE
from annotator.export.base import Context, ExportArticle, open_text
from annotator.export.tokens import tokenize
from annotator.model import SpanKey, label_defs


def tag_names() -> dict[str, list[str]]:
    """The label lists: index i of ``ner_tags`` means ``tag_names()["ner_tags"][i]``."""
    entity = [d.name for d in label_defs() if d.layer == "entity"]
    task = [d.name for d in label_defs() if d.layer == "task"]
    return {
        "ner_tags": [OUTSIDE] + [f"{p}-{n}" for n in entity for p in "BI"],
        "task_tags": [OUTSIDE] + [f"{p}-{n}" for n in task for p in "BI"],
    }


def render(item: tuple[str, str, tuple[SpanKey, ...], str]) -> str:
    """One article's lines, one sentence each."""
    article_id, text, spans, level = item
    names = tag_names()
    ner = {t: i for i, t in enumerate(names["ner_tags"])}
    task = {t: i for i, t in enumerate(names["task_tags"])}
    tok = tokenize(text, spans, level)
    forms = tok.forms(text, level)
    lines = []
    for n, sentence in enumerate(tok.sentences()):
        lines.append(
            json.dumps(
                {
                    "id": f"{article_id}-{n}",
                    "article_id": article_id,
                    "tokens": [forms[i] for i in sentence],
                    "ner_tags": [ner[tok.entity_tags[i]] for i in sentence],
                    "task_tags": [task[tok.task_tags[i]] for i in sentence],
                },
                ensure_ascii=False,
            )
            + "\n"
        )
    return "".join(lines)


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    name = f"{split}.jsonl"
    level = ctx.levels[0]
    count = ctx.stats.get("split_sizes", {}).get(split, 0)
    with open_text(ctx.folder / name) as fh:
        items = ((a.entry.id, a.text, a.entry.spans, level) for a in articles)
        for block in ctx.imap(render, items, count):
            fh.write(block)
            ctx.tick()
    return [name]


def finish(ctx: Context) -> list[str]:
    with open_text(ctx.folder / "labels.json") as fh:
        json.dump(tag_names(), fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return ["labels.json"]
