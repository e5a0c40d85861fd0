"""The proposal rules: text in, spans out. No database, no Qt, no learned model (the
model joins them in :mod:`annotator.pipeline`).

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

from annotator.model import PROPOSER_NAME  # noqa: E402  (the layer's name is the store's)
from annotator.proposals.analysis import SOURCE_PRIORITY, Analysis, Candidate, Intervals, analyse
from annotator.proposals.directives import directives
from annotator.proposals.officials import ner_officials, officials
from annotator.proposals.organizations import organizations
from annotator.proposals.tasks import tasks

# Bump when the rules or their word lists change what is proposed, so that
# `annotator propose --redo` refreshes proposals made by older rules (the app never
# replaces proposals on its own). rules-2: places stop before names, tasks for a coming
# period, task starts, laws and courts' abbreviations. rules-3: real-text classes (issue 12).
# rules-4: tasks of inline bulleted lists, passive requests ("được yêu cầu"), directions
# right after a verb of saying ("nêu rõ tiếp tục ...").
PROPOSER_VERSION = "rules-4"


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


def to_proposals(a: Analysis, text: str, cands: list[Candidate]) -> list[Proposal]:
    """Resolved candidates (key offsets) as proposals in ``text``'s own offsets."""
    out = []
    for c in cands:
        start, end = a.doc.span(c.start, c.end)
        if 0 <= start < end <= len(text):
            out.append(Proposal(start, end, c.label, c.source, c.confidence, text[start:end]))
    return out


def words(a: Analysis) -> list[tuple[int, int]]:
    """underthesea's word ranges of an analysed text, in original offsets."""
    return [a.doc.span(t.start, t.end) for s in a.sentences for t in s.tokens]


def propose(text: str, *, use_underthesea: bool = True) -> list[Proposal]:
    """The rules' proposed spans for ``text`` (what the app proposes with a learned model
    too is :func:`annotator.pipeline.propose`); offsets are Python string indices into
    ``text``.

    Every span satisfies ``0 <= start < end <= len(text)`` and never starts or ends inside
    a combining sequence. Empty or whitespace-only text gives no spans.
    """
    if not text or not text.strip():
        return []
    a = analyse(text, use_underthesea=use_underthesea)
    return to_proposals(a, text, propose_analysis(a, use_ner=use_underthesea))


__all__ = [
    "PROPOSER_NAME",
    "PROPOSER_VERSION",
    "Proposal",
    "analyse",
    "propose",
    "propose_analysis",
    "to_proposals",
]
