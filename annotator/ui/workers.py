"""Work that must not block the window: proposing, segmenting, importing, batch proposing.

Each job gets its inputs up front and reports through Qt signals, which arrive in the
GUI thread. Jobs that write open their own Store (an SQLite connection belongs to one
thread). Long jobs can be cancelled; what they finished stays saved.
"""

from __future__ import annotations

import atexit
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, wait
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog

from annotator import procs
from annotator.errors import UserError
from annotator.importer import ImportOptions
from annotator.pipeline.batch import warm
from annotator.store import Store


def _model(path: str | None, stamp: float):
    """In the worker: the learned model at ``path`` (reloaded when the file changes)."""
    global _loaded
    if not path:
        return None
    if _loaded[0] != (path, stamp):
        from annotator.learn.model import load_if_present

        _loaded = ((path, stamp), load_if_present(path)[0])  # broken: rules only
    return _loaded[1]


_loaded: tuple = (None, None)


def _analyse(
    article_id: str, text: str, model_path: str | None = None, stamp: float = 0.0
) -> tuple[str, list, list, float]:
    """Runs in the worker process: proposals and word boundaries for one article."""
    from annotator.pipeline import propose_with_words

    start = time.perf_counter()
    proposals, words = propose_with_words(text, _model(model_path, stamp))
    return article_id, proposals, words, time.perf_counter() - start


_executor: ProcessPoolExecutor | None = None


def executor() -> ProcessPoolExecutor:
    """One worker process for the whole application, started on first use.

    A process, not a thread: underthesea's CRF code holds the GIL for long stretches,
    which would freeze the window if it ran in a thread of this process.
    """
    global _executor
    if _executor is None:
        _executor = procs.executor(1, warm)
        atexit.register(_executor.shutdown, wait=False, cancel_futures=True)
    return _executor


class ArticleJobs(QObject):
    """Proposals (if wanted) and word boundaries for articles, computed in the background.

    Results arrive as signals in the GUI thread, in the order the jobs finish.
    """

    finished = Signal(str, object, object, float)  # article id, proposals|None, words, secs
    failed = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: dict[str, tuple[Future, bool]] = {}
        self.closed = False

    def submit(
        self, article_id: str, text: str, want_proposals: bool, model_path: Path | None = None
    ) -> None:
        stamp = model_path.stat().st_mtime if model_path and model_path.exists() else 0.0
        future = executor().submit(_analyse, article_id, text, str(model_path) if model_path else None, stamp)
        self.pending[article_id] = (future, want_proposals)
        future.add_done_callback(self._done)  # runs in a helper thread: only emit signals

    def _done(self, future: Future) -> None:
        """Runs in the executor's helper thread: hand the result to the GUI thread."""
        if self.closed or future.cancelled():
            return
        entry = next(((a, w) for a, (f, w) in list(self.pending.items()) if f is future), None)
        if entry is None:
            return
        article_id, want = entry
        try:
            try:
                _, proposals, words, secs = future.result()
            except Exception as exc:  # a failed proposal must never take the window down
                self.failed.emit(article_id, f"{type(exc).__name__}: {exc}")
                return
            self.finished.emit(article_id, proposals if want else None, words, secs)
        except RuntimeError:
            pass  # the window closed while the result was on its way

    def wait(self, seconds: float = 60.0) -> bool:
        futures = [f for f, _ in self.pending.values()]
        done, not_done = wait(futures, timeout=seconds)
        return not not_done

    def forget(self, article_id: str) -> None:
        self.pending.pop(article_id, None)

    def shutdown(self) -> None:
        """Stop reporting: pending results are dropped, and nothing is delivered later."""
        for future, _ in self.pending.values():
            future.cancel()
        self.pending.clear()
        if not self.closed:
            self.closed = True
            self.finished.disconnect()
            self.failed.disconnect()


class StoreJob(QThread):
    """A long job on the database at ``db_path``, in its own thread and connection.

    Subclasses implement :meth:`work` and emit their own ``done`` signal; progress,
    cancelling and failures (one line, never a traceback) are handled here.
    """

    progress = Signal(int, int)
    failed = Signal(str)

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.cancel_requested = False

    def cancelled(self) -> bool:
        return self.cancel_requested

    def work(self, store: Store) -> None:
        raise NotImplementedError

    def run(self) -> None:
        try:
            with Store(self.db_path) as store:
                self.work(store)
        except UserError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # a failed job must never take the window down
            self.failed.emit(f"{type(exc).__name__}: {exc}")


class SaveProposalsJob(StoreJob):
    """Stores an article's new proposals and copies them into the annotator's layer, on
    its own connection: a long article's thousands of spans are a second of writing that
    would otherwise freeze the window when they arrive."""

    done = Signal(str, int)  # article id, spans added to the layer

    def __init__(
        self, db_path: Path, annotator: str, article_id: str, spans: list, seconds: float, version: str
    ) -> None:
        super().__init__(db_path)
        self.args = (annotator, article_id, spans, seconds, version)

    def work(self, store: Store) -> None:
        from annotator.session import AnnotationSession

        annotator, article_id, spans, seconds, version = self.args
        added = AnnotationSession(store, annotator).save_proposals(article_id, spans, seconds, version)
        self.done.emit(article_id, added)


class SearchIndexThread(StoreJob):
    """Fills the search index of a file that has articles it does not cover yet (once per
    file, after an upgrade); searching scans the texts until it is done."""

    done = Signal(int)  # articles indexed

    def work(self, store: Store) -> None:
        if not store.search_index_complete():
            self.done.emit(store.index_for_search(cancelled=self.cancelled))


class ImportThread(StoreJob):
    """Imports paths into the database with progress and cancel."""

    message = Signal(str)
    done = Signal(object)  # ImportReport

    def __init__(self, db_path: Path, paths: list[Path], options: ImportOptions | None = None) -> None:
        super().__init__(db_path)
        self.paths = paths
        self.options = options

    def work(self, store: Store) -> None:
        from annotator.importer import Importer

        importer = Importer(
            store,
            options=self.options,
            on_message=self.message.emit,
            on_progress=self.progress.emit,
            cancelled=self.cancelled,
        )
        self.done.emit(importer.run(self.paths))


class ProposeAllThread(StoreJob):
    """Fills proposals for every article that lacks them, on all cores."""

    done = Signal(int, int)

    def __init__(self, db_path: Path, workers: int | None = None) -> None:
        super().__init__(db_path)
        self.workers = workers

    def work(self, store: Store) -> None:
        from annotator.pipeline.batch import propose_store

        articles, spans = propose_store(
            store, workers=self.workers, on_progress=self.progress.emit, cancelled=self.cancelled
        )
        self.done.emit(articles, spans)


def show_progress(dialog: QProgressDialog, done: int, total: int) -> None:
    """A worker's progress signal, shown in its dialog."""
    dialog.setMaximum(total)
    dialog.setValue(done)


def closing(dialog: QProgressDialog, then: Callable[..., object], *args: object) -> None:
    """A worker's last signal: close its progress dialog, then ``then(*args)``."""
    dialog.reset()
    then(*args)
