"""What the review keys do: the annotation controller on the gold layer, plus adjudication.

The reviewer edits the gold layer with the annotation window's keys (labels, boundaries,
accept, delete) and decides units of disagreement: take one annotator's version, all of
them, or none. Every decision is one undo step written to SQLite at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal

from annotator.edits import Change, Plan
from annotator.model import Span, SpanState, Status
from annotator.review import ReviewSession, Unit, approve_plan, decide
from annotator.ui.controller import AnnotationController
from annotator.ui.i18n import tr

LETTERS = "ABCDEFGHI"


class ReviewController(AnnotationController):
    unitsChanged = Signal()
    unitChanged = Signal(object)  # Unit | None
    approved = Signal(str)  # article id

    session: ReviewSession

    def __init__(self, session: ReviewSession, *args, **kwargs) -> None:
        super().__init__(session, *args, **kwargs)
        self.annotators: list[str] = []
        self.units: list[Unit] = []
        self.unit: Unit | None = None
        # the next article to review after one (the window answers from the queue it
        # shows; without it, the queue is computed again)
        self.next_in_queue: Callable[[str], str | None] = lambda after: self.session.next_article(after)

    # -- opening and refreshing ------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        self.annotators = self.session.annotators(article_id)
        super().open_article(article_id)
        self.unit = None
        self._refresh_units()
        self.next_disagreement()

    def _reload(self, ranges: list[tuple[int, int]], ids: set[int] | None = None) -> None:
        self._refresh_units(render=False)
        super()._reload(ranges, ids)
        if self.unit is not None:
            self.unit = self._unit_at(self.unit.start, self.unit.layer)
            self.unitChanged.emit(self.unit)

    def _refresh_units(self, render: bool = True) -> None:
        if self.article is None:
            return
        self.units = self.session.units(self.article.id)
        self.view.set_marks(marks(self.units), render)
        self.unitsChanged.emit()

    def who_has(self, span: Span) -> tuple[list[str], list[str]] | None:
        """The annotators who have a gold span and those who have not (None when no
        annotator's work is shown)."""
        if not self.annotators:
            return None
        key = (span.start, span.end, span.label)
        unit = next((u for u in self.units if any((s.start, s.end, s.label) == key for s in u.gold)), None)
        cand = next((x for x in unit.candidates if x.key == key), None) if unit else None
        have = sorted(cand.annotators) if cand else []
        return have, [a for a in self.annotators if a not in have]

    def _unit_at(self, pos: int, layer: str) -> Unit | None:
        return next((u for u in self.units if u.layer == layer and u.start <= pos < u.end), None)

    # -- moving between units ----------------------------------------------------------

    def reviewable(self) -> list[Unit]:
        """The units a reviewer steps through: disagreements, or a single annotator's spans."""
        return [u for u in self.units if u.disagreement or u.kind == "single"]

    def set_unit(self, unit: Unit | None) -> None:
        self.unit = unit
        span = None
        if unit is not None:
            live = [s for s in unit.gold if s.state != SpanState.REJECTED]
            span = next((s for s in live if s.state == SpanState.PROPOSED), None) or (
                live[0] if live else None
            )
            span = next((s for s in self.spans if span is not None and s.id == span.id), None)
        self.set_current(span)
        if unit is not None and span is None:
            self.view.select(unit.start, unit.start)
            self.view.ensureCursorVisible()
        self.unitChanged.emit(unit)

    def _step_unit(self, forward: bool, undecided_first: bool = False) -> None:
        units = self.reviewable()
        if undecided_first and any(not u.decided for u in units):
            units = [u for u in units if not u.decided]
        if not units:
            self.set_unit(None)
            self.message.emit(tr("No disagreements in this article"))
            return
        here = (self.unit.start, self.unit.layer) if self.unit else (-1, "")
        if forward:
            nxt = next((u for u in units if (u.start, u.layer) > here), units[0])
        else:
            nxt = next((u for u in reversed(units) if (u.start, u.layer) < here), units[-1])
        self.set_unit(nxt)

    def next_disagreement(self) -> None:
        self._step_unit(True)

    def previous_disagreement(self) -> None:
        self._step_unit(False)

    def set_current(self, span: Span | None) -> None:
        super().set_current(span)
        if span is not None and (self.unit is None or not (self.unit.start <= span.start < self.unit.end)):
            from annotator.model import layer_of_label

            self.unit = self._unit_at(span.start, layer_of_label(span.label))
            self.unitChanged.emit(self.unit)

    # -- deciding ----------------------------------------------------------------------

    def _decide_unit(self, take: list, what: str) -> None:
        unit = self.unit
        if self.article is None or unit is None:
            self.message.emit(tr("No disagreement selected (N: next disagreement)"))
            return
        decision = decide(unit, take)
        if decision.problem:
            self.message.emit(
                tr("Cannot take both: entities in gold cannot overlap; take one version or edit by hand")
            )
            return
        # rejections first: the store checks that accepted gold never overlaps
        changes = [Change(s, s.with_(state=SpanState.REJECTED)) for s in decision.reject]
        changes += [Change(s, s.with_(state=SpanState.ACCEPTED)) for s in decision.accept]
        changes += [Change(None, s) for s in decision.add]
        if changes and not self._push(what, Plan("adjudicate", tuple(changes))):
            return
        self.message.emit(what)
        self._step_unit(True, undecided_first=True)

    def take(self, index: int) -> None:
        """Take annotator ``index``'s version (A = 0, B = 1, ...) of the current unit."""
        if self.unit is None:
            self.message.emit(tr("No disagreement selected (N: next disagreement)"))
            return
        if index >= len(self.annotators):
            self.message.emit(
                tr("This article has no annotator %1").replace(
                    "%1", LETTERS[index] if index < len(LETTERS) else str(index + 1)
                )
            )
            return
        name = self.annotators[index]
        self._decide_unit(self.unit.version(name), tr("Take %1's version").replace("%1", name))

    def take_all(self) -> None:
        if self.unit is not None:
            self._decide_unit(list(self.unit.candidates), tr("Take all versions"))

    def take_none(self) -> None:
        if self.unit is not None:
            self._decide_unit([], tr("Take no version"))

    def approve(self) -> str | None:
        """Approve the article's gold (accepting what a single annotator did); returns the
        next article to review, or None."""
        if self.article is None:
            return None
        accept, problem = approve_plan(self.units, self.annotators)
        if problem is not None:
            self._step_unit(True, undecided_first=True)
            left = sum(u.disagreement for u in self.units if not u.decided)
            self.message.emit(tr("Cannot approve yet: %n disagreement(s) not decided", "", left))
            return None
        live = {s.id: s for s in self.spans}
        plan = Plan(
            "approve",
            tuple(
                Change(live[s.id], live[s.id].with_(state=SpanState.ACCEPTED)) for s in accept if s.id in live
            ),
            (self.session.store.status(self.article.id, self.session.annotator), Status.DONE),
        )
        if not self._push(tr("Approve article"), plan):
            return None
        self.spansChanged.emit(self.article.id)
        self.approved.emit(self.article.id)
        nxt = self.next_in_queue(self.article.id)
        if nxt is None:
            self.message.emit(tr("Every article in the review queue is approved"))
        return nxt


def marks(units: list[Unit]):
    """Text colours for gold spans: green where all annotators agree, red where they
    disagree, amber where only some annotators have the span."""
    from PySide6.QtGui import QColor

    colors = {
        "agree": QColor("#1b5e20"),
        "label": QColor("#b71c1c"),
        "boundary": QColor("#b71c1c"),
        "only_one": QColor("#bf360c"),
    }
    out = {}
    for u in units:
        color = colors.get(u.kind)
        if color is not None:
            for s in u.gold:
                out[(s.start, s.end, s.label)] = color
    return out
