"""What the app proposes: the rules (:mod:`annotator.proposals`) and, when there is one,
the learned model (:mod:`annotator.learn`) joined by the policy in
:mod:`annotator.learn.combine`. The one place that composes them; the rules know nothing
of the model. :mod:`annotator.pipeline.batch` runs this over many articles.

    >>> from annotator.pipeline import propose
    >>> [(p.label, p.text) for p in propose("Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa phát biểu.", model=None)]
    [('ORGANIZATION', 'Tỉnh uỷ'), ('OFFICIAL', 'Nguyễn Văn Hòa')]

No database, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.proposals import PROPOSER_VERSION, Proposal, analyse, propose_analysis, to_proposals, words

if TYPE_CHECKING:
    from annotator.learn.model import EntityModel


def _proposals(text: str, use_underthesea: bool, model: EntityModel | None) -> tuple[list[Proposal], list]:
    a = analyse(text, use_underthesea=use_underthesea)
    cands = propose_analysis(a, use_ner=use_underthesea)
    if model is not None:  # the learned model joins as one more source
        from annotator.learn.propose import with_model

        cands = with_model(a, cands, model)
    return to_proposals(a, text, cands), words(a) if use_underthesea else []


def propose(text: str, *, use_underthesea: bool = True, model: EntityModel | None = None) -> list[Proposal]:
    """Proposed spans for ``text``; offsets are Python string indices into ``text``.

    With a learned ``model`` (:func:`annotator.learn.model.load_model`), its spans join
    the rules' as source ``model``; without one, this is the rules alone.

    Every span satisfies ``0 <= start < end <= len(text)`` and never starts or ends inside
    a combining sequence. Empty or whitespace-only text gives no spans.
    """
    if not text or not text.strip():
        return []
    return _proposals(text, use_underthesea, model)[0]


def propose_with_words(
    text: str, model: EntityModel | None = None
) -> tuple[list[Proposal], list[tuple[int, int]]]:
    """Proposals and word boundaries from one analysis (the annotation window needs both)."""
    if not text or not text.strip():
        return [], []
    return _proposals(text, True, model)


def proposer_version(model: EntityModel | None) -> str:
    """The version stored with proposals: ``rules-4``, ``rules-4+crf-<model id>``, with
    ``+user-<hash>`` when the user's own word lists are in use
    (:mod:`annotator.nlp.wordlists`)."""
    from annotator.nlp.wordlists import fingerprint

    version = PROPOSER_VERSION if model is None else f"{PROPOSER_VERSION}+{model.version}"
    user = fingerprint()
    return f"{version}+user-{user}" if user else version


def model_for(
    db_path: Path | None, model_path: Path | None, no_model: bool, say: Callable[[str], None]
) -> EntityModel | None:
    """The model proposing uses: ``model_path``, else the database's (``DB.crf``), else
    the base model shipped with the app; none (the rules only) with ``no_model``. Problems
    and the choice are said through ``say``, one line each."""
    from annotator.learn.model import load_if_present, model_for_database

    if no_model:
        return None
    if model_path is not None:
        model, problem = load_if_present(model_path, explicit=True)
    else:
        model, problem = model_for_database(db_path)
    if problem:
        say(f"warning: {problem}")
    if model is not None:
        which = "the base model" if model.base else "the learned model"
        say(f"model {model.id} ({model.path}): proposing with the rules and {which}")
    return model


__all__ = ["Proposal", "model_for", "propose", "propose_with_words", "proposer_version"]
