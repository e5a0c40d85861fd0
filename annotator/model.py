"""Domain records: articles, spans, statuses, history entries.

Records validate themselves on construction, so a span whose offsets do not fit its text
cannot exist past the point where the text is known (:meth:`Span.check`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import cache
from typing import Any

from annotator.resources import load_json
from annotator.text import is_combining


class SpanState(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


HUMAN = "human"  # origin of a span a person made
IMPORT = "import"  # origin (and machine annotator) of spans that came with imported files


@dataclass(frozen=True)
class LabelDef:
    name: str
    layer: str  # "entity" or "task"
    key: str
    color: str
    title: dict[str, str]
    description: dict[str, str]


@cache
def label_defs() -> tuple[LabelDef, ...]:
    """The label configuration from ``resources/labels.json``."""
    return tuple(LabelDef(**d) for d in load_json("labels.json")["labels"])


def layer_of_label(label: str) -> str:
    """"entity" or "task": entities never overlap each other, tasks may contain them."""
    return next((d.layer for d in label_defs() if d.name == label), "entity")


def label_names() -> frozenset[str]:
    return frozenset(d.name for d in label_defs())


def now() -> str:
    """Current UTC time as stored: ISO 8601 with milliseconds and a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class InvalidSpan(ValueError):
    """A span that cannot exist: bad offsets, unknown label, unknown state."""


@dataclass(frozen=True)
class Span:
    """A labelled character range ``[start, end)`` of an article's stored text."""

    start: int
    end: int
    label: str
    origin: str = HUMAN
    state: SpanState = SpanState.ACCEPTED
    confidence: float | None = None
    annotator: str | None = None
    id: int | None = None
    created_at: str | None = None
    updated_at: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise InvalidSpan(f"offsets must be integers, got {self.start!r}, {self.end!r}")
        if self.start < 0 or self.end <= self.start:
            raise InvalidSpan(f"bad offsets [{self.start}, {self.end})")
        if self.label not in label_names():
            known = ", ".join(sorted(label_names()))
            raise InvalidSpan(f"unknown label {self.label!r} (known: {known})")
        object.__setattr__(self, "state", SpanState(self.state))
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise InvalidSpan(f"confidence {self.confidence} outside [0, 1]")

    def check(self, text: str) -> None:
        """Raise :class:`InvalidSpan` unless the span fits ``text`` on character boundaries."""
        if self.end > len(text):
            raise InvalidSpan(f"span [{self.start}, {self.end}) runs past the text ({len(text)})")
        if is_combining(text[self.start]) or (self.end < len(text) and is_combining(text[self.end])):
            raise InvalidSpan(f"span [{self.start}, {self.end}) cuts a combining sequence")

    def with_(self, **changes: Any) -> Span:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["state"] = str(self.state)
        return d


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    source: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    import_info: dict[str, Any] = field(default_factory=dict)
    external_id: str | None = None
    imported_at: str | None = None


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    span_id: int
    article_id: str
    annotator: str
    actor: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    at: str
