"""The review window: adjudicate annotators' disagreements into the gold layer.

Left, the review queue (most disagreement first). In the middle, the gold layer of the
article: spans every annotator has are green, disagreements red, spans only some have
amber; above it, the current disagreement with each annotator's version. The annotators'
own layers can be shown side by side underneath (V). Right, every unit of the article
with each annotator's version and the gold decision.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Span, SpanState
from annotator.review import ReviewSession, Unit, review_row
from annotator.store import Store
from annotator.ui.actions import ActionSpec, build, separator
from annotator.ui.article_view import AnnotationView
from annotator.ui.dialogs import LabelPalette, ShortcutSheet
from annotator.ui.i18n import label_title, tr
from annotator.ui.models import ArticleIdRole
from annotator.ui.review_controller import LETTERS, ReviewController
from annotator.ui.review_models import KIND_TEXT, ReviewQueueModel, UnitListModel, UnitRole
from annotator.ui.safe import escape
from annotator.ui.tables import table_view


def next_in_queue(rows: list, after: str) -> str | None:
    """The first article of the queue as shown that is not approved yet (the queue's rows
    follow every change, so nothing is computed again)."""
    return next(
        (r.article_id for r in rows if r.status in ("todo", "in_progress") and r.article_id != after), None
    )


class ReviewView(AnnotationView):
    """The gold layer; a span's tooltip says which annotators have it."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("goldText")
        # who has a gold span and who has not (the window gives the controller's answer)
        self.who_has: Callable[[Span], tuple[list[str], list[str]] | None] = lambda span: None

    def describe(self, span: Span) -> str:
        text = super().describe(span)
        holders = self.who_has(span)
        if holders is None:
            return text
        have, missing = holders
        parts = [text, tr("has it: %1").replace("%1", ", ".join(have) or "—")]
        if missing:
            parts.append(tr("not: %1").replace("%1", ", ".join(missing)))
        if span.adjudicator:
            parts.append(tr("decided by %1").replace("%1", span.adjudicator))
        return "\n".join(parts)


class VersionsPanel(QWidget):
    """The annotators' own layers of the article, side by side, read-only."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("versions")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.views: dict[str, AnnotationView] = {}

    def show_versions(self, store: Store, article_id: str, text: str, annotators: list[str]) -> None:
        while self.row.count():
            item = self.row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.views = {}
        for i, name in enumerate(annotators):
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(QLabel(f"<b>{LETTERS[i] if i < len(LETTERS) else i + 1}: {escape(name)}</b>"))
            view = AnnotationView()
            view.setObjectName(f"version_{name}")
            view.setFont(self.font())
            view.show_article(text, store.spans(article_id, name, states=[SpanState.ACCEPTED]))
            col.addWidget(view, 1)
            self.row.addWidget(box, 1)
            self.views[name] = view

    def show_unit(self, unit: Unit | None) -> None:
        """Mark the current unit's range in every version and scroll to it."""
        for view in self.views.values():
            if unit is None:
                view.setExtraSelections([])
                continue
            # an underline, not a background: the annotator's label colour stays visible
            sel = QTextCharFormat()
            sel.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            sel.setUnderlineColor(QColor("#d50000"))
            sel.setForeground(QColor("#d50000"))
            extra = view.cursor_for(unit.start, unit.end)
            es = QTextEdit.ExtraSelection()
            es.cursor, es.format = extra, sel
            view.setExtraSelections([es])
            view.select(unit.start, unit.start)
            view.ensureCursorVisible()


class ReviewWindow(QMainWindow):
    closed = Signal()

    def __init__(self, store: Store, reviewer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.store = store
        self.reviewer = reviewer
        self.session = ReviewSession(store, reviewer)
        self.view = ReviewView()
        self.controller = ReviewController(self.session, self.view, self)
        self.view.who_has = self.controller.who_has
        self._opening = False  # the first article of a queue just in opens next turn
        self.queue = ReviewQueueModel(store, self)
        self.queue.listed.connect(self._queue_listed)
        self.queue.progress.connect(self._queue_progress)
        queue = self.queue  # (not the window: the controller must not keep it alive)
        self.controller.next_in_queue = lambda after: next_in_queue(queue.rows, after)
        self.unit_model = UnitListModel(self)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self.resize(1400, 860)
        self.setWindowTitle(tr("Review — %1 — %2").replace("%1", store.path.name).replace("%2", reviewer))
        self._queue_listed()

    @property
    def ready(self) -> bool:
        """The queue is in (a large corpus reads it in the background) and its first
        article open."""
        return self.queue.ready and not self._opening

    def _queue_listed(self) -> None:
        """A queue is in: the open article stays selected; with none open, the first."""
        current = self.controller.article_id
        if current is None:
            if self.queue.rows:
                first = self.queue.rows[0].article_id
                if self.isVisible():
                    # a queue read in the background: the list is drawn first and the
                    # article opened on the next turn of the event loop, so that the two
                    # never hold the window together (40 + 25 ms at 10,000 articles)
                    self._opening = True
                    QTimer.singleShot(0, self, lambda: self._open_first(first))
                else:
                    self.select_article(first)
        else:
            row = self.queue.row_of(current)
            if row >= 0:
                self.queue_table.selectionModel().blockSignals(True)
                self.queue_table.selectRow(row)
                self.queue_table.selectionModel().blockSignals(False)
        self._refresh_status()

    def _open_first(self, article_id: str) -> None:
        self._opening = False
        if self.controller.article_id is None:  # nothing was chosen meanwhile
            self.select_article(article_id)

    def _queue_progress(self, done: int, total: int) -> None:
        self.progress_label.setText(
            tr("Reading the review queue: %1 / %2 articles")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    # -- construction ------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.palette_bar = LabelPalette()
        self.unit_info = QLabel()
        self.unit_info.setObjectName("unitInfo")
        self.unit_info.setWordWrap(True)
        self.unit_info.setTextFormat(Qt.TextFormat.RichText)
        self.versions = VersionsPanel()
        self.versions.hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.versions)
        self.split = split
        center = QWidget()
        layout = QVBoxLayout(center)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.palette_bar)
        layout.addWidget(self.unit_info)
        layout.addWidget(split, 1)
        self.setCentralWidget(center)

        self.queue_table = table_view(self.queue, "reviewQueue", {0: 80, 2: 42, 3: 42, 4: 46, 5: 48})
        self.show_box = QComboBox()
        self.show_box.setObjectName("queueShow")
        for code, text in ReviewQueueModel.SHOW.items():
            self.show_box.addItem(tr(text), code)
        panel = QWidget()
        pl = QVBoxLayout(panel)
        pl.setContentsMargins(2, 2, 2, 2)
        pl.addWidget(self.show_box)
        pl.addWidget(self.queue_table, 1)
        left = QDockWidget(tr("Review queue"), self)
        left.setObjectName("queueDock")
        left.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, left)
        self.unit_table = table_view(self.unit_model, "unitList", {0: 110})
        right = QDockWidget(tr("Disagreements"), self)
        right.setObjectName("unitsDock")
        right.setWidget(self.unit_table)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, right)
        self.resizeDocks([left, right], [380, 520], Qt.Orientation.Horizontal)
        self.progress_label = QLabel()
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)  # holds a name
        self.statusBar().addPermanentWidget(self.progress_label)

    def _build_actions(self) -> None:
        bar = self.menuBar()
        menus = {
            name: bar.addMenu(text)
            for name, text in (
                ("edit", tr("&Edit")),
                ("review", tr("&Review")),
                ("view", tr("&View")),
                ("help", tr("&Help")),
            )
        }
        c = self.controller
        specs: list[tuple[str, ActionSpec]] = [
            ("edit", ActionSpec("undo", tr("&Undo"), ("Ctrl+Z",), c.undo)),
            ("edit", ActionSpec("redo", tr("&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y"), c.redo)),
            separator("edit"),
            ("edit", ActionSpec("closeReview", tr("&Close review"), ("Ctrl+W",), self.close)),
            (
                "review",
                ActionSpec("nextDisagreement", tr("Next disagreement"), ("N",), c.next_disagreement, True),
            ),
            (
                "review",
                ActionSpec(
                    "previousDisagreement", tr("Previous disagreement"), ("P",), c.previous_disagreement, True
                ),
            ),
        ]
        for i, letter in enumerate(LETTERS[:3]):
            specs.append(
                (
                    "review",
                    ActionSpec(
                        f"take{letter}",
                        tr("Take annotator %1's version").replace("%1", letter),
                        (letter,),
                        partial(c.take, i),
                        True,
                    ),
                )
            )
        specs += [
            ("review", ActionSpec("takeAll", tr("Take all versions (both)"), ("T",), c.take_all, True)),
            ("review", ActionSpec("takeNone", tr("Take no version (neither)"), ("X",), c.take_none, True)),
            separator("review"),
            ("review", ActionSpec("accept", tr("Accept span into gold"), ("Return",), c.accept, True)),
            ("review", ActionSpec("reject", tr("Reject span"), ("R",), c.reject, True)),
            ("review", ActionSpec("delete", tr("Delete span"), ("Delete", "Backspace"), c.delete, True)),
            ("review", ActionSpec("nextSpan", tr("Next span"), ("J",), c.next_span, True)),
            ("review", ActionSpec("previousSpan", tr("Previous span"), ("K",), c.previous_span, True)),
            (
                "review",
                ActionSpec(
                    "startLeft",
                    tr("Start one word left"),
                    ("[",),
                    lambda: c.move_boundary("start-left"),
                    True,
                ),
            ),
            (
                "review",
                ActionSpec(
                    "startRight",
                    tr("Start one word right"),
                    ("{",),
                    lambda: c.move_boundary("start-right"),
                    True,
                ),
            ),
            (
                "review",
                ActionSpec(
                    "endRight", tr("End one word right"), ("]",), lambda: c.move_boundary("end-right"), True
                ),
            ),
            (
                "review",
                ActionSpec(
                    "endLeft", tr("End one word left"), ("}",), lambda: c.move_boundary("end-left"), True
                ),
            ),
        ]
        from annotator.model import label_defs

        for d in label_defs():
            specs.append(
                (
                    "review",
                    ActionSpec(
                        f"label{d.name}",
                        tr("Label as %1").replace("%1", label_title(d.name)),
                        (d.key,),
                        partial(c.label, d.name),
                        True,
                    ),
                )
            )
        specs += [
            separator("review"),
            ("review", ActionSpec("approve", tr("Approve article, next"), ("D",), self.approve, True)),
            (
                "review",
                ActionSpec("nextArticle", tr("Next article"), ("Alt+Down",), lambda: self.step_article(1)),
            ),
            (
                "review",
                ActionSpec(
                    "previousArticle", tr("Previous article"), ("Alt+Up",), lambda: self.step_article(-1)
                ),
            ),
            (
                "view",
                ActionSpec(
                    "sideBySide", tr("Annotators' versions &side by side"), ("V",), self.toggle_versions, True
                ),
            ),
            (
                "view",
                ActionSpec("dashboard", tr("Agreement &dashboard"), ("Ctrl+Shift+D",), self.show_dashboard),
            ),
            ("view", ActionSpec("reloadQueue", tr("&Refresh the queue"), ("F5",), self.reload_queue)),
            ("help", ActionSpec("shortcuts", tr("&Keyboard shortcuts"), ("Ctrl+/",), self.show_shortcuts)),
        ]
        self.named_actions = build(self, menus, specs, [self.view, self.unit_table])
        self.named_actions["sideBySide"].setCheckable(True)
        c.bind_undo_actions(self.named_actions["undo"], self.named_actions["redo"])

    def _connect(self) -> None:
        self.queue_table.selectionModel().currentRowChanged.connect(self._article_chosen)
        self.show_box.currentIndexChanged.connect(lambda _i: self._show_only(self.show_box.currentData()))
        self.unit_table.clicked.connect(self._unit_clicked)
        self.palette_bar.labelChosen.connect(self.controller.label)
        c = self.controller
        c.unitsChanged.connect(self._show_units)
        c.unitChanged.connect(self._unit_changed)
        c.spansChanged.connect(self._spans_changed)
        c.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        c.navigate.connect(self.select_article)

    # -- articles ----------------------------------------------------------------------

    def _show_only(self, show: str) -> None:
        self.queue.set_show(show)
        if self.controller.article_id:
            self.select_article(self.controller.article_id, reveal=False)

    @property
    def article_id(self) -> str | None:
        """The article being reviewed."""
        return self.controller.article_id

    def select_article(self, article_id: str, reveal: bool = True) -> None:
        row = self.queue.row_of(article_id)
        if row < 0 and reveal and self.queue.show != "all":
            self.show_box.setCurrentIndex(0)  # filtered out: show every article again
            row = self.queue.row_of(article_id)
        if row < 0:
            return
        index = self.queue.index(row, 0)
        self.queue_table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.queue_table.scrollTo(index)

    def _article_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        article_id = current.data(ArticleIdRole)
        if article_id != self.controller.article_id:
            self.controller.open_article(article_id)
            if self.versions.isVisible():
                self._show_versions()
            self.view.setFocus()

    def step_article(self, delta: int) -> None:
        row = self.queue_table.currentIndex().row() + delta
        if 0 <= row < self.queue.rowCount():
            self.queue_table.selectRow(row)

    def approve(self) -> None:
        nxt = self.controller.approve()
        if nxt is not None:
            self.select_article(nxt)
        self.view.setFocus()

    def reload_queue(self) -> None:
        self.queue.reload()
        self._refresh_status()

    def _spans_changed(self, article_id: str) -> None:
        if self.queue.row_of(article_id) >= 0:  # keep the row where it is while the reviewer works on it
            fresh = review_row(self.store, article_id)
            if fresh is not None:
                self.queue.update(fresh)
        self._refresh_status()

    def _refresh_status(self) -> None:
        if not self.queue.ready:
            self.progress_label.setText(tr("Reading the review queue…"))
            return
        self.progress_label.setText(
            tr("Reviewer %1: %2 / %3 approved")
            .replace("%1", self.reviewer)
            .replace("%2", str(self.queue.approved))
            .replace("%3", str(len(self.queue.every)))
        )

    # -- units -------------------------------------------------------------------------

    def _show_units(self) -> None:
        c = self.controller
        self.unit_model.set_units(self.view.text, c.annotators, c.units)
        self._unit_changed(c.unit)

    def _unit_changed(self, unit: Unit | None) -> None:
        row = self.unit_model.row_of(unit)
        if row >= 0:
            self.unit_table.selectRow(row)
            self.unit_table.scrollTo(self.unit_model.index(row, 0))
        self.versions.show_unit(unit)
        self.unit_info.setText(self._unit_text(unit))

    def _unit_text(self, unit: Unit | None) -> str:
        c = self.controller
        if c.article is None:
            return tr("No article")
        open_units = [u for u in c.reviewable() if not u.decided]
        head = (
            tr("%1 annotator(s): %2 · %3 to decide")
            .replace("%1", str(len(c.annotators)))
            .replace("%2", ", ".join(f"{LETTERS[i]} = {escape(n)}" for i, n in enumerate(c.annotators)))
            .replace("%3", str(len(open_units)))
        )
        if unit is None:
            return head
        text = c.article.text
        lines = [
            f"{head}<br><b>{tr(KIND_TEXT[unit.kind])}</b>"
            f" ({tr('decided') if unit.decided else tr('to decide')}):"
        ]
        for i, name in enumerate(c.annotators):
            version = unit.version(name)
            shown = "; ".join(f"{x.label} «{escape(text[x.start : x.end])}»" for x in version)
            lines.append(f"&nbsp;&nbsp;<b>{LETTERS[i]}</b> {escape(name)}: {shown or '—'}")
        return "<br>".join(lines)

    def _unit_clicked(self, index: QModelIndex) -> None:
        self.controller.set_unit(index.siblingAtColumn(0).data(UnitRole))

    # -- side by side, dashboard -------------------------------------------------------

    def _show_versions(self) -> None:
        c = self.controller
        if c.article is not None:
            self.versions.setFont(self.view.font())
            self.versions.show_versions(self.store, c.article.id, c.article.text, c.annotators)
            self.versions.show_unit(c.unit)

    def toggle_versions(self) -> None:
        show = not self.versions.isVisible()
        self.versions.setVisible(show)
        self.named_actions["sideBySide"].setChecked(show)
        if show:
            self._show_versions()
            half = max(200, self.split.height() // 2)
            self.split.setSizes([half, half])

    def show_dashboard(self) -> None:
        from annotator.ui.dashboard import DashboardWindow

        dash = DashboardWindow(self.store, self)
        dash.reviewRequested.connect(self.select_article)
        dash.show()
        self.dashboard = dash

    def show_shortcuts(self) -> None:
        ShortcutSheet(list(self.named_actions.values()), self).exec()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.queue.stop()
        self.controller.shutdown()
        self.closed.emit()
        super().closeEvent(event)
