"""The learned model inside the proposal pipeline (called by :mod:`annotator.proposals`)."""

from __future__ import annotations

from annotator.learn.combine import combine
from annotator.learn.features import ENTITY_LABELS, Sequence, featurize
from annotator.learn.model import EntityModel
from annotator.proposals.analysis import Analysis, Candidate, analyse


def rule_feature(cands: list[Candidate]) -> list[Candidate]:
    """The rule entities the model sees as a feature: all but underthesea's NER guesses."""
    return [c for c in cands if c.label in ENTITY_LABELS and c.source != "official:ner"]


def with_model(a: Analysis, cands: list[Candidate], model: EntityModel) -> list[Candidate]:
    """The rules' candidates combined with the model's predictions on the same analysis
    (the model's tasks too, when it has a TASK tagger and ``a`` has underthesea's
    sentences)."""
    tasks = None
    if model.task_tagger is not None:
        from annotator.learn.task_features import task_featurize

        tasks = model.predict_tasks(task_featurize(a, cands), a.key)
    return combine(a, cands, model.predict(featurize(a, rule_feature(cands))), tasks)


def features_of(text: str) -> tuple[Analysis, list[Sequence]]:
    """An article's analysis and feature sequences, without underthesea.

    The same features as at proposing time (where the analysis has underthesea's words
    and sentences for the task rules): the features and the entity rules read neither,
    and leaving underthesea out halves the time per article, which is what training and
    ranking the queue spend it on.
    """
    from annotator.proposals import propose_analysis

    a = analyse(text, use_underthesea=False)
    return a, featurize(a, rule_feature(propose_analysis(a, use_ner=False, with_tasks=False)))


def uncertainty(text: str, model: EntityModel) -> float:
    """The model's uncertainty about an article (see :meth:`EntityModel.uncertainty`)."""
    if not text.strip():
        return 0.0
    return model.uncertainty(features_of(text)[1])
