"""Helpers for driving the annotation window in tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from annotator.model import Span, SpanState
from annotator.proposals import PROPOSER_NAME, PROPOSER_VERSION
from annotator.store import NewArticle, Store
from annotator.text import article_id

ARTICLE = (
    "Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa dự hội nghị.\n"
    "Đồng chí đề nghị Ban Tuyên giáo Tỉnh ủy tiếp tục thực hiện Chỉ thị số 05-CT/TW; "
    "nâng cao chất lượng tuyên truyền."
)
SECOND = "Bài thứ hai.\nThường trực Huyện ủy Tân Kỳ họp bàn."


def make_db(
    path: Path, texts: list[str], proposals: dict[int, list[tuple[str, str]]] | None = None
) -> list[str]:
    """A database with articles and, for some, ready-made proposer spans (by text)."""
    ids = []
    with Store(path) as s:
        for i, text in enumerate(texts):
            s.add_article(NewArticle(article_id(text), text.split("\n")[0], text, f"t{i}", {}, {}))
            ids.append(article_id(text))
        for i, wanted in (proposals or {}).items():
            text = texts[i]
            spans = []
            for label, needle in wanted:
                start = text.index(needle)
                spans.append(
                    Span(
                        start,
                        start + len(needle),
                        label,
                        origin="proposer:test",
                        state=SpanState.PROPOSED,
                        confidence=0.8,
                    )
                )
            s.save_proposals([(ids[i], spans, 0.01)], PROPOSER_NAME, PROPOSER_VERSION)
    return ids


def open_window(qtbot, db_path: Path, proposals: dict[int, list[tuple[str, str]]]):  # type: ignore[no-untyped-def]
    """The annotation window on ARTICLE and SECOND (with ``proposals``), shown, settled, the
    article text focused."""
    from annotator.ui.app import create_window

    make_db(db_path, [ARTICLE, SECOND], proposals)
    w = create_window(db_path, "lan")
    qtbot.addWidget(w)
    w.show()
    settle(w, qtbot)
    w.view.setFocus()
    return w


def settle(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let background jobs finish and their results arrive."""
    window.controller.wait_for_jobs()
    qtbot.waitUntil(lambda: not window.controller._jobs, timeout=60000)
    QApplication.processEvents()


def select_text(window, needle: str, start_off: int = 0, end_off: int = 0) -> None:  # type: ignore[no-untyped-def]
    text = window.view.text
    i = text.index(needle)
    window.view.select(i + start_off, i + len(needle) - end_off)


def layer(store_path: Path, annotator: str = "lan") -> list[tuple[str, str, str]]:
    """(label, text, state) of an annotator's spans, over all articles, sorted."""
    out = []
    with Store(store_path) as s:
        for aid in s.article_ids():
            text = s.article(aid).text
            out += [(x.label, text[x.start : x.end], str(x.state)) for x in s.spans(aid, annotator)]
    return sorted(out)


def click_on(window, qtbot, needle: str) -> None:  # type: ignore[no-untyped-def]
    """A left click in the middle of ``needle`` in the article view."""
    text = window.view.text
    i = text.index(needle) + len(needle) // 2
    rect = window.view.cursorRect(window.view.cursor_for(i, i))
    point = QPoint(rect.center().x(), rect.center().y())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def answer_undecided(qtbot, window, button: str) -> None:  # type: ignore[no-untyped-def]
    """Answer the question D asks when proposals are undecided: "acceptUndecided" or
    "rejectUndecided" (by object name, so it works in either language)."""
    from PySide6.QtWidgets import QMessageBox, QPushButton

    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "undecidedQuestion") is not None, timeout=5000)
    box = window.findChild(QMessageBox, "undecidedQuestion")
    box.findChild(QPushButton, button).click()
    QApplication.processEvents()


def close_next_message_box(seen: list[str]) -> None:
    """When the next message box shows (a modal one blocks the test), note its text in
    ``seen`` and close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def close_box() -> None:
        box = next(
            (b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox) and b.isVisible()), None
        )
        if box is None:
            QTimer.singleShot(20, close_box)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(20, close_box)
