"""Converting span rows: shared by the store's modules."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from annotator.model import Span, SpanState

SPAN_COLS = (
    'id, annotator, start, "end", label, origin, state, confidence, created_at, updated_at, adjudicator'
)


def span_from_row(row: Sequence[Any]) -> Span:
    return Span(
        id=row[0],
        annotator=row[1],
        start=row[2],
        end=row[3],
        label=row[4],
        origin=row[5],
        state=SpanState(row[6]),
        confidence=row[7],
        created_at=row[8],
        updated_at=row[9],
        adjudicator=row[10],
    )


def span_record(span: Span) -> dict[str, Any]:
    """What history keeps of a span: enough to restore it exactly."""
    return {
        "start": span.start,
        "end": span.end,
        "label": span.label,
        "origin": span.origin,
        "state": str(span.state),
        "confidence": span.confidence,
    }
