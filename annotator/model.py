"""Domain records: articles, spans, statuses, history entries.

Records validate themselves on construction, so a span whose offsets do not fit its text
cannot exist past the point where the text is known (:meth:`Span.check`).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
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
GOLD = "gold"  # the reviewers' adjudicated layer (an annotator of kind 'gold')
PROPOSER_NAME = "proposer"  # the machine layer that holds the proposals

# A span as a comparable value: (start, end, label). Two spans are the same annotation
# when their keys are equal (agreement, review, export, evaluation, training).
SpanKey = tuple[int, int, str]
AGREED = "agreed"  # origin of a gold span every annotator had: pre-accepted by the review


@dataclass(frozen=True)
class LabelDef:
    name: str
    layer: str  # "entity" or "task"
    key: str
    color: str
    title: dict[str, str]
    description: dict[str, str]


_custom_labels: dict[str, dict[str, Any]] = {}


@cache
def label_defs() -> tuple[LabelDef, ...]:
    """The label configuration: ``resources/labels.json``, with a user's overrides."""
    defs = []
    for d in load_json("labels.json")["labels"]:
        merged = {**d, **_custom_labels.get(d["name"], {})}
        defs.append(LabelDef(**merged))
    return tuple(defs)


def use_label_config(path: str | Path | None) -> None:
    """Override colours, keys, titles and descriptions of the labels from a JSON file.

    The file has the shape of ``resources/labels.json``; it may list some labels only.
    The label names themselves are fixed by the guidelines: an unknown name is an error.
    ``None`` or an empty path goes back to the defaults.
    """
    from annotator.errors import UserError

    overrides: dict[str, dict[str, Any]] = {}
    if path:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise UserError(f"{path}: not a valid label configuration ({exc})") from None
        known = {d["name"] for d in load_json("labels.json")["labels"]}
        labels = data.get("labels") if isinstance(data, dict) else None
        if not isinstance(labels, list):
            raise UserError(f'{path}: expected an object with a "labels" list')
        for entry in labels:
            name = entry.get("name") if isinstance(entry, dict) else None
            if not isinstance(name, str) or name not in known:
                raise UserError(f"{path}: unknown label {name!r} (known: {', '.join(sorted(known))})")
            overrides[name] = {
                k: v for k, v in entry.items() if k in ("key", "color", "title", "description")
            }
        keys = [o.get("key") for o in overrides.values() if o.get("key")]
        if len(keys) != len(set(keys)):
            raise UserError(f"{path}: two labels share a key")
    _custom_labels.clear()
    _custom_labels.update(overrides)
    label_defs.cache_clear()
    label_names.cache_clear()


def layer_of_label(label: str) -> str:
    """ "entity" or "task": entities never overlap each other, tasks may contain them."""
    return next((d.layer for d in label_defs() if d.name == label), "entity")


@cache
def label_names() -> frozenset[str]:
    return frozenset(d.name for d in label_defs())


def entity_labels() -> tuple[str, ...]:
    """The labels of the entity layer (never overlapping), in the configuration's order:
    what the learned model's entity tagger learns and evaluation scores one by one."""
    return tuple(d.name for d in label_defs() if d.layer == "entity")


def task_label() -> str:
    """The one label of the task layer (tasks may contain entities)."""
    return next(d.name for d in label_defs() if d.layer == "task")


def now() -> str:
    """Current UTC time as stored: ISO 8601 with milliseconds and a Z."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def end_of_time(text: str) -> str:
    """A time a user typed, as the stored form of the last millisecond it names.

    Accepts ISO 8601 with "T" or a space, with or without seconds, fractions and a zone
    ("Z", "+07:00"; none means UTC), or a date alone: "2026-11-29 23:59" is
    2026-11-29T23:59:59.999Z, "2026-11-29" the end of that day. Raises ValueError with
    the accepted forms for anything else (comparing an unparsed string would be wrong
    silently: "2026-11-29 23:59" sorts before every stored time of that day).
    """
    raw = text.strip()
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z"))
    except ValueError:
        raise ValueError(
            f"{text!r} is not a time: use ISO 8601, e.g. 2026-11-29T23:59, "
            "2026-11-29 23:59:30 or 2026-11-29 (UTC unless a zone is given)"
        ) from None
    clock = re.split(r"[T ]", raw, maxsplit=1)[1] if re.search(r"[T ]", raw) else ""
    clock = re.split(r"[Zz+-]", clock, maxsplit=1)[0]
    if not clock:
        moment += timedelta(days=1) - timedelta(milliseconds=1)
    elif clock.count(":") == 1:
        moment += timedelta(minutes=1) - timedelta(milliseconds=1)
    elif "." not in clock:
        moment += timedelta(seconds=1) - timedelta(milliseconds=1)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


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
    adjudicator: str | None = None  # gold layer: the reviewer who decided it

    @property
    def row(self) -> int:
        """The id of a span read from the database (a span not stored has none)."""
        if self.id is None:
            raise ValueError(f"span [{self.start}, {self.end}) {self.label} is not stored")
        return self.id

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
    action_id: int | None = None  # the user action that wrote it (schema 8 on)
