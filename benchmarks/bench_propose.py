"""Benchmark the proposal engine on 5,000-character articles.

Articles are made of paragraphs of the real articles in ``tests/data`` (and the samples).
Prints: per-article time after warm-up (median, p90, max) of what the app proposes (the
rules and the base model) and of the rules alone, the process's peak memory, plain
`underthesea.ner` on the same articles for comparison, and the wall and CPU time of
proposing a batch (default 1,000 articles) with one and with two worker processes; CPU
time / wall time near 2 means both cores were busy.

    python benchmarks/bench_propose.py [--articles 60] [--batch 1000] [--ner 5]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = [
    ROOT / "tests" / "data" / name
    for name in ("real_dev.jsonl", "extra_gold.jsonl", "dev_gold.jsonl", "heldout_gold.jsonl")
]


def paragraphs() -> list[str]:
    out = []
    for path in SOURCES:
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [p for p in json.loads(line)["text"].split("\n") if len(p) > 40]
    for path in sorted((ROOT / "resources" / "samples").glob("*.txt")):
        out += [p for p in path.read_text(encoding="utf-8").split("\n") if len(p) > 40]
    return out


def make_articles(n: int, chars: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pool = paragraphs()
    articles = []
    for _ in range(n):
        parts, size = [], 0
        while size < chars:
            p = rng.choice(pool)
            parts.append(p)
            size += len(p) + 2
        articles.append("\n\n".join(parts)[: chars + 400])
    return articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=60, help="articles for the per-article timing")
    ap.add_argument("--chars", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=1000, help="articles for the parallel run (0: skip)")
    ap.add_argument("--ner", type=int, default=5, help="articles for plain underthesea.ner (0: skip)")
    args = ap.parse_args()

    from annotator.learn.model import base_model
    from annotator.pipeline import propose

    articles = make_articles(args.articles, args.chars)
    print(f"{len(articles)} articles, {statistics.mean(map(len, articles)):.0f} characters on average")
    model = base_model()
    for name, use in (("rules + base model", model), ("rules alone", None)):
        for text in articles[:3]:
            propose(text, model=use)  # warm-up: models loaded, caches filled
        times, spans = [], 0
        for text in articles:
            t = time.perf_counter()
            spans += len(propose(text, model=use))
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(
            f"{name + ':':<19}median {statistics.median(times):7.1f} ms   p90 "
            f"{times[int(len(times) * 0.9)]:7.1f} ms   max {times[-1]:7.1f} ms   "
            f"({spans / len(articles):.0f} spans per article)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory:       {peak:.0f} MB (this process, after proposing with the model)")

    if args.ner:
        from underthesea import ner

        ner("Khởi động.")
        ner_times = []
        for text in articles[: args.ner]:
            t = time.perf_counter()
            ner(text)
            ner_times.append((time.perf_counter() - t) * 1000)
        print(
            f"underthesea.ner:   median {statistics.median(ner_times):7.1f} ms on the same "
            f"articles (first {len(ner_times)}, whole text per call)"
        )

    if args.batch:
        from annotator.pipeline import batch

        big = make_articles(args.batch, args.chars, seed=11)
        for workers in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            self_before = resource.getrusage(resource.RUSAGE_SELF)
            t = time.perf_counter()
            n = sum(
                1
                for _ in batch.run(
                    ((str(i), x) for i, x in enumerate(big)),
                    workers=workers,
                    total=len(big),
                    ordered=False,
                    model=model,
                )
            )
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            self_after = resource.getrusage(resource.RUSAGE_SELF)
            cpu = (
                after.ru_utime
                + after.ru_stime
                - before.ru_utime
                - before.ru_stime
                + self_after.ru_utime
                + self_after.ru_stime
                - self_before.ru_utime
                - self_before.ru_stime
            )
            print(
                f"batch of {n} with {workers} worker{'s' if workers > 1 else ' '}: wall "
                f"{wall:6.1f} s, CPU {cpu:6.1f} s, CPU/wall {cpu / wall:4.2f}, "
                f"{n / wall:5.1f} articles/s"
            )
        child_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of a worker process: {child_peak:.0f} MB")


if __name__ == "__main__":
    main()
