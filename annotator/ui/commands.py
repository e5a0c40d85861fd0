"""Undo for user actions: one QUndoCommand per action, around a Qt-free plan.

What an action does is worked out by :class:`annotator.edits.Planner`; the store applies
the plan in one transaction (one action row; its id on every history row). Undo applies
the plan's inverse the same way, redo the plan again (a re-created span keeps its id).
So a crash at any moment leaves every action whole or absent, and the database always
equals what is on screen.

After each redo/undo the command reports the text ranges it touched, so the view repaints
only those.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.edits import Plan, Refused
from annotator.errors import UserError
from annotator.model import InvalidSpan
from annotator.session import AnnotationSession
from annotator.ui.i18n import explain

# (article id, text ranges to repaint, ids of the spans that changed)
Changed = Callable[[str, list[tuple[int, int]], set[int]], None]


def _ranges_and_ids(plan: Plan) -> tuple[list[tuple[int, int]], set[int]]:
    ranges, ids = [], set()
    for c in plan.changes:
        for s in (c.before, c.after):
            if s is not None:
                ranges.append((s.start, s.end))
                if s.id is not None:
                    ids.add(s.id)
    return ranges, ids


class PlanCommand(QUndoCommand):
    """One user action. ``error`` says (translated) why it or its undo was refused."""

    def __init__(
        self, text: str, session: AnnotationSession, article_id: str, plan: Plan, changed: Changed | None
    ) -> None:
        super().__init__(text)
        self.session = session
        self.article_id = article_id
        self.plan = plan  # as planned; after the first redo, as applied (ids filled in)
        self.applied = False
        self.changed = changed
        self.error: str | None = None

    def _run(self, plan: Plan) -> bool:
        try:
            self.session.apply(self.article_id, plan)
        except (Refused, InvalidSpan, UserError) as exc:
            self.error = explain(exc)
            self.setObsolete(True)  # nothing was written: leave no step behind
            return False
        return True

    def _notify(self, plan: Plan) -> None:
        if self.changed is not None:
            ranges, ids = _ranges_and_ids(plan)
            self.changed(self.article_id, ranges, ids)

    def redo(self) -> None:
        self.error = None
        if not self.applied:
            try:
                self.plan = self.session.apply(self.article_id, self.plan)
            except (Refused, InvalidSpan, UserError) as exc:
                self.error = explain(exc)
                self.setObsolete(True)
                return
            self.applied = True
        elif not self._run(self.plan):
            return
        self._notify(self.plan)

    def undo(self) -> None:
        self.error = None
        if self._run(self.plan.inverse()):
            self._notify(self.plan)
