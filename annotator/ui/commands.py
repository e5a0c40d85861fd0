"""Undoable edits: one QUndoCommand per user action, made of small operations.

Each operation calls the session (and so the store): every edit is written to SQLite when
it is done and again when it is undone, so the database always equals what is on screen.
A batch action (accept all, label over overlapping spans) is one command with several
operations: one undo step. The operations are plain Python objects; only the outer
command is a Qt object, owned by the undo stack (Qt child commands would be owned twice,
by Qt and by Python).

After each redo/undo the operations report the text ranges they touched, so the view
repaints only those.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from annotator.errors import StoreError
from annotator.model import InvalidSpan, Span
from annotator.session import AnnotationSession

# (article id, text ranges to repaint, ids of the spans that changed)
Changed = Callable[[str, list[tuple[int, int]], set[int]], None]


class AddSpan:
    def __init__(self, span: Span) -> None:
        self.span = span
        self.span_id: int | None = None  # kept, so redo re-creates the same span

    def span_ids(self) -> list[int | None]:
        return [self.span_id]

    def redo(self, session: AnnotationSession, article_id: str) -> list[tuple[int, int]]:
        self.span_id = session.add(article_id, self.span, span_id=self.span_id).id
        return [(self.span.start, self.span.end)]

    def undo(self, session: AnnotationSession, article_id: str) -> list[tuple[int, int]]:
        assert self.span_id is not None
        session.delete(self.span_id)
        return [(self.span.start, self.span.end)]


class DeleteSpan:
    def __init__(self, span: Span) -> None:
        self.span = span

    def span_ids(self) -> list[int | None]:
        return [self.span.id]

    def redo(self, session: AnnotationSession, article_id: str) -> list[tuple[int, int]]:
        assert self.span.id is not None
        session.delete(self.span.id)
        return [(self.span.start, self.span.end)]

    def undo(self, session: AnnotationSession, article_id: str) -> list[tuple[int, int]]:
        session.add(article_id, self.span, span_id=self.span.id)
        return [(self.span.start, self.span.end)]


class UpdateSpans:
    """Change fields of one or more spans (accept, reject, relabel, move a boundary)."""

    def __init__(self, changes: list[tuple[Span, dict[str, Any]]]) -> None:
        self.after = [(span.id, dict(ch)) for span, ch in changes]
        self.before = [(span.id, {k: getattr(span, k) for k in ch}) for span, ch in changes]
        self.ranges = [(span.start, span.end) for span, _ in changes]

    def span_ids(self) -> list[int | None]:
        return [i for i, _ in self.after]

    def _apply(self, session: AnnotationSession,
               changes: list[tuple[int | None, dict[str, Any]]]) -> list[tuple[int, int]]:
        pairs = session.update_many([(i, ch) for i, ch in changes if i is not None])
        return list(self.ranges) + [(new.start, new.end) for _, new in pairs]

    def redo(self, session: AnnotationSession, article_id: str) -> list[tuple[int, int]]:
        return self._apply(session, self.after)

    def undo(self, session: AnnotationSession, article_id: str) -> list[tuple[int, int]]:
        return self._apply(session, self.before)


Operation = AddSpan | DeleteSpan | UpdateSpans


class Edit(QUndoCommand):
    """One user action: operations run in order on redo and in reverse on undo."""

    def __init__(self, text: str, session: AnnotationSession, article_id: str,
                 operations: list[Operation], changed: Changed | None) -> None:
        super().__init__(text)
        self.session = session
        self.article_id = article_id
        self.operations = operations
        self.changed = changed
        self.error: str | None = None  # why the first redo failed (nothing was kept)

    def _notify(self, ranges: list[tuple[int, int]]) -> None:
        if self.changed is not None:
            ids = {i for op in self.operations for i in op.span_ids() if i is not None}
            self.changed(self.article_id, ranges, ids)

    def redo(self) -> None:
        ranges: list[tuple[int, int]] = []
        done: list[Operation] = []
        try:
            for op in self.operations:
                ranges += op.redo(self.session, self.article_id)
                done.append(op)
        except (InvalidSpan, StoreError) as exc:
            # put back what this command already changed, and leave no undo step behind
            for op in reversed(done):
                op.undo(self.session, self.article_id)
            self.error = str(exc)
            self.setObsolete(True)
        self._notify(ranges)

    def undo(self) -> None:
        ranges: list[tuple[int, int]] = []
        for op in reversed(self.operations):
            ranges += op.undo(self.session, self.article_id)
        self._notify(ranges)
