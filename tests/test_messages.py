"""The messages of the annotation window, each reached the way a user reaches it, in one
sentence and never with SQLite's words or a file path."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from annotator.errors import StoreError
from annotator.ui.app import create_window
from annotator.ui.i18n import explain

from .gui_helpers import (
    ARTICLE,
    click_on,
    close_next_message_box,
    make_db,
    open_window,
    select_text,
    settle,
)

PROPOSALS = {0: [("ORGANIZATION", "Tỉnh uỷ"), ("OFFICIAL", "Nguyễn Văn Hòa")]}


@pytest.fixture
def window(qtbot, db_path):
    return open_window(qtbot, db_path, PROPOSALS)


def said(window) -> str:  # type: ignore[no-untyped-def]
    return window.statusBar().currentMessage()


def key(qtbot, w, k, mod=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    qtbot.keyClick(w.view, k, mod)


def test_keys_with_nothing_to_act_on_say_what_to_do(window, qtbot):
    assert not window.named_actions["undo"].isEnabled() and not window.named_actions["redo"].isEnabled()
    key(qtbot, window, Qt.Key.Key_1)
    assert said(window) == "Select some text or a span first"
    key(qtbot, window, Qt.Key.Key_A)
    assert said(window) == "Select a span first (N: next proposal)"
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert said(window) == "Select a span first (N: next proposal)"


def test_labelling_what_is_already_labelled_and_an_empty_selection(window, qtbot):
    select_text(window, "hội nghị")
    key(qtbot, window, Qt.Key.Key_4)
    select_text(window, "hội nghị")
    key(qtbot, window, Qt.Key.Key_4)
    assert said(window) == "Already labelled"
    select_text(window, ".")  # only punctuation: nothing to label
    key(qtbot, window, Qt.Key.Key_2)
    assert said(window) == "The selection holds no text to label."


def test_relabelling_over_an_accepted_span_says_it_replaced_it(window, qtbot):
    select_text(window, "Tỉnh uỷ")
    key(qtbot, window, Qt.Key.Key_2)  # accept the proposal by labelling it
    select_text(window, "Tỉnh uỷ Nguyễn Văn Hòa")
    key(qtbot, window, Qt.Key.Key_1)
    assert said(window) == "Replaced 1 overlapping span(s)"


def test_deciding_every_proposal_then_asking_for_more(window, qtbot):
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert said(window) == "Accepted 2 proposal(s)"
    key(qtbot, window, Qt.Key.Key_N)
    assert said(window) == "No more proposals in this article"
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert said(window) == "No proposals to accept"


def test_a_boundary_at_the_end_of_the_text_cannot_move_further(window, qtbot):
    text = window.view.text
    select_text(window, "tuyên truyền")
    key(qtbot, window, Qt.Key.Key_4)
    assert window.controller.current.end == len(text) - 1  # before the final "."
    key(qtbot, window, Qt.Key.Key_BracketRight)  # onto the "."
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert said(window) == "The boundary cannot move further"


def test_undo_and_redo_say_what_they_did(window, qtbot):
    click_on(window, qtbot, "Tỉnh uỷ")
    key(qtbot, window, Qt.Key.Key_X)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert said(window) == "Undone: Reject"


def test_an_edit_while_another_program_holds_the_database_is_refused_and_kept(window, qtbot, db_path):
    """The issue's case: Ctrl+Z and D under another program's lock raised uncaught errors
    and lost the undo step. Now: one sentence, nothing changed, and the step still there."""
    click_on(window, qtbot, "Tỉnh uỷ")
    key(qtbot, window, Qt.Key.Key_X)
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert said(window) == (
            "Could not undo: Another program is using the database; "
            "nothing was changed. Try again in a moment."
        )
        click_on(window, qtbot, "Nguyễn Văn Hòa")
        key(qtbot, window, Qt.Key.Key_A)
        assert said(window) == (
            "Another program is using the database; nothing was changed. Try again in a moment."
        )
        assert str(db_path) not in said(window)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    click_on(window, qtbot, "Nguyễn Văn Hòa")
    key(qtbot, window, Qt.Key.Key_A)  # the lock is gone: it works
    assert window.controller.current is None or window.controller.current.state != "proposed"


def test_every_database_problem_has_its_sentence():
    for kind in ("locked", "readonly", "full", "corrupt", "open", "other"):
        text = explain(StoreError("/some/path/x.db: database error: disk I/O error", kind))
        assert text.endswith("nothing was changed.") or text.endswith("in a moment.")
        assert "/some/path" not in text and "I/O" not in text


def test_no_article_left_at_all(window, qtbot):
    window.mark(__import__("annotator.model").model.Status.DONE, "accept")
    window.mark(__import__("annotator.model").model.Status.DONE, "accept")
    assert said(window) == "All articles are done"


def test_two_windows_on_one_file_never_overwrite_each_other(window, qtbot, db_path):
    """The same person in two windows: the second decision on a span the other window
    changed is refused as stale (nothing is overwritten), and says how to see the change."""
    other = create_window(db_path, "lan")
    qtbot.addWidget(other)
    settle(other, qtbot)
    official = next(s for s in other.controller.spans if s.label == "OFFICIAL")
    other.controller.set_current(official)  # a click in its span list
    other.named_actions["accept"].trigger()  # A in the second window
    mine = next(s for s in window.controller.spans if s.label == "OFFICIAL")
    window.controller.set_current(mine)
    window.named_actions["reject"].trigger()  # X in the first window
    assert said(window) == (
        "This article was changed outside this window (another window or "
        "a merge); open it again to see the changes."
    )
    from .gui_helpers import layer

    assert ("OFFICIAL", "Nguyễn Văn Hòa", "accepted") in layer(db_path)


def test_a_span_that_exists_already_is_refused_in_words(window):
    from annotator.edits import Change, Plan, Refused
    from annotator.model import Span

    text = window.view.text
    i = text.index("hội nghị")
    c = window.controller
    c.session.apply(c.article_id, Plan("x", (Change(None, Span(i, i + 8, "TASK")),)))
    with pytest.raises(Refused) as err:
        c.session.apply(c.article_id, Plan("x", (Change(None, Span(i, i + 8, "TASK")),)))
    assert explain(err.value) == ("There is already an accepted Task span at exactly these characters.")


def test_an_article_where_the_proposer_finds_nothing_says_so(qtbot, db_path):
    make_db(db_path, ["Trời hôm nay nắng đẹp."])
    w = create_window(db_path, "lan")
    qtbot.addWidget(w)
    messages: list[str] = []
    w.controller.message.connect(messages.append)
    settle(w, qtbot)
    assert "The proposer found nothing new in this article" in messages


def test_a_failed_background_analysis_is_told_in_one_line(window, qtbot):
    """What the window says when the worker process fails on an article (its signal, as
    the worker sends it)."""
    window.controller.jobs.failed.emit(window.controller.article_id, "the worker stopped")
    assert said(window) == "Could not propose spans: the worker stopped"


def test_redo_refused_when_another_window_changed_the_span(window, qtbot, db_path):
    mine = next(s for s in window.controller.spans if s.label == "OFFICIAL")
    window.controller.set_current(mine)
    window.named_actions["accept"].trigger()
    window.named_actions["undo"].trigger()
    other = create_window(db_path, "lan")
    qtbot.addWidget(other)
    theirs = next(s for s in other.controller.spans if s.label == "OFFICIAL")
    other.controller.set_current(theirs)
    other.named_actions["reject"].trigger()
    window.named_actions["redo"].trigger()
    assert said(window).startswith("Could not redo: This article was changed outside")


def test_matches_in_the_open_article_are_counted(window, qtbot):
    window.search_box.setText("tinh uy")
    qtbot.waitUntil(lambda: "match(es) in this article" in said(window))
    assert said(window) == ("1 article(s) match; Enter or Down opens them · 2 match(es) in this article")


def test_a_failed_training_is_told_in_one_line(window):
    window.learning.learning.failed.emit("not enough finished articles")
    assert said(window) == "Could not train the learned model: not enough finished articles"


def test_export_without_a_folder_says_to_choose_one(window, qtbot):
    dialog = window.export()
    qtbot.addWidget(dialog)
    dialog.out_edit.setText("")
    assert dialog.start_export() is None
    assert dialog.last_error == "Choose an output folder"


def test_preferences_saved_is_said(window, monkeypatch):
    from annotator.ui.dialogs import PreferencesDialog

    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: 1)
    window.preferences()
    assert said(window) == "Preferences saved; a new label configuration applies from the next start"


def test_a_broken_label_configuration_is_said_at_start(qtbot, db_path, tmp_path):

    from annotator.model import use_label_config
    from annotator.ui import settings
    from annotator.ui.app import start

    make_db(db_path, [ARTICLE])
    bad = tmp_path / "labels.json"
    bad.write_text('{"labels": [{"name": "PERSON"}]}', encoding="utf-8")
    settings.put("ui/labels_path", str(bad))
    settings.put("annotator/name", "lan")
    seen: list[str] = []
    close_next_message_box(seen)
    try:
        w = start([str(db_path)])
        qtbot.addWidget(w)
    finally:
        use_label_config(None)
    assert seen and seen[0].startswith(
        f"The label configuration {bad} cannot be used; the default labels are used."
    )
