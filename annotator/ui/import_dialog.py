"""File > Import: the same choices as ``annotator import`` (format, what the spans
become, whose work, done, label map, Label Studio's source), with a preview of the first
article and its spans before anything is written.

The preview is :meth:`annotator.importer.Importer.first_article` (it reads the first
article of the first file only, writes nothing); the import itself runs in an
:class:`~annotator.ui.workers.ImportThread` as before. The file's text is shown as plain
text, its spans as coloured backgrounds: imported files are data, never markup.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import UserError
from annotator.importer import Importer, ImportOptions, parse_label_map
from annotator.model import label_defs
from annotator.readers import FORMATS
from annotator.store import Store
from annotator.ui.highlight import QtOffsets
from annotator.ui.i18n import label_title

PREVIEW_SPANS = 200  # rows of the span table; the preview says how many more


class ImportDialog(QDialog):
    """Options for importing ``paths``; Import (Enter) accepts with :attr:`options` set."""

    def __init__(
        self, store: Store, paths: list[Path], annotator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import"))
        self.store = store
        self.paths = paths
        self.options: ImportOptions | None = None

        self.files_label = QLabel(", ".join(p.name for p in paths[:5]) + (" …" if len(paths) > 5 else ""))
        self.files_label.setTextFormat(Qt.TextFormat.PlainText)
        self.format_box = QComboBox()
        self.format_box.addItem(self.tr("Tell by each file's content"), None)
        for name, what in FORMATS.items():
            self.format_box.addItem(f"{name} — {what}", name)
        self.as_box = QComboBox()
        self.as_box.addItem(self.tr("proposals, offered to every annotator"), "proposals")
        self.as_box.addItem(self.tr("accepted work of one annotator"), "accepted")
        self.as_box.addItem(self.tr("gold, as decided by a reviewer"), "gold")
        self.annotator_edit = QLineEdit(annotator)
        self.done_box = QCheckBox(self.tr("Mark each article done (approved, for gold)"))
        self.map_edit = QLineEdit()
        self.map_edit.setPlaceholderText("PER=OFFICIAL, ORG=ORGANIZATION")
        self.ls_box = QComboBox()
        self.ls_box.addItem(self.tr("completed annotations"), "annotations")
        self.ls_box.addItem(self.tr("predictions"), "predictions")

        form = QFormLayout()
        form.addRow(self.tr("Files"), self.files_label)
        form.addRow(self.tr("&Format"), self.format_box)
        form.addRow(self.tr("Spans &become"), self.as_box)
        form.addRow(self.tr("&Annotator"), self.annotator_edit)
        form.addRow("", self.done_box)
        form.addRow(self.tr("Label &map"), self.map_edit)
        form.addRow(self.tr("Label Studio: import"), self.ls_box)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("importPreviewSummary")
        self.text_view = QPlainTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setObjectName("importPreviewText")
        self.span_table = QTableWidget(0, 2)
        self.span_table.setHorizontalHeaderLabels([self.tr("Span"), self.tr("Label")])
        header = self.span_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.span_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview of the first article (nothing is written yet):")))
        layout.addWidget(self.summary)
        layout.addWidget(self.text_view, 3)
        layout.addWidget(self.span_table, 2)
        layout.addWidget(self.buttons)
        self.resize(820, 720)

        for box in (self.format_box, self.as_box, self.ls_box):
            box.currentIndexChanged.connect(self.refresh)
        self.done_box.toggled.connect(self.refresh)
        for edit in (self.annotator_edit, self.map_edit):
            edit.editingFinished.connect(self.refresh)
        self.refresh()

    def _options(self) -> ImportOptions:
        """The options as chosen; UserError (one sentence) when they do not go together."""
        as_ = self.as_box.currentData()
        name = self.annotator_edit.text().strip()
        options = ImportOptions(
            fmt=self.format_box.currentData(),
            as_=as_,
            annotator=name if as_ != "proposals" and name else None,
            done=self.done_box.isChecked() and as_ != "proposals",
            label_map=parse_label_map(self.map_edit.text()) if self.map_edit.text().strip() else {},
            prefer=self.ls_box.currentData(),
        )
        options.check()
        return options

    def refresh(self) -> None:
        """Read the first article again with the chosen options and show it."""
        self.annotator_edit.setEnabled(self.as_box.currentData() != "proposals")
        self.done_box.setEnabled(self.as_box.currentData() != "proposals")
        self.text_view.setPlainText("")
        self.span_table.setRowCount(0)
        try:
            options = self._options()
        except UserError as exc:
            self.summary.setText(str(exc))
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(True)
        importer = Importer(self.store, options=options)
        article = importer.first_article(self.paths)
        problems = [m for m in importer.report.messages if m.startswith(("error:", "warning:"))]
        if article is None:
            self.summary.setText("\n".join([self.tr("No article could be read."), *problems[:3]]))
            self.import_button.setEnabled(False)
            return
        lines = [
            self.tr("%1 — %2 characters, %3 spans as %4")
            .replace("%1", f"“{article.title[:60]}{'…' if len(article.title) > 60 else ''}”")
            .replace("%2", str(len(article.text)))
            .replace("%3", str(len(article.spans)))
            .replace("%4", self._spans_as(options))
        ]
        if importer.report.unmapped:
            lines.append(
                self.tr("Labels that are not ours, left out (map them): %1").replace(
                    "%1", ", ".join(f"{k} ×{v}" for k, v in sorted(importer.report.unmapped.items()))
                )
            )
        self.summary.setText("\n".join(lines + problems[:3]))
        self._show(article.text, [(s.start, s.end, s.label) for s in article.spans])

    def _spans_as(self, options: ImportOptions) -> str:
        if options.as_ == "accepted":
            done = self.tr("accepted by %1, done") if options.done else self.tr("accepted by %1")
            return done.replace("%1", options.annotator or "")
        if options.as_ == "gold":
            return self.tr("gold, approved") if options.done else self.tr("gold")
        return self.tr("proposals")

    def _show(self, text: str, spans: list[tuple[int, int, str]]) -> None:
        self.text_view.setPlainText(text)
        offsets = QtOffsets(text)
        colours = {d.name: QColor(d.color) for d in label_defs()}
        selections = []
        for start, end, label in spans:
            fmt = QTextCharFormat()
            if label in colours:
                if any(d.name == label and d.layer == "task" for d in label_defs()):
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
                    fmt.setUnderlineColor(colours[label])
                else:
                    fmt.setBackground(colours[label])
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text_view.setExtraSelections(selections)
        shown = spans[:PREVIEW_SPANS]
        self.span_table.setRowCount(len(shown))
        for row, (start, end, label) in enumerate(shown):
            self.span_table.setItem(row, 0, QTableWidgetItem(text[start:end]))
            self.span_table.setItem(row, 1, QTableWidgetItem(label_title(label)))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Enter imports from anywhere in the dialog (as the Import button would), unless
        the options do not go together; Esc cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.import_button.isEnabled():
            if self.focusWidget() in (self.annotator_edit, self.map_edit):
                self.refresh()  # what was just typed counts
            if self.import_button.isEnabled():
                self._accept()
            return
        super().keyPressEvent(event)

    def _accept(self) -> None:
        try:
            self.options = self._options()
        except UserError as exc:
            self.summary.setText(str(exc))
            return
        self.accept()
