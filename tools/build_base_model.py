"""Rebuild the base model every new user starts with, from the annotated files it learns from.

    python tools/build_base_model.py          # writes resources/models/base.crf(.task, .json)
                                              # and resources/models/base_corpus.jsonl

The training files (all in ``tests/data/``, each line with its ``source``):

- ``real_dev.jsonl``: 30 real articles annotated by the project's gold annotators;
- ``extra_gold.jsonl``: 40 more real articles, annotated by this project by the same
  guidelines;
- ``dev_gold.jsonl`` and ``heldout_gold.jsonl``: the dev gold (two real articles and
  constructed snippets) and articles written for the project.

The model's description records the SHA-256 of each file, so anyone can check which data
made the model in their installation. The CRF trainer orders its tables differently on
each run, so the file's bytes (and the model id) change between two builds of the same
data while its predictions do not.

``base_corpus.jsonl`` is the same articles, compact: ``annotator train`` adds them to a
database's own finished articles, so a model trained on a few dozen articles of one
corpus still knows what the base model knew (``--no-base`` leaves them out).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.learn.model import BASE_MODEL  # noqa: E402
from annotator.learn.train import docs_from_jsonl, train_docs  # noqa: E402
from annotator.resources import RESOURCES_DIR  # noqa: E402

TRAINING_FILES = (
    "tests/data/real_dev.jsonl",
    "tests/data/extra_gold.jsonl",
    "tests/data/dev_gold.jsonl",
    "tests/data/heldout_gold.jsonl",
)
CORPUS = "models/base_corpus.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    start = time.perf_counter()
    docs, hashes, lines = [], {}, []
    for name in TRAINING_FILES:
        path = ROOT / name
        hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
        for doc, line in zip(
            docs_from_jsonl(path), path.read_text(encoding="utf-8").splitlines(), strict=True
        ):
            docs.append(doc)
            obj = json.loads(line)
            lines.append(
                json.dumps(
                    {
                        "id": f"{Path(name).stem}:{obj.get('id', len(lines))}",
                        "source": obj.get("source", name),
                        "text": obj["text"],
                        "spans": [
                            {"start": s["start"], "end": s["end"], "label": s["label"]} for s in obj["spans"]
                        ],
                    },
                    ensure_ascii=False,
                )
            )
    out = RESOURCES_DIR / BASE_MODEL
    out.parent.mkdir(parents=True, exist_ok=True)
    result = train_docs(
        docs,
        out,
        folds=0,
        source="base model: " + ", ".join(TRAINING_FILES),
        workers=args.workers,
        extra={"base": True, "training_files": hashes},
    )
    (RESOURCES_DIR / CORPUS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    for line in result.lines():
        print(line)
    print(
        f"{len(docs)} articles -> {out.relative_to(ROOT)} and {CORPUS} ({time.perf_counter() - start:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
