"""How the model's spans join the rules' proposals: the conflict policy.

1. **Rules win where they found something.** A model span that overlaps a rule entity is
   dropped: the rules' grammar and word lists encode the guidelines, and they score well
   on every gold file we have.
2. **Except over the weakest rule source.** underthesea's general NER (source
   ``official:ner``) is a guess about a capitalised run; a model span with confidence at
   least ``OVERRIDE_CONFIDENCE`` replaces the NER spans it overlaps.
3. **The model fills gaps.** Where no rule entity is, a model span with confidence at
   least ``MIN_CONFIDENCE`` is proposed with source ``model`` and its confidence (the
   lowest token marginal in the span).
4. **The guidelines' exclusions still hold**: nothing in bylines or source lines, and no
   OFFICIAL or ORGANIZATION inside an event name.

Tasks come from the rules only; a task may contain entities from either source.
"""

from __future__ import annotations

from annotator.learn.features import ENTITY_LABELS
from annotator.proposals.analysis import Analysis, Candidate

MIN_CONFIDENCE = 0.5
OVERRIDE_CONFIDENCE = 0.9
WEAK_SOURCES = frozenset({"official:ner"})


def combine(a: Analysis, rules: list[Candidate], model: list[Candidate]) -> list[Candidate]:
    """Rule candidates plus the model's, resolved by the policy above (key offsets)."""
    entities = [c for c in rules if c.label in ENTITY_LABELS]
    others = [c for c in rules if c.label not in ENTITY_LABELS]
    for m in sorted(model, key=lambda c: -c.confidence):
        if m.confidence < MIN_CONFIDENCE or a.is_excluded(m.start, m.end):
            continue
        if m.label != "DIRECTIVE" and any(s <= m.start and m.end <= e for s, e in a.events):
            continue
        rivals = [r for r in entities if r.start < m.end and m.start < r.end]
        if rivals and not (m.confidence >= OVERRIDE_CONFIDENCE
                           and all(r.source in WEAK_SOURCES for r in rivals)):
            continue
        entities = [r for r in entities if r not in rivals] + [m]
    return sorted(entities + others, key=lambda c: (c.start, -c.end, c.label))
