"""What the annotation keys do: turns actions into undoable commands on the session.

The controller owns the current article, its spans and the current span (the one the
keys act on). Every edit goes through an undo command that writes to SQLite at once.
Proposals and word boundaries for an article are computed in the background when the
article is opened; until the words arrive, selections snap to syllables.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.model import Article, Span, SpanState, Status
from annotator.proposals.batch import to_spans
from annotator.session import AnnotationSession, Words, paragraph_range
from annotator.text import whole_characters
from annotator.ui.article_view import AnnotationView
from annotator.ui.commands import AddSpan, DeleteSpan, Edit, Operation, UpdateSpans
from annotator.ui.i18n import tr
from annotator.ui.workers import ArticleJobs


class AnnotationController(QObject):
    articleOpened = Signal(str)
    spansChanged = Signal(str)  # article id
    currentChanged = Signal(object)  # Span | None
    message = Signal(str)
    busy = Signal(bool)

    def __init__(self, session: AnnotationSession, view: AnnotationView,
                 undo: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.undo = undo
        self.jobs = ArticleJobs(self)
        self.jobs.finished.connect(self._job_finished)
        self.jobs.failed.connect(self._job_failed)
        self.article: Article | None = None
        self.spans: list[Span] = []
        self.current: Span | None = None
        self.words = Words.simple("")
        self._word_cache: dict[str, Words] = {}
        self._jobs: set[str] = set()  # articles being analysed in the background
        self.model_path = None  # the learned model proposals use (annotator.ui.learning)
        self.proposer_version: str | None = None  # stored with them; None: the rules'
        view.spanClicked.connect(self.set_current)

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article else None

    # -- opening ---------------------------------------------------------------------

    def open_article(self, article_id: str) -> None:
        self.undo.clear()  # undo is per article, as in INCEpTION and doccano
        self.article = self.session.open(article_id)
        self.spans = self.session.spans(article_id)
        self.words = self._word_cache.get(article_id) or Words.simple(self.article.text)
        self.view.show_article(self.article.text, self.spans)
        self.current = None
        self.currentChanged.emit(None)
        self.articleOpened.emit(article_id)
        want = self.session.needs_proposals(article_id)
        if (want or article_id not in self._word_cache) and article_id not in self._jobs:
            self._jobs.add(article_id)
            self.jobs.submit(article_id, self.article.text, want, self.model_path)
            self.busy.emit(True)
            if want:
                self.message.emit(tr("Proposing spans for this article…"))

    def _job_finished(self, article_id: str, proposals: list | None, words: list,
                      seconds: float) -> None:
        if self.jobs.closed:  # queued before the window closed: the store may be gone
            return
        self._jobs.discard(article_id)
        self.jobs.forget(article_id)
        self.busy.emit(bool(self._jobs))
        self._word_cache[article_id] = Words.of(words)
        if article_id == self.article_id:
            self.words = self._word_cache[article_id]
        if proposals is not None:
            added = self.session.save_proposals(article_id, to_spans(proposals), seconds,
                                                self.proposer_version)
            if article_id == self.article_id:
                self.message.emit(tr("%n proposal(s) added", "", added) if added else
                                  tr("The proposer found nothing new in this article"))
                self._reload([(0, len(self.article.text))])
            self.spansChanged.emit(article_id)

    def _job_failed(self, article_id: str, error: str) -> None:
        if self.jobs.closed:
            return
        self._jobs.discard(article_id)
        self.jobs.forget(article_id)
        self.busy.emit(bool(self._jobs))
        self.message.emit(tr("Could not propose spans: %1").replace("%1", error))

    def wait_for_jobs(self, msecs: int = 60000) -> bool:
        """Block until background analyses finish (their results still arrive as events)."""
        return self.jobs.wait(msecs / 1000)

    def shutdown(self) -> None:
        """Before the window goes: drop pending results so nothing arrives later."""
        self.jobs.shutdown()
        self._jobs.clear()

    # -- refresh after edits ---------------------------------------------------------

    def _reload(self, ranges: list[tuple[int, int]], ids: set[int] | None = None) -> None:
        """Refresh spans after a change: only ``ids`` if given, else all of them."""
        assert self.article is not None
        if ids is None:
            self.spans = self.session.spans(self.article.id)
        else:
            fresh = {s.id: s for s in self.session.store.spans_by_id(ids)}
            kept = [s for s in self.spans if s.id not in ids]
            self.spans = kept + list(fresh.values())
        self.view.update_spans(self.spans, ranges)
        if self.current is not None:
            self.current = next((s for s in self.spans if s.id == self.current.id), None)
            self.view.set_current(self.current)
            self.currentChanged.emit(self.current)

    def _changed(self, article_id: str, ranges: list[tuple[int, int]],
                 ids: set[int] | None = None) -> None:
        if article_id == self.article_id:
            self._reload(ranges, ids)
        self.spansChanged.emit(article_id)

    def set_current(self, span: Span | None) -> None:
        self.current = span
        self.view.set_current(span)
        self.currentChanged.emit(span)

    def _push(self, text: str, operations: list[Operation]) -> None:
        assert self.article is not None
        edit = Edit(text, self.session, self.article.id, operations, self._changed)
        self.undo.push(edit)
        if edit.error is not None:
            self.message.emit(tr("Not done: %1").replace("%1", edit.error))
            return
        if self.session.started(self.article.id):
            self.spansChanged.emit(self.article.id)  # the list shows "In progress"

    # -- labelling -------------------------------------------------------------------

    def label(self, label: str, exact: bool = False) -> None:
        """Label the selection (snapped to words unless ``exact``), or relabel the current span."""
        if self.article is None:
            return
        sel = self.view.selection()
        if sel is not None:
            start, end = sel if exact else self.words.snap(*sel)
            text = self.article.text
            start, end = whole_characters(text, start, end)  # never cut "ệ" in NFD text
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start >= end:
                return
            self._apply_label(start, end, label, None)
        elif self.current is not None:
            self._apply_label(self.current.start, self.current.end, label, self.current)

    def _apply_label(self, start: int, end: int, label: str, span: Span | None) -> None:
        assert self.article is not None
        others = [s for s in self.spans if span is None or s.id != span.id]
        plan = self.session.plan_label(others, start, end, label)
        ops: list[Operation] = [UpdateSpans([(r, {"state": SpanState.REJECTED})])
                                for r in plan.reject]
        ops += [DeleteSpan(r) for r in plan.delete]
        add = None
        target_id = None
        if span is not None:
            ops.append(UpdateSpans([(span, {"label": label, "state": SpanState.ACCEPTED})]))
            target_id = span.id
        elif plan.accept is not None:
            ops.append(UpdateSpans([(plan.accept, {"state": SpanState.ACCEPTED})]))
            target_id = plan.accept.id
        elif plan.add is not None:
            add = AddSpan(plan.add)
            ops.append(add)
        self._push(tr("Label %1").replace("%1", label), ops)
        if add is not None:
            target_id = add.span_id
        if plan.delete:
            self.message.emit(tr("Replaced %n overlapping span(s)", "", len(plan.delete)))
        self.view.select(end, end)
        self.set_current(next((s for s in self.spans if s.id == target_id), None))

    # -- deciding on proposals ---------------------------------------------------------

    def _proposals(self) -> list[Span]:
        return [s for s in self.spans if s.state == SpanState.PROPOSED]

    def _step(self, candidates: list[Span], forward: bool) -> None:
        if not candidates:
            self.message.emit(tr("No more proposals in this article"))
            return
        here = (self.current.start, self.current.end) if self.current else (
            self.view.offsets.from_qt(self.view.textCursor().position()), -1)
        ordered = sorted(candidates, key=lambda s: (s.start, s.end))
        if forward:
            nxt = next((s for s in ordered if (s.start, s.end) > here), ordered[0])
        else:
            nxt = next((s for s in reversed(ordered) if (s.start, s.end) < here), ordered[-1])
        self.set_current(nxt)

    def next_proposal(self) -> None:
        self._step(self._proposals(), True)

    def previous_proposal(self) -> None:
        self._step(self._proposals(), False)

    def next_span(self) -> None:
        self._step([s for s in self.spans if s.state != SpanState.REJECTED], True)

    def previous_span(self) -> None:
        self._step([s for s in self.spans if s.state != SpanState.REJECTED], False)

    def _decide(self, state: SpanState, verb: str) -> None:
        span = self.current
        if self.article is None or span is None:
            self.message.emit(tr("Select a span first (N: next proposal)"))
            return
        if span.state != state:
            self._push(verb, [UpdateSpans([(span, {"state": state})])])
        self.next_proposal() if self._proposals() else self.set_current(self.current)

    def accept(self) -> None:
        self._decide(SpanState.ACCEPTED, tr("Accept"))

    def reject(self) -> None:
        self._decide(SpanState.REJECTED, tr("Reject"))

    def delete(self) -> None:
        """Delete the current span; a proposal is rejected instead (so it is not offered again)."""
        span = self.current
        if self.article is None or span is None:
            return
        if span.state == SpanState.PROPOSED:
            self.reject()
            return
        self._push(tr("Delete span"), [DeleteSpan(span)])
        self.set_current(None)

    def _accept_in(self, start: int, end: int, what: str) -> None:
        if self.article is None:
            return
        todo = [s for s in self._proposals() if start <= s.start and s.end <= end]
        if not todo:
            self.message.emit(tr("No proposals to accept"))
            return
        self._push(what, [UpdateSpans([(s, {"state": SpanState.ACCEPTED}) for s in todo])])
        self.message.emit(tr("Accepted %n proposal(s)", "", len(todo)))

    def accept_paragraph(self) -> None:
        if self.article is None:
            return
        pos = self.current.start if self.current else self.view.offsets.from_qt(
            self.view.textCursor().position())
        self._accept_in(*paragraph_range(self.article.text, pos), tr("Accept paragraph"))

    def accept_all(self) -> None:
        if self.article is not None:
            self._accept_in(0, len(self.article.text), tr("Accept all"))

    # -- boundaries ------------------------------------------------------------------

    def move_boundary(self, which: str) -> None:
        """``which``: start-left, start-right, end-left, end-right (one word)."""
        span = self.current
        if self.article is None or span is None:
            return
        start, end = span.start, span.end
        if which == "start-left":
            start = self.words.start_left(start)
        elif which == "start-right":
            start = self.words.start_right(start, end)
        elif which == "end-right":
            end = self.words.end_right(end)
        elif which == "end-left":
            end = self.words.end_left(start, end)
        if (start, end) == (span.start, span.end):
            return
        self._push(tr("Move boundary"), [UpdateSpans(
            [(span, {"start": start, "end": end, "state": SpanState.ACCEPTED})])])

    # -- article status ----------------------------------------------------------------

    def mark(self, status: Status) -> str | None:
        """Set the article's status and open the next article to do; returns its id."""
        if self.article is None:
            return None
        self.session.set_status(self.article.id, status)
        self.spansChanged.emit(self.article.id)
        nxt = self.session.next_article(self.article.id)
        if nxt is None:
            self.message.emit(tr("All articles are done"))
        return nxt
