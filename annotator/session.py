"""One annotator working through a store: what the annotation window does, without Qt.

Each annotator has a layer of spans. Opening an article copies the machine proposals
into the layer once (as ``proposed``), so every decision is an ordinary change to the
annotator's own spans: accept and reject change the state, relabel the label, moving a
boundary the offsets. Each change is one transaction with its history row; undo applies
the inverse change.

Word boundaries for snapping selections come from underthesea's segmentation when it is
available (computed in the background by the UI) and from syllables and punctuation
before that.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from annotator.model import HUMAN, Article, Span, SpanState, Status, layer_of_label
from annotator.store import Store

# Letters with their combining marks (NFD text), codes like 05-CT/TW, single punctuation.
_W = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
_SIMPLE_WORD = re.compile(rf"{_W}+(?:[-/.'’]{_W}+)*|[^\w\s\u0300-\u036f]")


@dataclass(frozen=True)
class Words:
    """Sorted word ranges of a text, for snapping and word-by-word boundary moves."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    from_segmenter: bool = False

    @classmethod
    def simple(cls, text: str) -> Words:
        """Syllables, numbers/codes and punctuation marks: always available, instant."""
        spans = [(m.start(), m.end()) for m in _SIMPLE_WORD.finditer(text)]
        return cls(tuple(s for s, _ in spans), tuple(e for _, e in spans))

    @classmethod
    def of(cls, ranges: list[tuple[int, int]], from_segmenter: bool = True) -> Words:
        ranges = sorted(ranges)
        return cls(tuple(s for s, _ in ranges), tuple(e for _, e in ranges), from_segmenter)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Grow ``[start, end)`` to whole words; drop white space and outer punctuation."""
        if not self.starts or start >= end:
            return start, end
        i = bisect_right(self.starts, start) - 1  # word starting at or before start
        if i >= 0 and self.ends[i] > start:
            start = self.starts[i]
        else:
            i += 1
            if i < len(self.starts):
                start = max(start, self.starts[i])
        j = bisect_left(self.ends, end)  # word ending at or after end
        if j < len(self.ends) and self.starts[j] < end:
            end = self.ends[j]
        else:
            j -= 1
            if j >= 0:
                end = min(end, self.ends[j])
        return start, end

    def start_left(self, start: int) -> int:
        i = bisect_left(self.starts, start) - 1
        return self.starts[i] if i >= 0 else start

    def start_right(self, start: int, end: int) -> int:
        i = bisect_right(self.starts, start)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < end else start

    def end_right(self, end: int) -> int:
        j = bisect_right(self.ends, end)
        return self.ends[j] if j < len(self.ends) else end

    def end_left(self, start: int, end: int) -> int:
        j = bisect_left(self.ends, end) - 1
        return self.ends[j] if j >= 0 and self.ends[j] > start else end


def paragraph_range(text: str, pos: int) -> tuple[int, int]:
    """The line (paragraph) around ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


@dataclass(frozen=True)
class LabelPlan:
    """What labelling a selection does: accept an existing span, or add one; and which
    overlapping spans of the same layer make way (proposals rejected, others deleted)."""

    accept: Span | None
    add: Span | None
    reject: tuple[Span, ...]
    delete: tuple[Span, ...]


class AnnotationSession:
    def __init__(self, store: Store, annotator: str, actor: str | None = None) -> None:
        self.store = store
        self.annotator = annotator  # whose layer is edited
        self.actor = actor or annotator  # who edits it (a reviewer edits the gold layer)

    # -- articles ----------------------------------------------------------------------

    def open(self, article_id: str) -> Article:
        """Load an article and copy new machine proposals into the layer.

        Looking at an article does not start it: :meth:`started` marks it in progress at
        the first edit.
        """
        article = self.store.article(article_id)
        self.store.seed_layer(article_id, self.annotator)
        return article

    def started(self, article_id: str) -> bool:
        """Mark a to-do article in progress (first edit); True if the status changed."""
        if self.store.status(article_id, self.annotator) == Status.TODO:
            self.store.set_status(article_id, self.annotator, Status.IN_PROGRESS)
            return True
        return False

    def spans(self, article_id: str) -> list[Span]:
        return self.store.spans(article_id, self.annotator)

    def needs_proposals(self, article_id: str) -> bool:
        from annotator.proposals import PROPOSER_NAME

        return not self.store.has_proposals(article_id, PROPOSER_NAME)

    def save_proposals(self, article_id: str, spans: list[Span], seconds: float,
                       version: str | None = None) -> int:
        """Store the proposer's spans for an article and copy them into this layer.

        ``version``: the proposer's (``rules-2+crf-<id>`` with a learned model).
        """
        from annotator.proposals import PROPOSER_NAME, PROPOSER_VERSION

        self.store.save_proposals([(article_id, spans, seconds)], PROPOSER_NAME,
                                  version or PROPOSER_VERSION)
        return self.store.seed_layer(article_id, self.annotator)

    def set_status(self, article_id: str, status: Status) -> None:
        self.store.set_status(article_id, self.annotator, status)

    def next_article(self, after: str | None, statuses: tuple[str, ...] = ("todo", "in_progress")
                     ) -> str | None:
        """The next article (in list order, wrapping around) whose status is in ``statuses``."""
        rows = self.store.article_rows(self.annotator)
        ids = [r["id"] for r in rows]
        start = ids.index(after) + 1 if after in ids else 0
        for r in rows[start:] + rows[:start]:
            if r["status"] in statuses and r["id"] != after:
                return r["id"]
        return None

    def progress(self) -> dict[str, int]:
        return self.store.progress(self.annotator)

    # -- edits (each one transaction) ------------------------------------------------

    def add(self, article_id: str, span: Span, span_id: int | None = None) -> Span:
        return self.store.add_span(article_id, self.annotator, span, self.actor, span_id)

    def delete(self, span_id: int) -> Span:
        return self.store.delete_span(span_id, self.actor)

    def update_many(self, changes: list[tuple[int, dict[str, Any]]]) -> list[tuple[Span, Span]]:
        return self.store.update_spans(changes, self.actor)

    # -- planning ----------------------------------------------------------------------

    def plan_label(self, spans: list[Span], start: int, end: int, label: str) -> LabelPlan:
        """What labelling ``[start, end)`` as ``label`` does to the current layer."""
        same = next((s for s in spans if (s.start, s.end, s.label) == (start, end, label)), None)
        layer = layer_of_label(label)
        rivals = [s for s in spans if s is not same and s.state != SpanState.REJECTED
                  and layer_of_label(s.label) == layer and s.start < end and start < s.end]
        reject = tuple(s for s in rivals if s.state == SpanState.PROPOSED)
        delete = tuple(s for s in rivals if s.state == SpanState.ACCEPTED)
        if same is not None:
            return LabelPlan(same if same.state != SpanState.ACCEPTED else None, None, reject,
                             delete)
        return LabelPlan(None, Span(start, end, label, origin=HUMAN, state=SpanState.ACCEPTED),
                         reject, delete)
