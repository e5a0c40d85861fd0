"""Benchmark the learned model: training on 1,000 articles, and what it adds to proposing.

Training set: the dev and held-out gold articles (42, with their spans), repeated to
``--articles`` (default 1,000). Prints the time to analyse them (the rule pipeline and
features, on ``--workers`` processes), to train the CRF, the total, and the process's
peak memory. Prediction: on 5,000-character articles (as bench_propose.py), the median
time ``propose(text, model=...)`` adds over ``propose(text)``, measured as the model's
own step (features, tagging, marginals, combining) on the same analysis.

With ``--chars N`` the training set is instead generated news-like articles of about N
characters (as bench_propose.py), labelled by the rules (silver labels: the point is the
time and memory of training on articles of a realistic length, not the model's quality).

    python benchmarks/bench_train.py [--articles 1000] [--chars 0] [--workers 2] [--predict 40]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=0,
                    help="train on generated articles of about this length (rule labels)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--predict", type=int, default=40, help="5,000-character articles to time")
    args = ap.parse_args()

    from bench_propose import make_articles

    from annotator.learn.model import load_model
    from annotator.learn.propose import with_model
    from annotator.learn.train import docs_from_jsonl, fit, prepare_all, train_docs
    from annotator.proposals import propose_analysis
    from annotator.proposals.analysis import analyse

    base = [d for f in ("dev_gold.jsonl", "heldout_gold.jsonl")
            for d in docs_from_jsonl(ROOT / "tests" / "data" / f)]
    if args.chars:
        from annotator.learn.train import TrainDoc
        from annotator.proposals import propose

        texts = make_articles(min(args.articles, 100), args.chars, seed=11)
        silver = [TrainDoc(f"g{i}", t, tuple((p.start, p.end, p.label) for p in propose(t)
                                            if p.label != "TASK"))
                  for i, t in enumerate(texts)]
        docs = [silver[i % len(silver)] for i in range(args.articles)]
    else:
        docs = [base[i % len(base)] for i in range(args.articles)]
    chars = sum(len(d.text) for d in docs)
    print(f"training set: {len(docs)} articles ({chars / len(docs):.0f} characters on average)")
    t0 = time.perf_counter()
    prepared = prepare_all(docs, workers=args.workers)
    t1 = time.perf_counter()
    fit(prepared)
    t2 = time.perf_counter()
    print(f"analyse + features: {t1 - t0:.1f} s ({args.workers} processes); CRF training: "
          f"{t2 - t1:.1f} s; total {t2 - t0:.1f} s")
    out = Path(tempfile.mkdtemp()) / "bench.db.crf"
    result = train_docs(base, out, folds=5)
    model = load_model(out)
    print(f"'annotator train' path on the 42 gold articles (5-fold CV + final model, saved): "
          f"{result.seconds:.1f} s")

    texts = make_articles(args.predict, 5000)
    for text in texts[:3]:
        with_model(analyse(text), propose_analysis(analyse(text)), model)  # warm-up
    rules_ms, added_ms = [], []
    for text in texts:
        t = time.perf_counter()
        a = analyse(text)
        cands = propose_analysis(a)
        t_rules = time.perf_counter()
        with_model(a, cands, model)
        t_model = time.perf_counter()
        rules_ms.append((t_rules - t) * 1000)
        added_ms.append((t_model - t_rules) * 1000)
    print(f"prediction on {len(texts)} articles of ~5,000 characters: rules median "
          f"{statistics.median(rules_ms):.1f} ms; the model adds median "
          f"{statistics.median(added_ms):.1f} ms (p90 "
          f"{statistics.quantiles(added_ms, n=10)[-1]:.1f} ms, max {max(added_ms):.1f} ms)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
