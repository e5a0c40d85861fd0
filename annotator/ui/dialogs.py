"""Small windows: the annotator's name, preferences, the shortcut sheet, the guidelines,
and the label palette shown above the article."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.model import GOLD, label_defs
from annotator.resources import resource_path
from annotator.ui import i18n, settings
from annotator.ui.i18n import tr


def ask_annotator_name(parent: QWidget | None = None) -> str | None:
    """Ask for the annotator's name until one is given; None if the user cancels."""
    while True:
        name, ok = QInputDialog.getText(
            parent,
            tr("Who is annotating?"),
            tr("Your name, as it will be recorded with every span you make:"),
        )
        if not ok:
            return None
        if name.strip() and name.strip() != GOLD:  # "gold" is the reviewers' layer
            return name.strip()


class LabelPalette(QWidget):
    """One button per label, with its shortcut; clicking labels like pressing the key."""

    labelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.buttons: dict[str, QPushButton] = {}
        for d in label_defs():
            button = QPushButton()
            button.setObjectName(f"label-{d.name}")
            color = QColor(d.color)
            button.setStyleSheet(
                f"QPushButton {{ background: {color.name()}; border: 1px solid "
                f"{color.darker(140).name()}; padding: 3px 10px; }}"
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys keep going to the article
            button.clicked.connect(lambda _=False, name=d.name: self.labelChosen.emit(name))
            layout.addWidget(button)
            self.buttons[d.name] = button
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Label names and descriptions in the interface's language."""
        language = i18n.current_language()
        for d in label_defs():
            button = self.buttons[d.name]
            button.setText(f"{d.key}  {i18n.label_title(d.name)}")
            button.setToolTip(
                f"{i18n.label_title(d.name)} ({d.name}): {d.description.get(language, d.description['en'])}"
            )


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(settings.text(settings.NAME))
        self.name_edit.setObjectName("annotatorName")
        self.name_edit.setToolTip(
            tr("Recorded with every span you make from now on; work saved under another name keeps that name")
        )
        form.addRow(tr("Your name"), self.name_edit)
        self.font_box = QFontComboBox()
        self.font_box.setCurrentFont(QFont(settings.text(settings.FONT_FAMILY) or self.font().family()))
        self.size_box = QSpinBox()
        self.size_box.setRange(8, 40)
        self.size_box.setValue(settings.number(settings.FONT_SIZE))
        self.language_box = QComboBox()
        self.language_box.addItem(tr("System default"), "")
        for code, name in i18n.LANGUAGES.items():
            self.language_box.addItem(name, code)
        current = settings.text(settings.LANGUAGE)
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(current)))
        self.labels_edit = QLineEdit(settings.text(settings.LABELS_PATH))
        self.labels_edit.setPlaceholderText(str(resource_path("labels.json")))
        browse = QPushButton(tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.labels_edit, 1)
        row.addWidget(browse)
        form.addRow(tr("Font"), self.font_box)
        form.addRow(tr("Font size"), self.size_box)
        form.addRow(tr("Language"), self.language_box)
        form.addRow(tr("Label configuration"), row)
        from annotator.ui.learning import retrain_every

        self.retrain_box = QSpinBox()
        self.retrain_box.setObjectName("retrainEvery")
        self.retrain_box.setRange(0, 1000)
        self.retrain_box.setValue(retrain_every())
        self.retrain_box.setSpecialValueText(tr("never"))
        self.retrain_box.setToolTip(
            tr(
                "Train the learned model again in the background after "
                "this many newly finished articles (0: never)"
            )
        )
        form.addRow(tr("Retrain after finished articles"), self.retrain_box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Label configuration"), "", "JSON (*.json)")
        if path:
            self.labels_edit.setText(path)

    def name(self) -> str:
        """The name typed (empty or the reviewers' "gold": unchanged)."""
        name = self.name_edit.text().strip()
        return name if name and name != GOLD else settings.text(settings.NAME)

    def save(self) -> None:
        if self.name():
            settings.put(settings.NAME, self.name())
        settings.put(settings.FONT_FAMILY, self.font_box.currentFont().family())
        settings.put(settings.FONT_SIZE, self.size_box.value())
        settings.put(settings.LANGUAGE, self.language_box.currentData())
        settings.put(settings.LABELS_PATH, self.labels_edit.text().strip())
        settings.put(settings.RETRAIN_EVERY, self.retrain_box.value())


def choose_identity(store, name: str, parent: QWidget | None = None) -> str | None:
    """Whose layer to work on in a file that is someone else's (assigned to them, or with
    only their work in it): theirs, or a layer of your own? None when the user cancels.
    A file with your work, with nobody's, or a team file with several people asks nothing."""
    people = store.working_annotators() or store.annotators(kind="human")  # an assigned file
    if name in people or len(people) != 1:
        return name
    owner = people[0]
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Whose annotations?"),
        tr("This file holds the work of %1, not yours (%2).").replace("%1", owner).replace("%2", name),
        parent=parent,
    )
    box.setObjectName("identityQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)  # names come from other people's files
    box.setInformativeText(
        tr("Continue %1's work, or start your own annotations in this file?").replace("%1", owner)
    )
    theirs = box.addButton(tr("Work as %1").replace("%1", owner), QMessageBox.ButtonRole.AcceptRole)
    theirs.setObjectName("workAsOwner")
    mine = box.addButton(tr("Work as %1").replace("%1", name), QMessageBox.ButtonRole.ActionRole)
    mine.setObjectName("workAsMe")
    cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(theirs)
    box.setEscapeButton(cancel)
    box.exec()
    return {theirs: owner, mine: name}.get(box.clickedButton())  # type: ignore[call-overload]


class ShortcutSheet(QDialog):
    """Every action with its keys, taken from the actions themselves."""

    def __init__(self, actions: list, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Keyboard shortcuts"))
        self.resize(620, 560)
        rows = [
            (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
            for a in actions
            if not a.shortcut().isEmpty()
        ]
        table = QTableWidget(len(rows), 2)
        table.setHorizontalHeaderLabels([tr("Keys"), tr("Action")])
        for i, (keys, text) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            table.setItem(i, 1, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        self.table = table


class GuidelinesWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Annotation guidelines"))
        self.resize(760, 700)
        browser = QTextBrowser()
        name = "GUIDELINES.vi.md" if i18n.current_language() == "vi" else "GUIDELINES.md"
        browser.setMarkdown(resource_path(name).read_text(encoding="utf-8"))
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        self.browser = browser
