"""The annotation window driven by keys and mouse, asserting on the database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from annotator.model import Status
from annotator.store import Store
from annotator.ui.app import create_window

from .gui_helpers import (
    ARTICLE,
    SECOND,
    answer_undecided,
    click_on,
    layer,
    make_db,
    open_window,
    select_text,
    settle,
)

PROPOSALS = {
    0: [
        ("ORGANIZATION", "Tỉnh uỷ"),
        ("OFFICIAL", "Nguyễn Văn Hòa"),
        ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy"),
        ("DIRECTIVE", "Chỉ thị số 05-CT/TW"),
        ("TASK", "nâng cao chất lượng tuyên truyền"),
    ]
}


@pytest.fixture
def window(qtbot, db_path):
    return open_window(qtbot, db_path, PROPOSALS)


def key(qtbot, w, k, mod=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
    qtbot.keyClick(w.view, k, mod)


def test_opening_an_article_copies_the_proposals_into_my_layer(window, db_path):
    assert window.windowTitle().startswith("corpus.db — lan")
    assert [s for s in layer(db_path) if s[2] == "proposed"] == sorted(
        (label, text, "proposed") for label, text in PROPOSALS[0]
    )
    with Store(db_path) as s:
        assert s.status(s.article_ids()[0], "lan") == Status.TODO  # looking is not starting


def test_the_first_edit_marks_the_article_in_progress(window, qtbot, db_path):
    key(qtbot, window, Qt.Key.Key_N)
    key(qtbot, window, Qt.Key.Key_A)
    with Store(db_path) as s:
        assert s.status(s.article_ids()[0], "lan") == Status.IN_PROGRESS
    assert window.articles.record(0)["status"] == "in_progress"


def test_select_and_press_a_label_key_snaps_to_words(window, qtbot, db_path):
    select_text(window, "hội nghị", start_off=2, end_off=2)
    key(qtbot, window, Qt.Key.Key_2)
    assert ("ORGANIZATION", "hội nghị", "accepted") in layer(db_path)
    with Store(db_path) as s:
        aid = s.article_ids()[0]
        [span] = [x for x in s.spans(aid, "lan") if x.origin == "human"]
        assert s.history(aid, "lan")[-1].action == "create" and span.state == "accepted"


def test_alt_label_key_keeps_exact_characters(window, qtbot, db_path):
    select_text(window, "hội nghị", start_off=1)
    key(qtbot, window, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert ("TASK", "ội nghị", "accepted") in layer(db_path)


def test_navigate_accept_and_reject_proposals(window, qtbot, db_path):
    key(qtbot, window, Qt.Key.Key_N)
    assert window.controller.current.label == "ORGANIZATION"  # "Tỉnh uỷ", first in the text
    key(qtbot, window, Qt.Key.Key_A)  # accept, move on to the next proposal
    assert (
        window.view.text[window.controller.current.start : window.controller.current.end] == "Nguyễn Văn Hòa"
    )
    key(qtbot, window, Qt.Key.Key_X)  # reject
    got = layer(db_path)
    assert ("ORGANIZATION", "Tỉnh uỷ", "accepted") in got
    assert ("OFFICIAL", "Nguyễn Văn Hòa", "rejected") in got
    key(qtbot, window, Qt.Key.Key_P)
    assert (
        window.view.text[window.controller.current.start : window.controller.current.end]
        == "nâng cao chất lượng tuyên truyền"
    )


def test_click_a_span_then_relabel_or_delete_it(window, qtbot, db_path):
    click_on(window, qtbot, "Nguyễn Văn Hòa")
    assert window.controller.current is not None
    key(qtbot, window, Qt.Key.Key_3)
    assert ("DIRECTIVE", "Nguyễn Văn Hòa", "accepted") in layer(db_path)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert not [s for s in layer(db_path) if s[1] == "Nguyễn Văn Hòa"]


def test_keys_move_boundaries_by_one_syllable(window, qtbot, db_path):
    click_on(window, qtbot, "Ban Tuyên giáo")
    key(qtbot, window, Qt.Key.Key_BracketRight)  # end one syllable right
    assert ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy tiếp", "accepted") in layer(db_path)
    key(qtbot, window, Qt.Key.Key_BraceRight)  # end one syllable left
    key(qtbot, window, Qt.Key.Key_BraceLeft)  # start one syllable right
    assert ("ORGANIZATION", "Tuyên giáo Tỉnh ủy", "accepted") in layer(db_path)
    key(qtbot, window, Qt.Key.Key_BracketLeft)  # start one syllable left
    assert ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy", "accepted") in layer(db_path)


def test_a_boundary_key_never_runs_a_span_over_an_accepted_neighbour(window, qtbot, db_path):
    """The issue's case: ] ran an OFFICIAL over an accepted ORGANIZATION. Now the key is
    refused, the status bar says why in one sentence, and nothing changes."""
    click_on(window, qtbot, "Tỉnh uỷ")
    key(qtbot, window, Qt.Key.Key_A)  # accept the ORGANIZATION "Tỉnh uỷ"
    select_text(window, "Bí thư")
    key(qtbot, window, Qt.Key.Key_1)  # label the word before it OFFICIAL (for the test)
    before = layer(db_path)
    key(qtbot, window, Qt.Key.Key_BracketRight)
    assert layer(db_path) == before
    message = window.statusBar().currentMessage()
    assert message == (
        "It would overlap the accepted Organization “Tỉnh uỷ”: Official spans cannot overlap it."
    )


def test_moving_onto_a_rejected_proposal_revives_it(window, qtbot, db_path):
    """The issue's case: a UNIQUE constraint message with the database path. Now the
    rejected proposal at those offsets comes back as accepted, and undo puts all back."""
    click_on(window, qtbot, "Nguyễn Văn Hòa")
    key(qtbot, window, Qt.Key.Key_X)  # reject the OFFICIAL proposal
    select_text(window, "Nguyễn Văn")
    key(qtbot, window, Qt.Key.Key_1)  # a shorter OFFICIAL of my own
    key(qtbot, window, Qt.Key.Key_BracketRight)  # its end onto the rejected proposal's
    spans = [s for s in layer(db_path) if s[0] == "OFFICIAL"]
    assert spans == [("OFFICIAL", "Nguyễn Văn Hòa", "accepted")]
    assert "UNIQUE" not in window.statusBar().currentMessage()
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert sorted(s for s in layer(db_path) if s[0] == "OFFICIAL") == [
        ("OFFICIAL", "Nguyễn Văn", "accepted"),
        ("OFFICIAL", "Nguyễn Văn Hòa", "rejected"),
    ]


def test_accept_paragraph_then_all(window, qtbot, db_path):
    click_on(window, qtbot, "Nguyễn Văn Hòa")
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    states = {text: state for _, text, state in layer(db_path)}
    assert states["Tỉnh uỷ"] == states["Nguyễn Văn Hòa"] == "accepted"
    assert states["Ban Tuyên giáo Tỉnh ủy"] == "proposed"  # second paragraph untouched
    key(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert all(state == "accepted" for _, _, state in layer(db_path))


def test_mark_done_moves_to_the_next_article(window, qtbot, db_path):
    first = window.controller.article_id
    key(qtbot, window, Qt.Key.Key_D)
    answer_undecided(qtbot, window, "acceptUndecided")
    with Store(db_path) as s:
        assert s.status(first, "lan") == Status.DONE
        assert window.controller.article_id != first
        assert s.status(window.controller.article_id, "lan") == Status.TODO
    assert window.view.text == SECOND
    assert window.progress_label.text() == "lan: 1 / 2 done"


def test_labelling_over_an_accepted_entity_replaces_it_and_undo_restores(window, qtbot, db_path):
    click_on(window, qtbot, "Nguyễn Văn Hòa")
    key(qtbot, window, Qt.Key.Key_A)
    before = layer(db_path)
    select_text(window, "Văn Hòa")
    key(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    after = layer(db_path)
    assert ("OFFICIAL", "Văn Hòa", "accepted") in after
    assert ("OFFICIAL", "Nguyễn Văn Hòa", "accepted") not in after
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer(db_path) == before


def test_undo_and_redo_every_edit(window, qtbot, db_path):
    snapshots = [layer(db_path)]
    steps = [
        lambda: (select_text(window, "hội nghị"), key(qtbot, window, Qt.Key.Key_4)),
        lambda: (key(qtbot, window, Qt.Key.Key_N), key(qtbot, window, Qt.Key.Key_A)),
        lambda: key(qtbot, window, Qt.Key.Key_X),
        lambda: (click_on(window, qtbot, "Tỉnh uỷ"), key(qtbot, window, Qt.Key.Key_2)),
        lambda: key(qtbot, window, Qt.Key.Key_BracketRight),
        lambda: key(
            qtbot,
            window,
            Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        ),
        lambda: key(qtbot, window, Qt.Key.Key_Delete),
    ]
    for step in steps:
        step()
        snapshots.append(layer(db_path))
    assert len({tuple(s) for s in snapshots}) == len(snapshots)  # every step changed something
    for expected in reversed(snapshots[:-1]):
        key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert layer(db_path) == expected
    for expected in snapshots[1:]:
        key(
            qtbot,
            window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        assert layer(db_path) == expected


def test_view_shows_the_spans_stored_in_the_database(window, db_path):
    view = window.view
    with Store(db_path) as s:
        spans = s.spans(window.controller.article_id, "lan")
    for span in spans:
        block = view.document().findBlock(span.start)
        fmts = block.layout().formats()
        pos = span.start - block.position()
        covering = [f for f in fmts if f.start <= pos < f.start + f.length]
        assert covering, span
        fmt = covering[-1].format
        if span.label == "TASK":
            assert fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline
        else:
            assert fmt.background().color().name() == window.view.highlighter.styles[span.label].color.name()


def test_background_proposals_keep_the_window_responsive(qtbot, db_path):
    text = (
        "Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị. Đồng chí Nguyễn Văn A đề nghị "
        "các cấp ủy tiếp tục thực hiện Chỉ thị số 05-CT/TW.\n"
    ) * 150
    make_db(db_path, [text])
    import time

    start = time.perf_counter()
    w = create_window(db_path, "lan")
    qtbot.addWidget(w)
    w.show()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    assert w.busy_bar.isVisibleTo(w)  # the user sees that work is under way
    qtbot.waitUntil(lambda: not w.controller._jobs, timeout=60000)
    timer.stop()
    elapsed = time.perf_counter() - start
    assert elapsed > 0.1  # long enough to tell
    assert len(ticks) >= elapsed / 0.010 * 0.25  # the event loop kept running meanwhile
    got = layer(db_path)
    assert ("OFFICIAL", "Nguyễn Văn A", "proposed") in got
    assert not w.busy_bar.isVisibleTo(w)


def test_search_and_status_filter(window, qtbot):
    # QTest cannot type non-ASCII characters; setText goes through the same textChanged path
    window.search_box.setText("huyện uỷ tân kỳ")  # case and tone placement folded
    qtbot.waitUntil(lambda: window.articles.rowCount() == 1)
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.articles.rowCount() == 2)
    window.select_article(window.articles.article_at(0))
    window.view.setFocus()
    key(qtbot, window, Qt.Key.Key_D)
    answer_undecided(qtbot, window, "rejectUndecided")
    window.status_filter.setCurrentIndex(window.status_filter.findData("done"))
    assert window.articles.rowCount() == 1
    window.status_filter.setCurrentIndex(window.status_filter.findData("todo"))
    assert window.articles.rowCount() == 1
    window.status_filter.setCurrentIndex(0)
    assert window.articles.rowCount() == 2


def test_span_list_click_jumps_to_the_span(window, qtbot):
    model = window.span_model
    row = next(i for i, s in enumerate(model.spans) if s.label == "DIRECTIVE")
    rect = window.span_table.visualRect(model.index(row, 0))
    qtbot.mouseClick(window.span_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.current.label == "DIRECTIVE"
    assert window.view.textCursor().position() == model.spans[row].start


def test_palette_button_labels_the_selection(window, qtbot, db_path):
    select_text(window, "hội nghị")
    qtbot.mouseClick(window.palette_bar.buttons["TASK"], Qt.MouseButton.LeftButton)
    assert ("TASK", "hội nghị", "accepted") in layer(db_path)


def test_select_with_the_keyboard_alone_then_label(window, qtbot, db_path):
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.text.index("hội nghị"))
    window.view.setTextCursor(cursor)  # the caret, as after moving it with the arrow keys
    for _ in range(2):
        key(
            qtbot,
            window,
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
        )
    assert window.view.selection() is not None
    key(qtbot, window, Qt.Key.Key_4)
    assert ("TASK", "hội nghị", "accepted") in layer(db_path)
    assert window.view.textCursor().hasSelection() is False


def test_an_edit_the_store_refuses_changes_nothing_and_leaves_no_undo_step(window, db_path):
    """A plan the store refuses (here: a span past the text after an accept) is undone
    whole: the database, the screen and the undo stack stay as they were, and the status
    bar says why in one sentence, without SQLite's words or the file's path."""
    from annotator.edits import Change, Plan
    from annotator.model import Span, SpanState

    c = window.controller
    before = layer(db_path)
    proposal = next(s for s in c.spans if s.state == SpanState.PROPOSED)
    messages: list[str] = []
    c.message.connect(messages.append)
    c._push(
        "broken",
        Plan(
            "broken",
            (
                Change(proposal, proposal.with_(state=SpanState.ACCEPTED)),
                Change(None, Span(0, 10**6, "OFFICIAL")),
            ),
        ),
    )
    assert layer(db_path) == before
    assert c.stack(c.article_id).count() == 0 and not window.named_actions["undo"].isEnabled()
    assert messages == ["That span does not fit the article's text; nothing was changed."]
    assert next(s for s in c.spans if s.id == proposal.id).state == SpanState.PROPOSED


def test_d_with_undecided_proposals_asks_and_leaving_them_out_rejects_them(window, qtbot, db_path):
    first = window.controller.article_id
    assert window.undecided_label.text() == "5 proposal(s) undecided"
    assert window.hint.isVisibleTo(window) and "N goes to the next proposal" in window.hint.text()
    key(qtbot, window, Qt.Key.Key_D)
    assert window.controller.article_id == first  # nothing happens before the answer
    answer_undecided(qtbot, window, "rejectUndecided")
    assert window.controller.article_id != first
    with Store(db_path) as s:
        assert s.status(first, "lan") == Status.DONE
        # (the next article's own proposals may be arriving meanwhile: only the first's)
        assert {str(x.state) for x in s.spans(first, "lan")} == {"rejected"}
    assert not window.hint.isVisibleTo(window)  # the first-run hint has done its job
    again = create_window(db_path, "lan")
    qtbot.addWidget(again)
    assert not again.hint.isVisibleTo(again)


def test_cancel_leaves_the_article_open_and_unchanged(window, qtbot, db_path):
    from PySide6.QtWidgets import QMessageBox

    before = layer(db_path)
    key(qtbot, window, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "undecidedQuestion") is not None)
    box = window.findChild(QMessageBox, "undecidedQuestion")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert layer(db_path) == before and window.controller.article_id is not None
    with Store(db_path) as s:
        assert s.status(window.controller.article_id, "lan") == Status.TODO


def test_undo_after_mark_done_goes_back_and_reopens_the_article(window, qtbot, db_path):
    first = window.controller.article_id
    key(qtbot, window, Qt.Key.Key_D)
    answer_undecided(qtbot, window, "acceptUndecided")
    assert window.controller.article_id != first
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.article_id == first
    with Store(db_path) as s:
        assert s.status(first, "lan") == Status.TODO
        assert {str(x.state) for x in s.spans(first, "lan")} == {"proposed"}
    assert window.undecided_label.text() == "5 proposal(s) undecided"


def test_undo_history_of_an_article_survives_leaving_it(window, qtbot, db_path):
    select_text(window, "hội nghị")
    key(qtbot, window, Qt.Key.Key_4)
    key(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next article
    key(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # and back
    assert ("TASK", "hội nghị", "accepted") in layer(db_path)
    key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("TASK", "hội nghị", "accepted") not in layer(db_path)
    key(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ("TASK", "hội nghị", "accepted") in layer(db_path)


def test_a_refusal_is_told_in_vietnamese_in_the_vietnamese_interface(qtbot, db_path):
    from PySide6.QtWidgets import QApplication

    from annotator.ui import i18n

    make_db(db_path, [ARTICLE, SECOND], PROPOSALS)
    i18n.install(QApplication.instance(), "vi")
    try:
        w = create_window(db_path, "lan")
        qtbot.addWidget(w)
        w.show()
        settle(w, qtbot)
        w.view.setFocus()
        click_on(w, qtbot, "Tỉnh uỷ")
        key(qtbot, w, Qt.Key.Key_A)
        select_text(w, "Bí thư")
        key(qtbot, w, Qt.Key.Key_1)
        key(qtbot, w, Qt.Key.Key_BracketRight)
        message = w.statusBar().currentMessage()
        assert message == (
            "Nhãn sẽ chồng lên nhãn Tổ chức đã chấp nhận “Tỉnh uỷ”: nhãn Cán bộ không được chồng lên nó."
        )
    finally:
        i18n.install(QApplication.instance(), "en")


def test_search_without_diacritics_never_opens_an_article_by_itself(window, qtbot):
    first = window.controller.article_id
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "huyen uy tan ky")  # typed as on a bare keyboard
    qtbot.waitUntil(lambda: window.articles.rowCount() == 1)
    assert window.controller.article_id == first  # typing filtered; it opened nothing
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)  # into the results: the user picks
    assert window.controller.article_id != first and window.article_table.hasFocus()
    found = [
        window.view.text[c.cursor.selectionStart() : c.cursor.selectionEnd()]
        for c in window.view.extraSelections()
    ]
    assert found == ["Huyện ủy Tân Kỳ"]  # the match is marked in the text


def test_enter_in_the_search_box_opens_the_first_result_and_goes_to_its_text(window, qtbot):
    window.search_box.setFocus()
    qtbot.keyClicks(window.search_box, "thuong truc")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.view.text == SECOND and window.view.hasFocus()


def test_the_app_reopens_the_article_being_edited_even_after_a_crash(window, qtbot, db_path):
    window.select_article(window.articles.article_at(1))
    second = window.controller.article_id
    select_text(window, "Huyện ủy Tân Kỳ")
    key(qtbot, window, Qt.Key.Key_2)
    # no clean close (as after kill -9): a second window on the same file
    again = create_window(db_path, "lan")
    qtbot.addWidget(again)
    assert again.controller.article_id == second


def test_no_article_left_says_how_many_were_skipped(window, qtbot):
    from annotator.model import Status

    messages: list[str] = []
    window.controller.message.connect(messages.append)
    window.mark(Status.SKIPPED)
    window.mark(Status.DONE, "reject")
    assert messages[-1] == (
        "No article left to do: 1 done, 1 skipped (choose “Skipped” in the list to see them)"
    )


def test_new_spans_over_a_long_article_are_painted_a_chunk_at_a_time(qtbot):
    """Proposals arriving for a long article re-highlight it a chunk of paragraphs per
    turn of the event loop (the window keeps answering), and every span ends up shown."""
    from annotator.model import Span
    from annotator.ui.article_view import AnnotationView
    from annotator.ui.highlight import CHUNK

    paragraphs = [f"Đoạn {i}: Ban Tuyên giáo Tỉnh ủy họp." for i in range(3 * CHUNK)]
    text = "\n".join(paragraphs)
    view = AnnotationView()
    qtbot.addWidget(view)
    view.show_article(text, [])
    spans, at = [], 0
    for para in paragraphs:
        start = at + para.index("Ban")
        spans.append(Span(start, start + len("Ban Tuyên giáo Tỉnh ủy"), "ORGANIZATION"))
        at += len(para) + 1

    def painted() -> int:
        doc = view.document()
        return sum(bool(doc.findBlock(s.start).layout().formats()) for s in spans)

    view.update_spans(spans, [(0, len(text))])
    assert painted() < len(spans)  # not all at once
    qtbot.waitUntil(lambda: painted() == len(spans))
    # a small edit is painted at once
    view.update_spans(spans[:-1], [(spans[-1].start, spans[-1].end)])
    assert painted() == len(spans) - 1
