"""File > Export: the dialog, driven from the keyboard, writes the dataset in the background."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.model import GOLD, Span, SpanState, Status
from annotator.store import Store
from annotator.ui.app import create_window
from annotator.ui.export_dialog import ExportDialog

from .gui_helpers import ARTICLE, SECOND, make_db, settle

GOLD_SPANS = [
    ("OFFICIAL", "Nguyễn Văn Hòa"),
    ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy"),
    ("DIRECTIVE", "Chỉ thị số 05-CT/TW"),
    ("TASK", "tiếp tục thực hiện Chỉ thị số 05-CT/TW"),
]


@pytest.fixture
def window(qtbot, db_path):
    ids = make_db(db_path, [ARTICLE, SECOND])
    with Store(db_path) as s:
        for label, needle in GOLD_SPANS:
            start = ARTICLE.index(needle)
            s.add_span(
                ids[0], GOLD, Span(start, start + len(needle), label, state=SpanState.ACCEPTED), actor="hoa"
            )
        for aid in ids:
            s.set_status(aid, GOLD, Status.DONE)
    w = create_window(db_path, "lan")
    qtbot.addWidget(w)
    w.show()
    settle(w, qtbot)
    return w


def open_dialog(window, qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    assert window.named_actions["export"].isEnabled()
    assert window.named_actions["export"].shortcut().toString() == "Ctrl+E"
    window.named_actions["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # as on a desktop, the dialog is the active window (offscreen Qt does not do it itself);
    # otherwise the annotation window's one-key shortcuts would take the keys typed here
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    return dialog


def test_export_from_the_menu_writes_the_files(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "dataset"
    # everything from the keyboard: format (conll is second), folder, Enter
    dialog.format_box.setFocus()
    qtbot.keyClick(dialog.format_box, Qt.Key.Key_Down)
    assert dialog.format_box.currentData() == "conll"
    assert dialog.level_box.isEnabled()
    dialog.level_box.setFocus()
    qtbot.keyClick(dialog.level_box, Qt.Key.Key_Down)
    assert dialog.level_box.currentData() == "syllable"
    dialog.out_edit.setFocus()
    dialog.out_edit.selectAll()
    qtbot.keyClicks(dialog.out_edit, str(out))
    assert dialog.out_edit.text() == str(out)
    qtbot.keyClick(dialog.out_edit, Qt.Key.Key_Return)
    assert dialog.export_thread is not None  # Enter started the export
    qtbot.waitUntil(lambda: dialog.last_report is not None or dialog.last_error is not None, timeout=60000)
    assert dialog.last_error is None
    assert dialog.last_report.summary().startswith("2 articles (all 2), 4 spans, layer gold")
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "all.syllable.conll",
        "all.syllable.entities.conll",
        "all.syllable.tasks.conll",
    ]
    lines = (out / "all.syllable.conll").read_text(encoding="utf-8").splitlines()
    assert "Nguyễn B-OFFICIAL O" in lines and "tiếp O B-TASK" in lines
    box = window.findChild(QMessageBox, "exportSummary")
    assert box is not None and "2 articles" in box.text()
    qtbot.waitUntil(lambda: not window._threads, timeout=10000)


def test_a_bad_split_is_said_and_nothing_is_written(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "dataset"
    dialog.out_edit.setText(str(out))
    dialog.split_edit.setText("train=0.9,test=0.2")
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_error is not None, timeout=30000)
    assert "the shares sum to 1.1, not 1" in dialog.last_error
    box = dialog.findChild(QMessageBox, "exportError")
    assert box is not None and "1.1" in box.text()
    assert dialog.isVisible() and not out.exists()  # the options can be fixed and tried again

    dialog.split_edit.setText("train=0.5,test=0.5")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("jsonl"))
    dialog.start_export()
    qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=30000)
    ids = {
        json.loads(line)["id"]
        for name in ("train", "test")
        for line in (out / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    }
    assert len(ids) == 2
    qtbot.waitUntil(lambda: not window._threads, timeout=10000)


def test_a_non_empty_folder_is_refused_in_the_windows_words(window, qtbot, tmp_path):
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "dataset"
    out.mkdir()
    (out / "keep.txt").write_text("x", encoding="utf-8")
    dialog.out_edit.setText(str(out))
    assert dialog.start_export() is None
    assert "--force" not in dialog.last_error
    assert "tick “Replace the folder if it is not empty”" in dialog.last_error
    assert (out / "keep.txt").exists()
