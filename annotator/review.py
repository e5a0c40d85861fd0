"""Adjudication: from several annotators' layers to one gold layer. Qt-free.

The annotators of an article are the human annotators who marked it done. Their accepted
spans are *candidates*; a candidate knows who has it. Candidates (and gold spans) that
overlap within a layer (entities, tasks) form a *unit*, the thing a reviewer decides:

- ``agree``: one candidate that every annotator has (two or more annotators);
- ``label``: the same text with different labels;
- ``boundary``: overlapping spans with different boundaries;
- ``only_one``: a span some annotators have and the others have nothing there;
- ``single``: the article has one annotator, nothing to disagree with;
- ``reviewer``: only spans the reviewer added by hand.

The gold layer (annotator :data:`annotator.model.GOLD`) holds every candidate: accepted
(taken into gold), rejected (decided against) or proposed (not decided yet). Opening an
article for review seeds it (:func:`seed_gold`): candidates every annotator agrees on are
accepted at once, the others wait as proposals. A unit is decided when none of its gold
spans is still a proposal.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from annotator.agreement import span_counts
from annotator.errors import Cancelled
from annotator.model import AGREED, GOLD, Article, Span, SpanKey, SpanState, Status, layer_of_label
from annotator.session import AnnotationSession
from annotator.store import Store

T = TypeVar("T")

DISAGREEMENTS = ("label", "boundary", "only_one")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    annotators: frozenset[str]

    @property
    def key(self) -> SpanKey:
        return (self.start, self.end, self.label)


@dataclass(frozen=True)
class Unit:
    """Overlapping candidates and gold spans of one layer: one decision for the reviewer."""

    start: int
    end: int
    layer: str
    kind: str
    candidates: tuple[Candidate, ...]
    gold: tuple[Span, ...]

    @property
    def decided(self) -> bool:
        return not any(s.state == SpanState.PROPOSED for s in self.gold)

    @property
    def disagreement(self) -> bool:
        return self.kind in DISAGREEMENTS

    def version(self, annotator: str) -> list[Candidate]:
        """What ``annotator`` has in this unit (possibly nothing)."""
        return [c for c in self.candidates if annotator in c.annotators]

    def accepted(self) -> set[SpanKey]:
        return {(s.start, s.end, s.label) for s in self.gold if s.state == SpanState.ACCEPTED}


def _kind(candidates: list[Candidate], annotators: list[str]) -> str:
    if not candidates:
        return "reviewer"
    if len(annotators) < 2:
        return "single"
    if len(candidates) == 1:
        return "agree" if len(candidates[0].annotators) == len(annotators) else "only_one"
    offsets = [(c.start, c.end) for c in candidates]
    return "label" if len(set(offsets)) < len(offsets) else "boundary"


def candidates(versions: Mapping[str, Iterable[SpanKey]]) -> list[Candidate]:
    who: dict[SpanKey, set[str]] = defaultdict(set)
    for annotator, keys in versions.items():
        for key in keys:
            who[key].add(annotator)
    return [Candidate(*key, frozenset(names)) for key, names in sorted(who.items())]


def units(versions: Mapping[str, Iterable[SpanKey]], gold: Iterable[Span] = ()) -> list[Unit]:
    """Group candidates and gold spans into units, in text order."""
    annotators = sorted(versions)
    items: list[tuple[int, int, str, Candidate | Span]] = []
    for c in candidates(versions):
        items.append((c.start, c.end, layer_of_label(c.label), c))
    for s in gold:
        items.append((s.start, s.end, layer_of_label(s.label), s))
    out: list[Unit] = []
    for layer in sorted({i[2] for i in items}):
        group: list[Candidate | Span] = []
        g_start = g_end = -1
        for start, end, _, item in sorted((i for i in items if i[2] == layer), key=lambda i: (i[0], i[1])):
            if group and start >= g_end:
                out.append(_unit(g_start, g_end, layer, group, annotators))
                group = []
            if not group:
                g_start, g_end = start, end
            group.append(item)
            g_end = max(g_end, end)
        if group:
            out.append(_unit(g_start, g_end, layer, group, annotators))
    out.sort(key=lambda u: (u.start, u.end, u.layer))
    return out


def _unit(start: int, end: int, layer: str, group: list, annotators: list[str]) -> Unit:
    cands = [x for x in group if isinstance(x, Candidate)]
    gold = tuple(x for x in group if isinstance(x, Span))
    return Unit(start, end, layer, _kind(cands, annotators), tuple(cands), gold)


# -- reading the database ------------------------------------------------------------


def versions(store: Store, article_id: str) -> dict[str, list[SpanKey]]:
    """Each finished annotator's accepted spans on the article."""
    return {
        name: [(s.start, s.end, s.label) for s in store.spans(article_id, name, states=[SpanState.ACCEPTED])]
        for name in store.finishers(article_id)
    }


def article_units(store: Store, article_id: str) -> list[Unit]:
    return units(versions(store, article_id), store.spans(article_id, GOLD))


def seed_gold(store: Store, article_id: str, reviewer: str) -> int:
    """Copy the annotators' candidates into the gold layer; returns how many were added.

    A candidate every annotator has (two or more annotators) comes in accepted, with
    origin ``agreed`` and the reviewer as adjudicator; the others come in as proposals
    whose origin names who has them. Each annotator's layer is copied once, and again
    only if it changed since (a later merge): a candidate the reviewer already decided,
    moved or deleted is not brought back unless an annotator changed their work.
    """
    vers = versions(store, article_id)
    if not vers:
        return 0
    stale = _stale(store, article_id, vers)
    if not stale:
        return 0
    have = {(s.start, s.end, s.label) for s in store.spans(article_id, GOLD)}
    new = []
    for c in candidates(vers):
        if c.key in have or not (c.annotators & set(stale)):
            continue
        agreed = len(vers) >= 2 and len(c.annotators) == len(vers)
        new.append(
            Span(
                c.start,
                c.end,
                c.label,
                origin=AGREED if agreed else ",".join(sorted(c.annotators)),
                state=SpanState.ACCEPTED if agreed else SpanState.PROPOSED,
            )
        )
    store.seed_gold(article_id, reviewer, new, {name: len(vers[name]) for name in stale})
    added = len(new)
    if added and store.status(article_id, GOLD) == Status.DONE:
        # an annotator changed their work after approval: the article needs review again
        store.set_status(article_id, GOLD, Status.IN_PROGRESS)
    return added


def _stale(store: Store, article_id: str, vers: dict[str, list[SpanKey]]) -> list[str]:
    """Annotators whose layer was never copied into gold, or changed since it was."""
    return [
        name
        for name in vers
        if (seeded := store.gold_seeded_at(article_id, name)) is None
        or (store.layer_last_change(article_id, name) or "") > seeded
    ]


# -- deciding ------------------------------------------------------------------------


@dataclass
class Decision:
    """What taking a version of a unit does to the gold layer."""

    accept: list[Span] = field(default_factory=list)  # gold spans to accept
    reject: list[Span] = field(default_factory=list)  # gold spans to reject
    add: list[Span] = field(default_factory=list)  # candidates missing from gold
    problem: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.accept or self.reject or self.add)


def decide(unit: Unit, take: Iterable[Candidate]) -> Decision:
    """Gold for ``unit`` becomes exactly the candidates in ``take``: theirs accepted, every
    other gold span in the unit rejected. Entities in gold never overlap, so taking two
    overlapping entity versions is refused with a message."""
    chosen = {c.key for c in take}
    if unit.layer == "entity":
        for a, b in itertools.combinations(sorted(chosen), 2):
            if a[0] < b[1] and b[0] < a[1]:
                return Decision(problem="entities in gold cannot overlap: take one version or edit by hand")
    out = Decision()
    present = {(s.start, s.end, s.label) for s in unit.gold}
    for s in unit.gold:
        key = (s.start, s.end, s.label)
        want = SpanState.ACCEPTED if key in chosen else SpanState.REJECTED
        if s.state != want:
            (out.accept if want == SpanState.ACCEPTED else out.reject).append(s)
    for c in unit.candidates:
        if c.key in chosen and c.key not in present:
            out.add.append(
                Span(c.start, c.end, c.label, origin=",".join(sorted(c.annotators)), state=SpanState.ACCEPTED)
            )
    return out


def _is_open(unit: Unit) -> bool:
    return not unit.decided and unit.kind != "agree"


def undecided(unit_list: Iterable[Unit]) -> list[Unit]:
    """Units that still need the reviewer: disagreements (or a single annotator's spans)
    with a gold span not decided yet."""
    return [u for u in unit_list if _is_open(u)]


def approve_plan(unit_list: list[Unit], annotators: list[str]) -> tuple[list[Span], str | None]:
    """Approving an article: gold proposals to accept, or why it cannot be approved yet.

    With one annotator, approving accepts what is still proposed (their spans). With two
    or more, every disagreement must be decided first.
    """
    open_units = undecided(unit_list)
    if len(annotators) >= 2:
        open_dis = [u for u in open_units if u.disagreement]
        if open_dis:
            return [], f"{len(open_dis)} disagreement(s) not decided yet"
    return [s for u in unit_list for s in u.gold if s.state == SpanState.PROPOSED], None


# -- the review queue ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueRow:
    article_id: str
    title: str
    annotators: tuple[str, ...]
    disagreements: int  # units where annotators differ
    undecided: int  # of those (or of a single annotator's spans), still open in gold
    agreement: float | None  # mean pairwise exact span F1; None with one annotator
    status: str  # the gold layer's status: todo, in_progress, done


def article_agreement(vers: dict[str, list[SpanKey]]) -> float | None:
    """Mean over pairs of annotators of exact span F1 (two empty versions agree: 1.0)."""
    scores = []
    for a, b in itertools.combinations(sorted(vers), 2):
        total = span_counts(vers[a], vers[b], exact=True)
        matched = sum(c.matched for c in total.values())
        n = sum(c.a + c.b for c in total.values())
        scores.append(2 * matched / n if n else 1.0)
    return sum(scores) / len(scores) if scores else None


def review_row(store: Store, article_id: str) -> QueueRow | None:
    """One article's line in the review queue (None if no annotator finished it)."""
    vers = versions(store, article_id)
    if not vers:
        return None
    title = store.title(article_id)
    status = store.status(article_id, GOLD)
    plain = units(vers)
    stale = set(_stale(store, article_id, vers))
    if stale == set(vers):  # not opened for review yet: every disagreement is open
        open_units = sum(1 for u in plain if u.disagreement or u.kind == "single")
    else:
        gold = store.spans(article_id, GOLD)
        have = {(x.start, x.end, x.label) for x in gold}
        open_units = sum(
            1
            for u in units(vers, gold)
            if _is_open(u) or any(c.key not in have and c.annotators & stale for c in u.candidates)
        )
        if open_units and status == Status.DONE:
            status = Status.IN_PROGRESS  # changed by a later merge: review again
    return QueueRow(
        article_id,
        title,
        tuple(sorted(vers)),
        sum(u.disagreement for u in plain),
        open_units,
        article_agreement(vers),
        str(status),
    )


def review_queue(
    store: Store,
    cancelled: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[QueueRow]:
    """Articles at least one annotator finished: most disagreement first, then the least
    agreement, then articles with one annotator, then those already approved
    (``cancelled``: checked before each article; true stops with Cancelled; ``progress``
    hears (read, to read) every 500 articles)."""
    ids = store.finished_by_humans()
    rows = []
    for n, aid in enumerate(ids):
        if cancelled is not None and cancelled():
            raise Cancelled("review queue cancelled")
        if progress is not None and n % 500 == 0:
            progress(n, len(ids))
        if (row := review_row(store, aid)) is not None:
            rows.append(row)
    # rows are in import order, and the sort is stable: that order breaks ties
    return sorted_in_steps(
        rows,
        key=lambda r: (
            r.status == Status.DONE,
            len(r.annotators) < 2,
            -r.disagreements,
            r.agreement if r.agreement is not None else 1.0,
        ),
    )


SORT_STEP = 2000


def sorted_in_steps(items: list[T], key: Callable[[T], Any]) -> list[T]:
    """``sorted(items, key=key)`` (stable, the same result), sorted ``SORT_STEP`` items at
    a time and merged. A list's sort holds the interpreter lock for the whole of its C
    part: 0.4 s for 100,000 tuple keys, during which a window whose queue or figures are
    computed on another thread cannot run a line of Python. A step holds it a few ms."""
    if len(items) <= SORT_STEP:
        return sorted(items, key=key)
    runs = [sorted(items[i : i + SORT_STEP], key=key) for i in range(0, len(items), SORT_STEP)]
    return list(heapq.merge(*runs, key=key))


# -- the reviewer's session ----------------------------------------------------------


class ReviewSession(AnnotationSession):
    """A reviewer editing the gold layer: the annotation window's edits, plus review."""

    def __init__(self, store: Store, reviewer: str) -> None:
        super().__init__(store, GOLD, actor=reviewer)
        self.reviewer = reviewer

    def open(self, article_id: str) -> Article:
        article = self.store.article(article_id)
        seed_gold(self.store, article_id, self.reviewer)
        return article

    def needs_proposals(self, article_id: str) -> bool:
        return False  # gold starts from the annotators, not from the proposer

    def annotators(self, article_id: str) -> list[str]:
        return self.store.finishers(article_id)

    def units(self, article_id: str) -> list[Unit]:
        return article_units(self.store, article_id)

    def next_article(
        self, after: str | None, statuses: tuple[str, ...] = ("todo", "in_progress")
    ) -> str | None:
        """The next article of the review queue not approved yet."""
        rows = [r for r in review_queue(self.store) if r.status in statuses]
        ids = [r.article_id for r in rows]
        if after in ids:
            ids.remove(after)
        return ids[0] if ids else None
