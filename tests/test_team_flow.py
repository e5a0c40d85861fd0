"""The whole team workflow, end to end, on the dev gold articles.

A master database imports the 14 dev-gold articles (their gold spans come in as the
import layer). ``assign`` gives them to lan, minh and hoa with 6 of 14 articles shared, two
per pair (seed 7): lan–minh s02, s06; hoa–lan s08, s10; hoa–minh s03, s12. Each annotator
opens their articles, accepts every proposal (the gold spans) and marks them done (all but
hoa's s05, left in progress), after these injected disagreements:

- s02 (5 gold spans), lan–minh: minh labels "Thành ủy Hải Phòng" OFFICIAL instead of
  ORGANIZATION (other label); lan extends "Nguyễn Thị Minh Hương" one word left, minh
  shrinks it to "Minh Hương" (other boundaries, and neither is right);
- s08 (5), hoa–lan: hoa cuts "Nghị định số 72/2013/NĐ-CP" to "Nghị định số 72/2013"
  (other boundaries);
- s03 (6), hoa–minh: minh deletes "Trần Văn Sơn", hoa adds an ORGANIZATION "các sở, ngành"
  (two spans only one of them has).

Agreement by hand (only articles both finished count):

- lan–minh, s02 + s06 (no spans): 5 spans each, 3 identical: exact F1 = 2·3/10 = 0.6;
  overlap matches the two Hương spans too (same label), not the relabelled one: 2·4/10 = 0.8;
  kinds: label 1, boundary 1.
- hoa–lan, s08 + s10 (4): 9 spans each, 8 identical: exact 16/18; overlap 18/18 = 1.0;
  boundary 1.
- hoa–minh, s03 + s12 (6): hoa 13 spans, minh 11, 11 identical: exact = overlap = 22/24;
  only one has it: 2.

Then the reviewer adjudicates every article in the review window with keys only (plus a
text selection for the hand edit), and the gold layer equals the dev gold exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.agreement import agreement, annotator_progress, summary
from annotator.importer import import_paths
from annotator.model import GOLD, IMPORT, Span, SpanState, Status
from annotator.review import review_queue
from annotator.session import AnnotationSession
from annotator.store import Store
from annotator.team import assign, merge
from annotator.ui.review_window import ReviewWindow

from .conftest import DEV_GOLD, run_cli

NAMES = ["lan", "minh", "hoa"]


def _find(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def annotate_with_disagreements(path: Path, name: str) -> None:
    """Accept every proposal in every article, inject this annotator's disagreements, done."""
    with Store(path) as s:
        session = AnnotationSession(s, name)
        for aid in s.article_ids():
            article = session.open(aid)
            text, ext = article.text, article.external_id
            spans = session.spans(aid)
            if spans:
                session.update_many([(x.id, {"state": SpanState.ACCEPTED}) for x in spans])
            by_text = {text[x.start : x.end]: x for x in session.spans(aid)}
            if ext == "s02.txt" and name == "minh":
                session.update_many([(by_text["Thành ủy Hải Phòng"].id, {"label": "OFFICIAL"})])
                start, end = _find(text, "Minh Hương")
                session.update_many([(by_text["Nguyễn Thị Minh Hương"].id, {"start": start, "end": end})])
            if ext == "s02.txt" and name == "lan":
                x = by_text["Nguyễn Thị Minh Hương"]
                start = text.rindex(" ", 0, x.start - 1) + 1  # one word to the left
                session.update_many([(x.id, {"start": start})])
            if ext == "s08.txt" and name == "hoa":
                x = by_text["Nghị định số 72/2013/NĐ-CP"]
                session.update_many([(x.id, {"end": x.start + len("Nghị định số 72/2013")})])
            if ext == "s03.txt" and name == "minh":
                session.delete(by_text["Trần Văn Sơn"].id)
            if ext == "s03.txt" and name == "hoa":
                session.add(aid, Span(*_find(text, "các sở, ngành"), "ORGANIZATION"))
            if not (ext == "s05.txt" and name == "hoa"):  # hoa has not finished s05 yet
                session.set_status(aid, Status.DONE)


@pytest.fixture
def review_db(tmp_path: Path) -> Path:
    master = tmp_path / "master.db"
    with Store(master) as s:
        import_paths(s, [DEV_GOLD])
        report = assign(s, NAMES, overlap=6 / 14, out_dir=tmp_path / "out", seed=7)
    assert report.shared == 6
    for name in NAMES:
        annotate_with_disagreements(report.files[name], name)
    with Store(master) as s:
        merged = merge(s, [report.files[n] for n in NAMES])
    assert not merged.errors
    return master


def _ext(store: Store) -> dict[str, str]:
    return {store.article(a).external_id: a for a in store.article_ids()}


def test_agreement_matches_the_hand_computed_figures(review_db):
    with Store(review_db) as s:
        pairs = {(p.a, p.b): p for p in agreement(s)}
        lm, hl, hm = pairs["lan", "minh"], pairs["hoa", "lan"], pairs["hoa", "minh"]
        assert (lm.articles, hl.articles, hm.articles) == (2, 2, 2)
        assert lm.exact["overall"].f1 == pytest.approx(0.6)
        assert lm.overlap["overall"].f1 == pytest.approx(0.8)
        assert dict(lm.kinds) == {"label": 1, "boundary": 1}
        assert hl.exact["overall"].f1 == pytest.approx(16 / 18)
        assert hl.overlap["overall"].f1 == pytest.approx(1.0)
        assert dict(hl.kinds) == {"boundary": 1}
        assert hm.exact["overall"].f1 == pytest.approx(22 / 24)
        assert hm.overlap["overall"].f1 == pytest.approx(22 / 24)
        assert dict(hm.kinds) == {"only_one": 2}
        # per label: the relabelled organisation is the only ORGANIZATION miss of lan–minh
        assert lm.exact["ORGANIZATION"].matched == lm.exact["ORGANIZATION"].a - 1
        # pooled over the three pairs: (6 + 16 + 22) matched·2 over (10 + 18 + 24)
        assert summary(list(pairs.values()))["overall"]["exact"] == pytest.approx(
            (6 + 16 + 22) / (10 + 18 + 24)
        )
        progress = {r["annotator"]: r for r in annotator_progress(s)}
        assert {n: (progress[n]["done"], progress[n]["assigned"]) for n in NAMES} == {
            "lan": (7, 7),
            "minh": (7, 7),
            "hoa": (5, 6),
        }


def _key(qtbot, w, key):  # type: ignore[no-untyped-def]
    qtbot.keyClick(w.view, key)
    QApplication.processEvents()


def _current_article(w) -> str:  # type: ignore[no-untyped-def]
    return w.controller.article.external_id


def _letter(w, name: str):  # type: ignore[no-untyped-def]
    return [Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_C][w.controller.annotators.index(name)]


def _unit_text(w) -> str:  # type: ignore[no-untyped-def]
    u = w.controller.unit
    return w.controller.article.text[u.start : u.end]


def _review_window(store: Store, qtbot) -> ReviewWindow:  # type: ignore[no-untyped-def]
    """The review window for reviewer thu, shown, active, the article text focused."""
    w = ReviewWindow(store, "thu")
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    QApplication.processEvents()
    w.view.setFocus()
    return w


def test_adjudicating_in_the_review_window_gives_the_gold(review_db, qtbot):
    store = Store(review_db)
    w = _review_window(store, qtbot)
    ext = _ext(store)
    # most disagreement first; single-annotator articles last
    queue = [store.article(r.article_id).external_id for r in review_queue(store)]
    assert queue[:3] == ["s02.txt", "s03.txt", "s08.txt"]
    assert set(queue[3:6]) == {"s06.txt", "s10.txt", "s12.txt"}
    assert len(queue) == 13 and "s05.txt" not in queue  # nobody finished s05

    # s02: first disagreement is the boundary one on Nguyễn Thị Minh Hương
    assert _current_article(w) == "s02.txt"
    assert w.controller.unit.kind == "boundary" and "Minh Hương" in _unit_text(w)
    assert "lan" in w.unit_info.text() and "minh" in w.unit_info.text()
    _key(qtbot, w, Qt.Key.Key_T)  # both: refused, entities cannot overlap
    assert "overlap" in w.statusBar().currentMessage()
    _key(qtbot, w, _letter(w, "minh"))  # a mistake...
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # ...undone
    gold02 = {(x.start, x.end, x.label, str(x.state)) for x in store.spans(ext["s02.txt"], GOLD)}
    assert not any(
        state == "accepted"
        and label == "OFFICIAL"
        and store.article(ext["s02.txt"]).text[a:b] == "Minh Hương"
        for a, b, label, state in gold02
    )
    # neither version is right: select the right text and label it by hand
    text = w.view.text
    w.view.select(*_find(text, "Nguyễn Thị Minh Hương"))
    _key(qtbot, w, Qt.Key.Key_1)
    _key(qtbot, w, Qt.Key.Key_N)
    assert w.controller.unit.kind == "label" and _unit_text(w) == "Thành ủy Hải Phòng"
    _key(qtbot, w, _letter(w, "lan"))
    _key(qtbot, w, Qt.Key.Key_D)  # approve, next in the queue

    # s03: Trần Văn Sơn (only hoa) — take both; "các sở, ngành" (only hoa) — take neither
    assert _current_article(w) == "s03.txt"
    assert w.controller.unit.kind == "only_one" and _unit_text(w) == "Trần Văn Sơn"
    _key(qtbot, w, Qt.Key.Key_T)
    # the gold span's tooltip says who has it and who has not
    son = next(x for x in w.controller.spans if w.view.text[x.start : x.end] == "Trần Văn Sơn")
    assert "has it: hoa" in w.view.describe(son) and "not: minh" in w.view.describe(son)
    assert _unit_text(w) == "các sở, ngành"
    _key(qtbot, w, Qt.Key.Key_X)
    _key(qtbot, w, Qt.Key.Key_D)

    # s08: take lan's full document number
    assert _current_article(w) == "s08.txt"
    _key(qtbot, w, Qt.Key.Key_V)  # side by side shows both annotators' layers
    assert set(w.versions.views) == {"hoa", "lan"} and w.versions.isVisible()
    _key(qtbot, w, _letter(w, "lan"))
    _key(qtbot, w, Qt.Key.Key_D)

    # the rest: agreed articles (pre-accepted) and single-annotator ones, approved as is
    for _ in range(10):
        _key(qtbot, w, Qt.Key.Key_D)
    assert "approved" in w.statusBar().currentMessage()
    assert w.progress_label.text().endswith("13 / 13 approved")

    for aid in store.article_ids():
        if aid == ext["s05.txt"]:
            assert store.spans(aid, GOLD) == []
            continue
        gold = {(x.start, x.end, x.label) for x in store.spans(aid, GOLD, states=[SpanState.ACCEPTED])}
        expected = {(x.start, x.end, x.label) for x in store.spans(aid, IMPORT)}
        assert gold == expected, store.article(aid).external_id
        assert store.status(aid, GOLD) == Status.DONE
        decided = store.spans(aid, GOLD, states=[SpanState.ACCEPTED, SpanState.REJECTED])
        assert all(x.adjudicator == "thu" and x.updated_at for x in decided)
    # who decided what is in the history, with the reviewer as the actor
    assert {h.actor for h in store.history(ext["s02.txt"], GOLD)} == {"thu"}
    w.close()
    store.close()
    info = run_cli("info", "--db", str(review_db))
    assert "gold:       13/13 reviewable articles approved, 0 disagreements open" in info.stdout


def test_the_dashboard_shows_agreement_progress_and_the_worst_articles(review_db, qtbot):
    from annotator.ui.dashboard import DashboardWindow

    store = Store(review_db)
    dash = DashboardWindow(store)
    qtbot.addWidget(dash)
    dash.show()
    # computed in the background, shown when ready; the window answers meanwhile
    assert dash.summary_label.text() == "Computing agreement…"
    qtbot.waitUntil(lambda: dash.ready, timeout=30000)
    rows = {r[0]: r[1] for r in dash.label_model.rows}
    assert rows["overall"]["exact"] == pytest.approx(44 / 52)
    assert dash.label_model.index(0, 0).data() == "OFFICIAL"
    assert dash.pair_box.count() == 4  # all pairs, then each pair
    dash.pair_box.setCurrentIndex(dash.pair_box.findText("lan – minh (2)"))
    assert {r[0]: r[1] for r in dash.label_model.rows}["overall"]["exact"] == pytest.approx(0.6)
    progress = {
        dash.progress_model.index(i, 0).data(): dash.progress_model.index(i, 1).data() for i in range(3)
    }
    assert progress == {"lan": "7 / 7 (100 %)", "minh": "7 / 7 (100 %)", "hoa": "5 / 6 (83 %)"}
    worst = dash.lowest_model.rows[0]
    assert store.article(worst.article_id).external_id == "s02.txt"
    assert worst.agreement == pytest.approx(0.6)
    picked: list[str] = []
    dash.reviewRequested.connect(picked.append)
    dash.tabs.setCurrentIndex(2)
    dash.lowest_table.setFocus()
    dash.lowest_table.setCurrentIndex(dash.lowest_model.index(0, 0))
    qtbot.keyClick(dash.lowest_table, Qt.Key.Key_Return)
    assert picked == [worst.article_id]
    dash.close()
    again = DashboardWindow(store)  # the database has not changed: shown at once
    qtbot.addWidget(again)
    assert again.ready and again.pair_box.count() == 4
    again.close()
    store.close()


def test_the_main_window_opens_the_review_and_the_dashboard(review_db, qtbot):
    """Tools > Review (Ctrl+R) and Tools > Agreement dashboard; picking an article in the
    dashboard opens it for review; `--review` at start opens the review window at once."""
    from annotator.ui import settings
    from annotator.ui.app import start

    settings.put("annotator/name", "thu")  # not the first start: no question asked
    w = start([str(review_db), "--review"])
    qtbot.addWidget(w)
    assert w.review_window is not None and w.review_window.isVisible()
    first = w.review_window.controller.article_id
    w.review_window.close()
    assert w.review_window is None
    w.named_actions["dashboard"].trigger()
    qtbot.waitUntil(lambda: w.dashboard.ready, timeout=30000)
    worst = w.dashboard.lowest_model.rows[-1].article_id  # pick one that is not first
    assert worst != first
    w.dashboard.reviewRequested.emit(worst)
    assert w.review_window.controller.article_id == worst
    w.close()


def test_the_queue_can_show_only_what_is_left(review_db, qtbot):
    store = Store(review_db)
    w = _review_window(store, qtbot)
    w.queue_table.selectRow(12)  # the last article: one annotator, approved as is
    w.view.setFocus()
    single = w.controller.article_id
    _key(qtbot, w, Qt.Key.Key_D)
    assert store.status(single, GOLD) == Status.DONE
    w.show_box.setCurrentIndex(w.show_box.findData("approved"))
    assert [r.article_id for r in w.queue.rows] == [single]
    w.show_box.setCurrentIndex(w.show_box.findData("open"))
    assert w.queue.rowCount() == 12 and single not in {r.article_id for r in w.queue.rows}
    w.select_article(single)  # hidden by the filter: the queue shows everything again
    assert w.show_box.currentData() == "all" and w.controller.article_id == single
    w.close()
    store.close()


def test_the_review_windows_refusals_are_said(review_db, qtbot):
    store = Store(review_db)
    w = _review_window(store, qtbot)
    assert _current_article(w) == "s02.txt" and w.controller.unit is not None
    _key(qtbot, w, Qt.Key.Key_D)  # approve with disagreements open
    assert w.statusBar().currentMessage().startswith("Cannot approve yet: ")
    _key(qtbot, w, Qt.Key.Key_C)  # a third annotator this article does not have
    assert w.statusBar().currentMessage() == "This article has no annotator C"
    w.controller.unit = None  # as after the last disagreement was decided
    _key(qtbot, w, Qt.Key.Key_A)
    assert w.statusBar().currentMessage() == "No disagreement selected (N: next disagreement)"


def test_closing_the_dashboard_while_it_computes_stops_the_work(review_db, qtbot):
    from annotator.ui.dashboard import _CACHE, DashboardWindow

    _CACHE.clear()
    store = Store(review_db)
    dash = DashboardWindow(store)
    qtbot.addWidget(dash)
    jobs = list(dash._jobs)
    assert jobs and not dash.ready
    dash.close()  # stops at the next article; the window never waits for the whole corpus
    assert not any(job.isRunning() for job in jobs)
    store.close()


def test_a_large_review_queue_is_read_in_the_background(review_db, qtbot, monkeypatch):
    """Past SYNC_LIMIT articles (lowered here) the window opens at once and reads its
    queue in the background; it selects the first article when the queue is in, filters
    it without reading it again, and closing while a queue is read stops the reading."""
    from annotator.ui import models

    monkeypatch.setattr(models, "SYNC_LIMIT", 1)
    store = Store(review_db)
    w = _review_window(store, qtbot)
    qtbot.waitUntil(lambda: w.ready, timeout=30000)
    assert _current_article(w) == "s02.txt"
    assert w.progress_label.text().endswith("0 / 13 approved")
    w.approve()  # refused (open disagreements) or not: the queue stays in place
    w.queue.set_show("approved")
    assert w.ready and w.queue.rowCount() == 0
    w.queue.set_show("all")
    assert w.queue.rowCount() == 13
    w.reload_queue()
    assert not w.ready
    assert "review queue" in w.progress_label.text() or "hàng đợi" in w.progress_label.text()
    jobs = list(w.queue.jobs)
    w.queue.stop()  # what closing the window does while the queue is being read
    assert jobs and all(job.isFinished() for job in jobs)
    QApplication.processEvents()
    assert not w.ready  # the stopped reading shows nothing
