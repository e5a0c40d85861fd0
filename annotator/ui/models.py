"""Qt adapters over core data: one model per list shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from annotator.model import Span, SpanState, label_defs
from annotator.store import Store
from annotator.ui.i18n import QT_TR_NOOP, label_title, tr
from annotator.ui.safe import plain_tip

ArticleIdRole = Qt.ItemDataRole.UserRole + 1
SpanRole = Qt.ItemDataRole.UserRole + 2
StatusRole = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


STATUS_TEXT = {
    "todo": QT_TR_NOOP("To do"),
    "in_progress": QT_TR_NOOP("In progress"),
    "done": QT_TR_NOOP("Done"),
    "skipped": QT_TR_NOOP("Skipped"),
}
STATE_TEXT = {
    "proposed": QT_TR_NOOP("proposed"),
    "accepted": QT_TR_NOOP("accepted"),
    "rejected": QT_TR_NOOP("rejected"),
}
STATUS_COLOR = {"todo": "#9e9e9e", "in_progress": "#1e88e5", "done": "#43a047", "skipped": "#fb8c00"}
ORIGIN_TEXT = {"human": QT_TR_NOOP("by hand"), "import": QT_TR_NOOP("imported")}


def origin_text(origin: str) -> str:
    """Where a span came from, in the interface's language ("proposer:rules-3" keeps its
    version after the translated word)."""
    if origin in ORIGIN_TEXT:
        return tr(ORIGIN_TEXT[origin])
    head, _, rest = origin.partition(":")
    if head == "proposer":
        return tr("proposer") + (f" ({rest})" if rest else "")
    return origin


class TableModel(QAbstractTableModel):
    """A table over a Python list, with translated column titles."""

    COLUMNS: tuple[str, ...] = ()

    def _rows(self) -> list:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.COLUMNS[section])
        return None


class ArticleTableModel(TableModel):
    """Articles with this annotator's status and span counts."""

    COLUMNS = (QT_TR_NOOP("Status"), QT_TR_NOOP("Title"), QT_TR_NOOP("Accepted"), QT_TR_NOOP("Proposed"))

    def __init__(self, store: Store, annotator: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.rows: list[dict[str, Any]] = []
        self._row_of: dict[str, int] = {}
        self.reload()

    def use(self, store: Store, annotator: str) -> None:
        """List ``store``'s articles for ``annotator`` from now on (another file or name)."""
        self.store = store
        self.annotator = annotator
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = self.store.article_rows(self.annotator)
        self._row_of = {r["id"]: i for i, r in enumerate(self.rows)}
        self.endResetModel()

    def refresh_article(self, article_id: str) -> None:
        """Re-read one article's status and counts (after an edit)."""
        row = self._row_of.get(article_id)
        if row is None:
            return
        fresh = next(iter(self.store.article_rows(self.annotator, article_id)), None)
        if fresh is not None:
            self.rows[row] = fresh
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def row_of(self, article_id: str) -> int:
        return self._row_of.get(article_id, -1)

    def _rows(self) -> list[dict[str, Any]]:
        return self.rows

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return tr(STATUS_TEXT[row["status"]])
            if col == 1:
                return row["title"] or row["id"]
            if col == 2:
                return row["accepted"]
            if col == 3:
                return row["proposed"]
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QBrush(QColor(STATUS_COLOR[row["status"]]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{row['title']}\n{row['source']}\n{row['chars']} characters")
        if role == ArticleIdRole:
            return row["id"]
        if role == StatusRole:
            return row["status"]
        return None


class ArticleFilter(QSortFilterProxyModel):
    """Filters articles by status and by a set of ids matching a search."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.ids: set[str] | None = None
        self.uncertainty: dict[str, float] | None = None  # None: document order

    def set_uncertainty(self, ranks: dict[str, float] | None) -> None:
        """Order by the model's uncertainty, least certain first; None: document order."""
        self.uncertainty = ranks
        self.invalidate()
        self.sort(0 if ranks is not None else -1, Qt.SortOrder.AscendingOrder)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:  # noqa: N802
        if self.uncertainty is None:
            return left.row() < right.row()
        a = self.uncertainty.get(left.data(ArticleIdRole), -1.0)
        b = self.uncertainty.get(right.data(ArticleIdRole), -1.0)
        return (-a, left.row()) < (-b, right.row())

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def set_status(self, status: str | None) -> None:
        self._refilter(lambda: setattr(self, "status", status or None))

    def set_ids(self, ids: set[str] | None) -> None:
        self._refilter(lambda: setattr(self, "ids", ids))

    def filterAcceptsRow(self, row: int, parent: AnyIndex) -> bool:  # noqa: N802
        if self.status is None and self.ids is None:
            return True
        # read the row itself, not through model indexes: this runs once per article
        source = self.sourceModel()
        record = source.rows[row] if isinstance(source, ArticleTableModel) else None
        if record is None:
            index = source.index(row, 0, parent)
            status, article_id = index.data(StatusRole), index.data(ArticleIdRole)
        else:
            status, article_id = record["status"], record["id"]
        if self.status and status != self.status:
            return False
        return self.ids is None or article_id in self.ids


class SpanListModel(TableModel):
    """The current article's spans in this annotator's layer, in text order."""

    COLUMNS = (QT_TR_NOOP("Label"), QT_TR_NOOP("Text"), QT_TR_NOOP("State"), QT_TR_NOOP("Source"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.spans: list[Span] = []
        self.text = ""
        self.colors = {d.name: QColor(d.color) for d in label_defs()}

    def set_spans(self, text: str, spans: list[Span]) -> None:
        self.beginResetModel()
        self.text = text
        self.spans = sorted(spans, key=lambda s: (s.start, -s.end))
        self.endResetModel()

    def row_of(self, span_id: int | None) -> int:
        return next((i for i, s in enumerate(self.spans) if s.id == span_id), -1)

    def _rows(self) -> list[Span]:
        return self.spans

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self.spans[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                label_title(span.label),
                self.text[span.start : span.end][:80],
                tr(STATE_TEXT[span.state]),
                origin_text(span.origin),
            )[col]
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            color = QColor(self.colors.get(span.label, QColor("#dddddd")))
            if span.state != SpanState.ACCEPTED:
                color.setAlpha(90)
            return QBrush(color)
        if role == Qt.ItemDataRole.ForegroundRole and span.state == SpanState.REJECTED:
            return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.FontRole and span.state == SpanState.REJECTED:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == SpanRole:
            return span
        return None
