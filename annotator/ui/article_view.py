"""The article view: read-only text with span highlights, hover details, click to select."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from annotator.model import Span
from annotator.ui.highlight import QtOffsets, SpanHighlighter
from annotator.ui.i18n import label_title, tr
from annotator.ui.models import STATE_TEXT, origin_text
from annotator.ui.safe import plain_tip


class AnnotationView(QPlainTextEdit):
    """Shows one article. Emits ``spanClicked`` with the span under a plain click."""

    spanClicked = Signal(object)  # Span or None
    contextRequested = Signal(object, QPoint)  # Span or None, global position

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("articleText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.highlighter = SpanHighlighter(self.document())
        self.offsets = QtOffsets("")
        self.text = ""
        self._press: QPoint | None = None
        self._current: list[QTextEdit.ExtraSelection] = []
        self._found: list[QTextEdit.ExtraSelection] = []
        self.query = ""

    # -- content -----------------------------------------------------------------------

    def show_article(self, text: str, spans: list[Span]) -> None:
        self.text = text
        self.offsets = QtOffsets(text)
        # set the spans first, then the text: the highlighter runs once per block
        self.highlighter.set_spans(spans, self.offsets, rehighlight=False)
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._found = []
        self.set_current(None)
        if self.query:
            self.show_matches(self.query)

    def show_matches(self, query: str) -> int:
        """Outline where the search ``query`` occurs in the text; returns how many times."""
        from annotator.nlp.fold import find_matches

        self.query = query
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(QColor("#e65100"))
        fmt.setFontWeight(700)
        self._found = []
        for start, end in find_matches(self.text, query) if query.strip() else []:
            sel = QTextEdit.ExtraSelection()
            sel.cursor, sel.format = self.cursor_for(start, end), fmt
            self._found.append(sel)
        self.setExtraSelections(self._found + self._current)
        if self._found and not self._current:
            self.setTextCursor(QTextCursor(self._found[0].cursor.block()))
            self.ensureCursorVisible()
        return len(self._found)

    def set_marks(self, marks: dict[tuple[int, int, str], QColor], render: bool = True) -> None:
        """Colour each span's text by who has it (the review window's marks)."""
        self.highlighter.marks = marks
        if render:
            self.highlighter.rehighlight()

    def update_spans(self, spans: list[Span], ranges: list[tuple[int, int]]) -> None:
        self.highlighter.update_spans(spans, ranges)

    def set_current(self, span: Span | None) -> None:
        """Mark the current span (the one keys act on) and scroll it into view."""
        if span is None:
            self._current = []
            self.setExtraSelections(self._found)
            return
        sel = QTextEdit.ExtraSelection()
        cursor = self.cursor_for(span.start, span.end)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffd54f"))
        fmt.setForeground(QColor("#000000"))
        sel.cursor, sel.format = cursor, fmt
        self._current = [sel]
        self.setExtraSelections(self._found + self._current)
        end_cursor = QTextCursor(self.document())
        end_cursor.setPosition(self.offsets.to_qt(span.start))
        self.setTextCursor(end_cursor)
        self.ensureCursorVisible()

    # -- offsets -----------------------------------------------------------------------

    def cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select(self, start: int, end: int) -> None:
        self.setTextCursor(self.cursor_for(start, end))

    def selection(self) -> tuple[int, int] | None:
        """The selected range in code point offsets, or None."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        return self.offsets.from_qt(c.selectionStart()), self.offsets.from_qt(c.selectionEnd())

    def span_at(self, point: QPoint) -> Span | None:
        pos = self.offsets.from_qt(self.cursorForPosition(point).position())
        found = self.highlighter.index.at(pos)
        return found[0] if found else None

    # -- mouse -------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        span = self.span_at(event.position().toPoint())
        if span is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), plain_tip(self.describe(span)), self.viewport())

    def describe(self, span: Span) -> str:
        """The tooltip of a span: label, state, where it came from, confidence."""
        conf = f" · {span.confidence:.2f}" if span.confidence is not None else ""
        return f"{label_title(span.label)} · {tr(STATE_TEXT[span.state])} · {origin_text(span.origin)}{conf}"

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        moved = (event.position().toPoint() - self._press).manhattanLength()
        if moved < 4 and not self.textCursor().hasSelection():
            self.spanClicked.emit(self.span_at(event.position().toPoint()))

    def _context_menu(self, point: QPoint) -> None:
        span = self.span_at(point)
        if span is not None:
            self.spanClicked.emit(span)
        self.contextRequested.emit(span, self.viewport().mapToGlobal(point))
