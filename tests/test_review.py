"""Adjudication core: units of disagreement, seeding gold, decisions, the review queue.

The article: "Ông Nguyễn Văn A gặp Ban Tuyên giáo Tỉnh ủy và triển khai Nghị quyết 05."
"""

from __future__ import annotations

import pytest

from annotator.model import AGREED, GOLD, Span, SpanState, Status
from annotator.review import (
    ReviewSession,
    approve_plan,
    article_units,
    decide,
    review_queue,
    seed_gold,
    units,
)
from annotator.store import NewArticle, Store
from annotator.text import article_id

TEXT = "Ông Nguyễn Văn A gặp Ban Tuyên giáo Tỉnh ủy và triển khai Nghị quyết 05."
OFF = (4, 16, "OFFICIAL")  # Nguyễn Văn A
ORG_LONG = (21, 43, "ORGANIZATION")  # Ban Tuyên giáo Tỉnh ủy
ORG_SHORT = (21, 35, "ORGANIZATION")  # Ban Tuyên giáo
DIR = (58, 71, "DIRECTIVE")  # Nghị quyết 05
DIR_AS_ORG = (58, 71, "ORGANIZATION")
TASK = (47, 71, "TASK")  # triển khai Nghị quyết 05


def test_offsets_of_the_example():
    assert TEXT[4:16] == "Nguyễn Văn A" and TEXT[21:43] == "Ban Tuyên giáo Tỉnh ủy"
    assert TEXT[58:71] == "Nghị quyết 05" and TEXT[47:71] == "triển khai Nghị quyết 05"


def _store(path, layers: dict[str, list[tuple]], text: str = TEXT) -> tuple[Store, str]:
    s = Store(path)
    aid = article_id(text)
    s.add_articles([NewArticle(id=aid, title="Họp", text=text, source="x", meta={}, import_info={})])
    for name, spans in layers.items():
        for start, end, label in spans:
            s.add_span(aid, name, Span(start, end, label))
        s.set_status(aid, name, Status.DONE)
    return s, aid


def test_units_name_each_kind_of_disagreement():
    us = units(
        {"a": [OFF, ORG_LONG, DIR, TASK], "b": [OFF, ORG_SHORT, DIR_AS_ORG], "c": [OFF, ORG_LONG, DIR]}
    )
    kinds = [(u.start, u.end, u.layer, u.kind) for u in us]
    assert kinds == [
        (4, 16, "entity", "agree"),
        (21, 43, "entity", "boundary"),
        (47, 71, "task", "only_one"),
        (58, 71, "entity", "label"),
    ]
    boundary = us[1]
    assert [c.key for c in boundary.version("a")] == [ORG_LONG]
    assert [c.key for c in boundary.version("b")] == [ORG_SHORT]
    assert boundary.version("c")[0].annotators == frozenset({"a", "c"})


def test_seeding_pre_accepts_what_all_agree_on(tmp_path):
    s, aid = _store(tmp_path / "r.db", {"a": [OFF, ORG_LONG, TASK], "b": [OFF, ORG_SHORT]})
    assert seed_gold(s, aid, "rev") == 4
    gold = {(x.start, x.end, x.label): x for x in s.spans(aid, GOLD)}
    assert gold[OFF].state == SpanState.ACCEPTED and gold[OFF].origin == AGREED
    assert gold[OFF].adjudicator == "rev"
    assert gold[ORG_LONG].state == SpanState.PROPOSED and gold[ORG_LONG].origin == "a"
    assert gold[TASK].state == SpanState.PROPOSED and gold[TASK].adjudicator is None
    # opening again adds nothing; a candidate the reviewer deleted stays deleted
    s.delete_span(gold[TASK].id, "rev")
    assert seed_gold(s, aid, "rev") == 0
    assert TASK not in {(x.start, x.end, x.label) for x in s.spans(aid, GOLD)}
    # ...until an annotator changes their work (a later merge)
    s.add_span(aid, "b", Span(*DIR))
    assert seed_gold(s, aid, "rev") == 1
    assert DIR in {(x.start, x.end, x.label) for x in s.spans(aid, GOLD)}
    s.close()


def test_deciding_a_unit(tmp_path):
    s, aid = _store(tmp_path / "r.db", {"a": [ORG_LONG, DIR], "b": [ORG_SHORT, DIR_AS_ORG]})
    seed_gold(s, aid, "rev")
    boundary, label = article_units(s, aid)
    take_b = decide(boundary, boundary.version("b"))
    assert [x.end for x in take_b.accept] == [35] and [x.end for x in take_b.reject] == [43]
    both = decide(boundary, boundary.candidates)
    assert both.problem and "overlap" in both.problem and both.empty
    neither = decide(label, [])
    assert len(neither.reject) == 2 and not neither.accept
    # approving needs every disagreement decided
    assert approve_plan(article_units(s, aid), ["a", "b"])[1] == "2 disagreement(s) not decided yet"
    s.close()


def test_a_single_annotators_article_is_approved_as_is(tmp_path):
    s, aid = _store(tmp_path / "r.db", {"a": [OFF, TASK]})
    session = ReviewSession(s, "rev")
    session.open(aid)
    us = session.units(aid)
    assert [u.kind for u in us] == ["single", "single"]
    accept, problem = approve_plan(us, session.annotators(aid))
    assert problem is None and len(accept) == 2
    s.close()


def test_queue_puts_most_disagreement_first(tmp_path):
    s, calm = _store(tmp_path / "r.db", {"a": [OFF], "b": [OFF]})
    other = "Bà Trần Thị B phát biểu tại Ban Tuyên giáo Tỉnh ủy."
    oid = article_id(other)
    s.add_articles([NewArticle(id=oid, title="Tranh luận", text=other, source="y", meta={}, import_info={})])
    s.add_span(oid, "a", Span(3, 13, "OFFICIAL"))
    s.add_span(oid, "b", Span(28, 50, "ORGANIZATION"))
    for name in ("a", "b"):
        s.set_status(oid, name, Status.DONE)
    queue = review_queue(s)
    assert [r.article_id for r in queue] == [oid, calm]
    assert queue[0].disagreements == 2 and queue[0].agreement == 0.0
    assert queue[1].disagreements == 0 and queue[1].agreement == 1.0
    assert queue[0].annotators == ("a", "b") and queue[0].status == "todo"
    s.close()


def test_gold_is_not_a_person(tmp_path):
    from annotator.errors import StoreError

    with Store(tmp_path / "x.db") as s, pytest.raises(StoreError):
        s.add_annotator(GOLD)


def test_work_merged_after_approval_sends_the_article_back_to_review(tmp_path):
    s, aid = _store(tmp_path / "r.db", {"a": [OFF], "b": [OFF]})
    session = ReviewSession(s, "rev")
    session.open(aid)
    session.set_status(aid, Status.DONE)
    assert review_queue(s)[0].status == "done" and review_queue(s)[0].undecided == 0
    s.add_span(aid, "b", Span(*DIR))  # b's later work, as a merge would bring it
    row = review_queue(s)[0]
    assert row.status == "in_progress" and row.undecided == 1
    assert seed_gold(s, aid, "rev") == 1
    assert s.status(aid, GOLD) == Status.IN_PROGRESS
    s.close()


def test_a_long_queue_is_sorted_in_steps_to_the_same_order_as_one_sort():
    """The queue is sorted a few thousand rows at a time (a single sort of 100,000 rows
    holds the interpreter for 0.4 s and freezes the window): same order, ties kept in
    import order."""
    import random

    from annotator.review import SORT_STEP, sorted_in_steps

    rng = random.Random(7)
    rows = [(rng.randint(0, 3), rng.choice([0.5, 1.0]), n) for n in range(3 * SORT_STEP + 17)]
    key = lambda r: (r[0], r[1])  # noqa: E731 (ties on purpose: n must stay in order)
    assert sorted_in_steps(rows, key) == sorted(rows, key=key)
