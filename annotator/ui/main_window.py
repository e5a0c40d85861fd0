"""The main window: wiring of menus, the article list and the article view.

This is the minimal window of the foundation milestone: open a database, import files,
list and read articles with their stored spans highlighted.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QListView,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextEdit,
)

from annotator.errors import UserError
from annotator.importer import ImportReport, import_paths
from annotator.model import label_defs
from annotator.store import Store
from annotator.ui.models import ArticleIdRole, ArticleListModel

APP_TITLE = "Vietnamese Entity Annotator"


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.articles = ArticleListModel(store, self)
        self.list_view = QListView()
        self.list_view.setObjectName("articleList")
        self.list_view.setModel(self.articles)
        self.text_view = QPlainTextEdit()
        self.text_view.setObjectName("articleText")
        self.text_view.setReadOnly(True)
        self.text_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        splitter = QSplitter()
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.text_view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([320, 760])
        self.setCentralWidget(splitter)
        self.resize(1100, 700)
        self._colors = {d.name: QColor(d.color) for d in label_defs()}
        self._build_menus()
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self._refresh_titles()
        if self.articles.rowCount():
            self.list_view.setCurrentIndex(self.articles.index(0))

    # -- menus -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        for text, shortcut, slot in (
            ("&Open database…", QKeySequence.StandardKey.Open, self.open_database_dialog),
            ("&Import files…", QKeySequence("Ctrl+I"), self.import_files_dialog),
            ("Import &folder…", QKeySequence("Ctrl+Shift+I"), self.import_folder_dialog),
            ("&Quit", QKeySequence.StandardKey.Quit, self.close),
        ):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            file_menu.addAction(action)

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Open or create a database", str(self.store.path.parent),
            "Annotator databases (*.db *.sqlite);;All files (*)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.open_database(Path(path))

    def open_database(self, path: Path) -> bool:
        try:
            store = Store(path)
        except UserError as exc:
            QMessageBox.critical(self, APP_TITLE, str(exc))
            return False
        self.store.close()
        self.store = store
        self.articles._store = store
        self.articles.reload()
        self.text_view.clear()
        self._refresh_titles()
        if self.articles.rowCount():
            self.list_view.setCurrentIndex(self.articles.index(0))
        return True

    def import_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", "", "Articles (*.txt *.jsonl *.csv);;All files (*)"
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Import a folder of articles")
        if path:
            self.import_paths([Path(path)])

    def import_paths(self, paths: list[Path]) -> ImportReport:
        report = import_paths(self.store, paths)
        self.articles.reload()
        self._refresh_titles()
        details = "\n".join(report.messages[-20:])
        self.statusBar().showMessage(f"Import: {report.summary()}", 10000)
        if report.messages:
            box = QMessageBox(QMessageBox.Icon.Information if report.ok
                              else QMessageBox.Icon.Warning,
                              APP_TITLE, f"Import: {report.summary()}", parent=self)
            box.setDetailedText(details)
            box.open()
        return report

    # -- article view ------------------------------------------------------------------

    def _refresh_titles(self) -> None:
        self.setWindowTitle(f"{self.store.path.name} — {APP_TITLE}")
        self.statusBar().showMessage(f"{self.articles.rowCount()} articles — {self.store.path}")

    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_article(indexes[0].data(ArticleIdRole))

    def show_article(self, article_id: str) -> None:
        article = self.store.article(article_id)
        self.text_view.setPlainText(article.text)
        selections = []
        for span in self.store.spans(article_id):
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(self._colors.get(span.label, QColor("#dddddd")))
            fmt.setToolTip(f"{span.label} ({span.origin}, {span.state})")
            sel.cursor, sel.format = cursor, fmt
            selections.append(sel)
        self.text_view.setExtraSelections(selections)
        self.current_article_id = article_id

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        self.store.close()
        super().closeEvent(event)
