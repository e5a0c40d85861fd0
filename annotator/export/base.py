"""What every format writer gets: the articles of one split, and a context to report to.

A writer is a module with ``write(ctx, split, articles) -> [file names]`` (called once
per split, in split order) and ``finish(ctx) -> [file names]`` (once, after the last
split, for files that describe the whole dataset). Files go in ``ctx.folder``; their
names are relative to it. Writers call ``ctx.tick()`` once per article.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import procs
from annotator.errors import Cancelled  # noqa: F401  (the export's cancelled-job error)
from annotator.layers import Entry

PARALLEL_FROM = 200  # fewer articles than this are tokenized in-process
FEED_CHUNK = 64  # articles held at once per worker feed


@dataclass(frozen=True, slots=True)
class ExportArticle:
    entry: Entry
    text: str
    meta: dict[str, Any] = field(default_factory=dict)  # what the article was imported with


@dataclass
class Context:
    folder: Path
    levels: tuple[str, ...] = ("syllable",)
    workers: int = 1
    total: int = 0  # articles to write, over all splits
    on_progress: Callable[[int, int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    done: int = 0
    stats: dict[str, Any] = field(default_factory=dict)  # figures a writer wants in the card

    def tick(self) -> None:
        self.done += 1
        if self.on_progress:
            self.on_progress(self.done, self.total)
        if self.cancelled and self.cancelled():
            raise Cancelled("export cancelled; nothing was written")

    def imap(self, func: Callable[[Any], Any], items: Iterable[Any], count: int) -> Iterator[Any]:
        """``map(func, items)`` in order, on ``workers`` processes when it pays off."""
        if self.workers <= 1 or count < PARALLEL_FROM:
            yield from map(func, items)
            return
        with procs.pool(self.workers) as pool:
            it = iter(items)
            while chunk := list(itertools.islice(it, FEED_CHUNK * self.workers)):
                yield from pool.imap(func, chunk, chunksize=4)


def open_text(path: Path):
    """A UTF-8 text file with ``\\n`` line ends on every platform."""
    return path.open("w", encoding="utf-8", newline="\n")
