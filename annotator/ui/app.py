"""Start the desktop app: ``python main.py [DB] [--review]``.

Without a DB argument the app opens its default database in the user's data folder,
importing the bundled sample articles into it on first run. The first start asks for the
annotator's name, kept in the settings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.errors import UserError
from annotator.model import use_label_config
from annotator.samples import open_default_store
from annotator.store import Store
from annotator.ui import i18n, settings
from annotator.ui.dialogs import ask_annotator_name, choose_identity
from annotator.ui.main_window import APP_TITLE, MainWindow


def create_window(db: str | Path | None = None, annotator: str | None = None,
                  ask: bool = False) -> MainWindow | None:
    """Open the database (or the default one) and build the main window for ``annotator``.

    ``ask``: when the file is someone else's, ask whose layer to work on (None: cancelled).
    """
    annotator = annotator or str(settings.get("annotator/name", "") or "") or "annotator"
    if db is None:
        store, _report = open_default_store()
    else:
        store = Store(Path(db))
    if ask:
        chosen = choose_identity(store, annotator)
        if chosen is None:
            store.close()
            return None
        annotator = chosen
    return MainWindow(store, annotator)


def start(argv: list[str]) -> MainWindow | int:
    """Everything before the event loop: language, labels, the annotator's name, the window.

    Returns the shown window, or an exit status when the app cannot start.
    """
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("vn-entity-annotator")
    app.setApplicationDisplayName(APP_TITLE)
    i18n.install(app)
    labels_path = str(settings.get("ui/labels_path", "") or "")
    try:
        use_label_config(labels_path or None)
    except UserError as exc:
        QMessageBox.warning(None, APP_TITLE, i18n.tr("The label configuration %1 cannot be "
                                                      "used; the default labels are used.")
                            .replace("%1", labels_path) + f"\n\n{exc}")
    name = str(settings.get("annotator/name", "") or "")
    if not name:
        name = ask_annotator_name() or ""
        if not name:
            return 1
        settings.put("annotator/name", name)
    db = next((a for a in argv if not a.startswith("-")), None)
    try:
        window = create_window(db, name, ask=True)
        if window is None:
            return 1
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 2
    geometry = settings.get("window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    window.show()
    if "--review" in argv:
        window.open_review()
    return window


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    window = start(argv)
    if isinstance(window, int):
        return window
    return QApplication.instance().exec()


if __name__ == "__main__":
    sys.exit(main())
