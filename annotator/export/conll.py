"""``conll``: CoNLL-2003 style, one token per line, at syllable and/or word level.

Each line is ``TOKEN ENTITY-TAG TASK-TAG`` (space-separated, BIO tags): entities in the
second column, tasks in the third, so a task and the entities inside it are both kept.
A blank line ends a sentence; each article starts with ``-DOCSTART- O O`` and a blank
line. Word-level tokens join a word's syllables with ``_`` ("Ban_Tuyên_giáo"), as in the
VLSP data. Files: ``SPLIT.syllable.conll`` and ``SPLIT.word.conll``.

Beside each, one file per tag column for the tools that read exactly two columns
(``spacy convert -c ner``, doccano, INCEpTION's CoNLL 2002 reader): ``SPLIT.LEVEL.
entities.conll`` and ``SPLIT.LEVEL.tasks.conll``, ``TOKEN<TAB>TAG`` per line, a blank
line after each sentence and no ``-DOCSTART-`` line (doccano would read it as a token).
"""

from __future__ import annotations

from collections.abc import Iterable

from annotator.export.base import Context, ExportArticle, open_text
from annotator.export.tokens import tokenize
from annotator.model import SpanKey

DOCSTART = "-DOCSTART- O O\n\n"


def render(text: str, spans: tuple[SpanKey, ...], level: str) -> tuple[str, str, str]:
    """One article's lines (without the -DOCSTART- line): the three-column file's, and
    the entities' and tasks' two-column files'."""
    tok = tokenize(text, spans, level)
    forms = tok.forms(text, level)
    both: list[str] = []
    ents: list[str] = []
    tasks: list[str] = []
    for sentence in tok.sentences():
        both += [f"{forms[i]} {tok.entity_tags[i]} {tok.task_tags[i]}\n" for i in sentence]
        ents += [f"{forms[i]}\t{tok.entity_tags[i]}\n" for i in sentence]
        tasks += [f"{forms[i]}\t{tok.task_tags[i]}\n" for i in sentence]
        for out in (both, ents, tasks):
            out.append("\n")
    return "".join(both), "".join(ents), "".join(tasks)


def _render_levels(item: tuple[str, tuple[SpanKey, ...], tuple[str, ...]]) -> list[tuple[str, str, str]]:
    text, spans, levels = item
    return [render(text, spans, level) for level in levels]


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    names = [f"{split}.{level}{part}.conll" for level in ctx.levels for part in ("", ".entities", ".tasks")]
    handles = [open_text(ctx.folder / n) for n in names]
    try:
        items = ((a.text, a.entry.spans, ctx.levels) for a in articles)
        count = ctx.stats.get("split_sizes", {}).get(split, 0)
        for blocks in ctx.imap(_render_levels, items, count):
            for k, (both, ents, tasks) in enumerate(blocks):
                three, ent_fh, task_fh = handles[3 * k : 3 * k + 3]
                three.write(DOCSTART)
                three.write(both)
                ent_fh.write(ents)
                task_fh.write(tasks)
            ctx.tick()
    finally:
        for fh in handles:
            fh.close()
    return names


def finish(ctx: Context) -> list[str]:
    return []


def read(path_or_lines: Iterable[str]) -> list[list[list[tuple[str, str, str]]]]:
    """Parse a file written by :func:`write`: articles -> sentences -> (token, ent, task)."""
    articles: list[list[list[tuple[str, str, str]]]] = []
    sentence: list[tuple[str, str, str]] = []
    for raw in path_or_lines:
        line = raw.rstrip("\n")
        if not line:
            if sentence and articles:
                articles[-1].append(sentence)
            sentence = []
            continue
        token, ent, task = line.split(" ")
        if token == "-DOCSTART-":
            articles.append([])
            continue
        sentence.append((token, ent, task))
    if sentence and articles:
        articles[-1].append(sentence)
    return articles
