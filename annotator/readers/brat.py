"""brat standoff: ``NAME.txt`` with ``NAME.ann`` beside it.

Text-bound annotations (``T1<TAB>LABEL START END<TAB>text``) are imported. Fragments
split only by white space (a span across a line break, as brat writes it) are joined;
other discontinuous spans are refused one by one. Relations, events, attributes and
notes are counted and left out. Offsets are characters (code points) of the ``.txt``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import ImportFailure
from annotator.readers.base import ReadContext, Reader, Source

_TEXT_BOUND = re.compile(r"T\d+\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t?(.*)$")
_OTHER = {
    "R": "relations",
    "E": "events",
    "A": "attributes",
    "M": "attributes",
    "N": "notes",
    "#": "notes",
    "*": "relations",
}


def pair(path: Path) -> tuple[Path, Path] | None:
    """(text, annotations) of the brat document ``path`` belongs to, if both exist."""
    txt, ann = path.with_suffix(".txt"), path.with_suffix(".ann")
    return (txt, ann) if txt.is_file() and ann.is_file() else None


def sniff(path: Path, head: str) -> bool:
    return path.suffix.lower() in (".ann", ".txt") and pair(path) is not None


def read(path: Path, ctx: ReadContext) -> Iterator[Source | ImportFailure]:
    found = pair(path)
    if found is None:
        raise ImportFailure(str(path), "a brat document needs NAME.txt and NAME.ann side by side")
    txt, ann = found
    text = ctx.read_text(txt)
    spans = []
    for n, line in enumerate(ctx.read_text(ann).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{ann}:{n}"
        m = _TEXT_BOUND.match(line)
        if m is None:
            kind = _OTHER.get(line[:1])
            if kind:
                ctx.count(f"brat {kind} (not imported)")
            else:
                ctx.warn(where, "not a brat annotation line; left out")
            continue
        label, ranges = m.group(1), m.group(2)
        pieces = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
        if any(text[b:c].strip() for (_, b), (c, _) in zip(pieces, pieces[1:], strict=False)):
            ctx.warn(where, f"discontinuous span {ranges} refused (a span here is one range)")
            continue
        # fragments split only by white space (a span across a line break, as brat
        # writes it) are one span
        start, end = pieces[0][0], pieces[-1][1]
        spans.append({"start": start, "end": end, "label": label, "where": where})
    yield Source(str(txt), text, source=str(txt), external_id=txt.stem, spans=tuple(spans))


READER = Reader("brat", "brat standoff (.txt + .ann)", (".ann",), sniff, read)
