"""The main window, continued: the database it works on, imports, proposing for all.

Mixed into :class:`annotator.ui.main_window.MainWindow` (which has the widgets, the
controller and the article list these methods use).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QProgressDialog

from annotator.errors import UserError
from annotator.importer import ImportOptions, ImportReport
from annotator.model import Status
from annotator.session import AnnotationSession
from annotator.session_lock import SessionLock
from annotator.store import Store
from annotator.ui.dialogs import choose_identity
from annotator.ui.i18n import tr
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.safe import message
from annotator.ui.workers import ImportThread, ProposeAllThread, SearchIndexThread, closing, show_progress

APP_TITLE = "Vietnamese Entity Annotator"


# the type checker sees the window these methods are mixed into
if TYPE_CHECKING:
    _Window = QMainWindow
else:
    _Window = object


class FilesMixin(_Window):
    """Opening and switching databases; importing; proposing for every article."""

    if TYPE_CHECKING:
        store: Store
        annotator: str
        session: AnnotationSession
        session_lock: SessionLock | None
        _threads: list
        controller: Any
        articles: Any
        view: Any
        span_model: Any
        last_import: ImportReport

        def select_article(self, article_id: str) -> None: ...
        def _refresh_title(self) -> None: ...
        def _show_spans(self) -> None: ...

    # -- databases ---------------------------------------------------------------------

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("New database"), str(self.store.path.parent), tr("Annotator databases (*.db)")
        )
        if path:
            self.open_database(Path(path))

    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("Open database"),
            str(self.store.path.parent),
            tr("Annotator databases (*.db *.sqlite);;All files (*)"),
        )
        if path:
            self.open_database(Path(path))

    def open_database(self, path: Path) -> bool:
        try:
            store = Store(path)
        except UserError as exc:
            message(self, APP_TITLE, str(exc))
            return False
        name = choose_identity(store, self.annotator, self)
        if name is None:
            store.close()
            return False
        lock = SessionLock(store.path, name)
        if self.session_lock is not None and not lock.acquire():
            store.close()
            message(
                self,
                APP_TITLE,
                tr("%1 is already open for %2 in another window; work there, or close it first.")
                .replace("%1", store.path.name)
                .replace("%2", name),
            )
            return False
        self.controller.wait_for_jobs()
        self.store.close()
        if self.session_lock is not None:
            self.session_lock.release()
            self.session_lock = lock
        self._use(store, name)
        return True

    def _use(self, store: Store, annotator: str) -> None:
        """Work on ``store`` as ``annotator`` from now on (another file, or a new name)."""
        self.store = store
        self.annotator = annotator
        self.session = AnnotationSession(store, annotator)
        self.controller.use_session(self.session)
        self.articles.use(store, annotator)
        self.index_for_search()
        self.view.show_article("", [])
        self.span_model.set_spans("", [])
        self._refresh_title()
        if self.articles.rowCount():
            self.select_article(self._article_to_open())

    def _article_to_open(self) -> str:
        """The article being edited when the app last stopped (closed or killed), if it is
        not finished; else the next one to do."""
        last = self.store.last_edited(self.annotator)
        if last is not None and self.store.status(last, self.annotator) in (Status.TODO, Status.IN_PROGRESS):
            return last
        return self.session.next_article(None) or self.articles.article_at(0) or ""

    # -- background work ---------------------------------------------------------------

    def import_files_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            tr("Import articles"),
            "",
            tr("Articles and annotations (%1);;All files (*)").replace(
                "%1", "*.txt *.jsonl *.csv *.json *.ann *.conll *.bio *.iob *.tsv"
            ),
        )
        if paths:
            self.ask_import([Path(p) for p in paths])

    def import_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, tr("Import a folder of articles"))
        if path:
            self.ask_import([Path(path)])

    def ask_import(self, paths: list[Path]) -> ImportDialog:
        """The import dialog for ``paths`` (format, what the spans become, a preview);
        Import starts the import in the background."""
        dialog = ImportDialog(self.store, paths, self.annotator, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.import_paths(paths, dialog.options))
        dialog.open()
        dialog.activateWindow()  # keys go to the dialog, not the article behind it
        dialog.format_box.setFocus()
        self.import_dialog = dialog
        return dialog

    def index_for_search(self) -> SearchIndexThread:
        """Fill the search index in the background if the file needs it (once per file)."""
        thread = SearchIndexThread(self.store.path)
        self._threads.append(thread)
        thread.finished.connect(lambda: self._threads.remove(thread))
        thread.start()
        return thread

    def _progress_dialog(self, title: str, thread) -> QProgressDialog:
        dialog = QProgressDialog(title, tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(APP_TITLE)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(lambda: setattr(thread, "cancel_requested", True))
        thread.progress.connect(lambda done, total: show_progress(dialog, done, total))
        self._threads.append(thread)
        thread.finished.connect(lambda: self._threads.remove(thread))
        return dialog

    def import_paths(self, paths: list[Path], options: ImportOptions | None = None) -> ImportThread:
        thread = ImportThread(self.store.path, paths, options)
        dialog = self._progress_dialog(tr("Importing…"), thread)
        thread.done.connect(lambda report: closing(dialog, self._import_done, report))
        thread.failed.connect(lambda msg: closing(dialog, message, self, APP_TITLE, msg))
        thread.start()
        return thread

    def _import_done(self, report: ImportReport) -> None:
        self.articles.reload()
        self._refresh_title()
        self.last_import = report
        box = QMessageBox(
            QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning,
            APP_TITLE,
            tr("Import: %1").replace("%1", report.summary()),
            parent=self,
        )
        if report.messages:
            box.setDetailedText("\n".join(report.messages))
        if not report.ok:  # why, in the box itself: the first reasons
            reasons = [m for m in report.messages if "converted from" not in m][:3]
            if report.fatal:
                reasons.insert(0, report.fatal)
            box.setInformativeText("\n".join(reasons))
        box.setObjectName("importSummary")
        box.setTextFormat(Qt.TextFormat.PlainText)  # file names and reasons are data
        box.open()
        if self.controller.article_id is None:
            nxt = self.session.next_article(None)
            if nxt:
                self.select_article(nxt)

    def propose_all(self) -> ProposeAllThread:
        thread = ProposeAllThread(self.store.path)
        dialog = self._progress_dialog(tr("Proposing spans for all articles…"), thread)
        thread.done.connect(lambda n, spans: closing(dialog, self._propose_done, n, spans))
        thread.failed.connect(lambda msg: closing(dialog, message, self, APP_TITLE, msg))
        thread.start()
        return thread

    def _propose_done(self, articles: int, spans: int) -> None:
        self.articles.reload()
        if self.controller.article_id:  # show the new proposals of the open article
            self.controller.open_article(self.controller.article_id)
            self._show_spans()
        self.statusBar().showMessage(
            tr("Proposed %1 spans in %2 articles").replace("%1", str(spans)).replace("%2", str(articles)),
            8000,
        )
