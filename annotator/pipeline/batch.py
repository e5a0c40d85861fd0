"""Run the proposer (rules and model) over many texts, on every core, and store or stream the results.

Workers are separate processes (underthesea is CPU-bound Python, so threads would not
help); each loads the models once. Small batches run in-process, where starting workers
would cost more than it saves. Results come back in input order when asked.

For a database, results are written in small transactions as they arrive, each with its
``proposal_runs`` rows, so an interrupted run keeps what it finished and the next run
starts with the articles still missing.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from annotator import procs
from annotator.model import Span, SpanState
from annotator.pipeline import propose, proposer_version
from annotator.procs import workers_to_use
from annotator.proposals import PROPOSER_NAME, Proposal
from annotator.store import Store

if TYPE_CHECKING:
    from annotator.learn.model import EntityModel

# The learned model this process proposes with (set in workers by warm, in-process by run).
_model = None

PARALLEL_FROM = 16  # fewer texts than this run in-process
WRITE_EVERY = 25  # articles per transaction when storing
FEED_CHUNK = 96  # texts held in memory at once when running in parallel


def _work(item: tuple[str, str]) -> tuple[str, list[Proposal], float]:
    key, text = item
    start = time.perf_counter()
    proposals = propose(text, model=_model)
    return key, proposals, time.perf_counter() - start


def _batched(items: Iterable[tuple[str, str]], n: int) -> Iterator[list[tuple[str, str]]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def warm(model_path: str | None = None) -> None:
    """A worker's start: the rules, underthesea and (with ``model_path``) the learned model
    loaded once, before the first article (the first proposal in a process costs seconds)."""
    global _model
    if model_path:
        from annotator.learn.model import load_model

        _model = load_model(model_path)
    propose("Khởi động.")


def run(
    items: Iterable[tuple[str, str]],
    *,
    workers: int | None = None,
    total: int | None = None,
    ordered: bool = True,
    model: EntityModel | None = None,
) -> Iterator[tuple[str, list[Proposal], float]]:
    """(key, proposals, seconds) for each (key, text); parallel when it pays off.

    ``model``: a learned model (loaded from a file) to propose with, in every worker.
    """
    global _model
    workers = workers_to_use(workers)
    if workers == 1 or (total is not None and total < PARALLEL_FROM):
        _model = model
        try:
            for item in items:
                yield _work(item)
        finally:
            _model = None
        return
    path = str(model.path) if model is not None and model.path else None
    with procs.pool(workers, warm, (path,)) as workers_pool:
        mapper = workers_pool.imap if ordered else workers_pool.imap_unordered
        # The input is read here, in the caller's thread (an SQLite connection cannot be
        # used from the pool's feeder thread), a bounded chunk at a time.
        for chunk in _batched(items, FEED_CHUNK):
            yield from mapper(_work, chunk, chunksize=2)


def to_spans(proposals: list[Proposal]) -> list[Span]:
    return [
        Span(
            p.start,
            p.end,
            p.label,
            origin=f"{PROPOSER_NAME}:{p.source}",
            state=SpanState.PROPOSED,
            confidence=p.confidence,
        )
        for p in proposals
    ]


def propose_store(
    store: Store,
    *,
    workers: int | None = None,
    redo: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    model: EntityModel | None = None,
) -> tuple[int, int]:
    """Fill proposals for every article that lacks them; returns (articles, spans).

    With a learned ``model`` the version stored is ``rules-2+crf-<id>``, so ``redo``
    re-proposes articles proposed without it or with another model.
    """
    version = proposer_version(model)
    ids = store.articles_without_proposals(PROPOSER_NAME, version if redo else None)
    total = len(ids)
    done = spans = 0
    pending: list[tuple[str, list[Span], float]] = []
    last_write = time.monotonic()

    def flush() -> None:
        nonlocal spans, pending, last_write
        if pending:
            spans += store.save_proposals(pending, PROPOSER_NAME, version)
            pending = []
        last_write = time.monotonic()

    results = run(store.article_texts(ids), workers=workers, total=total, ordered=False, model=model)
    try:
        for article_id, proposals, seconds in results:
            pending.append((article_id, to_spans(proposals), seconds))
            done += 1
            if len(pending) >= WRITE_EVERY or time.monotonic() - last_write > 1.0:
                flush()
            if on_progress:
                on_progress(done, total)
            if cancelled and cancelled():
                break
    finally:
        flush()
        close = getattr(results, "close", None)
        if close:
            close()
    return done, spans
