"""The learned model: linear-chain CRFs (underthesea_core) over token features.

One tagger for the three entity labels (OFFICIAL, ORGANIZATION, DIRECTIVE), BIO tags per
token, and, from format 2, a second one for TASK (BIO over the same tokens, with the
features of :mod:`annotator.learn.task_features`): tasks are clause-long and set off by
cues the rules know, so the task tagger mostly learns where the rules' tasks are right
and which directions without a cue word this corpus annotates.

A model is files next to the database: ``DB.crf`` (entities, CRFsuite format),
``DB.crf.task`` (tasks) and ``DB.crf.json`` (version, time, training size,
cross-validated scores, and the SHA-256 of each file). Each is written to a temporary
file and renamed into place, the description last; a description whose hashes do not
match its files (a crash between the renames, a copied file) is refused like a corrupt
file. Loading never raises anything but :class:`ModelError`, whose message is one line;
callers fall back to the base model shipped in ``resources/models/`` (trained on real
annotated articles, see ``tools/build_base_model.py``) or to the rules.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from annotator.errors import UserError
from annotator.fileio import publish
from annotator.learn.features import ENTITY_LABELS, FEATURE_VERSION, Sequence, decode
from annotator.learn.task_features import TASK_LABEL
from annotator.proposals.analysis import Candidate

FORMAT = 2  # 2: an optional TASK tagger beside the entity tagger
BASE_MODEL = "models/base.crf"  # in resources/: the model every new user starts with
MODEL_SOURCE = "model"  # the proposal source of the model's spans
# Trainer settings (CRFsuite's L-BFGS with elastic net); L1 keeps the model small. Each
# iteration costs about 0.43 s on 1,000 articles of 5,000 characters; 30, 40, 60 and 80
# iterations give the same cross-validated F1 on the gold files (the rule feature makes
# the problem easy to fit), so 40 it is.
L1, L2, MAX_ITERATIONS = 0.05, 0.01, 40
# The TASK tagger learns from far fewer, longer spans; it goes on improving to about 100
# iterations on the real articles (cross-validated by source), at a second or two.
TASK_ITERATIONS = 100
TOP_UNSURE = 5  # tokens averaged for an article's uncertainty
_TRAILING = " \t\n.,;:…/-–—!?"


class ModelError(UserError):
    """A model file that is missing, unreadable, corrupt or from another version."""


def model_path_for(db_path: str | Path) -> Path:
    """Where the model of a database lives: ``corpus.db`` -> ``corpus.db.crf``."""
    p = Path(db_path)
    return p.with_name(p.name + ".crf")


def meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def task_path(path: Path) -> Path:
    """Where the TASK tagger of a model lives: ``corpus.db.crf`` -> ``corpus.db.crf.task``."""
    return path.with_name(path.name + ".task")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class EntityModel:
    """Loaded taggers with their metadata; predicts entity spans (and, with a task tagger,
    TASK spans) with confidences."""

    tagger: Any  # underthesea_core.CRFTagger for the entity labels
    meta: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    task_tagger: Any = None  # underthesea_core.CRFTagger for TASK, or None

    @property
    def base(self) -> bool:
        """This is the base model shipped with the app, not one trained on a database."""
        return bool(self.meta.get("base"))

    @property
    def id(self) -> str:
        return str(self.meta.get("id", "unsaved"))

    @property
    def version(self) -> str:
        """Goes into the proposer version: ``rules-2+crf-<id>``."""
        return f"crf-{self.id}"

    def _tag(self, seq: Sequence, tagger: Any = None) -> tuple[list[str], list[float]]:
        """The most probable tag of each token and its marginal probability.

        Tags are read off the marginals (posterior decoding) rather than from a second,
        Viterbi pass: one pass instead of two, and on the real articles the two gave the
        same tags on every line; :func:`decode` copes with an I- that follows no B-.
        """
        tagger = tagger or self.tagger
        labels = tagger.labels()
        rows = tagger.marginals(seq.features)
        probs = [max(row) for row in rows]
        return [labels[row.index(p)] for row, p in zip(rows, probs, strict=True)], probs

    def predict_tasks(self, sequences: list[Sequence], key: str) -> list[Candidate]:
        """TASK spans (key offsets) from the task tagger (none without one); a span's end
        leaves out trailing punctuation, as the guidelines' spans do."""
        if self.task_tagger is None:
            return []
        out = []
        for seq in sequences:
            if not seq.features:
                continue
            tags, probs = self._tag(seq, self.task_tagger)
            for i, j, label in decode(tags):
                if label != TASK_LABEL:
                    continue
                start, end = seq.tokens[i].start, seq.tokens[j - 1].end
                text = key[start:end]
                end -= len(text) - len(text.rstrip(_TRAILING))
                if end > start:
                    out.append(
                        Candidate(start, end, TASK_LABEL, MODEL_SOURCE, float(sum(probs[i:j]) / (j - i)))
                    )
        return out

    def predict(self, sequences: list[Sequence]) -> list[Candidate]:
        """Entity spans (key offsets); confidence: the lowest token marginal in the span."""
        out = []
        for seq in sequences:
            if not seq.features:
                continue
            tags, probs = self._tag(seq)
            for i, j, label in decode(tags):
                if label in ENTITY_LABELS:
                    out.append(
                        Candidate(
                            seq.tokens[i].start,
                            seq.tokens[j - 1].end,
                            label,
                            MODEL_SOURCE,
                            float(min(probs[i:j])),
                        )
                    )
        return out

    def uncertainty(self, sequences: list[Sequence]) -> float:
        """How unsure the model is about an article, in [0, 1]: the mean of the
        ``TOP_UNSURE`` highest token uncertainties (1 - the largest marginal).

        The top few, not all tokens: most tokens are plainly outside any entity, and an
        average over them would rank long articles as sure and short ones as unsure.
        """
        unsure: list[float] = []
        for seq in sequences:
            if seq.features:
                unsure.extend(1.0 - max(row) for row in self.tagger.marginals(seq.features))
        if not unsure:
            return 0.0
        top = sorted(unsure, reverse=True)[:TOP_UNSURE]
        return max(0.0, min(1.0, sum(top) / len(top)))

    def save(self, path: Path, crf_model: Any, task_model: Any = None) -> None:
        """Write ``path`` (and ``path.task``) and the description atomically (temporary
        files, then renames, the description last)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.meta["sha256"] = _save_crf(crf_model, path)
        if task_model is not None:
            self.meta["task_sha256"] = _save_crf(task_model, task_path(path))
            digest = hashlib.sha256((self.meta["sha256"] + self.meta["task_sha256"]).encode())
            self.meta["id"] = digest.hexdigest()[:12]
        else:
            self.meta.pop("task_sha256", None)
            self.meta["id"] = self.meta["sha256"][:12]
            if task_path(path).exists():
                task_path(path).unlink()
        side = meta_path(path)
        fd, tmp = tempfile.mkstemp(prefix=side.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.meta, fh, ensure_ascii=False, indent=2)
        publish(tmp, side)
        self.path = path


def _save_crf(crf_model: Any, path: Path) -> str:
    """Save a CRF to ``path`` by way of a temporary file; returns its SHA-256."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        crf_model.save(tmp)
        digest = _sha256(Path(tmp))
        publish(tmp, path)
        return digest
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def train_tagger(examples: list[tuple[Sequence, list[str]]], iterations: int = 0) -> Any:
    """Train a CRF on (sequence, BIO tags) pairs; returns an ``underthesea_core.CRFModel``."""
    from underthesea_core import CRFTrainer

    trainer = CRFTrainer(l1_penalty=L1, l2_penalty=L2, max_iterations=iterations or MAX_ITERATIONS, verbose=0)
    return trainer.train([seq.features for seq, _ in examples], [tags for _, tags in examples])


def from_trained(crf_model: Any, meta: dict[str, Any], task_model: Any = None) -> EntityModel:
    from underthesea_core import CRFTagger

    task = CRFTagger.from_model(task_model) if task_model is not None else None
    return EntityModel(CRFTagger.from_model(crf_model), dict(meta), task_tagger=task)


def _load_tagger(path: Path, digest: Any) -> Any:
    """A CRFTagger from ``path`` whose SHA-256 must be ``digest``; ModelError otherwise."""
    if not path.exists():
        raise ModelError(f"{path}: no such model file (the description names it); train again")
    try:
        if _sha256(path) != digest:
            raise ModelError(f"{path}: does not match its description (corrupt or replaced); train again")
        from underthesea_core import CRFTagger

        tagger = CRFTagger()
        tagger.load(str(path))
    except ModelError:
        raise
    except Exception as exc:  # the Rust loader raises OSError, or panics on odd bytes
        raise ModelError(f"{path}: corrupt model file ({exc})") from None
    return tagger


def load_model(path: str | Path, taggers: bool = True) -> EntityModel:
    """Load a model and check its sidecar; raises :class:`ModelError` with one line.

    ``taggers=False`` checks the description and the files' SHA-256 but does not load
    the taggers (tens of milliseconds each): for the window, which only needs to know
    which model its proposal jobs will load."""
    path = Path(path)
    if not path.exists():
        raise ModelError(f"{path}: no such model file")
    side = meta_path(path)
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
        if not isinstance(meta, dict):
            raise ValueError("not an object")
    except FileNotFoundError:
        raise ModelError(f"{side}: the model's description is missing") from None
    except (OSError, ValueError) as exc:
        raise ModelError(f"{side}: unreadable model description ({exc})") from None
    if meta.get("format") != FORMAT or meta.get("feature_version") != FEATURE_VERSION:
        raise ModelError(
            f"{path}: made by another version of the annotator (format "
            f"{meta.get('format')}, features {meta.get('feature_version')}); "
            "train again"
        )
    if not taggers:
        for file, digest in ((path, meta.get("sha256")), (task_path(path), meta.get("task_sha256"))):
            if digest and (not file.exists() or _sha256(file) != digest):
                raise ModelError(f"{file}: does not match its description (corrupt or replaced); train again")
        return EntityModel(None, meta, path)
    tagger = _load_tagger(path, meta.get("sha256"))
    if not set(tagger.labels()) <= {"O"} | {f"{p}-{label}" for p in "BI" for label in ENTITY_LABELS}:
        raise ModelError(f"{path}: unexpected labels {tagger.labels()}")
    task = None
    if meta.get("task_sha256"):
        task = _load_tagger(task_path(path), meta["task_sha256"])
        if not set(task.labels()) <= {"O", f"B-{TASK_LABEL}", f"I-{TASK_LABEL}"}:
            raise ModelError(f"{task_path(path)}: unexpected labels {task.labels()}")
    return EntityModel(tagger, meta, path, task)


def load_if_present(
    path: str | Path, explicit: bool = False, taggers: bool = True
) -> tuple[EntityModel | None, str | None]:
    """A model for proposing, or None and a one-line reason to show the user.

    No model and no sidecar at a default location is the normal state before the first
    training: no message. Anything else that prevents loading (a missing file that was
    asked for, a corrupt or foreign file) gives a message; the caller uses the rules.
    """
    path = Path(path)
    if not explicit and not path.exists() and not meta_path(path).exists():
        return None, None
    try:
        return load_model(path, taggers), None
    except ModelError as exc:
        return None, f"{exc}; proposing with the rules only"


def base_model_path() -> Path | None:
    """The base model shipped in ``resources/models/`` (None in a build without one)."""
    from annotator.resources import MissingResource, resource_path

    try:
        return resource_path(BASE_MODEL)
    except MissingResource:
        return None


@cache
def base_model() -> EntityModel | None:
    """The base model, loaded once per process; None if it is missing or broken."""
    path = base_model_path()
    if path is None:
        return None
    try:
        return load_model(path)
    except ModelError:
        return None


def model_for_database(
    db_path: str | Path | None, taggers: bool = True
) -> tuple[EntityModel | None, str | None]:
    """The model a database's proposals use, and a one-line problem to show if any.

    The database's own model (``DB.crf``, trained on its annotators' work) when it loads,
    else the base model every new user starts with; a database model that exists but
    cannot be used is reported and the base model is used instead.
    """
    problem = None
    if db_path is not None:
        model, problem = load_if_present(model_path_for(db_path), taggers=taggers)
        if model is not None:
            return model, None
        if problem:
            problem = problem.replace("proposing with the rules only", "proposing with the base model")
    base = base_model()
    if base is None and problem:
        problem = problem.replace("proposing with the base model", "proposing with the rules only")
    return base, problem
