"""The main window: wiring of the article list, the article view, the span list, menus.

Behaviour lives in :class:`~annotator.ui.controller.AnnotationController` (annotation)
and in the core; this module connects widgets, actions and background jobs.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Span, Status, label_defs
from annotator.session import AnnotationSession
from annotator.session_lock import SessionLock
from annotator.store import Store
from annotator.ui import i18n, settings
from annotator.ui.actions import ActionSpec, build, separator
from annotator.ui.article_view import AnnotationView
from annotator.ui.controller import AnnotationController
from annotator.ui.dialogs import (
    GuidelinesWindow,
    LabelPalette,
    PreferencesDialog,
    ShortcutSheet,
)
from annotator.ui.i18n import label_title, tr
from annotator.ui.main_files import APP_TITLE, FilesMixin
from annotator.ui.models import (
    STATUS_TEXT,
    ArticleIdRole,
    ArticleTableModel,
    SpanListModel,
    SpanRole,
)
from annotator.ui.tables import refit_columns, table_view

if TYPE_CHECKING:
    from annotator.ui.review_window import ReviewWindow


class SearchBox(QLineEdit):
    """The article search box: Down leaves it for the results, Enter for the text of the
    first one (its own key handler: some PySide6 releases hand an event filter key
    presses without their key)."""

    leave = Signal(bool)  # True: into the list (Down); False: into the text (Enter)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave.emit(event.key() == Qt.Key.Key_Down)
            return
        super().keyPressEvent(event)


class MainWindow(FilesMixin, QMainWindow):
    def __init__(self, store: Store, annotator: str) -> None:
        super().__init__()
        self.store = store
        self.annotator = annotator
        self.review_window: ReviewWindow | None = None
        self.session = AnnotationSession(store, annotator)
        self.view = AnnotationView()
        self.palette_bar = LabelPalette()
        self.controller = AnnotationController(self.session, self.view, self)
        self._threads: list = []
        self.articles = ArticleTableModel(store, annotator, self, jobs=self._threads)
        self.span_model = SpanListModel(self)
        self.session_lock: SessionLock | None = None  # held when the app started it
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._attach_learning()
        self.index_for_search()
        self.apply_preferences()
        self.resize(1280, 800)
        self._refresh_title()
        if self.articles.rowCount():
            self.select_article(self._article_to_open())

    # -- construction ------------------------------------------------------------------

    def _attach_learning(self) -> None:
        """The learned model: retraining, and the least-certain-first order. The panel
        owns its widgets and says what changes through signals; they are placed and
        connected here."""
        from annotator.ui.learning import LearningPanel

        self.learning = LearningPanel(self.store.path, self)
        panel = self.status_filter.parentWidget()
        layout = panel.layout() if panel is not None else None
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.status_filter) + 1, self.learning.order)
        self.statusBar().addPermanentWidget(self.learning.busy)
        self.learning.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.learning.modelChanged.connect(self.controller.use_model)
        self.learning.orderChanged.connect(self.articles.set_uncertainty)
        self.learning.start()

    def next_article_to_do(self, default: str | None) -> str | None:
        """The next article after finishing one: ``default`` (the next in document order)
        unless the list shows the least certain first; then the first unfinished there."""
        if not self.learning.least_certain_first():
            return default
        current = self.controller.article_id
        for row in range(self.articles.rowCount()):
            found = self.articles.record(row)
            if found and found["status"] in ("todo", "in_progress") and found["id"] != current:
                return str(found["id"])
        return default

    def _build_widgets(self) -> None:
        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.palette_bar)
        self.hint = QLabel()
        self.hint.setObjectName("firstRunHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("QLabel { background: #fff8e1; padding: 4px 8px; }")
        self.hint.setVisible(not settings.flag(settings.HINT_SEEN))
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        self.setCentralWidget(center)

        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(2, 2, 2, 2)
        self.search_box = SearchBox()
        self.search_box.setObjectName("search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.leave.connect(self._leave_search)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)  # search when typing pauses, not per keystroke
        self._search_timer.timeout.connect(lambda: self._search(self.search_box.text()))
        self._filtering = False  # the list is being filtered: its current row is not a choice
        self._found = 0  # matches of the search in the open article
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem("", "")
        for code in STATUS_TEXT:
            self.status_filter.addItem("", code)
        self.article_table = table_view(self.articles, "articleList", {0: 85, 2: 88, 3: 70})
        pl.addWidget(self.search_box)
        pl.addWidget(self.status_filter)
        pl.addWidget(self.article_table, 1)
        left = self.left_dock = QDockWidget(self)
        left.setObjectName("articlesDock")
        left.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left)

        self.span_table = table_view(self.span_model, "spanList", {0: 105, 2: 85, 3: 110})
        right = self.right_dock = QDockWidget(self)
        right.setObjectName("spansDock")
        right.setWidget(self.span_table)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, right)
        self.resizeDocks([left, right], [340, 470], Qt.Orientation.Horizontal)

        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)  # holds a name
        self.progress_label.setObjectName("progress")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        self.undecided_label = QLabel()
        self.undecided_label.setObjectName("undecided")
        self.statusBar().addPermanentWidget(self.busy_bar)
        self.statusBar().addPermanentWidget(self.undecided_label)
        self.statusBar().addPermanentWidget(self.progress_label)
        self._retranslate_widgets()

    def _retranslate_widgets(self) -> None:
        """The texts of the window's own widgets, in the interface's language."""
        self.search_box.setPlaceholderText(self.tr("Search titles and text (Ctrl+F)"))
        self.status_filter.setItemText(0, self.tr("All articles"))
        for i, text in enumerate(STATUS_TEXT.values(), start=1):
            self.status_filter.setItemText(i, tr(text))
        self.left_dock.setWindowTitle(self.tr("Articles"))
        self.right_dock.setWindowTitle(self.tr("Spans"))
        self.busy_bar.setToolTip(self.tr("Proposing spans in the background"))
        self.hint.setText(
            self.tr(
                "First steps: N goes to the next proposal, A accepts it, X rejects it; select text "
                "and press 1–4 to label it; [ ] { } move the current span's ends; D marks the "
                "article done; Ctrl+Z undoes; F1 shows the guidelines, Ctrl+/ every key. (This "
                "hint goes away after your first finished article.)"
            )
        )

    def retranslate(self) -> None:
        """Show the whole window in the interface's language now (after a language change):
        menus and keys, lists, labels, the status bar; an open review window is reopened."""
        for action in self.named_actions.values():
            for widget in (self.view, self.span_table):
                widget.removeAction(action)
            action.deleteLater()
        self.menuBar().clear()
        self._build_actions()
        self._retranslate_widgets()
        self.palette_bar.retranslate()
        self.learning.retranslate()
        for model in (self.articles, self.span_model):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
            if model.rowCount():
                model.dataChanged.emit(
                    model.index(0, 0), model.index(model.rowCount() - 1, model.columnCount() - 1)
                )
        for table in (self.article_table, self.span_table):
            refit_columns(table)
        self._refresh_title()
        self._show_undecided(self.controller.undecided())
        review = self.review_window
        if review is not None:
            article = review.article_id
            review.close()
            self.review_window = None
            self.open_review(article)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        menus = {
            name: bar.addMenu(text)
            for name, text in (
                ("file", self.tr("&File")),
                ("edit", self.tr("&Edit")),
                ("annotate", self.tr("&Annotate")),
                ("tools", self.tr("&Tools")),
                ("help", self.tr("&Help")),
            )
        }
        c = self.controller
        specs: list[tuple[str, ActionSpec]] = [
            ("file", ActionSpec("newDb", self.tr("&New database…"), ("Ctrl+N",), self.new_database)),
            (
                "file",
                ActionSpec("openDb", self.tr("&Open database…"), ("Ctrl+O",), self.open_database_dialog),
            ),
            separator("file"),
            (
                "file",
                ActionSpec("importFiles", self.tr("&Import files…"), ("Ctrl+I",), self.import_files_dialog),
            ),
            (
                "file",
                ActionSpec(
                    "importFolder", self.tr("Import &folder…"), ("Ctrl+Shift+I",), self.import_folder_dialog
                ),
            ),
            ("file", ActionSpec("export", self.tr("&Export…"), ("Ctrl+E",), self.export)),
            separator("file"),
            ("file", ActionSpec("quit", self.tr("&Quit"), ("Ctrl+Q",), self.close)),
            ("edit", ActionSpec("undo", self.tr("&Undo"), ("Ctrl+Z",), self.controller.undo)),
            ("edit", ActionSpec("redo", self.tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), self.controller.redo)),
            separator("edit"),
            ("edit", ActionSpec("preferences", self.tr("&Preferences…"), ("Ctrl+,",), self.preferences)),
        ]
        for d in label_defs():
            specs.append(
                (
                    "annotate",
                    ActionSpec(
                        f"label{d.name}",
                        self.tr("Label as %1").replace("%1", label_title(d.name)),
                        (d.key,),
                        partial(c.label, d.name),
                        True,
                    ),
                )
            )
        for d in label_defs():
            specs.append(
                (
                    "annotate",
                    ActionSpec(
                        f"exact{d.name}",
                        self.tr("Label exact characters as %1").replace("%1", label_title(d.name)),
                        (f"Alt+{d.key}",),
                        partial(c.label, d.name, exact=True),
                        True,
                    ),
                )
            )
        specs += [
            separator("annotate"),
            ("annotate", ActionSpec("accept", self.tr("Accept proposal"), ("A", "Return"), c.accept, True)),
            ("annotate", ActionSpec("reject", self.tr("Reject proposal"), ("X",), c.reject, True)),
            (
                "annotate",
                ActionSpec("delete", self.tr("Delete span"), ("Delete", "Backspace"), c.delete, True),
            ),
            ("annotate", ActionSpec("nextProposal", self.tr("Next proposal"), ("N",), c.next_proposal, True)),
            (
                "annotate",
                ActionSpec(
                    "previousProposal", self.tr("Previous proposal"), ("P",), c.previous_proposal, True
                ),
            ),
            ("annotate", ActionSpec("nextSpan", self.tr("Next span"), ("J",), c.next_span, True)),
            ("annotate", ActionSpec("previousSpan", self.tr("Previous span"), ("K",), c.previous_span, True)),
            (
                "annotate",
                ActionSpec(
                    "acceptParagraph",
                    self.tr("Accept proposals in paragraph"),
                    ("Shift+A",),
                    c.accept_paragraph,
                    True,
                ),
            ),
            (
                "annotate",
                ActionSpec(
                    "acceptAll",
                    self.tr("Accept all proposals in article"),
                    ("Ctrl+Shift+A",),
                    c.accept_all,
                    True,
                ),
            ),
            separator("annotate"),
            (
                "annotate",
                ActionSpec(
                    "startLeft",
                    self.tr("Start one word left"),
                    ("[",),
                    lambda: c.move_boundary("start-left"),
                    True,
                ),
            ),
            (
                "annotate",
                ActionSpec(
                    "startRight",
                    self.tr("Start one word right"),
                    ("{",),
                    lambda: c.move_boundary("start-right"),
                    True,
                ),
            ),
            (
                "annotate",
                ActionSpec(
                    "endRight",
                    self.tr("End one word right"),
                    ("]",),
                    lambda: c.move_boundary("end-right"),
                    True,
                ),
            ),
            (
                "annotate",
                ActionSpec(
                    "endLeft", self.tr("End one word left"), ("}",), lambda: c.move_boundary("end-left"), True
                ),
            ),
            (
                "annotate",
                ActionSpec("clear", self.tr("Clear selection"), ("Escape",), self.clear_selection, True),
            ),
            separator("annotate"),
            (
                "annotate",
                ActionSpec(
                    "markDone",
                    self.tr("Mark done, next article"),
                    ("D",),
                    lambda: self.mark(Status.DONE),
                    True,
                ),
            ),
            (
                "annotate",
                ActionSpec("skip", self.tr("Skip article"), ("S",), lambda: self.mark(Status.SKIPPED), True),
            ),
            (
                "annotate",
                ActionSpec(
                    "nextArticle", self.tr("Next article"), ("Alt+Down",), lambda: self.step_article(1)
                ),
            ),
            (
                "annotate",
                ActionSpec(
                    "previousArticle", self.tr("Previous article"), ("Alt+Up",), lambda: self.step_article(-1)
                ),
            ),
            (
                "tools",
                ActionSpec(
                    "proposeAll", self.tr("&Propose for all articles…"), ("Ctrl+Shift+P",), self.propose_all
                ),
            ),
            (
                "tools",
                ActionSpec("review", self.tr("&Review and adjudicate…"), ("Ctrl+R",), self.open_review),
            ),
            (
                "tools",
                ActionSpec(
                    "dashboard", self.tr("Agreement &dashboard…"), ("Ctrl+Shift+D",), self.open_dashboard
                ),
            ),
            (
                "tools",
                ActionSpec(
                    "trainModel",
                    self.tr("&Train the learned model now"),
                    ("Ctrl+Shift+L",),
                    lambda: self.learning.train_now(),
                ),
            ),
            ("tools", ActionSpec("find", self.tr("&Find in articles"), ("Ctrl+F",), self.focus_search)),
            (
                "tools",
                ActionSpec("focusText", self.tr("Go to the &article text"), ("Ctrl+T",), self.view.setFocus),
            ),
            (
                "help",
                ActionSpec("guidelines", self.tr("Annotation &guidelines"), ("F1",), self.show_guidelines),
            ),
            (
                "help",
                ActionSpec("shortcuts", self.tr("&Keyboard shortcuts"), ("Ctrl+/",), self.show_shortcuts),
            ),
        ]
        self.named_actions = build(self, menus, specs, [self.view, self.span_table])
        self.controller.bind_undo_actions(self.named_actions["undo"], self.named_actions["redo"])

    def _connect(self) -> None:
        self.article_table.selectionModel().currentRowChanged.connect(self._article_chosen)
        self.articles.listed.connect(self._listed)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.articles.set_status(self.status_filter.currentData())
        )
        self.palette_bar.labelChosen.connect(self.controller.label)
        self.span_table.clicked.connect(self._span_clicked)
        c = self.controller
        c.spansChanged.connect(self._spans_changed)
        c.currentChanged.connect(self._current_changed)
        c.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        c.busy.connect(self.busy_bar.setVisible)
        c.undecidedChanged.connect(self._show_undecided)
        c.navigate.connect(self.select_article)
        self.view.contextRequested.connect(self._context_menu)

    # -- preferences -------------------------------------------------------------------

    def apply_preferences(self) -> None:
        font = QFont(self.view.font())
        family = settings.text(settings.FONT_FAMILY)
        if family:
            font.setFamily(family)
        font.setPointSize(settings.number(settings.FONT_SIZE))
        self.view.setFont(font)

    def preferences(self) -> None:
        dialog = PreferencesDialog(self)
        if dialog.exec():
            dialog.save()
            self.apply_preferences()
            if dialog.name() and dialog.name() != self.annotator:
                old = self.annotator
                self._use(self.store, dialog.name())
                self.statusBar().showMessage(
                    self.tr("From now on you work as %1; what was saved as %2 keeps that name")
                    .replace("%1", dialog.name())
                    .replace("%2", old),
                    10000,
                )
                return
            before = i18n.current_language()
            if i18n.install() != before:
                self.retranslate()
            self.statusBar().showMessage(
                self.tr("Preferences saved; a new label configuration applies from the next start"), 8000
            )

    # -- articles ----------------------------------------------------------------------

    def _refresh_title(self) -> None:
        self.setWindowTitle(f"{self.store.path.name} — {self.annotator} — {APP_TITLE}")
        p = self.session.progress()
        self.progress_label.setText(
            self.tr("%1: %2 / %3 done")
            .replace("%1", self.annotator)
            .replace("%2", str(p["done"]))
            .replace("%3", str(p["total"]))
        )

    def select_article(self, article_id: str) -> None:
        """Open an article and make it the list's current row. An article the filter or
        the search hides clears them; one the list has not read yet (a large corpus, just
        opened or filtered) opens now and is selected when the list is in."""
        if self.store.article_key(article_id) is None:
            return
        index = self.articles.index_of(article_id)
        if not index.isValid() and self.articles.filtered:  # filtered out: show everything again
            self.search_box.clear()
            self._search("")
            self.status_filter.setCurrentIndex(0)
            index = self.articles.index_of(article_id)
        if not index.isValid():  # still being read
            self._open(article_id)
            return
        self.article_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.article_table.scrollTo(index)

    def _article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._filtering:
            article_id = current.data(ArticleIdRole)
            if article_id and article_id != self.controller.article_id:
                self._open(article_id)

    def _open(self, article_id: str) -> None:
        self.controller.open_article(article_id)
        self._show_spans()
        self.articles.refresh_article(article_id)
        self._refresh_title()

    def step_article(self, delta: int) -> None:
        row = self.article_table.currentIndex().row() + delta
        if 0 <= row < self.articles.rowCount():
            self.article_table.selectRow(row)

    def _show_undecided(self, n: int) -> None:
        self.undecided_label.setText(self.tr("%n proposal(s) undecided", "", n))

    def ask_undecided(self, status: Status, n: int) -> QMessageBox:
        """D with proposals nobody decided: accept them, leave them out (rejected), or
        cancel. The answer finishes the article (window-modal, so the keys still work)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_TITLE,
            self.tr("%n proposal(s) in this article are still undecided.", "", n),
            parent=self,
        )
        box.setObjectName("undecidedQuestion")
        box.setInformativeText(
            self.tr(
                "Accept them, or leave them out of your annotations "
                "(they are rejected)? Overlapping ones that do not fit "
                "are left out."
            )
        )
        accept = box.addButton(self.tr("&Accept them"), QMessageBox.ButtonRole.AcceptRole)
        accept.setObjectName("acceptUndecided")
        reject = box.addButton(self.tr("&Leave them out"), QMessageBox.ButtonRole.DestructiveRole)
        reject.setObjectName("rejectUndecided")
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(accept)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: object) -> None:
            choice = {accept: "accept", reject: "reject"}.get(button)  # type: ignore[call-overload]
            box.hide()
            self.activateWindow()  # the keys go back to the window at once
            if choice is not None:
                self._finish(status, choice)
            self.view.setFocus()

        box.buttonClicked.connect(answered)
        box.open()
        return box

    def mark(self, status: Status, undecided: str | None = None) -> None:
        """D (done) and S (skip): one undoable action, then the next article to do. D on an
        article with undecided proposals asks first what happens to them, unless
        ``undecided`` ("accept" or "reject") says it."""
        n = self.controller.undecided()
        if status == Status.DONE and n and undecided is None:
            self.ask_undecided(status, n)
            return
        self._finish(status, undecided)

    def _finish(self, status: Status, undecided: str | None) -> None:
        if not self.controller.mark(status, undecided):
            return
        if status == Status.DONE:
            self.learning.article_finished(self.store.finished_articles())
            if self.hint.isVisible():
                self.hint.hide()
                settings.put(settings.HINT_SEEN, True)
        nxt = self.next_article_to_do(self.controller.next_article())
        self._refresh_title()
        if nxt is not None:
            self.select_article(nxt)
        self.view.setFocus()

    def _listed(self) -> None:
        """A new list is in (filter, search, order, reload): nothing is opened by it; the
        open article stays open, and stays the list's current row when it is shown."""
        self._filtering = True
        try:
            index = self.articles.index_of(self.controller.article_id)
            selection = self.article_table.selectionModel()
            if index.isValid():
                selection.setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.article_table.scrollTo(index)
            else:
                selection.clearSelection()
                selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._filtering = False
        if self.articles.query:
            self.statusBar().showMessage(
                self.tr("%n article(s) match; Enter or Down opens them", "", self.articles.rowCount())
                + (" · " + self.tr("%n match(es) in this article", "", self._found) if self._found else ""),
                8000,
            )

    def _search(self, text: str) -> None:
        """Filter the list by the search (the open article does not change) and mark the
        matches in the open article's text."""
        self._search_timer.stop()
        self._found = self.view.show_matches(text)
        self.articles.set_query(text)

    def _leave_search(self, into_list: bool) -> None:
        """Down in the search box moves into the results; Enter opens the first one and
        goes to its text."""
        if self._search_timer.isActive():
            self._search(self.search_box.text())
        if self.articles.rowCount():
            if not self.article_table.currentIndex().isValid():
                self.article_table.selectRow(0)  # the open article is not a result
            (self.article_table if into_list else self.view).setFocus()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    # -- spans -------------------------------------------------------------------------

    def _show_spans(self) -> None:
        self.span_model.set_spans(self.view.text, self.controller.spans)

    def _spans_changed(self, article_id: str) -> None:
        if article_id == self.controller.article_id:
            self._show_spans()
            self._current_changed(self.controller.current)
        self.articles.refresh_article(article_id)
        self._refresh_title()

    def _current_changed(self, span: Span | None) -> None:
        row = self.span_model.row_of(span.id if span else None)
        if row >= 0:
            self.span_table.selectRow(row)
            self.span_table.scrollTo(self.span_model.index(row, 0))
        else:
            self.span_table.clearSelection()

    def _span_clicked(self, index: QModelIndex) -> None:
        self.controller.set_current(index.siblingAtColumn(0).data(SpanRole))

    def clear_selection(self) -> None:
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.controller.set_current(None)

    def _context_menu(self, span: Span | None, global_pos) -> None:
        menu = QMenu(self)
        names = ["accept", "reject", "delete"] if span else []
        for d in label_defs():
            menu.addAction(self.named_actions[f"label{d.name}"])
        menu.addSeparator()
        for name in names:
            menu.addAction(self.named_actions[name])
        menu.popup(global_pos)

    # -- review ------------------------------------------------------------------------

    def open_review(self, article_id: str | None = None) -> None:
        """The review window on this database, the annotator's name as the reviewer."""
        from annotator.ui.review_window import ReviewWindow

        review = self.review_window
        if review is None:
            review = self.review_window = ReviewWindow(self.store, self.annotator, self)
            review.closed.connect(lambda: setattr(self, "review_window", None))
        if article_id:
            review.select_article(article_id)
        review.show()
        review.raise_()
        review.activateWindow()

    def open_dashboard(self) -> None:
        from annotator.ui.dashboard import DashboardWindow

        self.dashboard = DashboardWindow(self.store, self)
        self.dashboard.reviewRequested.connect(self.open_review)
        self.dashboard.show()

    def export(self):  # -> ExportDialog
        from annotator.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.store, self, jobs=self._threads)
        dialog.open()
        return dialog

    # -- help --------------------------------------------------------------------------

    def show_guidelines(self) -> GuidelinesWindow:
        window = GuidelinesWindow(self)
        window.show()
        return window

    def show_shortcuts(self) -> ShortcutSheet:
        sheet = ShortcutSheet(list(self.named_actions.values()), self)
        sheet.show()
        return sheet

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.articles.stop()
        for thread in list(self._threads):
            thread.cancel_requested = True
            thread.wait(10000)
        if self.review_window is not None:
            self.review_window.close()
        self.controller.shutdown()
        self.learning.shutdown()
        settings.put(settings.GEOMETRY, self.saveGeometry())
        self.store.close()
        if self.session_lock is not None:
            self.session_lock.release()
        super().closeEvent(event)
