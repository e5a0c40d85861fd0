"""The learned model inside the proposal pipeline (called by :mod:`annotator.proposals`)."""

from __future__ import annotations

from annotator.learn.combine import combine
from annotator.learn.features import ENTITY_LABELS, featurize
from annotator.learn.model import EntityModel
from annotator.proposals.analysis import Analysis, Candidate


def rule_feature(cands: list[Candidate]) -> list[Candidate]:
    """The rule entities the model sees as a feature: all but underthesea's NER guesses."""
    return [c for c in cands if c.label in ENTITY_LABELS and c.source != "official:ner"]


def with_model(a: Analysis, cands: list[Candidate], model: EntityModel) -> list[Candidate]:
    """The rules' candidates combined with the model's predictions on the same analysis."""
    return combine(a, cands, model.predict(featurize(a, rule_feature(cands))))


def uncertainty(text: str, model: EntityModel) -> float:
    """The model's uncertainty about an article (see :meth:`EntityModel.uncertainty`)."""
    from annotator.proposals import propose_analysis
    from annotator.proposals.analysis import analyse

    if not text.strip():
        return 0.0
    a = analyse(text)
    return model.uncertainty(featurize(a, rule_feature(propose_analysis(a, use_ner=False))))
