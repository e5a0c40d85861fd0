"""User actions as plans: each one transaction, whole or absent, never breaking the layer's
rules; restore per action; snapping that never spoils a right selection."""

from __future__ import annotations

import json

import pytest

from annotator.edits import Change, Plan, Planner, Refused, overlapping_decided
from annotator.model import Span, SpanState, Status
from annotator.session import AnnotationSession, snap_selection
from annotator.store import NewArticle
from annotator.text import article_id

from .conftest import ROOT, VIET

P, A, R = SpanState.PROPOSED, SpanState.ACCEPTED, SpanState.REJECTED


def _at(needle: str, label: str, state: SpanState = A, text: str = VIET) -> Span:
    i = text.index(needle)
    return Span(i, i + len(needle), label, origin="proposer", state=state, confidence=0.9)


@pytest.fixture
def article(store):
    store.add_article(NewArticle(article_id(VIET), "t", VIET, "t", {}, {}))
    return article_id(VIET)


def _session(store, article, spans=()):  # type: ignore[no-untyped-def]
    for s in spans:
        store.add_span(article, "lan", s)
    session = AnnotationSession(store, "lan")
    return session, store.article(article)


def _plan(session, art):  # type: ignore[no-untyped-def]
    return session.planner(art, session.spans(art.id))


def test_label_over_an_accepted_entity_is_one_action_and_restores_as_one(store, article):
    """Relabelling over an entity is delete + add: one transaction, one action id on both
    history rows, and restore to either row lands after the whole action."""
    session, art = _session(store, article, [_at("Ban Tuyên giáo", "ORGANIZATION")])
    wider = _at("Ban Tuyên giáo các cấp", "ORGANIZATION")
    plan = _plan(session, art).label(wider.start, wider.end, "ORGANIZATION")
    applied = session.apply(article, plan)
    assert [c.after is None for c in applied.changes] == [True, False]
    rows = [e for e in store.history(article, "lan") if e.action_id is not None]
    assert len(rows) == 2 and len({e.action_id for e in rows}) == 1
    [action] = [a for a in store.actions(article, "lan") if a["name"] == "label"]
    assert action["changes"] == 2 and action["status_before"] == "todo"
    assert store.status(article, "lan") == Status.IN_PROGRESS  # the first edit starts it
    # restore to the first row of the action: never half of it
    store.restore(article, "lan", "lan", entry=rows[0].id)
    assert [VIET[s.start : s.end] for s in session.spans(article)] == ["Ban Tuyên giáo các cấp"]
    # undo is the inverse plan, one more action
    session.apply(article, applied.inverse())
    assert [VIET[s.start : s.end] for s in session.spans(article)] == ["Ban Tuyên giáo"]
    assert store.status(article, "lan") == Status.TODO


def test_the_store_refuses_overlapping_decided_entities_whatever_the_plan(store, article):
    session, art = _session(store, article, [_at("Tỉnh uỷ", "ORGANIZATION")])
    before = session.spans(article)
    wrong = Plan("handmade", (Change(None, _at("Tỉnh uỷ Nguyễn", "OFFICIAL")),))
    with pytest.raises(Refused, match="overlap the accepted ORGANIZATION “Tỉnh uỷ”"):
        session.apply(article, wrong)
    assert session.spans(article) == before
    assert store.actions(article, "lan") == []  # nothing of the refused action was kept
    # tasks may contain entities, and proposals may overlap (they are alternatives)
    session.apply(
        article,
        Plan(
            "ok",
            (
                Change(None, _at("Phó Bí thư Tỉnh uỷ Nguyễn", "TASK")),
                Change(None, _at("Tỉnh uỷ Nguyễn", "OFFICIAL", P)),
            ),
        ),
    )


def test_a_boundary_move_into_an_accepted_neighbour_is_refused_with_a_reason(store, article):
    session, art = _session(store, article, [_at("Tỉnh uỷ", "ORGANIZATION"), _at("Bí thư", "OFFICIAL")])
    planner = _plan(session, art)
    official = next(s for s in planner.spans if s.label == "OFFICIAL")
    with pytest.raises(Refused) as err:
        planner.move(official, official.start, VIET.index("Tỉnh uỷ") + 4)
    assert err.value.template.startswith("It would overlap the accepted {other}")
    assert err.value.params == {"label": "OFFICIAL", "other": "ORGANIZATION", "text": "Tỉnh uỷ"}


def test_a_move_onto_a_rejected_proposal_revives_it(store, article):
    session, art = _session(
        store, article, [_at("Nguyễn Văn Hòa", "OFFICIAL", R), _at("Nguyễn Văn", "OFFICIAL")]
    )
    planner = _plan(session, art)
    mine = next(s for s in planner.spans if s.state == A)
    full = _at("Nguyễn Văn Hòa", "OFFICIAL")
    session.apply(article, planner.move(mine, full.start, full.end))
    [span] = session.spans(article)
    assert (span.start, span.end, span.state, span.origin) == (full.start, full.end, A, "proposer")


def test_accepting_all_keeps_the_surer_of_overlapping_proposals(store, article):
    session, art = _session(
        store,
        article,
        [
            _at("Ban Tuyên giáo", "ORGANIZATION", P).with_(confidence=0.6),
            _at("Ban Tuyên giáo các cấp", "ORGANIZATION", P).with_(confidence=0.9),
            _at("Nguyễn Văn Hòa", "OFFICIAL", P),
        ],
    )
    plan, left = _plan(session, art).accept_in(0, len(VIET))
    session.apply(article, plan)
    assert [VIET[s.start : s.end] for s in left] == ["Ban Tuyên giáo"]
    assert overlapping_decided(session.spans(article)) is None


def test_finishing_with_undecided_proposals_decides_them_and_undoes_whole(store, article):
    session, art = _session(
        store, article, [_at("Nguyễn Văn Hòa", "OFFICIAL", P), _at("Bộ Chính trị", "ORGANIZATION", P)]
    )
    done = session.apply(article, _plan(session, art).finish(Status.DONE, "reject"))
    assert {s.state for s in session.spans(article)} == {R}
    assert store.status(article, "lan") == Status.DONE
    session.apply(article, done.inverse())
    assert {s.state for s in session.spans(article)} == {P}
    assert store.status(article, "lan") == Status.TODO


def test_an_action_on_data_changed_elsewhere_is_refused_as_stale(store, article):
    session, art = _session(store, article, [_at("Nguyễn Văn Hòa", "OFFICIAL", P)])
    planner = _plan(session, art)
    store.update_span(planner.spans[0].id, "other window", state=R)
    with pytest.raises(Refused, match="changed outside this window"):
        session.apply(article, planner.accept(planner.spans[0]))


def _gold_spans():  # type: ignore[no-untyped-def]
    for line in (ROOT / "tests" / "data" / "real_dev.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        for s in doc["spans"]:
            yield doc["text"], s["start"], s["end"]


def test_every_gold_span_of_the_real_articles_selected_exactly_stays_as_selected():
    wrong = [
        (t[s:e], snap_selection(t, s, e)) for t, s, e in _gold_spans() if snap_selection(t, s, e) != (s, e)
    ]
    assert wrong == []


def test_a_sloppy_selection_of_a_gold_span_gives_the_gold_span():
    """A syllable cut at either end, a space or comma after, a space before."""
    checked = 0
    for text, s, e in _gold_spans():
        sloppy = []
        if e - s > 4 and text[s].isalpha() and text[s + 1].isalpha():
            sloppy.append((s + 1, e))
        if e - s > 4 and text[e - 2].isalpha() and text[e - 1].isalpha():
            sloppy.append((s, e - 1))
        if e < len(text) and text[e] in " ,;.":
            sloppy.append((s, e + 1))
        if s > 0 and text[s - 1] == " ":
            sloppy.append((s - 1, e))
        for a, b in sloppy:
            assert snap_selection(text, a, b) == (s, e), text[a:b]
            checked += 1
    assert checked > 2000


def test_snapping_ignores_word_segmentation_that_crosses_entities():
    """The issue's case: "Trưởng Ban | Tuyên giáo Tỉnh | ủy" must not grow the selection."""
    text = "… Nguyễn Văn Hòa Trưởng Ban Tuyên giáo Tỉnh ủy dự hội nghị."
    i = text.index("Ban Tuyên")
    assert snap_selection(text, i, i + len("Ban Tuyên giáo Tỉnh ủy")) == (
        i,
        i + len("Ban Tuyên giáo Tỉnh ủy"),
    )


def test_planner_is_qt_free_and_needs_no_database():
    spans = [_at("Tỉnh uỷ", "ORGANIZATION", P).with_(id=1)]
    plan = Planner(VIET, spans, Status.TODO).accept(spans[0])
    assert plan.status == (Status.TODO, Status.IN_PROGRESS)
    assert plan.inverse().status == (Status.IN_PROGRESS, Status.TODO)
