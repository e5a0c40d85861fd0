"""Retraining as the app does it, in a worker process: train, then rank the queue.

:func:`retrain` trains the database's model (cross-validated with up to 3 folds, so it
stays quick), then scores the model's uncertainty on every article and writes the ranking
to ``DB.crf.queue.json`` (with the model id it belongs to). A queue from another model
than the one on disk is ignored. Qt-free; the UI runs this in a separate process because
underthesea and the CRF hold the GIL.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from annotator.fileio import publish
from annotator.learn.model import load_model, model_path_for

APP_FOLDS = 3
# Unfinished articles ranked after each retraining, in document order: about 28 ms each
# for 5,000 characters, so at most a couple of minutes in the background; the rest follow
# the ranked ones in document order.
RANK_LIMIT = 5000


def queue_path(db_path: str | Path) -> Path:
    p = model_path_for(db_path)
    return p.with_name(p.name + ".queue.json")


def retrain(db_path: str) -> dict[str, Any]:
    """Train, rank, save; returns a summary for the status bar (runs in a worker).

    The worker lowers its priority first, so the window stays quick while it uses the
    cores; articles already in the training set are not ranked (they are finished), nor
    unfinished ones beyond the first ``RANK_LIMIT``.
    """
    from annotator.learn.propose import uncertainty
    from annotator.learn.train import train_store
    from annotator.procs import MAX_TRAINING_WORKERS, default_workers
    from annotator.store import Store

    if hasattr(os, "nice"):
        os.nice(10)
    with Store(Path(db_path)) as store:
        result = train_store(
            store, folds=APP_FOLDS, workers=default_workers(MAX_TRAINING_WORKERS), fewer_folds=True
        )
        trained = set(result.article_ids)
        todo = [aid for aid in store.article_ids() if aid not in trained][:RANK_LIMIT]
        ranks = {aid: round(uncertainty(text, result.model), 4) for aid, text in store.article_texts(todo)}
    write_queue(db_path, result.model.id, ranks)
    cv = result.cv.get("combined")
    return {
        "path": str(result.path),
        "id": result.model.id,
        "articles": result.articles,
        "f1": round(cv.entity_micro.f1, 3) if cv else None,
        "uncertainty": ranks,
    }


def write_queue(db_path: str | Path, model_id: str, ranks: dict[str, float]) -> None:
    path = queue_path(db_path)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"model": model_id, "uncertainty": ranks}, fh)
    publish(tmp, path)


def read_queue(db_path: str | Path) -> dict[str, float]:
    """Article id -> uncertainty of the current model; empty when there is none."""
    try:
        data = json.loads(queue_path(db_path).read_text(encoding="utf-8"))
        model = load_model(model_path_for(db_path), taggers=False)
        if data.get("model") != model.id:
            return {}
        return {str(k): float(v) for k, v in data["uncertainty"].items()}
    except Exception:  # no queue, no model, a damaged file: document order it is
        return {}
