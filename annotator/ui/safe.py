"""Text from files (titles, sources, span origins, annotator names) shown as text, never
as markup: Qt renders anything that looks like HTML as rich text (tooltips, labels,
message boxes), and rich text can load local files (``<img src="file:///...">``).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def escape(text: str) -> str:
    """``text`` for a rich-text place: markup shown as characters, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly (a tooltip guesses rich text otherwise)."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def message(
    parent: QWidget | None, title: str, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Critical
) -> QMessageBox:
    """A message box whose text is plain text, whatever it contains; shown, not blocking."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.open()
    return box
