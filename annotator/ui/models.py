"""Qt adapters over core data: one model per list shown."""

from __future__ import annotations

from bisect import bisect_left
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from annotator.errors import UserError
from annotator.model import Span, SpanState, label_defs
from annotator.store import Store
from annotator.ui.i18n import QT_TR_NOOP, label_title, tr
from annotator.ui.safe import plain_tip
from annotator.ui.workers import StoreJob

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
    """Where a span came from, in the interface's language ("proposer:rules-4" keeps its
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


PAGE = 100  # rows read at once when the list shows rows it has not read
SYNC_LIMIT = 5000  # up to this many articles the list is read at once; past it, in the background


def list_keys(
    store: Store, annotator: str, status: str | None, query: str, ranks: dict[str, float] | None
) -> list[int]:
    """The rowids the article list shows, in its order: import order, or the least
    certain first when ``ranks`` (the model's uncertainty by id) is given."""
    keys = store.article_keys(annotator, status, query or None)
    if ranks is not None:
        ids = store.ids_by_key()
        keys.sort(key=lambda k: -ranks.get(ids.get(k, ""), -1.0))  # stable: ties in import order
    return keys


class ListKeysJob(StoreJob):
    """Reads the list's rowids (filter, search, order) on its own connection; a failure
    leaves the list as it was (the next change reads it again)."""

    done = Signal(int, object)  # generation, list[int]

    def __init__(self, db_path: Path, generation: int, args: tuple) -> None:
        super().__init__(db_path)
        self.generation = generation
        self.args = args

    def work(self, store: Store) -> None:
        self.done.emit(self.generation, list_keys(store, *self.args))


class ArticleTableModel(TableModel):
    """The article list: this annotator's status and span counts, filtered by status and
    search, in import order or least certain first.

    Built for a team's corpus: the model holds only the rowids it shows, and reads the
    rows themselves a page at a time as the view asks for them. Up to ``sync_limit``
    articles the rowids are read at once; past it a filter, a search or a reload is read
    in the background (the list shows what it showed until then; on opening, the first
    page and placeholders), and ``listed`` says when the new list is in."""

    COLUMNS = (QT_TR_NOOP("Status"), QT_TR_NOOP("Title"), QT_TR_NOOP("Accepted"), QT_TR_NOOP("Proposed"))
    listed = Signal()

    def __init__(
        self,
        store: Store,
        annotator: str,
        parent: Any = None,
        jobs: list | None = None,
        sync_limit: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.annotator = annotator
        self.sync_limit = SYNC_LIMIT if sync_limit is None else sync_limit
        self.jobs: list = jobs if jobs is not None else []
        self.status: str | None = None
        self.query = ""
        self.ranks: dict[str, float] | None = None
        self.keys: list[int] = []
        self.total = 0  # rows shown: more than len(keys) while the first list is read
        self.size = 0
        self.cache: dict[int, dict[str, Any]] = {}
        self.generation = 0
        self.reload()

    def use(self, store: Store, annotator: str) -> None:
        """List ``store``'s articles for ``annotator`` from now on (another file or name)."""
        self.store = store
        self.annotator = annotator
        self.reload()

    @property
    def filtered(self) -> bool:
        return self.status is not None or bool(self.query.strip())

    @property
    def complete(self) -> bool:
        """False while the list is being read (rows past the first page are placeholders)."""
        return len(self.keys) == self.total

    def reload(self) -> None:
        """Read the list again: after an import, a proposal run, on another file."""
        self.cache.clear()
        self.size = self.store.count_articles()
        if self.size > self.sync_limit and not self.filtered and self.ranks is None:
            first = self.store.article_keys(self.annotator, limit=PAGE)
            self.beginResetModel()
            self.keys, self.total = first, self.size
            self.endResetModel()
        self._relist()

    def set_status(self, status: str | None) -> None:
        self.status = status or None
        self._relist()

    def set_query(self, query: str) -> None:
        self.query = query.strip()
        self._relist()

    def set_uncertainty(self, ranks: dict[str, float] | None) -> None:
        """Order by the model's uncertainty, least certain first; None: import order."""
        self.ranks = ranks
        self._relist()

    def stop(self) -> None:
        """The window closes: a list still being read is dropped when it arrives."""
        self.generation += 1

    def _relist(self) -> None:
        self.generation += 1
        args = (self.annotator, self.status, self.query, self.ranks)
        if self.size <= self.sync_limit:
            self._show(self.generation, list_keys(self.store, *args))
            return
        thread = ListKeysJob(self.store.path, self.generation, args)
        thread.done.connect(self._show)
        self.jobs.append(thread)
        thread.finished.connect(lambda: self.jobs.remove(thread))
        thread.start()

    def _show(self, generation: int, keys: list[int]) -> None:
        if generation != self.generation:  # a later change is on its way
            return
        self.beginResetModel()
        self.keys, self.total = keys, len(keys)
        self.endResetModel()
        self.listed.emit()

    def record(self, row: int) -> dict[str, Any] | None:
        """The row's article (id, title, status, counts), read with its page if needed;
        None for a row still being read."""
        if not 0 <= row < len(self.keys):
            return None
        key = self.keys[row]
        found = self.cache.get(key)
        if found is None:
            if len(self.cache) > 20 * PAGE:  # memory bounded by what is looked at
                self.cache.clear()
            low = max(0, row - PAGE // 2)
            page = [k for k in self.keys[low : low + PAGE] if k not in self.cache]
            try:
                self.cache.update(
                    (r["rowid"], r) for r in self.store.article_rows(self.annotator, rowids=page)
                )
            except UserError:  # the file went away under us: show the row as unread
                return None
            found = self.cache.get(key)
        return found

    def article_at(self, row: int) -> str | None:
        found = self.record(row)
        return found["id"] if found else None

    def refresh_article(self, article_id: str) -> None:
        """Re-read one article's status and counts (after an edit)."""
        key = self.store.article_key(article_id)
        row = self._row_of_key(key)
        if key is not None and row >= 0:
            self.cache.pop(key, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def _row_of_key(self, key: int | None) -> int:
        if key is None:
            return -1
        if self.ranks is None:  # import order: the keys are sorted
            row = bisect_left(self.keys, key)
            return row if row < len(self.keys) and self.keys[row] == key else -1
        try:
            return self.keys.index(key)
        except ValueError:
            return -1

    def row_of(self, article_id: str | None) -> int:
        """The article's row in the list as shown, or -1 (filtered out, or not read yet)."""
        return self._row_of_key(self.store.article_key(article_id)) if article_id else -1

    def index_of(self, article_id: str | None) -> QModelIndex:
        row = self.row_of(article_id)
        return self.index(row, 0) if row >= 0 else QModelIndex()

    def ids(self) -> list[str]:
        """The ids the list shows, in its order (reads every row: for small lists)."""
        return [i for i in (self.article_at(r) for r in range(len(self.keys))) if i]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.total

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.record(index.row())
        col = index.column()
        if row is None:
            return "…" if role == Qt.ItemDataRole.DisplayRole and col == 1 else None
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
