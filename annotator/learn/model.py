"""The learned entity model: a linear-chain CRF (underthesea_core) over token features.

One tagger for the three entity labels (OFFICIAL, ORGANIZATION, DIRECTIVE), BIO tags per
token. TASK stays with the rules: tasks are clause-long spans matched by overlap, set off
by cue words the rules already know, and a second tagger would double training time for
spans a token model places poorly from a few dozen articles.

A model is two files next to the database: ``DB.crf`` (CRFsuite format) and
``DB.crf.json`` (version, time, training size, cross-validated scores, and the SHA-256
of the ``.crf`` file). Each is written to a temporary file and renamed into place; a
sidecar whose hash does not match its ``.crf`` (a crash between the two renames, a copied
file) is refused like a corrupt file. Loading never raises anything but
:class:`ModelError`, whose message is one line; callers fall back to the rules.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.errors import UserError
from annotator.fileio import publish
from annotator.learn.features import ENTITY_LABELS, FEATURE_VERSION, Sequence, decode
from annotator.proposals.analysis import Candidate

FORMAT = 1
MODEL_SOURCE = "model"  # the proposal source of the model's spans
# Trainer settings (CRFsuite's L-BFGS with elastic net); L1 keeps the model small. Each
# iteration costs about 0.43 s on 1,000 articles of 5,000 characters; 30, 40, 60 and 80
# iterations give the same cross-validated F1 on the gold files (the rule feature makes
# the problem easy to fit), so 40 it is.
L1, L2, MAX_ITERATIONS = 0.05, 0.01, 40
TOP_UNSURE = 5  # tokens averaged for an article's uncertainty


class ModelError(UserError):
    """A model file that is missing, unreadable, corrupt or from another version."""


def model_path_for(db_path: str | Path) -> Path:
    """Where the model of a database lives: ``corpus.db`` -> ``corpus.db.crf``."""
    p = Path(db_path)
    return p.with_name(p.name + ".crf")


def meta_path(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class EntityModel:
    """A loaded tagger with its metadata; predicts entity spans with confidences."""

    tagger: Any  # underthesea_core.CRFTagger
    meta: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def id(self) -> str:
        return str(self.meta.get("id", "unsaved"))

    @property
    def version(self) -> str:
        """Goes into the proposer version: ``rules-2+crf-<id>``."""
        return f"crf-{self.id}"

    def _tag(self, seq: Sequence) -> tuple[list[str], list[float]]:
        """Best tags and, per token, the marginal probability of its tag."""
        feats = [list(f) for f in seq.features]
        tags = self.tagger.tag(feats)
        marg = self.tagger.marginals(feats)
        index = {label: i for i, label in enumerate(self.tagger.labels())}
        probs = [row[index[t]] if t in index else 0.0 for row, t in zip(marg, tags, strict=True)]
        return tags, probs

    def predict(self, sequences: list[Sequence]) -> list[Candidate]:
        """Entity spans (key offsets); confidence: the lowest token marginal in the span."""
        out = []
        for seq in sequences:
            if not seq.features:
                continue
            tags, probs = self._tag(seq)
            for i, j, label in decode(tags):
                if label in ENTITY_LABELS:
                    out.append(Candidate(seq.tokens[i].start, seq.tokens[j - 1].end, label,
                                         MODEL_SOURCE, float(min(probs[i:j]))))
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
                unsure.extend(1.0 - max(row) for row in
                              self.tagger.marginals([list(f) for f in seq.features]))
        if not unsure:
            return 0.0
        top = sorted(unsure, reverse=True)[:TOP_UNSURE]
        return max(0.0, min(1.0, sum(top) / len(top)))

    def save(self, path: Path, crf_model: Any) -> None:
        """Write ``path`` and its sidecar atomically (temporary file, then rename)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            crf_model.save(tmp)
            digest = _sha256(Path(tmp))
            self.meta["sha256"] = digest
            self.meta["id"] = digest[:12]
            publish(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        side = meta_path(path)
        fd, tmp = tempfile.mkstemp(prefix=side.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(self.meta, fh, ensure_ascii=False, indent=2)
        publish(tmp, side)
        self.path = path


def train_tagger(examples: list[tuple[Sequence, list[str]]]) -> Any:
    """Train a CRF on (sequence, BIO tags) pairs; returns an ``underthesea_core.CRFModel``."""
    from underthesea_core import CRFTrainer

    trainer = CRFTrainer(l1_penalty=L1, l2_penalty=L2, max_iterations=MAX_ITERATIONS, verbose=0)
    return trainer.train([seq.features for seq, _ in examples], [tags for _, tags in examples])


def from_trained(crf_model: Any, meta: dict[str, Any]) -> EntityModel:
    from underthesea_core import CRFTagger

    return EntityModel(CRFTagger.from_model(crf_model), dict(meta))


def load_model(path: str | Path) -> EntityModel:
    """Load a model and check its sidecar; raises :class:`ModelError` with one line."""
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
        raise ModelError(f"{path}: made by another version of the annotator (format "
                         f"{meta.get('format')}, features {meta.get('feature_version')}); "
                         "train again")
    try:
        if _sha256(path) != meta.get("sha256"):
            raise ModelError(f"{path}: does not match its description (corrupt or replaced); "
                             "train again")
        from underthesea_core import CRFTagger

        tagger = CRFTagger()
        tagger.load(str(path))
    except ModelError:
        raise
    except Exception as exc:  # the Rust loader raises OSError, or panics on odd bytes
        raise ModelError(f"{path}: corrupt model file ({exc})") from None
    if not set(tagger.labels()) <= {"O"} | {f"{p}-{label}" for p in "BI" for label in ENTITY_LABELS}:
        raise ModelError(f"{path}: unexpected labels {tagger.labels()}")
    return EntityModel(tagger, meta, path)


def load_if_present(path: str | Path, explicit: bool = False) -> tuple[EntityModel | None, str | None]:
    """A model for proposing, or None and a one-line reason to show the user.

    No model and no sidecar at a default location is the normal state before the first
    training: no message. Anything else that prevents loading (a missing file that was
    asked for, a corrupt or foreign file) gives a message; the caller uses the rules.
    """
    path = Path(path)
    if not explicit and not path.exists() and not meta_path(path).exists():
        return None, None
    try:
        return load_model(path), None
    except ModelError as exc:
        return None, f"{exc}; proposing with the rules only"
