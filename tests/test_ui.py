"""The window over a real database: its articles, the samples on first run, bad files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.importer import import_paths
from annotator.store import Store
from annotator.ui.app import create_window

from .conftest import DEV_GOLD, ROOT
from .gui_helpers import settle


@pytest.fixture
def gold_window(qtbot, db_path):
    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
    window = create_window(db_path, "lan")
    qtbot.addWidget(window)
    window.show()
    settle(window, qtbot)
    return window


def test_window_lists_the_articles_of_the_database(gold_window):
    window = gold_window
    assert window.articles.rowCount() == 14
    assert window.windowTitle().startswith("corpus.db — lan")
    titles = [window.articles.index(i, 1).data() for i in range(14)]
    assert titles[1].startswith("Bắc Kạn: Linh hoạt")


def test_keyboard_moves_through_articles_and_shows_imported_spans(gold_window, qtbot):
    window = gold_window
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    settle(window, qtbot)
    assert window.view.text.startswith("Bắc Kạn: Linh hoạt")
    shown = {window.view.text[s.start : s.end] for s in window.view.highlighter.index.spans}
    assert {"Trần Thị Lộc", "Ban Tuyên giáo Trung ương", "Đảng"} <= shown


def test_first_run_imports_the_bundled_samples(qtbot, _isolated_home):
    window = create_window(None, "lan")
    qtbot.addWidget(window)
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    assert window.articles.rowCount() == len(samples) >= 3
    assert (_isolated_home / "annotations.db").exists()
    settle(window, qtbot)
    window.close()
    again = create_window(None, "lan")  # second start: no re-import
    qtbot.addWidget(again)
    assert again.articles.rowCount() == len(samples)
    settle(again, qtbot)


def test_bad_database_shows_a_message_not_a_traceback(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    bad = tmp_path / "bad.db"
    bad.write_text("not a db", encoding="utf-8")
    window = create_window(tmp_path / "ok.db", "lan")
    qtbot.addWidget(window)
    assert window.open_database(bad) is False
    [box] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert box.text() == f"{bad}: not an SQLite database (the file starts with other data)"
    assert box.textFormat() == Qt.TextFormat.PlainText  # a file name is never markup
    assert window.store.path == tmp_path / "ok.db"


def test_missing_window_libraries_are_named_with_their_packages():
    """What a minimal Linux lacks is said before Qt aborts (exit 134 with a misleading
    message): here with a library no system has, and the real list loads on this one."""
    from annotator.ui.app import missing_system_libraries

    assert missing_system_libraries({"libnot-there.so.9": "libnot-there9"}) == {
        "libnot-there.so.9": "libnot-there9"
    }
    assert missing_system_libraries({"libc.so.6": "libc6"}) == {}
