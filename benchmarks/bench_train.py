"""Benchmark the learned model: ``annotator train`` on 1,000 articles, and what the model
adds to proposing.

Training: a database of ``--articles`` generated news-like articles of about ``--chars``
characters (as bench_propose.py; every article a different text), each with the rules'
entities accepted and marked done by one annotator (silver labels: the point is the time
and memory of training on articles of a realistic length, not the model's quality).
Then the real command, ``python -m annotator train --db DB --folds 5``, in a subprocess:
its output (which gives the time of each step), its wall time and the peak memory of its
largest process.

Prediction: on 5,000-character articles (as bench_propose.py), the median time
``propose(text, model=...)`` adds over ``propose(text)``, measured as the model's own step
(features, tagging, marginals, combining) on the same analysis.

    python benchmarks/bench_train.py [--articles 1000] [--chars 5000] [--folds 5] [--predict 40]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

ANNOTATOR = "bench"


def build_db(path: Path, n: int, chars: int) -> int:
    """``n`` articles with the rules' entities accepted and done; returns the span count."""
    from bench_propose import make_articles

    from annotator.model import Span, SpanState, Status, now
    from annotator.proposals import propose_analysis
    from annotator.proposals.analysis import analyse
    from annotator.store import NewArticle, Store
    from annotator.text import article_id

    texts = list(dict.fromkeys(make_articles(n * 2, chars, seed=11)))[:n]
    if len(texts) < n:
        raise SystemExit(f"could only generate {len(texts)} different articles")
    count = 0
    with Store(path) as store:
        arts = [NewArticle(article_id(t), f"bài {i}", t, "bench", {}, {}) for i, t in enumerate(texts)]
        store.add_articles(arts)
        stamp = now()
        with store.transaction() as conn:  # one transaction: this is set-up, not measured
            store._ensure_annotator(conn, ANNOTATOR, "human", stamp)
            for art in arts:
                a = analyse(art.text, use_underthesea=False)
                for c in propose_analysis(a, use_ner=False, with_tasks=False):
                    start, end = a.doc.span(c.start, c.end)
                    store._insert_span(
                        conn,
                        art.id,
                        ANNOTATOR,
                        Span(start, end, c.label, state=SpanState.ACCEPTED),
                        ANNOTATOR,
                        stamp,
                    )
                    count += 1
        for art in arts:
            store.set_status(art.id, ANNOTATOR, Status.DONE)
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--chars", type=int, default=5000, help="about this many characters each")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--predict", type=int, default=40, help="5,000-character articles to time")
    args = ap.parse_args()

    db = Path(tempfile.mkdtemp()) / "bench.db"
    t = time.perf_counter()
    spans = build_db(db, args.articles, args.chars)
    print(
        f"database: {args.articles} articles of about {args.chars} characters, {spans} "
        f"accepted entity spans (built in {time.perf_counter() - t:.0f} s)"
    )
    t = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "annotator", "train", "--db", str(db), "--folds", str(args.folds)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    wall = time.perf_counter() - t
    print(run.stdout.rstrip())
    if run.returncode:
        raise SystemExit(run.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"'annotator train': {wall:.1f} s wall (with start-up); peak memory of its largest "
        f"process {peak:.0f} MB"
    )

    from bench_propose import make_articles

    from annotator.learn.model import load_model, model_path_for
    from annotator.learn.propose import with_model
    from annotator.proposals import propose_analysis
    from annotator.proposals.analysis import analyse

    model = load_model(model_path_for(db))
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
    print(
        f"prediction on {len(texts)} articles of ~5,000 characters: rules median "
        f"{statistics.median(rules_ms):.1f} ms; the model adds median "
        f"{statistics.median(added_ms):.1f} ms (p90 "
        f"{statistics.quantiles(added_ms, n=10)[-1]:.1f} ms, max {max(added_ms):.1f} ms)"
    )


if __name__ == "__main__":
    main()
