"""The installed Qt binding must not corrupt reference counts.

PySide6 6.12.0 decrements None's reference count on every call of a void setter; on
Python 3.11 (where None is not immortal) the highlighter crashes the app after a few
thousand calls ("deallocating None"). pyproject.toml excludes that release; this test
catches the bug in whatever release is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QTextCharFormat


def test_void_setters_keep_none_alive():
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(2000):
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setBackground(QColor("red"))
    assert sys.getrefcount(None) - before > -100
