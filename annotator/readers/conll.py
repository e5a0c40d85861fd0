"""CoNLL / BIO: a token per line with one or more tag columns (tab or space separated),
a blank line between sentences. ``-DOCSTART-`` lines start a new article; a file without
them, or with one header line right above the first tokens (as Label Studio writes it),
gives an article per block
(as doccano and Label Studio mean it).

Tag columns are the columns whose every value is ``O`` or ``B-``/``I-``/``E-``/``S-``
(or ``L-``/``U-``) plus a label; the others (part of speech, chunks) are skipped. Word
tokens joined with ``_`` (VLSP) are split back into syllables. The text is rebuilt from
the tokens (a space between them, none before closing punctuation or after opening
punctuation, a line break between sentences), and the spans point into that text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator import bio
from annotator.errors import ImportFailure
from annotator.readers.base import ReadContext, Reader, Source

_TAG = re.compile(r"O$|[BIESLU]-\S+$")
_NO_SPACE_BEFORE = set(".,;:!?)]}…%”’»") | {"...", "''"}
_NO_SPACE_AFTER = set("([{“‘«")
SUFFIXES = (".conll", ".conll2002", ".conll2003", ".bio", ".iob", ".iob2", ".bioes")


def _rows(line: str) -> list[str]:
    return line.split("\t") if "\t" in line else line.split()


def sniff(path: Path, head: str) -> bool:
    lines = [ln for ln in head.splitlines()[:-1] if ln.strip() and not ln.startswith("-DOCSTART-")][:50]
    if not lines or path.suffix.lower() in (".json", ".jsonl", ".csv", ".ann"):
        return False
    rows = [_rows(ln) for ln in lines]
    width = len(rows[0])
    return (
        width >= 2
        and all(len(r) == width for r in rows)
        and any(all(_TAG.match(r[c]) for r in rows) for c in range(1, width))
    )


def _detokenize(tokens: list[str]) -> tuple[str, list[int], list[int]]:
    parts: list[str] = []
    starts, ends = [], []
    pos = 0
    for i, tok in enumerate(tokens):
        word = tok.replace("_", " ") if tok.strip("_") else tok
        if i and tok not in _NO_SPACE_BEFORE and tokens[i - 1] not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        starts.append(pos)
        parts.append(word)
        pos += len(word)
        ends.append(pos)
    return "".join(parts), starts, ends


def _article(sentences: list[list[list[str]]], where: str, n: int) -> Source | ImportFailure:
    width = len(sentences[0][0])
    if any(len(r) != width for s in sentences for r in s):
        return ImportFailure(where, "rows with different numbers of columns")
    tag_cols = [c for c in range(1, width) if all(_TAG.match(r[c]) for s in sentences for r in s)]
    if not tag_cols:
        return ImportFailure(where, "no column of BIO tags (O, B-LABEL, I-LABEL)")
    text_parts: list[str] = []
    spans = []
    offset = 0
    for sentence in sentences:
        text, starts, ends = _detokenize([r[0] for r in sentence])
        for c in tag_cols:
            for s, e, label in bio.spans([r[c] for r in sentence], starts, ends):
                spans.append({"start": offset + s, "end": offset + e, "label": label})
        text_parts.append(text)
        offset += len(text) + 1
    return Source(
        where, "\n".join(text_parts), external_id=f"{Path(where.split(':')[0]).stem}-{n}", spans=tuple(spans)
    )


def read(path: Path, ctx: ReadContext) -> Iterator[Source | ImportFailure]:
    text = ctx.read_text(path)
    # a lone -DOCSTART- with tokens right under it is a header (Label Studio writes one
    # for the whole file): then, as without any, every block is an article
    has_docstart = text.count("-DOCSTART-") > 1 or bool(re.search(r"^-DOCSTART-[^\n]*\n[ \t]*\n", text, re.M))
    doc: list[list[list[str]]] = []
    sentence: list[list[str]] = []
    start_line, count = 1, 0
    for n, line in enumerate(text.splitlines() + ["-DOCSTART-"], start=1):
        blank = not line.strip()
        if blank or line.startswith("-DOCSTART-"):
            if sentence:
                doc.append(sentence)
                sentence = []
            if doc and (line.startswith("-DOCSTART-") or not has_docstart):
                count += 1
                yield _article(doc, f"{path}:{start_line}", count)
                doc = []
            if not doc:
                start_line = n + 1
            continue
        if not line.startswith("#"):
            sentence.append(_rows(line))
    if count == 0:
        raise ImportFailure(str(path), "no tokens in this CoNLL file")


READER = Reader("conll", "CoNLL / BIO", SUFFIXES, sniff, read)
