"""The learned model in the app: background retraining and the "least certain first" queue.

After every N newly finished articles (Preferences; 0 turns it off), the model is
retrained in a separate process (underthesea and the CRF hold the GIL, so a thread
would freeze the window). When it is done, later proposals use the new model and the
status bar shows its cross-validated F1. A broken model file never stops the app: the
status bar says so and proposals come from the rules.
"""

from __future__ import annotations

import atexit
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator import procs
from annotator.learn.model import model_for_database
from annotator.pipeline import proposer_version
from annotator.ui import settings

RETRAIN_KEY = settings.RETRAIN_EVERY


def retrain_every() -> int:
    """Finished articles between background trainings (0: never)."""
    return max(0, settings.number(RETRAIN_KEY))


def _finished_when_trained(meta: dict[str, Any]) -> int:
    """Finished articles in the database when a model was trained (older descriptions:
    its training articles)."""
    try:
        return int(meta.get("finished_articles", meta.get("training", {}).get("articles", 0)))
    except (TypeError, ValueError, AttributeError):
        return 0


class Learning(QObject):
    """Holds the current model's path and version; retrains in the background."""

    trained = Signal(object)  # the summary dict from annotator.learn.background.retrain
    failed = Signal(str)
    message = Signal(str)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.model_path: Path | None = None
        self.version = proposer_version(None)
        self.finished_since = 0
        self.trained_on = 0  # articles finished when the current model was trained
        self.future: Future | None = None
        self._executor: ProcessPoolExecutor | None = None
        self.closed = False

    def load(self) -> str | None:
        """Use the database's model if it loads, else the base model; returns a message
        for the status bar."""
        model, problem = model_for_database(self.db_path, taggers=False)  # the jobs load it
        self.model_path = model.path if model is not None else None
        self.version = proposer_version(model)
        self.trained_on = _finished_when_trained(model.meta) if model is not None and not model.base else 0
        return problem

    @property
    def running(self) -> bool:
        return self.future is not None and not self.future.done()

    def article_finished(self, finished: int) -> bool:
        """After an article was marked done: ``finished`` articles are done in the database
        now. Retrain when N more than when the current model was trained (or, with no model
        yet, N in all) are done, so the count carries over between sessions and includes
        articles merged in from other annotators. True if retraining started."""
        self.finished_since = finished - self.trained_on
        every = retrain_every()
        if every and self.finished_since >= every and not self.running:
            self.start()
            return True
        return False

    def start(self) -> None:
        from annotator.learn.background import retrain

        if self._executor is None:
            self._executor = procs.executor(1)
            atexit.register(self._executor.shutdown, wait=False, cancel_futures=True)
        self.future = self._executor.submit(retrain, str(self.db_path))
        self.future.add_done_callback(self._done)

    def _done(self, future: Future) -> None:
        """Runs in the executor's helper thread: only emit signals (queued to the GUI)."""
        if self.closed or future.cancelled():
            return
        try:
            try:
                result: dict[str, Any] = future.result()
            except Exception as exc:  # a failed training must never take the window down
                self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
                return
            self.trained.emit(result)
        except RuntimeError:
            pass  # the window closed while the result was on its way

    def wait(self, seconds: float = 120.0) -> bool:
        return self.future is None or not wait_futures([self.future], timeout=seconds).not_done

    def shutdown(self) -> None:
        self.closed = True
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


class LearningPanel(QObject):
    """The learned model in the window: which model proposals use, the article order
    (document or least certain first), retraining in the background. It owns its two
    widgets (the order box and the busy label) and talks to the window only through its
    signals; the window places the widgets and connects the signals."""

    message = Signal(str, int)  # a status-bar line and how long to show it (ms)
    modelChanged = Signal(object, str)  # the model's path (None: the rules) and version
    orderChanged = Signal(object)  # the least-certain ranks to sort by, or None

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QComboBox, QLabel

        from annotator.learn.background import read_queue

        self.learning = Learning(db_path, self)
        self.order = QComboBox()
        self.order.setObjectName("articleOrder")
        self.order.addItem("", "document")
        self.order.addItem("", "uncertain")
        self.busy = QLabel()
        self.busy.setObjectName("learningBusy")
        self.retranslate()
        self.busy.hide()
        self.ranks: dict[str, float] = read_queue(db_path)
        self.order.currentIndexChanged.connect(lambda _i: self._apply_order())
        self.learning.trained.connect(self._trained)
        self.learning.failed.connect(self._failed)
        self.problem: str | None = None

    def start(self) -> None:
        """Load the database's model (or the base model) once the window is listening."""
        self.problem = self.learning.load()  # a broken model: one line, then the rules
        self._use_model()
        if self.problem:
            self.message.emit(self.problem, 10000)

    def retranslate(self) -> None:
        from annotator.ui.i18n import tr

        self.order.setItemText(0, tr("Document order"))
        self.order.setItemText(1, tr("Least certain first"))
        self.order.setToolTip(
            tr("Least certain first: the articles the learned model is least sure about come first")
        )
        self.busy.setText(tr("Training the learned model…"))

    def _use_model(self) -> None:
        self.modelChanged.emit(self.learning.model_path, self.learning.version)

    def least_certain_first(self) -> bool:
        return self.order.currentData() == "uncertain" and bool(self.ranks)

    def _apply_order(self) -> None:
        uncertain = self.order.currentData() == "uncertain"
        self.orderChanged.emit(self.ranks if uncertain else None)

    def _trained(self, result: dict) -> None:
        from annotator.ui.i18n import tr

        if self.learning.closed:  # queued before the window closed
            return
        self.busy.hide()
        self.learning.load()
        self._use_model()
        self.ranks = dict(result.get("uncertainty") or {})
        self._apply_order()
        f1 = result.get("f1")
        self.message.emit(
            tr("Learned model %1 trained on %2 articles; cross-validated F1 %3")
            .replace("%1", str(result.get("id")))
            .replace("%2", str(result.get("articles")))
            .replace("%3", "-" if f1 is None else f"{f1:.3f}"),
            10000,
        )

    def _failed(self, error: str) -> None:
        from annotator.ui.i18n import tr

        self.busy.hide()
        self.message.emit(tr("Could not train the learned model: %1").replace("%1", error), 10000)

    def _started(self) -> None:
        from annotator.ui.i18n import tr

        self.busy.show()
        self.message.emit(tr("Training the learned model in the background…"), 5000)

    def article_finished(self, finished: int) -> bool:
        """An article was marked done; ``finished``: how many the database has now."""
        started = self.learning.article_finished(finished)
        if started:
            self._started()
        return started

    def train_now(self) -> None:
        """Tools > Train the learned model now: retrain without waiting for N articles."""
        from annotator.ui.i18n import tr

        if self.learning.running:
            self.message.emit(tr("The learned model is already training"), 5000)
            return
        self.learning.start()
        self._started()

    def shutdown(self) -> None:
        self.learning.shutdown()
