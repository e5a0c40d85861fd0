"""Checks every span before anything is written.

A span must lie inside its article's text, not cut a combining sequence, carry a known
label, and not start or end with white space (its token boundaries would not be its
character boundaries, and CoNLL or spaCy could not represent it exactly). Entities
never overlap each other, and tasks never overlap each other (each layer is one BIO
column). The exported ``text`` of a span is always ``text[start:end]``.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.layers import Entry
from annotator.model import SpanKey, label_names, layer_of_label
from annotator.text import is_combining

MAX_LISTED = 10


def _show(text: str, span: SpanKey) -> str:
    s, e, label = span
    piece = text[s:e] if 0 <= s < e <= len(text) else ""
    if len(piece) > 60:
        piece = piece[:57] + "..."
    return f"{label} [{s}, {e}) {piece!r}"


def span_problems(entry: Entry, text: str) -> list[str]:
    """One line per problem, naming the article and the span."""
    where = f"article {entry.id} ({entry.title[:50]!r})"
    problems: list[str] = []
    known = label_names()
    good: list[SpanKey] = []
    for span in entry.spans:
        s, e, label = span
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            problems.append(
                f"{where}: span {label} [{s}, {e}) lies outside the text ({len(text)} characters)"
            )
        elif label not in known:
            problems.append(
                f"{where}: span {_show(text, span)} has an unknown label (known: {', '.join(sorted(known))})"
            )
        elif text[s:e] != text[s:e].strip():
            problems.append(f"{where}: span {_show(text, span)} starts or ends with white space")
        elif is_combining(text[s]) or (e < len(text) and is_combining(text[e])):
            problems.append(f"{where}: span {_show(text, span)} cuts a combining sequence")
        else:
            good.append(span)
    problems += _overlaps(
        where, text, [x for x in good if layer_of_label(x[2]) == "entity"], "entities overlap"
    )
    problems += _overlaps(where, text, [x for x in good if layer_of_label(x[2]) == "task"], "tasks overlap")
    return problems


def _overlaps(where: str, text: str, spans: Sequence[SpanKey], what: str) -> list[str]:
    out = []
    ordered = sorted(spans, key=lambda x: (x[0], -x[1], x[2]))
    reach: SpanKey | None = None  # the span ending furthest to the right so far
    for span in ordered:
        if reach is not None and span[0] < reach[1]:
            out.append(f"{where}: {what}: {_show(text, reach)} and {_show(text, span)}")
        if reach is None or span[1] > reach[1]:
            reach = span
    return out
