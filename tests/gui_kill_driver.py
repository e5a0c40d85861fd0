"""Run the real window offscreen, make edits with keys, report each one, then wait.

Used by test_gui_kill.py, which kills this process with SIGKILL after some edits:
    python tests/gui_kill_driver.py DB
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton  # noqa: E402


def main() -> None:
    app = QApplication([])
    from annotator.ui.app import create_window

    w = create_window(sys.argv[1], "lan")
    w.show()
    w.controller.wait_for_jobs()
    deadline = time.monotonic() + 60
    while w.controller._jobs and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()  # the window becomes active: its shortcuts work from here
    w.view.setFocus()
    text = w.view.text
    i = text.index("hội nghị")
    w.view.select(i, i + len("hội nghị"))
    QTest.keyClick(w.view, Qt.Key.Key_4)
    print("edit 1 label", flush=True)
    for n in range(2, 5):
        QTest.keyClick(w.view, Qt.Key.Key_N)
        QTest.keyClick(w.view, Qt.Key.Key_A)
        print(f"edit {n} accept", flush=True)
    QTest.keyClick(w.view, Qt.Key.Key_D)
    box = w.findChild(QMessageBox, "undecidedQuestion")
    if box is not None:  # proposals left undecided: D asks about them
        box.findChild(QPushButton, "rejectUndecided").click()
    print("edit 5 done", flush=True)
    while True:  # keep running, as a user who walked away would
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
