"""Start the desktop app: ``python main.py [DB]``.

Without a DB argument the app opens its default database in the user's data folder,
importing the bundled sample articles into it on first run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.errors import UserError
from annotator.samples import open_default_store
from annotator.store import Store
from annotator.ui.main_window import APP_TITLE, MainWindow


def create_window(db: str | Path | None = None) -> MainWindow:
    """Open the database (or the default one) and build the main window."""
    if db is None:
        store, _report = open_default_store()
    else:
        store = Store(Path(db))
    return MainWindow(store)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("vn-entity-annotator")
    app.setApplicationDisplayName(APP_TITLE)
    db = next((a for a in argv if not a.startswith("-")), None)
    try:
        window = create_window(db)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        QMessageBox.critical(None, APP_TITLE, str(exc))
        return 2
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
