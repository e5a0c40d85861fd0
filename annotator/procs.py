"""Worker processes: how many to start, and how they end with the process that started
them. One home for both, used by proposing, training, export and the window's jobs.

Qt-free, no database.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.pool import Pool

# Proposing and export scale with the cores; training's CRF holds every article's
# features in each worker, so it takes fewer (memory grows with each).
MAX_WORKERS = 8
MAX_TRAINING_WORKERS = 4


def default_workers(cap: int = MAX_WORKERS) -> int:
    """Processes to start when the user did not say: one per core, at most ``cap``."""
    return max(1, min(os.cpu_count() or 1, cap))


def workers_to_use(asked: int | None, cap: int = MAX_WORKERS) -> int:
    """What the user asked for (at least one), else :func:`default_workers`."""
    return default_workers(cap) if asked is None else max(1, asked)


def pool(workers: int, initializer: Callable[..., object] | None = None, initargs: tuple = ()) -> Pool:
    """A pool of ``workers`` processes, started by spawning (safe beside the window's
    threads, the same on every platform); each runs ``initializer`` after
    :func:`exit_with_parent`."""
    ctx = multiprocessing.get_context("spawn")
    return ctx.Pool(workers, initializer=_start, initargs=(initializer, initargs))


def executor(workers: int = 1, initializer: Callable[..., object] | None = None) -> ProcessPoolExecutor:
    """:func:`pool` as a :class:`concurrent.futures.ProcessPoolExecutor`."""
    ctx = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_start, initargs=(initializer, ()))


def _start(initializer: Callable[..., object] | None, initargs: tuple) -> None:
    import signal

    # Ctrl-C is the parent's to handle (it stops the pool and says what was saved); a
    # worker that took it too would print its own traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    if initializer is not None:
        initializer(*initargs)


def exit_with_parent() -> None:
    """In a worker process: exit as soon as the process that started it is gone.

    A killed parent (SIGKILL, a crash) cannot tell its workers to stop; without this they
    would linger, holding memory and the parent's terminal.
    """
    import multiprocessing
    import threading

    # the pid of the process that started us (getppid() is already 1 when it died while
    # this worker was still starting)
    starter = multiprocessing.parent_process()
    parent = starter.pid if starter is not None and starter.pid else os.getppid()
    if sys.platform.startswith("linux"):
        # the kernel kills us with the parent: works even while this process is busy in C
        # code that holds the GIL (training a CRF), where the watcher thread cannot run
        import ctypes
        import signal

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before that took effect
            os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
