"""Run the real window offscreen and do compound actions with keys, forever.

Used by test_action_kill.py, which kills this process with SIGKILL at random moments:
    python tests/action_kill_driver.py DB SEED
Each line printed is one finished key press.
"""

from __future__ import annotations

import os
import random
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def main() -> None:
    app = QApplication([])
    from annotator.ui.app import create_window

    w = create_window(sys.argv[1], "lan")
    rng = random.Random(int(sys.argv[2]))
    w.show()
    w.controller.wait_for_jobs()
    app.processEvents()
    w.view.setFocus()
    text = w.view.text
    words = [
        (m, text.index(m))
        for m in (
            "Tỉnh uỷ Nguyễn",
            "Nguyễn Văn Hòa",
            "Ban Tuyên giáo",
            "Tuyên giáo Tỉnh ủy tiếp",
            "Chỉ thị số",
            "tiếp tục thực hiện Chỉ thị",
        )
    ]
    steps = 0
    while True:
        what = rng.randrange(6)
        if what == 0:  # label over whatever is there (relabel, replace, reject in one go)
            needle, i = rng.choice(words)
            w.view.select(i, i + len(needle))
            QTest.keyClick(w.view, rng.choice([Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4]))
        elif what == 1:  # accept the paragraph, or everything
            QTest.keyClick(w.view, Qt.Key.Key_N)
            QTest.keyClick(w.view, Qt.Key.Key_A, rng.choice([SHIFT, CTRL | SHIFT]))
        elif what == 2:  # a boundary into a neighbour (refused or taken)
            QTest.keyClick(w.view, Qt.Key.Key_J)
            QTest.keyClick(
                w.view,
                rng.choice(
                    [
                        Qt.Key.Key_BracketRight,
                        Qt.Key.Key_BracketLeft,
                        Qt.Key.Key_BraceLeft,
                        Qt.Key.Key_BraceRight,
                    ]
                ),
            )
        elif what == 3:
            QTest.keyClick(w.view, Qt.Key.Key_Z, CTRL)
        elif what == 4:
            QTest.keyClick(w.view, Qt.Key.Key_Z, CTRL | SHIFT)
        else:
            QTest.keyClick(w.view, Qt.Key.Key_N)
            QTest.keyClick(w.view, rng.choice([Qt.Key.Key_A, Qt.Key.Key_X, Qt.Key.Key_Delete]))
        steps += 1
        print(steps, flush=True)


if __name__ == "__main__":
    main()
