"""The minimal window: opens a database, lists its articles, shows text and stored spans."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.importer import import_paths
from annotator.store import Store
from annotator.ui.app import create_window

from .conftest import DEV_GOLD, ROOT


def test_window_lists_the_articles_of_the_database(qtbot, db_path):
    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
    window = create_window(db_path)
    qtbot.addWidget(window)
    window.show()
    assert window.articles.rowCount() == 14
    assert window.windowTitle().startswith("corpus.db")
    titles = [window.articles.index(i).data() for i in range(14)]
    assert titles[1].startswith("Bắc Kạn: Linh hoạt")


def test_keyboard_moves_through_articles_and_shows_spans(qtbot, db_path):
    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
    window = create_window(db_path)
    qtbot.addWidget(window)
    window.show()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down)
    text = window.text_view.toPlainText()
    assert text.startswith("Bắc Kạn: Linh hoạt")
    highlighted = {sel.cursor.selectedText() for sel in window.text_view.extraSelections()}
    assert {"Trần Thị Lộc", "Ban Tuyên giáo Trung ương", "Đảng"} <= highlighted


def test_first_run_imports_the_bundled_samples(qtbot, _isolated_home):
    window = create_window()
    qtbot.addWidget(window)
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    assert window.articles.rowCount() == len(samples) >= 3
    assert (_isolated_home / "annotations.db").exists()
    # second start: no re-import
    window.store.close()
    again = create_window()
    qtbot.addWidget(again)
    assert again.articles.rowCount() == len(samples)


def test_import_from_the_window_updates_the_list(qtbot, tmp_path, db_path):
    window = create_window(db_path)
    qtbot.addWidget(window)
    f = tmp_path / "a.txt"
    f.write_text("Tiêu đề\nNội dung bài.", encoding="utf-8")
    report = window.import_paths([f])
    assert report.new == 1 and window.articles.rowCount() == 1


def test_bad_database_shows_a_message_not_a_traceback(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "bad.db"
    bad.write_text("not a db", encoding="utf-8")
    window = create_window(tmp_path / "ok.db")
    qtbot.addWidget(window)
    assert window.open_database(bad) is False
    assert shown == [f"{bad}: not an SQLite database (the file starts with other data)"]
    assert window.store.path == tmp_path / "ok.db"
