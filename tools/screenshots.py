"""Grab screenshots of the main window's states into docs/ (offscreen, no display needed).

python tools/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"


def main() -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    tmp = Path(tempfile.mkdtemp())
    os.environ["ANNOTATOR_SETTINGS"] = str(tmp / "settings.ini")
    from annotator.importer import import_paths
    from annotator.store import Store
    from annotator.ui import i18n
    from annotator.ui.app import create_window

    db = tmp / "demo.db"
    with Store(db) as s:
        import_paths(s, [ROOT / "resources" / "samples"])
    DOCS.mkdir(exist_ok=True)

    def window():  # type: ignore[no-untyped-def]
        w = create_window(db, "Lan")
        w.resize(1400, 820)
        w.show()
        for _ in range(200):
            app.processEvents()
            w.controller.wait_for_jobs(1000)
            if not w.controller._jobs:
                break
        app.processEvents()
        return w

    w = window()
    w.select_article(w.articles.rows[2]["id"])
    w.controller.wait_for_jobs()
    for _ in range(50):
        app.processEvents()
    w.view.setFocus()
    w.grab().save(str(DOCS / "screenshot.png"))  # proposals, as they arrive
    for key in (Qt.Key.Key_N, Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_X):
        QTest.keyClick(w.view, key)
    app.processEvents()
    w.grab().save(str(DOCS / "screenshot-reviewing.png"))  # some accepted, one rejected
    w.show_shortcuts().grab().save(str(DOCS / "shortcuts.png"))
    w.close()

    i18n.install(app, "vi")
    w = window()
    w.select_article(w.articles.rows[0]["id"])
    app.processEvents()
    w.grab().save(str(DOCS / "screenshot-vi.png"))
    w.close()
    i18n.install(app, "en")
    review_screenshots(app, tmp)
    print("\n".join(str(p) for p in sorted(DOCS.glob("*.png"))))


def review_screenshots(app, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """The review window and the dashboard on the team test's data: the dev gold given to
    three annotators with injected disagreements, merged."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from annotator.importer import import_paths
    from annotator.store import Store
    from annotator.team import assign, merge
    from annotator.ui.dashboard import DashboardWindow
    from annotator.ui.review_window import ReviewWindow
    from tests.test_team_flow import DEV_GOLD, NAMES, annotate_with_disagreements

    master = tmp / "review.db"
    with Store(master) as s:
        import_paths(s, [DEV_GOLD])
        report = assign(s, NAMES, overlap=6 / 14, out_dir=tmp / "team", seed=7)
    for name in NAMES:
        annotate_with_disagreements(report.files[name], name)
    store = Store(master)
    merge(store, [report.files[n] for n in NAMES])
    w = ReviewWindow(store, "Thu")
    w.resize(1500, 860)
    w.show()
    app.processEvents()
    w.view.setFocus()
    QTest.keyClick(w.view, Qt.Key.Key_V)
    QTest.keyClick(w.view, Qt.Key.Key_N)
    app.processEvents()
    w.grab().save(str(DOCS / "review.png"))
    dash = DashboardWindow(store)
    dash.show()
    app.processEvents()
    dash.grab().save(str(DOCS / "dashboard.png"))
    dash.close()
    w.close()
    store.close()


if __name__ == "__main__":
    main()
