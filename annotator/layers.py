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

from dataclasses import dataclass, field

from annotator.errors import UserError
from annotator.model import GOLD, SpanKey
from annotator.store import Store

LAYER_HELP = "gold, accepted or annotator:NAME"


@dataclass(frozen=True, slots=True)
class Entry:
    """One article of an export, without its text (read again when it is written)."""

    id: str
    title: str
    source: str
    external_id: str | None
    imported_at: str | None
    spans: tuple[SpanKey, ...]  # (start, end, label), in text order
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
    """The entries of ``layer`` (as returned by :func:`resolve_layer`), in import order."""
    if layer == "gold":
        return _collect_gold(store)
    if layer.startswith("annotator:"):
        return _collect_one(store, layer, layer.split(":", 1)[1])
    return _collect_accepted(store)


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
        spans=tuple((s, e, label) for s, e, label, _adj, _at in spans),
        annotators=tuple(sorted(set(annotators))),
        adjudicators=tuple(sorted({a for a in (adjudicators or []) if a})),
        approved_at=approved_at,
        last_change=max(times) if times else None,
    )


def _collect_gold(store: Store) -> Collected:
    result = Collected("gold")
    spans = store.accepted_spans_by(GOLD)
    finished = store.human_finishers()
    for row in store.done_articles(GOLD):
        mine = spans.get((row[0], GOLD), [])
        result.entries.append(_entry(row, mine, finished.get(row[0], []), row[6], [s[3] for s in mine]))
    return result


def _collect_one(store: Store, layer: str, name: str) -> Collected:
    result = Collected(layer)
    spans = store.accepted_spans_by(name)
    for row in store.done_articles(name):
        result.entries.append(_entry(row, spans.get((row[0], name), []), [name], row[6]))
    return result


def _collect_accepted(store: Store) -> Collected:
    result = Collected("accepted")
    spans = store.accepted_spans_by(None)
    by_article: dict[str, list[tuple]] = {}
    for row in store.done_articles(None):
        by_article.setdefault(row[0], []).append(row)
    for aid, rows in by_article.items():
        layers = {row[5]: spans.get((aid, row[5]), []) for row in rows}
        versions = {tuple(s[:3] for s in v) for v in layers.values()}
        if len(versions) > 1:
            names = ", ".join(sorted(layers))
            result.left_out[aid] = f"finished by {names} with different spans; needs review"
            continue
        newest = max(rows, key=lambda r: r[6] or "")
        first = layers[rows[0][5]]
        latest_spans = (
            [max(group, key=lambda s: s[4] or "") for group in zip(*layers.values(), strict=True)]
            if first
            else []
        )
        result.entries.append(_entry(rows[0], latest_spans, list(layers), newest[6]))
    return result
