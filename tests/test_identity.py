"""Who works on a file: another annotator's file asks, the name can be changed, reviewers
are not counted as annotators, progress counts against assignments."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from annotator.model import Status
from annotator.store import NewArticle, Store
from annotator.team import assign
from annotator.text import article_id
from annotator.ui import settings
from annotator.ui.app import create_window

from .conftest import run_cli
from .gui_helpers import ARTICLE, SECOND, close_next_message_box, make_db

TEXTS = [ARTICLE, SECOND, "Bài ba.\nHội nghị tỉnh.", "Bài bốn.\nHuyện ủy họp."]


def _answer(button: str) -> None:
    """Click a button of the identity question as soon as it shows."""

    def click() -> None:
        box = next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == "identityQuestion" and w.isVisible()
            ),
            None,
        )
        if box is None:
            QTimer.singleShot(20, click)
            return
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(20, click)


def _files(tmp_path):  # type: ignore[no-untyped-def]
    master = tmp_path / "master.db"
    make_db(master, TEXTS)
    with Store(master) as s:
        report = assign(s, ["hoa", "minh"], 0.0, tmp_path / "out", seed=1)
    return master, report.files


def test_opening_another_annotators_file_asks_and_can_continue_their_work(qtbot, tmp_path):
    _master, files = _files(tmp_path)
    _answer("workAsOwner")
    w = create_window(files["hoa"], "lan", ask=True)
    qtbot.addWidget(w)
    assert w.annotator == "hoa" and "— hoa —" in w.windowTitle()
    w.mark(Status.SKIPPED)
    with Store(files["hoa"]) as s:
        assert s.annotators(kind="human") == ["hoa"]  # no second annotator crept in
    w.close()


def test_or_start_a_layer_of_your_own_in_it(qtbot, tmp_path):
    _master, files = _files(tmp_path)
    _answer("workAsMe")
    w = create_window(files["hoa"], "lan", ask=True)
    qtbot.addWidget(w)
    assert w.annotator == "lan"
    w.close()
    _answer("workAsMe")  # cancel would return None: nothing opened
    assert create_window(files["minh"], "hoa", ask=True).annotator == "hoa"


def test_the_name_can_be_changed_in_preferences(qtbot, db_path):
    from annotator.ui.dialogs import PreferencesDialog

    make_db(db_path, TEXTS[:2])
    settings.put("annotator/name", "lan")
    w = create_window(db_path, "lan")
    qtbot.addWidget(w)

    def type_name() -> None:
        dialog = w.findChild(PreferencesDialog)
        if dialog is None:
            QTimer.singleShot(20, type_name)
            return
        dialog.name_edit.setText("Lan Anh")
        dialog.accept()

    QTimer.singleShot(20, type_name)
    w.preferences()
    assert w.annotator == "Lan Anh" and settings.get("annotator/name") == "Lan Anh"
    assert "Lan Anh" in w.progress_label.text()
    assert "keeps that name" in w.statusBar().currentMessage()


def test_a_reviewer_who_only_looked_is_not_an_annotator_and_info_counts_assignments(qtbot, tmp_path):
    master, _files_ = _files(tmp_path)
    with Store(master) as s:
        mine = [r[0] for r in s.conn.execute("SELECT article_id FROM assignments WHERE annotator = 'hoa'")]
        for aid in mine:
            s.set_status(aid, "hoa", Status.DONE)
        s.add_article(NewArticle(article_id("Bài năm."), "Bài năm", "Bài năm.", "t", {}, {}))
    w = create_window(master, "reviewer")  # looks at the annotation window (layer seeded)
    qtbot.addWidget(w)
    w.close()
    from annotator.agreement import annotator_progress

    with Store(master) as s:
        rows = {r["annotator"]: r for r in annotator_progress(s)}
    assert set(rows) == {"hoa", "minh"}
    assert rows["hoa"]["assigned"] == rows["hoa"]["done"] == len(mine)
    out = run_cli("info", "--db", str(master)).stdout
    assert f"hoa: {len(mine)}/{len(mine)} done" in out and "annotator:  reviewer" not in out


def test_one_window_per_person_per_file(tmp_path):
    """The issue's case: the same annotator in two windows on one file ended with data
    neither window showed. The second window for the same person is refused; another
    person, or the same person after the first window is gone, is not."""
    from annotator.session_lock import SessionLock

    db = tmp_path / "a.db"
    first = SessionLock(db, "lan")
    assert first.acquire()
    assert not SessionLock(db, "lan").acquire()
    other = SessionLock(db, "minh")
    assert other.acquire()
    other.release()
    first.release()
    assert SessionLock(db, "lan").acquire()


def test_a_killed_window_leaves_no_lock_behind(tmp_path):
    import subprocess
    import sys

    db = tmp_path / "a.db"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from annotator.session_lock import "
            f"SessionLock; lock = SessionLock(__import__('pathlib').Path({str(db)!r}), 'lan'); "
            "lock.acquire(); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    from annotator.session_lock import SessionLock

    assert not SessionLock(db, "lan").acquire()
    holder.kill()
    holder.wait()
    assert SessionLock(db, "lan").acquire()


def test_starting_the_app_twice_for_one_person_says_why(qtbot, db_path):
    from annotator.ui.app import start

    make_db(db_path, TEXTS[:2])
    settings.put("annotator/name", "lan")
    w = start([str(db_path)])
    qtbot.addWidget(w)
    seen: list[str] = []
    close_next_message_box(seen)
    assert start([str(db_path)]) == 2
    assert seen == ["corpus.db is already open for lan in another window; work there, or close it first."]
    w.close()
    again = start([str(db_path)])  # the first window is closed: the file is free
    qtbot.addWidget(again)
    assert again.annotator == "lan"
    again.close()


def test_opening_a_file_someone_has_open_as_you_is_refused(qtbot, tmp_path, db_path):
    from annotator.session_lock import SessionLock
    from annotator.ui.app import start

    make_db(db_path, TEXTS[:2])
    other = tmp_path / "other.db"
    make_db(other, TEXTS[2:])
    settings.put("annotator/name", "lan")
    w = start([str(db_path)])
    qtbot.addWidget(w)
    held = SessionLock(other, "lan")  # "lan" has other.db open in another window
    assert held.acquire()
    assert w.open_database(other) is False
    box = next(b for b in w.findChildren(QMessageBox) if b.isVisible())
    assert box.text() == (
        "other.db is already open for lan in another window; work there, or close it first."
    )
    assert w.store.path == db_path  # still working on the first file
    held.release()
    w.close()
