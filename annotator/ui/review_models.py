"""Qt adapters for the review window: the review queue and the current article's units."""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from annotator.errors import Cancelled
from annotator.model import SpanState
from annotator.review import QueueRow, Unit, review_queue
from annotator.store import Store
from annotator.ui import models
from annotator.ui.i18n import QT_TR_NOOP, label_title, tr
from annotator.ui.models import STATUS_COLOR, STATUS_TEXT, AnyIndex, ArticleIdRole, TableModel
from annotator.ui.safe import plain_tip
from annotator.ui.workers import StoreJob

UnitRole = Qt.ItemDataRole.UserRole + 10


class Listing:
    """A whole review queue with what the window looks up in it: each article's row and
    how many are approved. Built where the queue is read (the job's thread for a large
    one), so that showing it costs the GUI thread no pass over 100,000 rows."""

    __slots__ = ("approved", "at", "rows")

    def __init__(self, rows: list[QueueRow]) -> None:
        self.rows = rows
        self.at = {r.article_id: i for i, r in enumerate(rows)}
        self.approved = sum(r.status == "done" for r in rows)


KIND_TEXT = {
    "agree": QT_TR_NOOP("all agree"),
    "label": QT_TR_NOOP("other label"),
    "boundary": QT_TR_NOOP("other boundaries"),
    "only_one": QT_TR_NOOP("not all have it"),
    "single": QT_TR_NOOP("one annotator"),
    "reviewer": QT_TR_NOOP("added by reviewer"),
}
GOLD_TEXT = {"open": QT_TR_NOOP("to decide"), "decided": QT_TR_NOOP("decided")}
APPROVED = QT_TR_NOOP("Approved")


class ReviewQueueJob(StoreJob):
    """The review queue, read on the job's own connection (it reads every finished
    article), with progress; closing the window stops it at the next article."""

    done = Signal(int, object)  # generation, Listing

    def __init__(self, db_path: Any, generation: int) -> None:
        super().__init__(db_path)
        self.generation = generation

    def work(self, store: Store) -> None:
        try:
            rows = review_queue(store, self.cancelled, self.progress.emit)
        except Cancelled:
            return
        self.done.emit(self.generation, Listing(rows))


class ReviewQueueModel(TableModel):
    """Articles some annotator finished, most disagreement first."""

    COLUMNS = (
        QT_TR_NOOP("Gold"),
        QT_TR_NOOP("Title"),
        QT_TR_NOOP("Ann."),
        QT_TR_NOOP("Dis."),
        QT_TR_NOOP("Open"),
        QT_TR_NOOP("Agr."),
    )
    TIPS = (
        QT_TR_NOOP("The gold layer's state: to do, in progress, approved"),
        QT_TR_NOOP("Title"),
        QT_TR_NOOP("Annotators who finished the article"),
        QT_TR_NOOP("Disagreements between the annotators"),
        QT_TR_NOOP("Disagreements (or a single annotator's spans) still to decide"),
        QT_TR_NOOP("Agreement: mean exact span F1 over pairs of annotators"),
    )

    SHOW = {
        "all": QT_TR_NOOP("All reviewable articles"),
        "open": QT_TR_NOOP("Not approved yet"),
        "approved": QT_TR_NOOP("Approved"),
    }

    listed = Signal()  # a new queue is in

    def __init__(self, store: Store, parent: Any = None, jobs: list | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.whole = Listing([])  # the whole queue; ``rows`` is what ``show`` keeps
        self.rows: list[QueueRow] = []
        self.show = "all"
        self.jobs: list = jobs if jobs is not None else []
        self.generation = 0
        self.ready = False
        self._at: dict[str, int] = {}
        self.reload()

    def set_show(self, show: str) -> None:
        self.show = show
        self._show(self.generation, self.whole)

    @property
    def every(self) -> list[QueueRow]:
        return self.whole.rows

    @property
    def approved(self) -> int:
        """Articles of the whole queue approved in gold."""
        return self.whole.approved

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return tr(self.TIPS[section])
        return super().headerData(section, orientation, role)

    def reload(self) -> None:
        """Read the queue again. It reads every finished article; past ``SYNC_LIMIT``
        articles that happens in the background, and ``listed`` says when it is in."""
        self.generation += 1
        self.ready = False
        if self.store.count_articles() <= models.SYNC_LIMIT:
            self._show(self.generation, Listing(review_queue(self.store)))
            return
        job = ReviewQueueJob(self.store.path, self.generation)
        job.done.connect(self._show)
        job.progress.connect(self.progress)
        self.jobs.append(job)
        job.finished.connect(lambda: self.jobs.remove(job))
        job.start()

    progress = Signal(int, int)  # articles read, articles to read

    def stop(self) -> None:
        """The window closes: a queue on its way is not shown, and its job stops."""
        self.generation += 1
        for job in list(self.jobs):
            job.cancel_requested = True
            job.wait()

    def _show(self, generation: int, listing: Listing) -> None:
        if generation != self.generation:
            return
        self.beginResetModel()
        self.whole = listing
        if self.show == "all":
            self.rows, self._at = listing.rows, listing.at
        else:
            self.rows = [r for r in self.every if (r.status == "done") == (self.show == "approved")]
            self._at = {r.article_id: i for i, r in enumerate(self.rows)}
        self.endResetModel()
        if len(listing.rows) > models.SYNC_LIMIT:
            # out of the garbage collector's sight: at 100,000 rows a full collection
            # over them stalled the window for 0.4 s soon after they came in (rows hold no
            # cycles: they are freed when the queue is read again, all the same)
            gc.freeze()
        self.ready = True
        self.listed.emit()

    def _rows(self) -> list[QueueRow]:
        return self.rows

    def update(self, fresh: QueueRow) -> None:
        """One article's row read again (after an edit): it stays where it is."""
        at = self.whole.at.get(fresh.article_id)
        if at is None:
            return
        self.whole.approved += (fresh.status == "done") - (self.every[at].status == "done")
        self.every[at] = fresh
        row = self.row_of(fresh.article_id)
        if row >= 0:
            self.rows[row] = fresh
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_of(self, article_id: str) -> int:
        return self._at.get(article_id, -1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return tr(APPROVED) if row.status == "done" else tr(STATUS_TEXT[row.status])
            if col == 1:
                return row.title or row.article_id
            if col == 2:
                return len(row.annotators)
            if col == 3:
                return row.disagreements
            if col == 4:
                return row.undecided
            if col == 5:
                return "—" if row.agreement is None else f"{row.agreement:.2f}"
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QBrush(QColor(STATUS_COLOR[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{row.title}\n{', '.join(row.annotators)}")
        if role == ArticleIdRole:
            return row.article_id
        return None


class UnitListModel(TableModel):
    """The current article's units: kind, text, each annotator's version, the gold decision."""

    COLUMNS = (QT_TR_NOOP("Kind"), QT_TR_NOOP("Text"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.units: list[Unit] = []
        self.annotators: list[str] = []
        self.text = ""

    def set_units(self, text: str, annotators: list[str], units: list[Unit]) -> None:
        self.beginResetModel()
        self.text, self.annotators, self.units = text, list(annotators), list(units)
        self.endResetModel()

    def _rows(self) -> list[Unit]:
        return self.units

    def row_of(self, unit: Unit | None) -> int:
        if unit is None:
            return -1
        return next(
            (i for i, u in enumerate(self.units) if (u.start, u.layer) == (unit.start, unit.layer)), -1
        )

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS) + len(self.annotators) + 1

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        if section < len(self.COLUMNS):
            return tr(self.COLUMNS[section])
        i = section - len(self.COLUMNS)
        if i < len(self.annotators):
            from annotator.ui.review_controller import LETTERS

            return (
                f"{LETTERS[i]}: {self.annotators[i]}"
                if role == Qt.ItemDataRole.DisplayRole
                else self.annotators[i]
            )
        return tr("Gold")

    def _describe(self, keys: list[tuple[int, int, str]]) -> str:
        if not keys:
            return "—"
        return "; ".join(f"{label_title(label)} «{self.text[s:e][:40]}»" for s, e, label in keys)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        col = index.column()
        if role == UnitRole:
            return unit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return tr(KIND_TEXT[unit.kind])
            if col == 1:
                return self.text[unit.start : unit.end][:80]
            i = col - len(self.COLUMNS)
            if i < len(self.annotators):
                return self._describe([c.key for c in unit.version(self.annotators[i])])
            taken = sorted(unit.accepted())
            if not unit.decided:
                return tr(GOLD_TEXT["open"])
            return self._describe(taken) if taken else tr("nothing")
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            if unit.disagreement:
                return QBrush(QColor("#b71c1c" if not unit.decided else "#6d4c41"))
            return QBrush(QColor("#1b5e20"))
        if role == Qt.ItemDataRole.FontRole and col == len(self.COLUMNS) + len(self.annotators):
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(not unit.decided)
            return font
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and col == 1
            and any(s.state == SpanState.PROPOSED for s in unit.gold)
        ):
            return QBrush(QColor("#fff3e0"))
        return None
