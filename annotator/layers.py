"""Finished work: which spans of which articles count, in the gold, accepted and
annotator layers. What an export holds and what training learns from.

- ``gold``: the accepted spans of the gold layer, on the articles a reviewer approved
  (gold status ``done``). Undecided (``proposed``) and rejected gold spans never count.
- ``annotator:NAME``: NAME's accepted spans on the articles NAME marked done.
- ``accepted``: the accepted spans of the human annotators on the articles they marked
  done. When several annotators finished the same article and their accepted spans
  differ, nobody has decided which is right: the article is left out (listed in a
  warning and counted in the dataset card) until a reviewer adjudicates it into gold.
  When they agree exactly, it is exported once, naming all of them.

The default is ``gold`` when any article is approved in gold, otherwise ``accepted``.
Qt-free.
"""

from __future__ import annotations

from array import array
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import ClassVar, overload

from annotator.errors import UserError
from annotator.model import GOLD, SpanKey
from annotator.store import Store

LAYER_HELP = "gold, accepted or annotator:NAME"


BATCH = 1000  # articles whose spans are read at once


class PackedSpans(Sequence[SpanKey]):
    """An article's (start, end, label) spans in about 17 bytes each instead of a tuple
    of tuples (over 100): an export of 100,000 articles holds 3 million of them."""

    __slots__ = ("_ends", "_labels")
    _names: ClassVar[list[str]] = []
    _index: ClassVar[dict[str, int]] = {}

    def __init__(self, spans: Iterable[SpanKey]) -> None:
        self._ends = array("q")
        self._labels = array("H")
        for start, end, label in spans:
            at = self._index.get(label)
            if at is None:
                at = self._index[label] = len(self._names)
                self._names.append(label)
            self._ends.extend((start, end))
            self._labels.append(at)

    def __len__(self) -> int:
        return len(self._labels)

    @overload
    def __getitem__(self, i: int) -> SpanKey: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[SpanKey, ...]: ...
    def __getitem__(self, i: int | slice) -> SpanKey | tuple[SpanKey, ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        return self._ends[2 * i], self._ends[2 * i + 1], self._names[self._labels[i]]

    def __iter__(self) -> Iterator[SpanKey]:
        names, ends = self._names, self._ends
        for n, at in enumerate(self._labels):
            yield ends[2 * n], ends[2 * n + 1], names[at]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple:  # to worker processes as plain spans (their label index differs)
        return PackedSpans, (tuple(self),)


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of an export, without its text (read again when it is written)."""

    id: str
    title: str
    source: str
    external_id: str | None
    imported_at: str | None
    spans: Sequence[SpanKey]  # (start, end, label), in text order (PackedSpans)
    annotators: tuple[str, ...]  # the people whose work this is (or who finished it)
    adjudicators: tuple[str, ...]  # gold: the reviewers who decided its spans
    approved_at: str | None  # when the status that admits it was set
    last_change: str | None  # newest span or status change of the exported layer


@dataclass
class Collected:
    """The articles of one layer, and those left out with the reason."""

    layer: str
    entries: list[Entry] = field(default_factory=list)
    left_out: dict[str, str] = field(default_factory=dict)  # article id -> reason


def resolve_layer(store: Store, layer: str | None) -> tuple[str, str]:
    """The layer to export and a line saying why it was chosen.

    Raises :class:`UserError` for an unknown layer or annotator.
    """
    if layer is None or layer == "":
        approved = store.approved_in_gold()
        if approved:
            return "gold", f"layer: gold ({approved} articles approved by a reviewer)"
        return "accepted", (
            "layer: accepted (no article is approved in gold yet, so the "
            "annotators' accepted spans on the articles they finished)"
        )
    if layer in ("gold", "accepted"):
        return layer, f"layer: {layer}"
    if layer.startswith("annotator:"):
        name = layer.split(":", 1)[1].strip()
        if name == GOLD:
            raise UserError(f"--layer {layer}: the gold layer is exported with --layer gold")
        known = store.annotators()
        if name not in known:
            humans = ", ".join(store.annotators(kind="human")) or "none"
            raise UserError(f"--layer {layer}: {store.path} has no annotator {name!r} (annotators: {humans})")
        return f"annotator:{name}", f"layer: {name}'s accepted spans"
    raise UserError(f"--layer {layer!r}: unknown layer (use {LAYER_HELP})")


def collect(store: Store, layer: str) -> Collected:
    """The entries of ``layer`` (as returned by :func:`resolve_layer`), in import order,
    all in memory: for work that needs them at once (training). An export streams them
    with :func:`entries`."""
    result = Collected(layer)
    result.entries = list(entries(store, layer, result.left_out))
    return result


def _finisher(layer: str) -> str | None:
    """Whose done status admits an article to ``layer``: gold, one annotator, or any
    human (None)."""
    if layer == "gold":
        return GOLD
    if layer.startswith("annotator:"):
        return layer.split(":", 1)[1]
    return None


def count(store: Store, layer: str) -> int:
    """How many articles are finished in ``layer`` (before any is left out)."""
    return store.count_done(_finisher(layer))


def entries(
    store: Store,
    layer: str,
    left_out: dict[str, str] | None = None,
    only: Container[str] | None = None,
) -> Iterator[Entry]:
    """The entries of ``layer``, in import order, read a page of ``BATCH`` articles at a
    time: memory follows the page, not the corpus. Articles left out (the accepted layer's
    disagreements) go in ``left_out`` with the reason; ``only`` keeps just those article
    ids (the others' spans are not read)."""
    name = _finisher(layer)
    for rows, ids in store.done_pages(name, BATCH):
        if only is not None:
            rows = [r for r in rows if r[0] in only]
            ids = [i for i in ids if i in only]
            if not ids:
                continue
        spans = store.accepted_spans_by(name, ids)
        if layer == "gold":
            finished = store.human_finishers(ids)
            for row in rows:
                mine = spans.get((row[0], GOLD), [])
                yield _entry(row, mine, finished.get(row[0], []), row[6], [s[3] for s in mine])
        elif name is not None:
            for row in rows:
                yield _entry(row, spans.get((row[0], name), []), [name], row[6])
        else:
            by_article: dict[str, list[tuple]] = {}
            for row in rows:
                by_article.setdefault(row[0], []).append(row)
            for aid, its in by_article.items():
                entry = _accepted(aid, its, spans, left_out)
                if entry is not None:
                    yield entry


def _entry(
    row: tuple,
    spans: list[tuple],
    annotators: list[str],
    approved_at: str | None,
    adjudicators: list[str] | None = None,
) -> Entry:
    times = [t for t in [approved_at, *(s[4] for s in spans)] if t]
    return Entry(
        id=row[0],
        title=row[1],
        source=row[2],
        external_id=row[3],
        imported_at=row[4],
        spans=PackedSpans((s, e, label) for s, e, label, _adj, _at in spans),
        annotators=tuple(sorted(set(annotators))),
        adjudicators=tuple(sorted({a for a in (adjudicators or []) if a})),
        approved_at=approved_at,
        last_change=max(times) if times else None,
    )


def _accepted(aid: str, rows: list[tuple], spans: dict, left_out: dict[str, str] | None) -> Entry | None:
    """One article of the accepted layer: exported once when its finishers agree, else
    left out (None; the reason goes in ``left_out``)."""
    layers = {row[5]: spans.get((aid, row[5]), []) for row in rows}
    versions = {tuple(s[:3] for s in v) for v in layers.values()}
    if len(versions) > 1:
        names = ", ".join(sorted(layers))
        if left_out is not None:
            left_out[aid] = f"finished by {names} with different spans; needs review"
        return None
    newest = max(rows, key=lambda r: r[6] or "")
    first = layers[rows[0][5]]
    latest_spans = (
        [max(group, key=lambda s: s[4] or "") for group in zip(*layers.values(), strict=True)]
        if first
        else []
    )
    return _entry(rows[0], latest_spans, list(layers), newest[6])
