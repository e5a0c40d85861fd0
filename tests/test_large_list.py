"""The article list of a large corpus: read in the background, a page of rows at a time.

Past ``SYNC_LIMIT`` articles the window does not read the whole list on opening or on
a filter; the limit is lowered here so that a small file takes the same path.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.model import Status
from annotator.store import Store
from annotator.ui import models
from annotator.ui.app import create_window

from .gui_helpers import make_db, settle

TEXTS = [f"Bài số {i}.\nBan Thường vụ Huyện ủy họp lần thứ {i}; đồng chí Bí thư chủ trì." for i in range(120)]
TEXTS[17] = "Bài số 17.\nHội nghị ở Hạ Long bàn việc học tập Chỉ thị số 05-CT/TW."


@pytest.fixture
def big(monkeypatch, tmp_path):
    monkeypatch.setattr(models, "SYNC_LIMIT", 3)
    monkeypatch.setattr(models, "PAGE", 8)
    db = tmp_path / "team.db"
    ids = make_db(db, TEXTS)
    return db, ids


def test_the_list_opens_on_its_first_page_and_the_next_article_to_do(big, qtbot):
    db, ids = big
    with Store(db) as s:  # the first 20 are done: the next to do is past the first page
        for done in ids[:20]:
            s.set_status(done, "lan", Status.DONE)
    w = create_window(db, "lan")
    qtbot.addWidget(w)
    # at once: every row counted, the first page read, the next article to do open
    assert w.articles.rowCount() == 120
    assert w.controller.article_id == ids[20]
    assert w.articles.index(0, 1).data() == "Bài số 0."
    w.show()
    qtbot.waitUntil(lambda: w.articles.complete and w.article_table.currentIndex().row() == 20)
    assert w.articles.index(20, 0).data(Qt.ItemDataRole.DisplayRole) in ("To do", "Chưa làm")
    assert len(w.articles.cache) < 60  # rows are read as they are shown, not all
    assert w.articles.index(119, 1).data() == "Bài số 119."
    settle(w, qtbot)


def test_search_filter_and_done_on_a_list_read_in_the_background(big, qtbot):
    db, ids = big
    w = create_window(db, "lan")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.articles.complete)
    with qtbot.waitSignal(w.articles.listed, timeout=10000):
        w.search_box.setText("ha long")
    assert w.articles.ids() == [ids[17]]
    assert "1" in w.statusBar().currentMessage()
    with qtbot.waitSignal(w.articles.listed, timeout=10000):
        w._search("")  # what clearing the box does when typing pauses
    assert w.articles.rowCount() == 120
    w.select_article(ids[5])
    qtbot.waitUntil(lambda: w.controller.article_id == ids[5])
    w.mark(Status.DONE)
    settle(w, qtbot)
    assert w.controller.article_id == ids[6]  # the next one to do
    with qtbot.waitSignal(w.articles.listed, timeout=10000):
        w.status_filter.setCurrentIndex(w.status_filter.findData("done"))
    assert w.articles.ids() == [ids[5]]
    # opening an article the filter hides clears the filter, then selects it in the list
    w.select_article(ids[9])
    qtbot.waitUntil(lambda: w.articles.complete and w.articles.rowCount() == 120)
    qtbot.waitUntil(lambda: w.article_table.currentIndex().row() == 9)
    assert w.controller.article_id == ids[9]
    settle(w, qtbot)
