"""Qt adapters over core data: one model per list shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.store import Store

ArticleIdRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """The articles of a store, in import order, with their span counts."""

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[dict[str, Any]] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        counts = self._store.span_counts()
        self._rows = self._store.article_list()
        for row in self._rows:
            row["spans"] = sum(counts.get(row["id"], {}).values())
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row["title"] or row["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row['source']}\n{row['chars']} characters, {row['spans']} spans"
        if role == ArticleIdRole:
            return row["id"]
        return None
