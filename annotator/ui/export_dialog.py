"""File > Export: choose format, layer, split, seed and folder; export in the background.

The export itself is :func:`annotator.export.export`, the same as ``annotator export``;
it runs in a :class:`~annotator.ui.workers.StoreJob` thread with a progress dialog that
can cancel it (a cancelled or failed export writes nothing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.export import FORMAT_HELP, ExportOptions, ExportReport, export
from annotator.export.base import Cancelled
from annotator.export.splits import SPLIT_HELP
from annotator.store import Store
from annotator.ui.workers import StoreJob, closing, show_progress


class ExportThread(StoreJob):
    """Runs one export on its own connection; reports progress, messages and the result."""

    message = Signal(str)
    done = Signal(object)  # ExportReport
    cancelled_export = Signal(str)

    def __init__(self, db_path: Path, options: ExportOptions) -> None:
        super().__init__(db_path)
        self.options = options

    def work(self, store: Store) -> None:
        try:
            report = export(
                store,
                self.options,
                on_message=self.message.emit,
                on_progress=self.progress.emit,
                cancelled=self.cancelled,
            )
        except Cancelled as exc:
            self.cancelled_export.emit(str(exc))
            return
        self.done.emit(report)


class ExportDialog(QDialog):
    """The export options; Export starts the job and closes the dialog when it succeeds."""

    finished_export = Signal(object)  # ExportReport, or a str saying why it did not

    def __init__(self, store: Store, parent: QWidget | None = None, jobs: list | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export dataset"))
        self.db_path = store.path
        self.jobs = jobs if jobs is not None else []
        self.export_thread: ExportThread | None = None
        self.messages: list[str] = []
        self.last_report: ExportReport | None = None
        self.last_error: str | None = None

        self.format_box = QComboBox()
        for name, help_text in FORMAT_HELP.items():
            self.format_box.addItem(f"{name} — {help_text}", name)
        self.layer_box = QComboBox()
        self.layer_box.addItem(self.tr("Default: gold if any article is approved, else accepted"), None)
        self.layer_box.addItem(self.tr("gold: approved articles, accepted gold spans"), "gold")
        self.layer_box.addItem(
            self.tr("accepted: annotators' accepted spans on finished articles"), "accepted"
        )
        for name in store.annotators(kind="human"):
            self.layer_box.addItem(self.tr("annotator: %1").replace("%1", name), f"annotator:{name}")
        self.split_edit = QLineEdit()
        self.split_edit.setPlaceholderText(SPLIT_HELP)
        self.split_edit.setToolTip(self.tr("Shares that sum to 1; empty: one split"))
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, 2**31 - 1)
        self.level_box = QComboBox()
        self.level_box.addItem(self.tr("Default"), None)
        for level in ("syllable", "word", "both"):
            self.level_box.addItem(level, level)
        self.out_edit = QLineEdit()
        self.out_edit.setText(str(store.path.with_name(store.path.stem + "-export")))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAutoDefault(False)  # Enter anywhere in the dialog means Export
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_edit, 1)
        out_row.addWidget(browse)
        self.force_box = QCheckBox(self.tr("&Replace the folder if it is not empty"))

        form = QFormLayout(self)
        for text, widget in (
            (self.tr("&Format:"), self.format_box),
            (self.tr("&Layer:"), self.layer_box),
            (self.tr("&Split:"), self.split_edit),
            (self.tr("S&eed:"), self.seed_box),
            (self.tr("&Tokens:"), self.level_box),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        out_label = QLabel(self.tr("&Output folder:"))
        out_label.setBuddy(self.out_edit)
        form.addRow(out_label, out_row)
        form.addRow("", self.force_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("&Export"))
        buttons.accepted.connect(self.start_export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _format_changed(self) -> None:
        tokens = self.format_box.currentData() in ("conll", "hf")
        self.level_box.setEnabled(tokens)
        if not tokens:
            self.level_box.setCurrentIndex(0)

    def browse(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Export into folder"), str(Path(self.out_edit.text()).parent)
        )
        if path:
            self.out_edit.setText(path)

    def options(self) -> ExportOptions:
        return ExportOptions(
            format=self.format_box.currentData(),
            out=Path(self.out_edit.text().strip()),
            layer=self.layer_box.currentData(),
            split=self.split_edit.text().strip() or None,
            seed=self.seed_box.value(),
            level=self.level_box.currentData(),
            force=self.force_box.isChecked(),
        )

    def start_export(self) -> ExportThread | None:
        """Start the export in the background, with a progress dialog."""
        if not self.out_edit.text().strip():
            self._failed(self.tr("Choose an output folder"))
            return None
        out = Path(self.out_edit.text().strip())
        if out.is_dir() and any(out.iterdir()) and not self.force_box.isChecked():
            self._failed(
                self.tr(
                    "The folder %1 is not empty: tick “Replace the folder if it "
                    "is not empty”, or choose another folder."
                ).replace("%1", str(out))
            )
            return None
        self.messages = []
        self.last_report = self.last_error = None
        thread = ExportThread(self.db_path, self.options())
        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("exportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(lambda: setattr(thread, "cancel_requested", True))
        thread.progress.connect(lambda done, total: show_progress(progress, done, total))
        thread.message.connect(self.messages.append)
        thread.done.connect(lambda report: closing(progress, self._done, report))
        thread.failed.connect(lambda msg: closing(progress, self._failed, msg))
        thread.cancelled_export.connect(lambda msg: closing(progress, self._failed, msg))
        self.jobs.append(thread)
        thread.finished.connect(lambda: self.jobs.remove(thread) if thread in self.jobs else None)
        self.export_thread = thread
        self.export_button.setEnabled(False)
        thread.start()
        return thread

    def _done(self, report: ExportReport) -> None:
        self.last_report = report
        self.export_button.setEnabled(True)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.windowTitle(),
            self.tr("Exported %1 to %2").replace("%1", report.summary()).replace("%2", str(report.out)),
            parent=self.parentWidget(),
        )
        box.setObjectName("exportSummary")
        box.setTextFormat(Qt.TextFormat.PlainText)
        if self.messages:
            box.setDetailedText("\n".join(self.messages))
        box.open()
        self.finished_export.emit(report)
        self.accept()

    def _failed(self, message: str) -> None:
        """Say why; the dialog stays open so the options can be changed."""
        self.last_error = message
        self.export_button.setEnabled(True)
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("exportError")
        box.open()
        self.finished_export.emit(message)
