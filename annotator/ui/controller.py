"""What the annotation keys do: turns actions into undoable commands on the session.

The controller owns the current article, its spans and the current span (the one the
keys act on). What an action does is planned by the Qt-free :mod:`annotator.edits` and
applied by the store in one transaction, through an undo command. Undo is kept per
article for the whole session (one QUndoStack each, in a QUndoGroup): leaving an article
and coming back keeps its history, and Ctrl+Z on an article with nothing to undo goes back
to the article last finished and undoes that (mark done, skip).
Proposals for an article are computed in the background when it is opened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoGroup, QUndoStack

from annotator.edits import Plan, Planner, Refused
from annotator.model import Article, Span, SpanState, Status
from annotator.nlp.tokens import Words
from annotator.pipeline import proposer_version
from annotator.pipeline.batch import to_spans
from annotator.session import AnnotationSession, paragraph_range, snap_selection
from annotator.text import whole_characters
from annotator.ui.article_view import AnnotationView
from annotator.ui.commands import PlanCommand
from annotator.ui.i18n import explain, tr
from annotator.ui.workers import ArticleJobs, SaveProposalsJob


class AnnotationController(QObject):
    articleOpened = Signal(str)
    spansChanged = Signal(str)  # article id
    currentChanged = Signal(object)  # Span | None
    message = Signal(str)
    busy = Signal(bool)

    undecidedChanged = Signal(int)  # proposals nobody decided yet in the open article
    navigate = Signal(str)  # undo wants this article open (it undoes an action there)

    def __init__(
        self, session: AnnotationSession, view: AnnotationView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self._trail: list[str] = []  # articles in the order actions were done on them
        self.jobs = ArticleJobs(self)
        self.jobs.finished.connect(self._job_finished)
        self.jobs.failed.connect(self._job_failed)
        self.article: Article | None = None
        self.spans: list[Span] = []
        self.current: Span | None = None
        self.words = Words.simple("")  # syllables: what boundary keys move by
        self._jobs: set[str] = set()  # articles being analysed in the background
        self._savers: list[SaveProposalsJob] = []  # their proposals being stored
        self.model_path: Path | None = None  # the learned model proposals use (ui.learning)
        self.proposer_version = proposer_version(None)  # stored with them (the rules')
        view.spanClicked.connect(self.set_current)

    @property
    def article_id(self) -> str | None:
        return self.article.id if self.article else None

    # -- opening ---------------------------------------------------------------------

    def stack(self, article_id: str) -> QUndoStack:
        """The undo history of one article (kept for the whole session)."""
        if article_id not in self._stacks:
            stack = QUndoStack(self.undo_group)
            self._stacks[article_id] = stack
        return self._stacks[article_id]

    def reset_history(self) -> None:
        """Forget every article's undo history (another database was opened)."""
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self._trail.clear()

    def open_article(self, article_id: str) -> None:
        self.article = self.session.open(article_id)
        self.undo_group.setActiveStack(self.stack(article_id))
        self.spans = self.session.spans(article_id)
        self.words = Words.simple(self.article.text)
        self.view.show_article(self.article.text, self.spans)
        self.current = None
        self.currentChanged.emit(None)
        self.articleOpened.emit(article_id)
        self.undecidedChanged.emit(self.undecided())
        want = self.session.needs_proposals(article_id)
        if want and article_id not in self._jobs:
            self._jobs.add(article_id)
            self.jobs.submit(article_id, self.article.text, want, self.model_path)
            self.busy.emit(True)
            if want:
                self.message.emit(tr("Proposing spans for this article…"))

    def _job_finished(self, article_id: str, proposals: list | None, words: list, seconds: float) -> None:
        if self.jobs.closed:  # queued before the window closed: the store may be gone
            return
        self.jobs.forget(article_id)
        if proposals is None:
            self._proposals_saved(article_id, None)
            return
        # stored on another connection (a long article's spans take a second to write);
        # the article stays busy until they are in
        job = SaveProposalsJob(
            self.session.store.path,
            self.session.annotator,
            article_id,
            to_spans(proposals),
            seconds,
            self.proposer_version,
        )
        job.done.connect(self._proposals_saved)
        job.failed.connect(lambda error: self._job_failed(article_id, error))
        self._savers.append(job)
        job.finished.connect(lambda: self._savers.remove(job))
        job.start()

    def _proposals_saved(self, article_id: str, added: int | None) -> None:
        if self.jobs.closed:
            return
        self._jobs.discard(article_id)
        self.busy.emit(bool(self._jobs))
        if added is None:
            return
        if article_id == self.article_id and self.article is not None:
            self.message.emit(
                tr("%n proposal(s) added", "", added)
                if added
                else tr("The proposer found nothing new in this article")
            )
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
        """Block until background analyses finish (their results still arrive as events,
        and their proposals are then stored in the background)."""
        return self.jobs.wait(msecs / 1000) and all(job.wait(msecs) for job in list(self._savers))

    def shutdown(self) -> None:
        """Before the window goes: drop pending results so nothing arrives later (proposals
        being stored are finished first: a write is never cut)."""
        self.jobs.shutdown()
        self._jobs.clear()
        for job in list(self._savers):
            job.wait()

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
        self.undecidedChanged.emit(self.undecided())
        if self.current is not None:
            self.current = next((s for s in self.spans if s.id == self.current.id), None)
            self.view.set_current(self.current)
            self.currentChanged.emit(self.current)

    def _changed(self, article_id: str, ranges: list[tuple[int, int]], ids: set[int] | None = None) -> None:
        if article_id == self.article_id:
            self._reload(ranges, ids)
        self.spansChanged.emit(article_id)

    def set_current(self, span: Span | None) -> None:
        self.current = span
        self.view.set_current(span)
        self.currentChanged.emit(span)

    def undecided(self) -> int:
        """Proposals in the open article that nobody has accepted or rejected yet."""
        return sum(s.state == SpanState.PROPOSED for s in self.spans)

    # -- actions and undo ------------------------------------------------------------

    def _planner(self) -> Planner:
        assert self.article is not None
        return self.session.planner(self.article, self.spans)

    def _push(self, text: str, plan: Plan) -> bool:
        """Do one action (one transaction, one undo step); False (and the reason in the
        status bar) when it was refused."""
        assert self.article is not None
        if not plan:
            return True
        command = PlanCommand(text, self.session, self.article.id, plan, self._changed)
        self.stack(self.article.id).push(command)
        if command.error is not None:
            self.message.emit(command.error)
            return False
        self._trail.append(self.article.id)
        if plan.status is not None:
            self.spansChanged.emit(self.article.id)  # the list shows the new status
        if plan.focus is not None:
            self.set_current(next((s for s in self.spans if (s.start, s.end, s.label) == plan.focus), None))
        return True

    def _refused(self, exc: Refused) -> None:
        self.message.emit(explain(exc))

    def can_undo(self) -> bool:
        return any(stack.canUndo() for stack in self._stacks.values())

    def bind_undo_actions(self, undo: QAction, redo: QAction) -> None:
        """Keep a window's Undo and Redo actions enabled exactly when they can act."""

        def refresh(*_args: object) -> None:
            undo.setEnabled(self.can_undo())
            stack = self.undo_group.activeStack()
            redo.setEnabled(stack is not None and stack.canRedo())

        group = self.undo_group
        for signal in (
            group.canUndoChanged,
            group.canRedoChanged,
            group.indexChanged,
            group.activeStackChanged,
        ):
            signal.connect(refresh)
        refresh()

    def undo(self) -> None:
        """Undo the open article's last action; with none left, go back to the article
        last acted on (the one just marked done or skipped) and undo there."""
        here = self.article_id
        if here is not None and self.stack(here).canUndo():
            self._undo_in(here)
            return
        for article_id in reversed(self._trail):
            if article_id != here and self.stack(article_id).canUndo():
                self.navigate.emit(article_id)
                if self.article_id == article_id:
                    self._undo_in(article_id)
                return
        # nothing to undo anywhere: the Undo action is disabled then, as in every editor

    def _undo_in(self, article_id: str) -> None:
        stack = self.stack(article_id)
        command = stack.command(stack.index() - 1)
        text = stack.undoText()
        stack.undo()
        if isinstance(command, PlanCommand) and command.error is not None:
            self.message.emit(tr("Could not undo: %1").replace("%1", command.error))
        else:
            self.message.emit(tr("Undone: %1").replace("%1", text))
            if isinstance(command, PlanCommand) and command.plan.status is not None:
                self.spansChanged.emit(article_id)

    def redo(self) -> None:
        if self.article_id is None:
            return
        stack = self.stack(self.article_id)
        if not stack.canRedo():  # the Redo action is disabled then
            return
        command = stack.command(stack.index())
        stack.redo()
        if isinstance(command, PlanCommand) and command.error is not None:
            self.message.emit(tr("Could not redo: %1").replace("%1", command.error))
        elif isinstance(command, PlanCommand) and command.plan.status is not None:
            self.spansChanged.emit(self.article_id)

    # -- labelling -------------------------------------------------------------------

    def label(self, label: str, exact: bool = False) -> None:
        """Label the selection, or relabel the current span.

        The selection is snapped (:func:`annotator.session.snap_selection`): a cut
        syllable is completed, white space and punctuation at its ends dropped; a
        selection already on syllable boundaries is kept as it is. ``exact`` labels
        the selected characters (only whole characters: never half of "ệ" in NFD text).
        """
        if self.article is None:
            return
        sel = self.view.selection()
        text = self.article.text
        try:
            if sel is not None:
                start, end = whole_characters(text, *sel) if exact else snap_selection(text, *sel)
                plan = self._planner().label(start, end, label)
            elif self.current is not None:
                plan = self._planner().label(self.current.start, self.current.end, label, self.current)
            else:
                self.message.emit(tr("Select some text or a span first"))
                return
        except Refused as exc:
            self._refused(exc)
            return
        if not plan:
            self.message.emit(tr("Already labelled"))
            return
        if self._push(tr("Label %1").replace("%1", label), plan):
            replaced = plan.counts()["removed"]
            if replaced:
                self.message.emit(tr("Replaced %n overlapping span(s)", "", replaced))
            self.view.select(plan.focus[1], plan.focus[1]) if plan.focus else None

    # -- deciding on proposals ---------------------------------------------------------

    def _proposals(self) -> list[Span]:
        return [s for s in self.spans if s.state == SpanState.PROPOSED]

    def _step(self, candidates: list[Span], forward: bool) -> None:
        if not candidates:
            self.message.emit(tr("No more proposals in this article"))
            return
        here = (
            (self.current.start, self.current.end)
            if self.current
            else (self.view.offsets.from_qt(self.view.textCursor().position()), -1)
        )
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

    def _decide(self, accept: bool) -> None:
        span = self.current
        if self.article is None or span is None:
            self.message.emit(tr("Select a span first (N: next proposal)"))
            return
        try:
            plan = self._planner().accept(span) if accept else self._planner().reject(span)
        except Refused as exc:
            self._refused(exc)
            return
        if not self._push(tr("Accept") if accept else tr("Reject"), plan):
            return
        self.next_proposal() if self._proposals() else self.set_current(self.current)

    def accept(self) -> None:
        self._decide(True)

    def reject(self) -> None:
        self._decide(False)

    def delete(self) -> None:
        """Delete the current span; a proposal is rejected instead (so it is not offered again)."""
        span = self.current
        if self.article is None or span is None:
            return
        if span.state == SpanState.PROPOSED:
            self.reject()
            return
        if self._push(tr("Delete span"), self._planner().delete(span)):
            self.set_current(None)

    def _accept_in(self, start: int, end: int, what: str) -> None:
        if self.article is None:
            return
        plan, left = self._planner().accept_in(start, end, what)
        if not plan and not left:
            self.message.emit(tr("No proposals to accept"))
            return
        if plan and not self._push(what, plan):
            return
        done = tr("Accepted %n proposal(s)", "", plan.counts()["accepted"])
        if left:
            done += " " + tr(
                "%n left undecided: they overlap a decided span or a surer proposal.", "", len(left)
            )
        self.message.emit(done)

    def accept_paragraph(self) -> None:
        if self.article is None:
            return
        pos = (
            self.current.start
            if self.current
            else self.view.offsets.from_qt(self.view.textCursor().position())
        )
        self._accept_in(*paragraph_range(self.article.text, pos), tr("Accept paragraph"))

    def accept_all(self) -> None:
        if self.article is not None:
            self._accept_in(0, len(self.article.text), tr("Accept all"))

    # -- boundaries ------------------------------------------------------------------

    def move_boundary(self, which: str) -> None:
        """``which``: start-left, start-right, end-left, end-right (one syllable)."""
        span = self.current
        if self.article is None or span is None:
            self.message.emit(tr("Select a span first (N: next proposal)"))
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
            self.message.emit(tr("The boundary cannot move further"))
            return
        try:
            plan = self._planner().move(span, start, end)
        except Refused as exc:
            self._refused(exc)
            return
        self._push(tr("Move boundary"), plan)

    # -- article status ----------------------------------------------------------------

    def mark(self, status: Status, undecided: str | None = None) -> bool:
        """Set the article's status (one undoable action); ``undecided``: what happens to
        the proposals nobody decided ("accept", "reject" or None: left as they are).
        False when nothing was done."""
        if self.article is None:
            return False
        try:
            plan = self._planner().finish(status, undecided)
        except Refused as exc:
            self._refused(exc)
            return False
        name = tr("Mark done") if status == Status.DONE else tr("Skip article")
        if not plan:
            return True
        return self._push(name, plan)

    def use_model(self, path: Path | None, version: str) -> None:
        """Propose with the learned model at ``path`` (None: the rules) from now on."""
        self.model_path = path
        self.proposer_version = version

    def use_session(self, session: AnnotationSession) -> None:
        """Work in ``session`` (another database, or another name) from now on: no article
        open, no undo history of the old one."""
        self.session = session
        self.article = None
        self.reset_history()

    def next_article(self) -> str | None:
        """The next article to do after the open one, or None (with a message saying why)."""
        nxt = self.session.next_article(self.article_id)
        if nxt is None:
            p = self.session.progress()
            if p["skipped"]:
                self.message.emit(
                    tr(
                        "No article left to do: %1 done, %2 skipped (choose "
                        "“Skipped” in the list to see them)"
                    )
                    .replace("%1", str(p["done"]))
                    .replace("%2", str(p["skipped"]))
                )
            else:
                self.message.emit(tr("All articles are done"))
        return nxt
