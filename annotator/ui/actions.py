"""Every command of the window as a QAction with its keys, built from one table.
from annotator.ui.i18n import tr

Annotation actions are attached to the article view and the span list with a
widget-with-children context, so typing in the search box never triggers them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    keys: tuple[str, ...]
    slot: Callable[[], object]  # what it returns is ignored
    annotation: bool = False  # keys only work inside the article view / span list


def build(
    owner: QWidget,
    menus: dict[str, QMenu],
    specs: list[tuple[str, ActionSpec]],
    annotation_widgets: list[QWidget],
) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for menu_name, spec in specs:
        if spec.name == "-":
            menus[menu_name].addSeparator()
            continue
        action = QAction(spec.text, owner)
        action.setObjectName(spec.name)
        if spec.keys:
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
        action.triggered.connect(lambda _=False, slot=spec.slot: slot())
        menus[menu_name].addAction(action)
        if spec.annotation:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            for widget in annotation_widgets:
                widget.addAction(action)
        actions[spec.name] = action
    return actions


def separator(menu: str) -> tuple[str, ActionSpec]:
    return menu, ActionSpec("-", "", (), lambda: None)
