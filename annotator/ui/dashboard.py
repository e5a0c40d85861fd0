"""The agreement dashboard: agreement per label (table and chart), each annotator's
progress, and the articles with the lowest agreement (Enter or double-click to review)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.agreement import PairAgreement, agreement, annotator_progress, summary
from annotator.errors import Cancelled
from annotator.review import review_queue, sorted_in_steps
from annotator.store import Store
from annotator.ui.i18n import QT_TR_NOOP, tr
from annotator.ui.models import AnyIndex, ArticleIdRole, TableModel
from annotator.ui.tables import table_view
from annotator.ui.workers import StoreJob

SERIES = (
    ("exact", QT_TR_NOOP("Span F1 (exact)"), "#1e88e5"),
    ("overlap", QT_TR_NOOP("Span F1 (overlap)"), "#90caf9"),
    ("kappa", QT_TR_NOOP("Cohen's κ"), "#43a047"),
    ("alpha", QT_TR_NOOP("Krippendorff's α"), "#fb8c00"),
)


class _ListTable(TableModel):
    """A table whose rows are replaced as a whole."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def _rows(self) -> list[Any]:
        return self.rows


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class LabelAgreementModel(_ListTable):
    COLUMNS = (QT_TR_NOOP("Label"), *(text for _, text, _ in SERIES))

    def set_summary(self, figures: dict[str, dict[str, float | None]]) -> None:
        self.set_rows(list(figures.items()))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return key if index.column() == 0 else _fmt(row[SERIES[index.column() - 1][0]])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ProgressModel(_ListTable):
    COLUMNS = (
        QT_TR_NOOP("Annotator"),
        QT_TR_NOOP("Done / assigned"),
        QT_TR_NOOP("In progress"),
        QT_TR_NOOP("Skipped"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self.rows[index.row()]
        share = f" ({100 * r['done'] / r['assigned']:.0f} %)" if r["assigned"] else ""
        return (r["annotator"], f"{r['done']} / {r['assigned']}{share}", r["in_progress"], r["skipped"])[
            index.column()
        ]


class LowestAgreementModel(_ListTable):
    COLUMNS = (
        QT_TR_NOOP("Agreement"),
        QT_TR_NOOP("Title"),
        QT_TR_NOOP("Disagreements"),
        QT_TR_NOOP("Annotators"),
    )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (_fmt(r.agreement), r.title or r.article_id, r.disagreements, ", ".join(r.annotators))[
                index.column()
            ]
        if role == ArticleIdRole:
            return r.article_id
        return None


class AgreementChart(QWidget):
    """Grouped bars: one group per label, one bar per measure, on a 0–1 scale."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("agreementChart")
        self.setMinimumHeight(220)
        self.figures: dict[str, dict[str, float | None]] = {}

    def set_summary(self, figures: dict[str, dict[str, float | None]]) -> None:
        self.figures = figures
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        fm = p.fontMetrics()
        left, top, bottom, right = 40, 28, 26, 10
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        if not self.figures or plot.width() < 50 or plot.height() < 30:
            p.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                tr("No pair of annotators has finished the same article yet"),
            )
            return
        # axis and grid; a measure can be negative (kappa, alpha): clip at 0
        p.setPen(QPen(QColor("#bdbdbd")))
        for i in range(6):
            y = plot.bottom() - plot.height() * i / 5
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.drawText(
                0,
                int(y - fm.height() / 2),
                left - 6,
                fm.height(),
                int(Qt.AlignmentFlag.AlignRight),
                f"{i / 5:.1f}",
            )
        groups = list(self.figures.items())
        gw = plot.width() / len(groups)
        bw = gw * 0.8 / len(SERIES)
        for g, (key, row) in enumerate(groups):
            x0 = plot.left() + g * gw + gw * 0.1
            for s, (metric, _, color) in enumerate(SERIES):
                value = row.get(metric)
                if value is None:
                    continue
                h = plot.height() * max(0.0, min(1.0, value))
                p.fillRect(QRectF(x0 + s * bw, plot.bottom() - h, bw - 1, h), QColor(color))
            p.setPen(QPen(QColor("#212121")))
            p.drawText(
                int(plot.left() + g * gw),
                int(plot.bottom() + 4),
                int(gw),
                fm.height(),
                int(Qt.AlignmentFlag.AlignHCenter),
                key,
            )
        # legend
        x = left
        for _, text, color in SERIES:
            p.fillRect(x, 8, 12, 12, QColor(color))
            p.setPen(QPen(QColor("#212121")))
            label = tr(text)
            p.drawText(
                x + 16,
                6,
                fm.horizontalAdvance(label) + 4,
                fm.height(),
                int(Qt.AlignmentFlag.AlignLeft),
                label,
            )
            x += 16 + fm.horizontalAdvance(label) + 18
        p.end()


@dataclass(frozen=True)
class DashboardFigures:
    pairs: list[PairAgreement]
    progress: list[dict[str, Any]]
    lowest: list[Any]  # review queue rows, least agreement first


# (database path, change stamp) -> its figures: reopening an unchanged database is instant
_CACHE: dict[tuple[str, tuple], DashboardFigures] = {}


def compute(store: Store, cancelled: Callable[[], bool] | None = None) -> DashboardFigures:
    queue = sorted_in_steps(
        [r for r in review_queue(store, cancelled) if r.agreement is not None],
        key=lambda r: (r.agreement, -r.disagreements),
    )
    return DashboardFigures(agreement(store, cancelled), annotator_progress(store), queue)


class DashboardJob(StoreJob):
    """The dashboard's figures, computed on the job's own connection."""

    done = Signal(object, object)  # (path, stamp), DashboardFigures

    def __init__(self, db_path: Path, stamp: tuple) -> None:
        super().__init__(db_path)
        self.stamp = stamp

    def work(self, store: Store) -> None:
        try:
            figures = compute(store, self.cancelled)
        except Cancelled:
            return  # the dashboard was closed: nothing to show
        self.done.emit((str(self.db_path), self.stamp), figures)


class DashboardWindow(QMainWindow):
    reviewRequested = Signal(str)  # article id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.setWindowTitle(tr("Agreement dashboard — %1").replace("%1", store.path.name))
        self.store = store
        self.pairs: list[PairAgreement] = []
        self.pair_box = QComboBox()
        self.pair_box.setObjectName("pairChoice")
        self.label_model = LabelAgreementModel(self)
        self.label_table = table_view(
            self.label_model, "labelAgreement", {0: 120, 1: 120, 2: 120, 3: 110, 4: 120}
        )
        self.chart = AgreementChart()
        self.progress_model = ProgressModel(self)
        self.progress_table = table_view(self.progress_model, "annotatorProgress", {0: 140, 2: 90, 3: 80})
        self.lowest_model = LowestAgreementModel(self)
        self.lowest_table = table_view(self.lowest_model, "lowestAgreement", {0: 80, 2: 100, 3: 160})
        self.summary_label = QLabel()
        self.summary_label.setObjectName("dashboardSummary")

        top = QWidget()
        tl = QVBoxLayout(top)
        row = QHBoxLayout()
        choose = QLabel(tr("&Pair of annotators:"))
        choose.setBuddy(self.pair_box)
        row.addWidget(choose)
        row.addWidget(self.pair_box, 1)
        tl.addWidget(self.summary_label)
        tl.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.label_table)
        split.addWidget(self.chart)
        split.setSizes([230, 330])
        tl.addWidget(split, 1)
        self.label_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tabs = QTabWidget()
        tabs.addTab(top, tr("Agreement per label"))
        tabs.addTab(self.progress_table, tr("Progress per annotator"))
        tabs.addTab(self.lowest_table, tr("Lowest agreement (Enter to review)"))
        self.tabs = tabs
        self.setCentralWidget(tabs)
        self.resize(900, 640)
        self.pair_box.currentIndexChanged.connect(self._show_pair)
        self.lowest_table.activated.connect(self._review)
        self.lowest_table.doubleClicked.connect(self._review)
        self.ready = False  # the figures are shown
        self._jobs: list[DashboardJob] = []
        self.refresh()

    def refresh(self) -> None:
        """Compute the figures in the background (agreement reads every shared article)
        and show them when ready; figures of an unchanged database come from the cache."""
        stamp = self.store.change_stamp()
        cached = _CACHE.get((str(self.store.path), stamp))
        if cached is not None:
            self._show(cached)
            return
        self.ready = False
        self.summary_label.setText(tr("Computing agreement…"))
        job = DashboardJob(self.store.path, stamp)
        job.done.connect(self._computed)
        job.failed.connect(self.summary_label.setText)
        job.finished.connect(lambda: self._jobs.remove(job))
        self._jobs.append(job)
        job.start()

    def _computed(self, key: tuple, figures: DashboardFigures) -> None:
        _CACHE.clear()  # one database's latest figures are all that is worth keeping
        _CACHE[key] = figures
        self._show(figures)

    def _show(self, figures: DashboardFigures) -> None:
        self.pairs = figures.pairs
        self.pair_box.blockSignals(True)
        self.pair_box.clear()
        self.pair_box.addItem(tr("All pairs"), -1)
        for i, p in enumerate(self.pairs):
            self.pair_box.addItem(f"{p.a} – {p.b} ({p.articles})", i)
        self.pair_box.blockSignals(False)
        self._show_pair()
        self.progress_model.set_rows(figures.progress)
        self.lowest_model.set_rows(figures.lowest)
        shared = sum(p.articles for p in self.pairs)
        self.summary_label.setText(
            tr("%1 pair(s) of annotators, %2 shared article(s)")
            .replace("%1", str(len(self.pairs)))
            .replace("%2", str(shared))
        )
        self.ready = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        for job in list(self._jobs):  # it stops at the next article it would read
            job.cancel_requested = True
            job.wait()
        super().closeEvent(event)

    def _show_pair(self, _index: int = 0) -> None:
        choice = self.pair_box.currentData()
        pairs = self.pairs if choice in (None, -1) else [self.pairs[choice]]
        figures = summary(pairs) if pairs else {}
        self.label_model.set_summary(figures)
        self.chart.set_summary(figures)

    def _review(self, index: QModelIndex) -> None:
        article_id = index.siblingAtColumn(0).data(ArticleIdRole)
        if article_id:
            self.reviewRequested.emit(article_id)
