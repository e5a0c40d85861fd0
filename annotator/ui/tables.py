"""Table views shared by the windows."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def table_view(model, name: str, widths: dict[int, int]) -> QTableView:
    """A read-only, row-selecting, single-line table; column 1 takes the free width."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    rows = table.verticalHeader()
    rows.hide()
    # rows of one height: a model reset with 100,000 rows does not measure each of them
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setWordWrap(False)
    fit_columns(table, stretch=1, widths=widths)
    return table


def fit_columns(table: QTableView, stretch: int, widths: dict[int, int]) -> None:
    """Fixed widths (resizable by the user), one column taking the rest.

    Not ResizeToContents: that measures every row on each change, which costs tens of
    milliseconds per keystroke on an article with thousands of spans.
    """
    header = table.horizontalHeader()
    for col in range(table.model().columnCount()):
        if col == stretch:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            # never narrower than its header text (Vietnamese headers are longer)
            header.resizeSection(col, max(widths.get(col, 80), header.sectionSizeFromContents(col).width()))


def refit_columns(table: QTableView) -> None:
    """After the header texts changed (another language): widen what no longer fits."""
    header = table.horizontalHeader()
    for col in range(table.model().columnCount()):
        if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
            header.resizeSection(
                col, max(header.sectionSize(col), header.sectionSizeFromContents(col).width())
            )
