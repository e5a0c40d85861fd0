"""Menus, first start, preferences, languages and help windows."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from annotator.model import label_defs, use_label_config
from annotator.proposals import PROPOSER_NAME
from annotator.store import Store
from annotator.ui import i18n, settings
from annotator.ui.app import create_window, start
from annotator.ui.dialogs import PreferencesDialog

from .conftest import DEV_GOLD
from .gui_helpers import ARTICLE, SECOND, make_db, settle


@pytest.fixture
def window(qtbot, db_path):
    make_db(db_path, [ARTICLE, SECOND])
    w = create_window(db_path, "lan")
    qtbot.addWidget(w)
    w.show()
    settle(w, qtbot)
    return w


def test_first_start_asks_for_the_name_and_remembers_it(qtbot, monkeypatch, db_path):
    make_db(db_path, [ARTICLE])
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(1), ("Lan Anh", True))[1])
    w = start([str(db_path)])
    qtbot.addWidget(w)
    assert asked == [1]
    assert settings.get("annotator/name") == "Lan Anh"
    assert " — Lan Anh — " in w.windowTitle()
    settle(w, qtbot)
    w.close()
    again = start([str(db_path)])  # second start: no question
    qtbot.addWidget(again)
    assert asked == [1]


def test_import_files_from_the_menu_shows_the_summary(window, qtbot, monkeypatch, tmp_path):
    f = tmp_path / "moi.txt"
    f.write_text("Bài mới\nĐồng chí Lê Văn A phát biểu.", encoding="utf-8")
    bad = tmp_path / "hong.txt"
    bad.write_bytes(b"\x00\x01binary")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f), str(bad)], ""))
    window.named_actions["importFiles"].trigger()
    dialog = window.import_dialog  # the options and a preview first; Enter imports
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert "“Bài mới”" in dialog.summary.text() and "0 spans as proposals" in dialog.summary.text()
    qtbot.keyClick(dialog.map_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=30000)
    assert window.last_import.summary() == "1 new, 0 duplicates, 1 failed"
    box = window.findChild(QMessageBox, "importSummary")
    assert box is not None and "1 new" in box.text() and "binary" in box.detailedText()
    assert "hong.txt" in box.informativeText() and "binary" in box.informativeText()
    assert window.articles.rowCount() == 3


def test_propose_for_all_articles_from_the_menu(window, qtbot, db_path):
    with Store(db_path) as s:  # the open article was proposed in the background already
        assert len(s.articles_without_proposals(PROPOSER_NAME)) == 1
    thread = window.propose_all()
    qtbot.waitUntil(thread.isFinished, timeout=120000)
    QApplication.processEvents()
    with Store(db_path) as s:
        assert s.articles_without_proposals(PROPOSER_NAME) == []
    assert "Proposed" in window.statusBar().currentMessage()


def test_preferences_change_the_font_and_language(window, monkeypatch):
    def fake_exec(dialog: PreferencesDialog) -> int:
        dialog.size_box.setValue(21)
        dialog.language_box.setCurrentIndex(dialog.language_box.findData("vi"))
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)
    window.named_actions["preferences"].trigger()
    assert window.view.font().pointSize() == 21
    assert settings.get("ui/language") == "vi"
    assert i18n.chosen_language() == "vi"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Tệp"
    # the open window is Vietnamese at once, not after a restart
    from PySide6.QtCore import Qt

    assert [a.text() for a in window.menuBar().actions()][:3] == ["&Tệp", "&Sửa", "&Gán nhãn"]
    assert window.named_actions["labelOFFICIAL"].text() == "Gán nhãn Cán bộ"
    assert window.palette_bar.buttons["OFFICIAL"].text() == "1  Cán bộ"
    assert window.left_dock.windowTitle() == "Bài viết"
    assert window.status_filter.itemText(0) == "Tất cả các bài"
    assert window.articles.headerData(0, Qt.Orientation.Horizontal) == "Trạng thái"
    shown = {
        window.span_model.data(window.span_model.index(r, 0)) for r in range(window.span_model.rowCount())
    }
    assert shown and shown <= {"Cán bộ", "Tổ chức", "Văn bản", "Nhiệm vụ"}
    assert "Preferences" not in window.statusBar().currentMessage()
    i18n.install(QApplication.instance(), "en")
    window.retranslate()
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert window.named_actions["labelOFFICIAL"].text() == "Label as Official"


def test_vietnamese_interface(qtbot, db_path):
    make_db(db_path, [ARTICLE])
    i18n.install(QApplication.instance(), "vi")
    try:
        w = create_window(db_path, "lan")
        qtbot.addWidget(w)
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[:3] == ["&Tệp", "&Sửa", "&Gán nhãn"]
        assert (
            w.articles.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
            == "Trạng thái"
        )
        guide = w.show_guidelines().browser.toPlainText()  # F1: in the interface's language
        assert guide.startswith("Hướng dẫn gán nhãn") and ".jsonl" not in guide
        from PySide6.QtWidgets import QDialogButtonBox

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    finally:
        i18n.install(QApplication.instance(), "en")


def test_label_configuration_changes_colours_and_keys(tmp_path):
    custom = tmp_path / "labels.json"
    custom.write_text(
        json.dumps({"labels": [{"name": "TASK", "color": "#123456", "key": "9"}]}), encoding="utf-8"
    )
    try:
        use_label_config(custom)
        task = next(d for d in label_defs() if d.name == "TASK")
        assert (task.color, task.key) == ("#123456", "9")
    finally:
        use_label_config(None)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"labels": [{"name": "PERSON"}]}), encoding="utf-8")
    with pytest.raises(Exception, match="unknown label 'PERSON'"):
        use_label_config(bad)


def test_help_shows_guidelines_and_every_shortcut(window):
    guide = window.show_guidelines()
    assert "OFFICIAL" in guide.browser.toPlainText()
    assert ".jsonl" not in guide.browser.toPlainText()  # no developer files for annotators
    sheet = window.show_shortcuts()
    rows = {
        sheet.table.item(r, 1).text(): sheet.table.item(r, 0).text() for r in range(sheet.table.rowCount())
    }
    assert rows["Next proposal"] == "N" and rows["Accept proposal"].startswith("A")
    assert rows["Label as Task"] == "4" and rows["Mark done, next article"] == "D"


def test_open_another_database(window, qtbot, tmp_path):
    other = tmp_path / "other.db"
    with Store(other) as s:
        from annotator.importer import import_paths

        import_paths(s, [DEV_GOLD])
    assert window.open_database(other)
    assert window.articles.rowCount() == 14
    assert window.windowTitle().startswith("other.db — lan")


def test_every_string_the_window_can_show_has_a_vietnamese_translation(tmp_path):
    """lupdate over the interface's sources (and the refusals of annotator/edits.py): a new
    visible string without a Vietnamese translation fails here, and the shipped .qm is the
    one built from the current strings."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tools"))
    try:
        from update_translations import VI
    finally:
        sys.path.pop(0)
    sources = sorted(str(p) for p in (root / "annotator" / "ui").glob("*.py"))
    sources.append(str(root / "annotator" / "edits.py"))
    ts = tmp_path / "check.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-no-obsolete", "-ts", str(ts)], check=True, capture_output=True)
    import html

    found = {
        html.unescape(m) for m in re.findall(r"<source>(.*?)</source>", ts.read_text(encoding="utf-8"), re.S)
    }
    assert found and sorted(found - VI.keys()) == []
    shipped = (root / "resources" / "translations" / "annotator_vi.ts").read_text("utf-8")
    assert 'type="unfinished"' not in shipped
    in_shipped = {html.unescape(m) for m in re.findall(r"<source>(.*?)</source>", shipped, re.S)}
    assert sorted(found - in_shipped) == [], "run python tools/update_translations.py"


def test_settings_edited_by_hand_never_stop_the_app(qtbot, tmp_path):
    """Every setting has one home with its default; a value a person typed into the
    settings file that is not what the app wrote gives the default, not a crash."""
    from annotator.ui import settings

    settings.put(settings.FONT_SIZE, "large")
    settings.put(settings.HINT_SEEN, "false")
    settings.put(settings.RETRAIN_EVERY, "often")
    assert settings.number(settings.FONT_SIZE) == settings.DEFAULTS[settings.FONT_SIZE]
    assert settings.flag(settings.HINT_SEEN) is False
    from annotator.ui.learning import retrain_every

    assert retrain_every() == settings.DEFAULTS[settings.RETRAIN_EVERY]
    settings.put(settings.HINT_SEEN, True)
    assert settings.flag(settings.HINT_SEEN) is True


def test_the_import_dialog_previews_maps_labels_and_imports_as_accepted_work(
    window, qtbot, monkeypatch, tmp_path
):
    text = "😀 Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa chỉ đạo Sở Y tế khẩn trương rà soát."

    def at(needle: str) -> dict:  # Label Studio counts UTF-16 units
        i = text.index(needle)
        units = len(text[:i].encode("utf-16-le")) // 2
        return {"start": units, "end": units + len(needle)}

    result = [
        {"type": "labels", "value": {**at("Tỉnh ủy"), "labels": ["ORG"]}},
        {"type": "labels", "value": {**at("Nguyễn Văn Hòa"), "labels": ["PER"]}},
        {"type": "labels", "value": {**at("Sở Y tế"), "labels": ["ORG"]}},
    ]
    f = tmp_path / "project.json"
    f.write_text(
        json.dumps([{"data": {"text": text}, "annotations": [{"result": result}]}]), encoding="utf-8"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f)], ""))
    window.named_actions["importFiles"].trigger()
    dialog = window.import_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    # told by content; nothing written while choosing
    assert "0 spans as proposals" in dialog.summary.text()
    assert "ORG ×2" in dialog.summary.text() and "PER ×1" in dialog.summary.text()
    dialog.map_edit.setFocus()
    qtbot.keyClicks(dialog.map_edit, "PER=OFFICIAL, ORG=ORGANIZATION")
    dialog.refresh()
    assert "3 spans as proposals" in dialog.summary.text()
    assert [dialog.span_table.item(r, 0).text() for r in range(3)] == ["Tỉnh ủy", "Nguyễn Văn Hòa", "Sở Y tế"]
    assert len(dialog.text_view.extraSelections()) == 3
    dialog.as_box.setCurrentIndex(dialog.as_box.findData("gold"))
    assert "3 spans as gold" in dialog.summary.text()
    dialog.as_box.setCurrentIndex(dialog.as_box.findData("accepted"))
    assert dialog.annotator_edit.text() == "lan" and dialog.annotator_edit.isEnabled()
    assert dialog.summary.text().split("\n")[0].endswith("3 spans as accepted by lan")
    dialog.done_box.setChecked(True)
    assert "3 spans as accepted by lan, done" in dialog.summary.text()
    dialog.as_box.setCurrentIndex(dialog.as_box.findData("gold"))
    assert "3 spans as gold, approved" in dialog.summary.text()
    dialog.as_box.setCurrentIndex(dialog.as_box.findData("accepted"))
    dialog.annotator_edit.setText("gold")  # a layer, not a person: said, Import disabled
    dialog.refresh()
    assert "choose a person" in dialog.summary.text() and not dialog.import_button.isEnabled()
    dialog.annotator_edit.setText("lan")
    dialog.refresh()
    with Store(window.store.path) as s:
        assert len(s.article_ids()) == 2  # still nothing written
    qtbot.keyClick(dialog.map_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hasattr(window, "last_import"), timeout=30000)
    assert window.last_import.summary().startswith(
        "1 new, 0 duplicates, 0 failed, 3 spans as accepted by lan"
    )
    with Store(window.store.path) as s:
        new = [a for a in s.article_ids() if s.article(a).text == text]
        assert len(new) == 1 and s.status(new[0], "lan") == "done"
        assert {text[x.start : x.end] for x in s.spans(new[0], "lan")} == {
            "Tỉnh ủy",
            "Nguyễn Văn Hòa",
            "Sở Y tế",
        }


def test_the_import_dialog_says_when_no_article_can_be_read(window, qtbot, tmp_path):
    bad = tmp_path / "hong.txt"
    bad.write_bytes(b"\x00\x01binary")
    dialog = window.ask_import([bad])
    assert dialog.summary.text().startswith("No article could be read.")
    assert "binary" in dialog.summary.text() and not dialog.import_button.isEnabled()
    dialog.as_box.setCurrentIndex(dialog.as_box.findData("gold"))
    dialog.reject()
