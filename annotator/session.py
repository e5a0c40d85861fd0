"""One annotator working through a store: what the annotation window does, without Qt.

Each annotator has a layer of spans. Opening an article copies the machine proposals
into the layer once (as ``proposed``), so every decision is an ordinary change to the
annotator's own spans: accept and reject change the state, relabel the label, moving a
boundary the offsets. What a key does is planned by :mod:`annotator.edits` and applied
here in one transaction (one action); undo applies the inverse plan.

Selections snap to syllables (:func:`snap_selection`), boundary keys move by syllable
(:class:`Words`): underthesea's words cross entity boundaries in this genre.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from annotator.edits import Plan, Planner
from annotator.model import PROPOSER_NAME, Article, Span, Status
from annotator.store import Store
from annotator.text import whole_characters

# Kept at the end of a span (the guidelines: "except a closing quote or parenthesis that
# belongs to it"), and signs that belong to the number before them ("80%").
_KEEP_AT_END = frozenset(")]”’»\"'%‰°")


def _inside_word(ch: str) -> bool:
    return ch.isalnum() or unicodedata.combining(ch) != 0


def snap_selection(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a selection labels: it never hurts a selection that is already right.

    A boundary that falls between syllables stays where the user put it; one that cuts a
    syllable (or a number) is moved out to complete it; white space and punctuation at
    either end are dropped, except a closing quote or bracket and a "%" at the end
    (``GUIDELINES.md``: spans never start or end with them otherwise). Underthesea's
    words are not used: in this genre they cross entity boundaries ("Trưởng Ban |
    Tuyên giáo Tỉnh | ủy").
    """
    start, end = whole_characters(text, max(0, start), min(len(text), end))
    while 0 < start < len(text) and _inside_word(text[start - 1]) and _inside_word(text[start]):
        start -= 1
    while 0 < end < len(text) and _inside_word(text[end - 1]) and _inside_word(text[end]):
        end += 1
    while start < end and not _inside_word(text[start]):
        start += 1
    while (
        end > start
        and not _inside_word(text[end - 1])
        and (text[end - 1] not in _KEEP_AT_END or end - 1 == start)
    ):
        end -= 1
    return start, end


def paragraph_range(text: str, pos: int) -> tuple[int, int]:
    """The line (paragraph) around ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


class AnnotationSession:
    def __init__(self, store: Store, annotator: str, actor: str | None = None) -> None:
        self.store = store
        self.annotator = annotator  # whose layer is edited
        self.actor = actor or annotator  # who edits it (a reviewer edits the gold layer)

    # -- articles ----------------------------------------------------------------------

    def open(self, article_id: str) -> Article:
        """Load an article and copy new machine proposals into the layer.

        Looking at an article does not start it: its first edit puts it in progress (in
        the same action, see :meth:`annotator.edits.Planner.label`).
        """
        article = self.store.article(article_id)
        self.store.seed_layer(article_id, self.annotator)
        return article

    def spans(self, article_id: str) -> list[Span]:
        return self.store.spans(article_id, self.annotator)

    def needs_proposals(self, article_id: str) -> bool:
        return not self.store.has_proposals(article_id, PROPOSER_NAME)

    def save_proposals(self, article_id: str, spans: list[Span], seconds: float, version: str) -> int:
        """Store the proposer's spans for an article and copy them into this layer.

        ``version``: the proposer's (:func:`annotator.pipeline.proposer_version`).
        """
        self.store.save_proposals([(article_id, spans, seconds)], PROPOSER_NAME, version)
        return self.store.seed_layer(article_id, self.annotator)

    def set_status(self, article_id: str, status: Status) -> None:
        self.store.set_status(article_id, self.annotator, status)

    def next_article(
        self, after: str | None, statuses: tuple[str, ...] = ("todo", "in_progress")
    ) -> str | None:
        """The next article (in list order, wrapping around) whose status is in ``statuses``."""
        return self.store.next_article(self.annotator, after, statuses)

    def progress(self) -> dict[str, int]:
        return self.store.progress(self.annotator)

    # -- edits (each one transaction) ------------------------------------------------

    def planner(self, article: Article, spans: list[Span]) -> Planner:
        """Plans user actions on this annotator's layer of ``article`` as it is now."""
        return Planner(article.text, spans, self.store.status(article.id, self.annotator))

    def apply(self, article_id: str, plan: Plan) -> Plan:
        """Apply one user action, whole, in one transaction; returns it as applied (undo
        applies its :meth:`~annotator.edits.Plan.inverse`)."""
        return self.store.apply(article_id, self.annotator, self.actor, plan)[0]

    def add(self, article_id: str, span: Span, span_id: int | None = None) -> Span:
        return self.store.add_span(article_id, self.annotator, span, self.actor, span_id)

    def delete(self, span_id: int) -> Span:
        return self.store.delete_span(span_id, self.actor)

    def update_many(self, changes: list[tuple[int, dict[str, Any]]]) -> list[tuple[Span, Span]]:
        return self.store.update_spans(changes, self.actor)
