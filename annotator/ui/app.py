"""Start the desktop app: ``python main.py [DB] [--review]``.

Without a DB argument the app opens its default database in the user's data folder,
importing the bundled sample articles into it on first run. The first start asks for the
annotator's name, kept in the settings.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.errors import UserError
from annotator.model import use_label_config
from annotator.samples import open_default_store
from annotator.session_lock import SessionLock
from annotator.store import Store
from annotator.ui import i18n, settings
from annotator.ui.dialogs import ask_annotator_name, choose_identity
from annotator.ui.main_window import APP_TITLE, MainWindow


def create_window(
    db: str | Path | None = None, annotator: str | None = None, ask: bool = False
) -> MainWindow | None:
    """Open the database (or the default one) and build the main window for ``annotator``.

    ``ask``: when the file is someone else's, ask whose layer to work on (None: cancelled).
    """
    annotator = annotator or settings.text(settings.NAME) or "annotator"
    if db is None:
        store, _report = open_default_store()
    else:
        store = Store(Path(db))
    lock = None
    if ask:
        chosen = choose_identity(store, annotator)
        if chosen is None:
            store.close()
            return None
        annotator = chosen
        lock = SessionLock(store.path, annotator)  # one window per person per file
        if not lock.acquire():
            store.close()
            raise UserError(
                i18n.tr("%1 is already open for %2 in another window; work there, or close it first.")
                .replace("%1", store.path.name)
                .replace("%2", annotator)
            )
    window = MainWindow(store, annotator)
    window.session_lock = lock
    return window


# What Qt's window on Linux (the xcb platform) loads, by package on Debian/Ubuntu. A
# minimal system lacks some; Qt then aborts with a message that names another library.
XCB_LIBRARIES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
}


def missing_system_libraries(names: dict[str, str] | None = None) -> dict[str, str]:
    """The libraries of ``names`` (soname -> package) this system cannot load."""
    import ctypes

    missing = {}
    for soname, package in (XCB_LIBRARIES if names is None else names).items():
        try:
            ctypes.CDLL(soname)
        except OSError:
            missing[soname] = package
    return missing


def _window_libraries_problem() -> str | None:
    """On Linux with a display, one message naming what to install, before Qt aborts."""
    import os

    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb") or not os.environ.get("DISPLAY"):
        return None
    missing = missing_system_libraries()
    if not missing:
        return None
    return (
        "cannot open a window: this system lacks "
        + ", ".join(missing)
        + ". Install them (Debian/Ubuntu): sudo apt-get install "
        + " ".join(sorted(set(missing.values())))
    )


def start(argv: list[str]) -> MainWindow | int:
    """Everything before the event loop: language, labels, the annotator's name, the window.

    Returns the shown window, or an exit status when the app cannot start.
    """
    if QApplication.instance() is None:
        problem = _window_libraries_problem()
        if problem is not None:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("vn-entity-annotator")
    QApplication.setApplicationDisplayName(APP_TITLE)
    i18n.install(app)
    labels_path = settings.text(settings.LABELS_PATH)
    try:
        use_label_config(labels_path or None)
    except UserError as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            APP_TITLE,
            i18n.tr("The label configuration %1 cannot be used; the default labels are used.").replace(
                "%1", labels_path
            )
            + f"\n\n{exc}",
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
    name = settings.text(settings.NAME)
    if not name:
        name = ask_annotator_name() or ""
        if not name:
            return 1
        settings.put(settings.NAME, name)
    db = next((a for a in argv if not a.startswith("-")), None)
    try:
        window = create_window(db, name, ask=True)
        if window is None:
            return 1

    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, str(exc))
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path or a reason: data, not markup
        box.exec()
        return 2
    geometry = settings.get_bytes(settings.GEOMETRY)
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
    settle_memory()
    return QApplication.exec()


def settle_memory() -> None:
    """Once the window is up: move everything made so far (the libraries, the models,
    the widgets) out of the garbage collector's sight. Its full collections then scan
    only what the session makes; on a team's corpus, a full collection over everything
    stalled the window for 150 ms while the review queue was read (10,000 articles)."""
    import gc

    gc.collect()
    gc.freeze()


if __name__ == "__main__":
    sys.exit(main())
