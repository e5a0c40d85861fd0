"""User actions as plans: what one keystroke does to an annotator's layer, worked out
without Qt and without the database.

An action (label a selection, accept, reject, delete, move a boundary, accept a
paragraph, mark the article done) becomes a :class:`Plan`: the span changes and the
status change it makes. The store applies a plan in one transaction and records one
action row for it, with the action's id on every history row it writes; undo applies the
plan's :meth:`~Plan.inverse` the same way. So an action is always whole or absent.

The rules the data keeps are checked here when planning, so the user hears why an action
is refused, and again by the store, so that no path can break them: decided (accepted)
spans of one layer never overlap (entities never overlap entities, tasks never overlap
tasks); an annotator has at most one span per offsets and label.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from annotator.model import HUMAN, Span, SpanState, Status, layer_of_label

ACCEPTED = SpanState.ACCEPTED
PROPOSED = SpanState.PROPOSED
REJECTED = SpanState.REJECTED


class Refused(ValueError):
    """An action the data's rules do not allow.

    ``template`` is one English sentence with ``{placeholders}``; the window translates it
    and fills in ``params`` (``label`` and ``other`` are label names, ``text`` a quote).
    """

    def __init__(self, template: str, **params: str) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name Qt's lupdate collects)
    """Marks a refusal for translation; the window translates it when it shows it."""
    return text


OVERLAP = QT_TR_NOOP("It would overlap the accepted {other} “{text}”: {label} spans cannot overlap it.")
TAKEN = QT_TR_NOOP("There is already an accepted {label} span at exactly these characters.")
STALE = QT_TR_NOOP(
    "This article was changed outside this window (another window or a "
    "merge); open it again to see the changes."
)
EMPTY = QT_TR_NOOP("The selection holds no text to label.")


@dataclass(frozen=True)
class Change:
    """One span before and after: ``before`` None creates it, ``after`` None deletes it."""

    before: Span | None
    after: Span | None


@dataclass(frozen=True)
class Plan:
    """What one user action does: span changes in order, and the article status."""

    name: str
    changes: tuple[Change, ...] = ()
    status: tuple[Status, Status] | None = None  # (before, after)
    focus: tuple[int, int, str] | None = None  # the span the keys act on afterwards

    def __bool__(self) -> bool:
        return bool(self.changes) or (self.status is not None and self.status[0] != self.status[1])

    def inverse(self) -> Plan:
        """The plan that undoes this one (apply it after this one was applied)."""
        return Plan(
            f"undo {self.name}",
            tuple(Change(c.after, c.before) for c in reversed(self.changes)),
            None if self.status is None else (self.status[1], self.status[0]),
            self.focus,
        )

    def with_status(self, before: Status, after: Status) -> Plan:
        return Plan(self.name, self.changes, (before, after), self.focus)

    def counts(self) -> dict[str, int]:
        """How many spans the plan accepts, rejects, adds and removes (for messages)."""
        out = {"accepted": 0, "rejected": 0, "added": 0, "removed": 0}
        for c in self.changes:
            if c.before is None:
                out["added"] += 1
            elif c.after is None:
                out["removed"] += 1
            elif c.after.state != c.before.state:
                out[str(c.after.state)] = out.get(str(c.after.state), 0) + 1
        return out


def key(span: Span) -> tuple[int, int, str]:
    return span.start, span.end, span.label


def overlapping_decided(spans: Iterable[Span]) -> tuple[Span, Span] | None:
    """Two accepted spans of one layer that overlap, if there are any."""
    by_layer: dict[str, list[Span]] = {}
    for s in spans:
        if s.state == ACCEPTED:
            by_layer.setdefault(layer_of_label(s.label), []).append(s)
    for layer_spans in by_layer.values():
        layer_spans.sort(key=lambda s: (s.start, s.end))
        widest = layer_spans[0] if layer_spans else None
        for s in layer_spans[1:]:
            assert widest is not None
            if s.start < widest.end:
                return widest, s
            if s.end > widest.end:
                widest = s
    return None


class Planner:
    """Works out plans on one article's layer as it is now (``spans``, ``status``)."""

    def __init__(self, text: str, spans: list[Span], status: Status = Status.IN_PROGRESS) -> None:
        self.text = text
        self.spans = spans
        self.status = status

    # -- helpers -----------------------------------------------------------------------

    def _quote(self, span: Span) -> str:
        words = self.text[span.start : span.end]
        return words if len(words) <= 40 else words[:39] + "…"

    def _rivals(self, start: int, end: int, label: str, exclude: Iterable[Span] = ()) -> list[Span]:
        """Live spans of ``label``'s layer overlapping ``[start, end)``."""
        layer = layer_of_label(label)
        skip = {id(s) for s in exclude}
        return [
            s
            for s in self.spans
            if id(s) not in skip
            and s.state != REJECTED
            and layer_of_label(s.label) == layer
            and s.start < end
            and start < s.end
        ]

    def _refuse_overlap(self, label: str, rivals: list[Span]) -> None:
        for r in rivals:
            if r.state == ACCEPTED:
                raise Refused(OVERLAP, label=label, other=r.label, text=self._quote(r))

    @staticmethod
    def _drop(span: Span) -> Change | None:
        """Take a span out of the way: a proposal is rejected, a decided span deleted."""
        if span.state == REJECTED:
            return None
        if span.state == PROPOSED:
            return Change(span, span.with_(state=REJECTED))
        return Change(span, None)

    def _same(self, start: int, end: int, label: str, exclude: Span | None) -> Span | None:
        return next(
            (
                s
                for s in self.spans
                if key(s) == (start, end, label) and (exclude is None or s.id != exclude.id)
            ),
            None,
        )

    def _started(self, plan: Plan) -> Plan:
        """An edit on an article not yet started puts it in progress (undo puts it back)."""
        if plan.changes and plan.status is None and self.status == Status.TODO:
            return plan.with_status(Status.TODO, Status.IN_PROGRESS)
        return plan

    # -- actions -----------------------------------------------------------------------

    def label(self, start: int, end: int, label: str, current: Span | None = None) -> Plan:
        """Label ``[start, end)`` (a selection, or ``current``'s range when relabelling).

        Proposals in the way are rejected and accepted spans in the way replaced (Prodigy
        and INCEpTION do the same when you label over something); a span already at these
        offsets with this label is accepted again rather than doubled.
        """
        if start >= end:
            raise Refused(EMPTY)
        exclude = [current] if current is not None else []
        same = self._same(start, end, label, current)
        rivals = self._rivals(start, end, label, exclude + ([same] if same else []))
        changes = [c for c in map(self._drop, rivals) if c is not None]
        if current is not None and same is not None:
            dropped = self._drop(current)
            changes += [dropped] if dropped is not None else []
        if same is not None:
            if same.state != ACCEPTED:
                changes.append(Change(same, same.with_(state=ACCEPTED)))
        elif current is not None:
            if (current.label, current.state) != (label, ACCEPTED):
                changes.append(Change(current, current.with_(label=label, state=ACCEPTED)))
        else:
            changes.append(Change(None, Span(start, end, label, origin=HUMAN, state=ACCEPTED)))
        return self._started(Plan("label", tuple(changes), focus=(start, end, label)))

    def accept(self, span: Span) -> Plan:
        """Accept a span; overlapping proposals (its alternatives) are rejected with it."""
        rivals = self._rivals(span.start, span.end, span.label, [span])
        self._refuse_overlap(span.label, rivals)
        changes = [c for c in map(self._drop, rivals) if c is not None]
        if span.state != ACCEPTED:
            changes.append(Change(span, span.with_(state=ACCEPTED)))
        return self._started(Plan("accept", tuple(changes), focus=key(span)))

    def reject(self, span: Span) -> Plan:
        changes = () if span.state == REJECTED else (Change(span, span.with_(state=REJECTED)),)
        return self._started(Plan("reject", changes, focus=key(span)))

    def delete(self, span: Span) -> Plan:
        """Delete a decided span; a proposal is rejected instead (so it is not offered again)."""
        if span.state == PROPOSED:
            return self.reject(span)
        return self._started(Plan("delete", (Change(span, None),)))

    def move(self, span: Span, start: int, end: int) -> Plan:
        """Give ``span`` new offsets (a boundary key); the result is accepted.

        Refused when it would overlap an accepted span of its layer; proposals in the way
        are rejected; a proposal (or rejected span) already at the new offsets with the same
        label is revived instead of doubled.
        """
        if start >= end:
            raise Refused(EMPTY)
        same = self._same(start, end, span.label, span)
        rivals = self._rivals(start, end, span.label, [span] + ([same] if same else []))
        if same is not None and same.state == ACCEPTED:
            raise Refused(TAKEN, label=span.label)
        self._refuse_overlap(span.label, rivals)
        changes = [c for c in map(self._drop, rivals) if c is not None]
        if same is not None:
            changes.append(
                Change(span, None) if span.state != PROPOSED else Change(span, span.with_(state=REJECTED))
            )
            changes.append(Change(same, same.with_(state=ACCEPTED)))
        else:
            changes.append(Change(span, span.with_(start=start, end=end, state=ACCEPTED)))
        return self._started(Plan("move", tuple(changes), focus=(start, end, span.label)))

    def accept_in(self, start: int, end: int, name: str = "accept all") -> tuple[Plan, list[Span]]:
        """Accept the proposals inside ``[start, end)``; returns the plan and the proposals
        left undecided because they overlap a decided span or a surer proposal."""
        todo = sorted(
            (s for s in self.spans if s.state == PROPOSED and start <= s.start and s.end <= end),
            key=lambda s: (-(s.confidence or 0.0), s.start, s.end),
        )
        taken = [s for s in self.spans if s.state == ACCEPTED]
        changes: list[Change] = []
        left: list[Span] = []
        for s in todo:
            layer = layer_of_label(s.label)
            if any(t.start < s.end and s.start < t.end and layer_of_label(t.label) == layer for t in taken):
                left.append(s)
                continue
            taken.append(s)
            changes.append(Change(s, s.with_(state=ACCEPTED)))
        changes.sort(key=lambda c: (c.before.start, c.before.end) if c.before else (0, 0))
        return self._started(Plan(name, tuple(changes))), left

    def undecided(self) -> list[Span]:
        return [s for s in self.spans if s.state == PROPOSED]

    def finish(self, status: Status, undecided: str | None = None) -> Plan:
        """Set the article's status (done, skipped); ``undecided`` says what happens to the
        proposals nobody decided: "accept" (those that fit; the rest are rejected),
        "reject", or None (left as they are)."""
        changes: list[Change] = []
        if undecided == "accept":
            plan, left = self.accept_in(0, len(self.text))
            changes += plan.changes
            changes += [Change(s, s.with_(state=REJECTED)) for s in left]
        elif undecided == "reject":
            changes += [Change(s, s.with_(state=REJECTED)) for s in self.undecided()]
        return Plan(str(status), tuple(changes), (self.status, status))
