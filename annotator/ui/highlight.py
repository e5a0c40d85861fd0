"""Span highlighting that is computed per text block, once, not on every paint.

A QSyntaxHighlighter stores its formats in each block's layout, so scrolling repaints
from those; after an edit only the blocks the edit touched are highlighted again. An
interval index finds the spans of a block with a binary search.

Entities are backgrounds in their label colour, tasks are underlines (a task may contain
entities and both stay visible). Proposals are lighter with a dashed or dotted underline.

Offsets: the core counts code points, Qt counts UTF-16 units. :class:`QtOffsets`
converts when the text has characters outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.model import Span, SpanState, label_defs, layer_of_label

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class QtOffsets:
    """Code point offsets <-> QTextDocument positions (UTF-16 units)."""

    def __init__(self, text: str) -> None:
        # code point indices of characters that take two UTF-16 units (usually none)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def to_qt(self, i: int) -> int:
        return i + bisect_left(self._astral, i) if self._astral else i

    def from_qt(self, p: int) -> int:
        if not self._astral:
            return p
        lo, hi = 0, p
        while lo < hi:  # largest i with to_qt(i) <= p
            mid = (lo + hi + 1) // 2
            if self.to_qt(mid) <= p:
                lo = mid
            else:
                hi = mid - 1
        return lo


@dataclass(frozen=True)
class Style:
    color: QColor
    layer: str


def styles() -> dict[str, Style]:
    return {d.name: Style(QColor(d.color), d.layer) for d in label_defs()}


CHUNK = 150  # blocks re-highlighted per turn of the event loop


class SpanIndex:
    """Visible spans sorted by start, with the longest length for window queries."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = sorted(
            (s for s in spans if s.state != SpanState.REJECTED), key=lambda s: (s.start, -s.end)
        )
        self.starts = [s.start for s in self.spans]
        self.max_len = max((s.end - s.start for s in self.spans), default=0)

    def overlapping(self, start: int, end: int) -> list[Span]:
        lo = bisect_left(self.starts, start - self.max_len)
        hi = bisect_right(self.starts, end)
        return [s for s in self.spans[lo:hi] if s.start < end and start < s.end]

    def at(self, pos: int) -> list[Span]:
        """Spans covering ``pos``, innermost first, entities before tasks."""
        found = [s for s in self.overlapping(pos, pos + 1)]
        return sorted(found, key=lambda s: (layer_of_label(s.label) == "task", s.end - s.start))


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.index = SpanIndex([])
        self.offsets = QtOffsets("")
        self.styles = styles()
        self.blocks_highlighted = 0  # for the benchmark: proves paints do not recompute
        # text colour per span (offsets and label): the review marks who has each span
        self.marks: dict[tuple[int, int, str], QColor] = {}
        self._pending: set[int] = set()  # block numbers still to re-highlight
        self._draining = False

    def set_spans(self, spans: list[Span], offsets: QtOffsets, rehighlight: bool = True) -> None:
        self._pending.clear()  # a new text, or everything re-highlighted now
        self.index = SpanIndex(spans)
        self.offsets = offsets
        if rehighlight:
            self.rehighlight()

    def update_spans(self, spans: list[Span], ranges: list[tuple[int, int]]) -> None:
        """New span list; re-highlight only the blocks that ``ranges`` touch: at once up to
        ``CHUNK`` blocks (an edit), else ``CHUNK`` blocks per turn of the event loop (new
        proposals over a whole long article), so the window keeps answering."""
        self.index = SpanIndex(spans)
        doc = self.document()
        for start, end in ranges:
            first = doc.findBlock(self.offsets.to_qt(start)).blockNumber()
            last = doc.findBlock(self.offsets.to_qt(max(start, end - 1))).blockNumber()
            self._pending.update(range(max(first, 0), last + 1))
        if len(self._pending) <= CHUNK:
            self._drain()
        elif not self._draining:
            self._draining = True
            QTimer.singleShot(0, self._drain)

    def _drain(self) -> None:
        """Re-highlight up to ``CHUNK`` pending blocks; come back for the rest."""
        doc = self.document()
        for number in sorted(self._pending)[:CHUNK]:
            self._pending.discard(number)
            block = doc.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)
        self._draining = bool(self._pending)
        if self._draining:
            QTimer.singleShot(0, self._drain)

    def _format(self, entity: Span | None, task: Span | None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        for span in (entity, task):
            if span is not None and (mark := self.marks.get((span.start, span.end, span.label))):
                fmt.setForeground(mark)
                break
        if entity is not None:
            color = QColor(self.styles[entity.label].color)
            if entity.state == SpanState.PROPOSED:
                color.setAlpha(110)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(self.styles[entity.label].color.darker(160))
            fmt.setBackground(color)
        if task is not None:
            color = self.styles[task.label].color.darker(150)
            fmt.setUnderlineColor(color)
            fmt.setUnderlineStyle(
                QTextCharFormat.UnderlineStyle.DashUnderline
                if task.state == SpanState.PROPOSED
                else QTextCharFormat.UnderlineStyle.SingleUnderline
            )
            if entity is None and task.state == SpanState.ACCEPTED:
                tint = QColor(self.styles[task.label].color)
                tint.setAlpha(60)
                fmt.setBackground(tint)
        return fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self.blocks_highlighted += 1
        block = self.currentBlock()
        qt_start = block.position()
        start = self.offsets.from_qt(qt_start)
        end = self.offsets.from_qt(qt_start + len(text))
        spans = self.index.overlapping(start, end)
        if not spans:
            return
        cuts = sorted({start, end, *(max(start, s.start) for s in spans), *(min(end, s.end) for s in spans)})
        for a, b in zip(cuts, cuts[1:], strict=False):
            if a >= b:
                continue
            here = [s for s in spans if s.start <= a and b <= s.end]
            entity = next((s for s in here if self.styles[s.label].layer != "task"), None)
            task = next((s for s in here if self.styles[s.label].layer == "task"), None)
            if entity is None and task is None:
                continue
            qa, qb = self.offsets.to_qt(a) - qt_start, self.offsets.to_qt(b) - qt_start
            self.setFormat(qa, qb - qa, self._format(entity, task))
