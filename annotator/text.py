"""Vietnamese text as stored: NFC, no invisible characters, ``\\n`` line breaks.

Everything that changes text here also returns an :class:`OffsetMap`, so spans given
against the original text (an imported JSONL with ``spans``) land on exactly the same
characters in the stored text. Offsets are Python string indices (code points).

Nothing here imports Qt or touches the database.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

# Characters removed on import: BOM / zero-width (they break matching and are invisible),
# the soft hyphen, and C0 controls other than tab and line feed. \r is handled separately
# (CRLF and lone CR become \n).
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad" + "".join(
    chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)
)
_INVISIBLE_SET = frozenset(_INVISIBLE)
_NEEDS_CLEANING = re.compile("[\r" + re.escape(_INVISIBLE) + "]")


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets in an original text to offsets in an edited text.

    The edit is described as aligned boundaries: ``orig[i]`` in the original corresponds
    to ``new[i]`` in the result, and between two boundaries the text was replaced as a
    whole (a combining sequence recomposed, an invisible character deleted, a line
    dropped). An offset that falls inside such a piece snaps outward: a start to the
    piece's start, an end to the piece's end, so a span never ends inside a character's
    combining sequence. Maps compose with :meth:`then`.
    """

    orig: tuple[int, ...] = ()
    new: tuple[int, ...] = ()
    identity: bool = True
    after: tuple[OffsetMap, ...] = ()
    # linear[i]: piece i ([orig[i], orig[i+1])) was copied unchanged, so offsets inside it
    # map one to one; otherwise it was replaced as a whole and inner offsets snap outward.
    linear: tuple[bool, ...] = ()

    def start(self, offset: int) -> int:
        """Where a span *start* at ``offset`` lands in the edited text."""
        if not self.identity:
            i = max(bisect_right(self.orig, offset) - 1, 0)
            inside = offset - self.orig[i]
            if i < len(self.linear) and self.linear[i]:
                offset = self.new[i] + inside
            else:
                offset = self.new[i]
        for stage in self.after:
            offset = stage.start(offset)
        return offset

    def end(self, offset: int) -> int:
        """Where a span *end* at ``offset`` lands in the edited text."""
        if not self.identity:
            j = min(bisect_left(self.orig, offset), len(self.orig) - 1)
            if offset < self.orig[j] and j > 0 and self.linear[j - 1]:
                offset = self.new[j - 1] + (offset - self.orig[j - 1])
            else:
                offset = self.new[j]
        for stage in self.after:
            offset = stage.end(offset)
        return offset

    def then(self, other: OffsetMap) -> OffsetMap:
        """The map of applying ``self`` and then ``other``."""
        if other.identity and not other.after:
            return self
        if self.identity and not self.after:
            return other
        return OffsetMap(self.orig, self.new, self.identity, (*self.after, other), self.linear)


IDENTITY = OffsetMap()


@dataclass
class _Builder:
    """Accumulates (original piece, replacement) pairs into text plus an OffsetMap.

    Consecutive copied pieces are merged into one linear piece, so a mostly unchanged
    text has a map with few boundaries.
    """

    orig_pos: int = 0
    new_pos: int = 0
    parts: list[str] = field(default_factory=list)
    orig: list[int] = field(default_factory=lambda: [0])
    new: list[int] = field(default_factory=lambda: [0])
    linear: list[bool] = field(default_factory=list)

    def add(self, original: str, replacement: str) -> None:
        if not original and not replacement:
            return
        self.parts.append(replacement)
        self.orig_pos += len(original)
        self.new_pos += len(replacement)
        copied = original == replacement
        if copied and self.linear and self.linear[-1]:
            self.orig[-1] = self.orig_pos
            self.new[-1] = self.new_pos
            return
        self.orig.append(self.orig_pos)
        self.new.append(self.new_pos)
        self.linear.append(copied)

    def result(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(
            tuple(self.orig), tuple(self.new), identity=False, linear=tuple(self.linear)
        )


def _clusters(text: str) -> list[str]:
    """Split text into a starter plus its combining marks (the unit NFC works on)."""
    clusters: list[str] = []
    for ch in text:
        if clusters and unicodedata.combining(ch) and clusters[-1] not in ("\n", "\r"):
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


@dataclass(frozen=True)
class Normalized:
    """Result of :func:`normalize`: the text to store and what was done to get it."""

    text: str
    offsets: OffsetMap
    changes: tuple[str, ...]  # human-readable, e.g. ("NFC", "removed 3 invisible characters")
    exact: bool = True  # False: offsets into the original cannot be mapped onto ``text``

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def normalize(raw: str) -> Normalized:
    """NFC, invisible characters removed, CRLF/CR to LF; everything else kept as written.

    Tone placement ("uỷ" versus "ủy") is *not* changed: the guidelines keep the text as
    written and fold only for matching (see :func:`fold`).
    """
    nfc = unicodedata.is_normalized("NFC", raw)
    if nfc and not _NEEDS_CLEANING.search(raw):
        return Normalized(raw, IDENTITY, ())

    changes: list[str] = []
    removed = 0
    crlf = 0
    b = _Builder()
    clusters = _clusters(raw)
    for i, cluster in enumerate(clusters):
        if cluster == "\r":
            nxt = clusters[i + 1] if i + 1 < len(clusters) else ""
            b.add("\r", "" if nxt.startswith("\n") else "\n")
            crlf += 1
            continue
        if cluster[0] in _INVISIBLE_SET:
            # A combining mark after an invisible starter stays (rare; it is visible text).
            b.add(cluster, unicodedata.normalize("NFC", cluster[1:]))
            removed += 1
            continue
        b.add(cluster, unicodedata.normalize("NFC", cluster))
    text, offsets = b.result()
    exact = True
    if not unicodedata.is_normalized("NFC", text):
        # Composition across clusters (not seen in Vietnamese; Hangul jamo would do it):
        # fall back to whole-text NFC; offsets into the original can no longer be mapped.
        text = unicodedata.normalize("NFC", text)
        exact = False
    if not nfc:
        changes.append("NFC")
    if removed:
        changes.append(f"removed {removed} invisible character{'s' if removed != 1 else ''}")
    if crlf:
        changes.append("CRLF/CR line breaks to LF")
    return Normalized(text, offsets, tuple(changes), exact)


def delete_lines(text: str, doomed: set[int]) -> tuple[str, OffsetMap]:
    """Remove the lines whose 0-based numbers are in ``doomed`` (with their line break)."""
    if not doomed:
        return text, IDENTITY
    b = _Builder()
    lines = text.split("\n")
    last = len(lines) - 1
    for n, line in enumerate(lines):
        piece = line if n == last else line + "\n"
        b.add(piece, "" if n in doomed else piece)
    out, offsets = b.result()
    if doomed and last in doomed and out.endswith("\n"):
        # Dropping the last line leaves a dangling line break from the line before it.
        b2 = _Builder()
        b2.add(out[:-1], out[:-1])
        b2.add("\n", "")
        out, second = b2.result()
        offsets = offsets.then(second)
    return out, offsets


def strip_blank_edges(text: str) -> tuple[str, OffsetMap]:
    """Remove white space at the start and end of an article (never inside it)."""
    stripped = text.strip()
    if stripped == text:
        return text, IDENTITY
    lead = len(text) - len(text.lstrip())
    b = _Builder()
    b.add(text[:lead], "")
    b.add(stripped, stripped)
    b.add(text[lead + len(stripped) :], "")
    return b.result()


def article_id(text: str) -> str:
    """Stable article id: the first 24 hex digits (96 bits) of SHA-256 of the stored text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def first_line(text: str, limit: int = 200) -> str:
    """The first non-empty line, trimmed, used as a title when none is given."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def whole_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` so it neither starts nor ends inside a combining sequence."""
    while 0 < start < len(text) and unicodedata.combining(text[start]):
        start -= 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return start, end


def is_combining(ch: str) -> bool:
    """True for a combining mark: a span boundary must never sit just before one."""
    return unicodedata.combining(ch) != 0


def unit_offsets(text: str, unit: str) -> list[int]:
    """Where each character of ``text`` starts (and, last, where the text ends) counted in
    ``unit``: "chars" (code points), "utf16" (JavaScript's and Java's string indices) or
    "bytes" (UTF-8)."""
    if unit == "chars" or text.isascii():
        return list(range(len(text) + 1))
    width = (
        (lambda ch: 2 if ord(ch) > 0xFFFF else 1)
        if unit == "utf16"
        else (lambda ch: len(ch.encode("utf-8", "surrogatepass")))
    )
    out = [0]
    for ch in text:
        out.append(out[-1] + width(ch))
    return out
