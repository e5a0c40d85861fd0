"""What every reader hands the importer, and what it may ask of it.

A reader turns one file (or one JSON object of a file) into :class:`Source` articles:
the text as the other tool kept it and its spans as ``{"start", "end", "label"}`` in
code points of that text. Tools that count UTF-16 units (Label Studio, INCEpTION) or
bytes are converted here, with :func:`offsets_to_index`, so the importer maps one kind
of offset onto the stored text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from annotator.encodings import Decoded
from annotator.errors import ImportFailure
from annotator.text import unit_offsets

OFFSET_UNITS = ("chars", "utf16", "bytes")


@dataclass(frozen=True)
class Source:
    """One article as read from a file, before normalization."""

    where: str  # "file" or "file:line", used in messages and as default source
    raw: str
    title: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    external_id: str | None = None
    spans: tuple[dict[str, Any], ...] = ()
    decoded: Decoded | None = None


class ReadContext(Protocol):
    """What a reader may ask of the import that runs it."""

    #: Label Studio: import the completed "annotations" or the "predictions"
    prefer: str
    #: the unit the file's offsets count, when the user named it (None: the format's own)
    offsets: str | None

    def warn(self, where: str, what: str) -> None:
        """Report one problem the reader worked around (the import goes on)."""

    def count(self, what: str, n: int = 1) -> None:
        """Count something left out on purpose, for the summary ("rejected answers")."""

    def read_text(self, path: Path) -> str:
        """The whole file as text, in whatever encoding it was written (noted)."""


@dataclass(frozen=True)
class Reader:
    """A format the importer reads: a name for ``--format``, how to recognise a file of
    it, and how to read one."""

    name: str
    title: str  # shown in messages and the import dialog
    suffixes: tuple[str, ...]
    sniff: Callable[[Path, str], bool]  # (path, the first 64 KB as text) -> is it mine
    read: Callable[[Path, ReadContext], Iterable[Source | ImportFailure]]


def offsets_to_index(text: str, unit: str) -> Callable[[int], int]:
    """A function from an offset counted in ``unit`` ("chars", "utf16" or "bytes" of
    UTF-8) to the code-point index of ``text``; an offset inside a character maps to -1."""
    if unit not in OFFSET_UNITS:
        raise ValueError(f"unknown offset unit {unit!r}")
    if unit == "chars" or text.isascii():
        return lambda offset: offset
    starts = unit_offsets(text, unit)

    def index(offset: int) -> int:
        i = bisect.bisect_left(starts, offset)
        return i if i < len(starts) and starts[i] == offset else -1

    return index


def convert_spans(text: str, spans: Iterable[dict[str, Any]], unit: str) -> Iterator[dict[str, Any]]:
    """``spans`` with their offsets turned from ``unit`` into code points of ``text`` (a
    span whose offset falls inside a character keeps it, and fails the importer's check
    with its original numbers)."""
    index = offsets_to_index(text, unit)
    for span in spans:
        start, end = span.get("start"), span.get("end")
        if unit == "chars" or not (isinstance(start, int) and isinstance(end, int)):
            yield span
            continue
        s, e = index(start), index(end)
        if s < 0 or e < 0:
            yield {**span, "problem": f"offsets [{start}, {end}) in {unit} fall inside a character"}
        else:
            yield {**span, "start": s, "end": e}
