"""The learned model in the app: retraining in the background, the least-certain queue,
and a broken model file that only costs a status bar message."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer

from annotator.learn.model import base_model, base_model_path, load_model, model_path_for
from annotator.model import Status
from annotator.proposals import PROPOSER_VERSION
from annotator.store import Store
from annotator.ui import settings
from annotator.ui.app import create_window
from annotator.ui.learning import RETRAIN_KEY

from .gui_helpers import settle
from .test_learn import NEW, annotated_db


def _window(qtbot, db):  # type: ignore[no-untyped-def]
    w = create_window(db, "lan")
    qtbot.addWidget(w)
    w.show()
    settle(w, qtbot)
    return w


def test_retraining_runs_off_the_ui_thread_and_the_new_model_is_used(qtbot, tmp_path):
    db = annotated_db(tmp_path / "corpus.db", n=9)
    from annotator.store import NewArticle
    from annotator.text import article_id

    with Store(db) as s:
        for text in (
            NEW,
            "Bài khác.\nĐồng chí Lê Văn Tám, Bí thư Tỉnh ủy, phát biểu.",
            "Bài ba.\nHợp tác xã Sen Hồ Tây họp bàn với Thường trực Huyện ủy.",
        ):
            s.add_article(NewArticle(article_id(text), text[:20], text, "t", {}, {}))
    settings.put(RETRAIN_KEY, 1)
    w = _window(qtbot, db)
    # before its first training a database proposes with the base model
    assert w.controller.model_path == base_model_path() and not model_path_for(db).exists()
    w.select_article(article_id(NEW))
    settle(w, qtbot)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    start = time.perf_counter()
    timer.start(10)
    with qtbot.waitSignal(w.learning.learning.trained, timeout=120000):
        w.mark(Status.DONE, "accept")  # the 1st newly finished article: retraining starts
        assert w.learning.learning.running
    timer.stop()
    elapsed = time.perf_counter() - start
    assert elapsed > 0.2  # long enough to tell
    assert len(ticks) >= elapsed / 0.010 * 0.25  # the event loop kept running meanwhile
    model = load_model(model_path_for(db))
    assert w.controller.model_path == model_path_for(db)
    assert w.controller.proposer_version == f"{PROPOSER_VERSION}+crf-{model.id}"
    assert "Learned model" in w.statusBar().currentMessage() or "Mô hình" in w.statusBar().currentMessage()
    # least certain first: the list follows the model's uncertainty
    # (the articles the model was trained on are finished: they are not ranked, and
    # come last)
    ranks = w.learning.ranks
    in_order = w.articles.ids()
    status = {a: w.store.status(a, w.annotator).value for a in in_order}
    assert set(ranks) == {a for a, st in status.items() if st == "todo"}
    assert len(ranks) == 2
    w.learning.order.setCurrentIndex(w.learning.order.findData("uncertain"))
    shown = w.articles.ids()
    assert [ranks.get(a, -1.0) for a in shown] == sorted(
        [*ranks.values(), *[-1.0] * (len(shown) - len(ranks))], reverse=True
    )
    todo = [a for a in shown if status[a] == "todo"]
    assert todo == shown[:2]
    assert w.next_article_to_do("document-order-choice") == next(
        a for a in todo if a != w.controller.article_id
    )
    w.learning.order.setCurrentIndex(w.learning.order.findData("document"))
    assert w.articles.ids() == in_order


def test_a_corrupt_model_file_is_a_status_message_and_the_base_model_proposes(qtbot, tmp_path):
    db = annotated_db(tmp_path / "corpus.db", n=3)
    path = model_path_for(db)
    path.write_bytes(b"\x00garbage")
    path.with_name(path.name + ".json").write_text("{}", encoding="utf-8")
    w = _window(qtbot, db)
    base = base_model()
    assert w.controller.model_path == base.path
    assert w.controller.proposer_version == f"{PROPOSER_VERSION}+crf-{base.id}"
    assert str(path) in w.learning.problem and "base model" in w.learning.problem
    assert w.controller.spans  # the proposals arrived


def test_newly_finished_articles_are_counted_across_sessions(qtbot, tmp_path):
    """Retraining after every 2 newly finished articles: one finished in a session that
    then closes, one in the next session, and the model is retrained."""
    from annotator.learn.train import train_store
    from annotator.store import NewArticle
    from annotator.text import article_id

    db = annotated_db(tmp_path / "corpus.db", n=6)
    texts = [
        "Bài một.\nĐồng chí Lê Văn Tám, Bí thư Tỉnh ủy, phát biểu.",
        "Bài hai.\nHợp tác xã Sen Hồ Tây họp bàn với Thường trực Huyện ủy.",
    ]
    with Store(db) as s:
        for text in texts:
            s.add_article(NewArticle(article_id(text), text[:8], text, "t", {}, {}))
        train_store(s, folds=0)
    assert load_model(model_path_for(db)).meta["finished_articles"] == 6
    settings.put(RETRAIN_KEY, 2)

    w = _window(qtbot, db)
    w.select_article(article_id(texts[0]))
    settle(w, qtbot)
    w.mark(Status.DONE, "accept")
    assert w.learning.learning.finished_since == 1 and not w.learning.learning.running
    w.close()

    w = _window(qtbot, db)  # the next session
    w.select_article(article_id(texts[1]))
    settle(w, qtbot)
    with qtbot.waitSignal(w.learning.learning.trained, timeout=120000):
        w.mark(Status.DONE, "accept")
        assert w.learning.learning.finished_since == 2 and w.learning.learning.running
    assert load_model(model_path_for(db)).meta["finished_articles"] == 8
    assert w.learning.learning.trained_on == 8


def test_train_now_from_the_keyboard_shows_that_it_runs(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    db = annotated_db(tmp_path / "corpus.db", n=4)
    w = _window(qtbot, db)
    w.activateWindow()
    QApplication.processEvents()
    w.view.setFocus()
    assert w.named_actions["trainModel"].shortcut().toString() == "Ctrl+Shift+L"
    assert not w.learning.busy.isVisible()
    with qtbot.waitSignal(w.learning.learning.trained, timeout=120000):
        qtbot.keyClick(
            w.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        )
        assert w.learning.learning.running and w.learning.busy.isVisible()
        w.learning.train_now()  # a second request while it runs is only a message
        assert "already" in w.statusBar().currentMessage() or "đang" in w.statusBar().currentMessage()
    assert not w.learning.busy.isVisible()
    assert model_path_for(db).exists() and w.controller.model_path == model_path_for(db)
