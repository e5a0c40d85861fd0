"""The proposal engine: text in, spans out. No database, no Qt.

    >>> from annotator.proposals import propose
    >>> [(p.label, p.text) for p in propose("Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa phát biểu.")]
    [('ORGANIZATION', 'Tỉnh uỷ'), ('OFFICIAL', 'Nguyễn Văn Hòa')]

Pipeline: fold the text (NFC, tone placement) -> underthesea sentences and words mapped to
exact offsets -> rules and gazetteers from ``resources/proposals/`` -> underthesea NER as
one more signal for person names -> the resolver, which keeps entities non-overlapping,
applies the guideline exclusions (bylines, source lines, events, generic plurals) and
records which source produced each span. Offsets point into the text exactly as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.proposals.analysis import SOURCE_PRIORITY, Analysis, Candidate, Intervals, analyse
from annotator.proposals.entities import directives, ner_officials, officials, organizations
from annotator.proposals.tasks import tasks

if TYPE_CHECKING:
    from annotator.learn.model import EntityModel

PROPOSER_NAME = "proposer"
# Bump when the rules or their word lists change what is proposed, so that
# `annotator propose --redo` refreshes proposals made by older rules (the app never
# replaces proposals on its own). rules-2: places stop before names, tasks for a coming
# period, task starts, laws and courts' abbreviations. rules-3: real-text classes (issue 12).
PROPOSER_VERSION = "rules-3"


@dataclass(frozen=True, slots=True)
class Proposal:
    """One proposed span: offsets into the original text, label, source, confidence."""

    start: int
    end: int
    label: str
    source: str
    confidence: float
    text: str

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "text": self.text,
            "source": self.source,
            "confidence": round(self.confidence, 3),
        }


def _resolve_entities(a: Analysis, cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping entities: higher-priority sources first, then longer spans."""
    chosen: list[Candidate] = []
    taken = Intervals()
    for c in sorted(cands, key=lambda c: (SOURCE_PRIORITY.get(c.source, 9), c.start - c.end)):
        if a.is_excluded(c.start, c.end) or taken.overlaps(c.start, c.end):
            continue
        chosen.append(c)
        taken.add(c.start, c.end)
    return chosen


def propose_analysis(a: Analysis, use_ner: bool = True, with_tasks: bool = True) -> list[Candidate]:
    """All resolved candidates (key offsets) for an analysed text (``with_tasks=False``:
    the entities only; they need neither underthesea's NER nor its words)."""
    dirs = list(directives(a))
    dir_spans = [(c.start, c.end) for c in dirs]
    orgs = [c for c in organizations(a) if not any(s <= c.start and c.end <= e for s, e in dir_spans)]
    entities = _resolve_entities(a, dirs + orgs)
    org_spans = [(c.start, c.end) for c in entities if c.label == "ORGANIZATION"]
    people = list(officials(a, org_spans))
    entities = _resolve_entities(a, dirs + orgs + people)
    if use_ner:
        found = list(ner_officials(a, [(c.start, c.end) for c in entities]))
        entities = _resolve_entities(a, dirs + orgs + people + found)
    if not with_tasks:
        return sorted(entities, key=lambda c: (c.start, -c.end, c.label))
    found_tasks = list(tasks(a, [(c.start, c.end) for c in entities]))
    found_tasks = [c for c in found_tasks if not a.is_excluded(c.start, c.end)]
    return sorted(entities + found_tasks, key=lambda c: (c.start, -c.end, c.label))


def _proposals(a: Analysis, text: str, use_ner: bool, model: EntityModel | None = None) -> list[Proposal]:
    out = []
    cands = propose_analysis(a, use_ner=use_ner)
    if model is not None:  # the learned model joins as one more source (annotator.learn)
        from annotator.learn.propose import with_model

        cands = with_model(a, cands, model)
    for c in cands:
        start, end = a.doc.span(c.start, c.end)
        if 0 <= start < end <= len(text):
            out.append(Proposal(start, end, c.label, c.source, c.confidence, text[start:end]))
    return out


def words(a: Analysis) -> list[tuple[int, int]]:
    """underthesea's word ranges of an analysed text, in original offsets."""
    return [a.doc.span(t.start, t.end) for s in a.sentences for t in s.tokens]


def propose_with_words(
    text: str, model: EntityModel | None = None
) -> tuple[list[Proposal], list[tuple[int, int]]]:
    """Proposals and word boundaries from one analysis (the annotation window needs both)."""
    if not text or not text.strip():
        return [], []
    a = analyse(text)
    return _proposals(a, text, True, model), words(a)


def propose(text: str, *, use_underthesea: bool = True, model: EntityModel | None = None) -> list[Proposal]:
    """Proposed spans for ``text``; offsets are Python string indices into ``text``.

    With a learned ``model`` (:func:`annotator.learn.model.load_model`), its spans join
    as source ``model`` by the policy in :mod:`annotator.learn.combine`.

    Every span satisfies ``0 <= start < end <= len(text)`` and never starts or ends inside
    a combining sequence. Empty or whitespace-only text gives no spans.
    """
    if not text or not text.strip():
        return []
    a = analyse(text, use_underthesea=use_underthesea)
    return _proposals(a, text, use_underthesea, model)


def proposer_version(model: EntityModel | None) -> str:
    """The version stored with proposals: ``rules-3``, ``rules-3+crf-<model id>``, with
    ``+user-<hash>`` when the user's own word lists are in use
    (:mod:`annotator.nlp.wordlists`)."""
    from annotator.nlp.wordlists import fingerprint

    version = PROPOSER_VERSION if model is None else f"{PROPOSER_VERSION}+{model.version}"
    user = fingerprint()
    return f"{version}+user-{user}" if user else version


__all__ = ["PROPOSER_NAME", "PROPOSER_VERSION", "Proposal", "propose"]
