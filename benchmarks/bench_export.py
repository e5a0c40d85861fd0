"""Benchmark `annotator export`: 10,000 generated articles with 20 gold spans each.

Builds a database through the store (articles of ~5,000 characters, each with 16
entities and 4 tasks accepted into gold and approved), then exports it to every format
with the CLI, each in a fresh process, and prints seconds, articles per second and the
export process's peak memory.

    python benchmarks/bench_export.py [--articles 10000] [--chars 5000] [--workers 2]
                                      [--out bench-out] [--formats jsonl,conll,...]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import NAMES, PROVINCES, SENTENCES  # noqa: E402

from annotator.model import GOLD, Span, SpanState  # noqa: E402
from annotator.store import NewArticle, Store  # noqa: E402
from annotator.text import article_id  # noqa: E402


def span_sentence(rng: random.Random, at: int) -> tuple[str, list[Span]]:
    """A sentence with 5 spans: an official, two organizations, a task holding a directive."""
    name, province, k = rng.choice(NAMES), rng.choice(PROVINCES), rng.randint(1, 999)
    parts: list[tuple[str, str | None]] = [
        ("Đồng chí ", None),
        (name, "OFFICIAL"),
        (", Phó Bí thư ", None),
        (f"Tỉnh ủy {province}", "ORGANIZATION"),
        (" đề nghị ", None),
        (f"Ban Tuyên giáo Tỉnh ủy {province}", "ORGANIZATION"),
        (" ", None),
    ]
    text, spans = "", []
    for piece, label in parts:
        if label:
            spans.append(Span(at + len(text), at + len(text) + len(piece), label, state=SpanState.ACCEPTED))
        text += piece
    task_start = at + len(text)
    text += "tiếp tục lãnh đạo thực hiện có hiệu quả "
    directive = f"Chỉ thị số {k}-CT/TW"
    spans.append(Span(at + len(text), at + len(text) + len(directive), "DIRECTIVE", state=SpanState.ACCEPTED))
    text += directive
    spans.append(Span(task_start, at + len(text), "TASK", state=SpanState.ACCEPTED))
    return text + ".", spans


def make_article(rng: random.Random, i: int, chars: int) -> tuple[str, str, list[Span]]:
    title = f"{rng.choice(PROVINCES)}: hội nghị số {i} về công tác tuyên giáo"
    text, spans = title + "\n\n", []
    paragraphs = 0
    while len(text) < chars or paragraphs < 4:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            sentences.append(
                rng.choice(SENTENCES).format(
                    p=rng.choice(PROVINCES),
                    n=rng.choice(NAMES),
                    y=rng.randint(2015, 2025),
                    y2=rng.randint(2026, 2030),
                    k=rng.randint(1, 999),
                    d=rng.randint(1, 28),
                    m=rng.randint(1, 12),
                )
                + "."
            )
        paragraph = " ".join(sentences)
        if paragraphs < 4:  # four paragraphs open with a sentence of five spans: 20 spans
            sentence, found = span_sentence(rng, len(text))
            spans += found
            paragraph = sentence + " " + paragraph
        text += paragraph + "\n\n"
        paragraphs += 1
    return title, text.strip(), spans


def build(db: Path, n: int, chars: int) -> None:
    if db.exists():
        return
    rng = random.Random(20261123)
    tmp = db.with_suffix(".building")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    with Store(tmp) as store:
        batch: list[tuple[NewArticle, list[Span]]] = []
        for i in range(n):
            title, text, spans = make_article(rng, i, chars)
            batch.append((NewArticle(article_id(text), title, text, "bench", {}, {}), spans))
            if len(batch) == 500 or i == n - 1:
                store.add_articles([a for a, _ in batch])
                for article, found in batch:
                    store.merge_layer(article.id, GOLD, found, "done", [], "", "bench")
                batch = []
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.rename(db)


def timed_export(db: Path, out: Path, fmt: str, extra: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of the export process (and its workers), summary line."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "annotator",
            "export",
            "--db",
            str(db),
            "--format",
            fmt,
            "--out",
            str(out),
            *extra,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stdout = proc.stdout.read().strip() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"export {fmt} failed: {proc.stderr.read() if proc.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024, stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--chars", type=int, default=5000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("bench-out"))
    ap.add_argument("--formats", default="jsonl,jsonl-split,conll-syllable,conll-word,spacy,brat,hf")
    ap.add_argument("--keep", action="store_true", help="keep the database and exports")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / f"export-{args.articles}.db"
    print(f"building {db}: {args.articles} articles of ~{args.chars} characters, 20 gold spans each ...")
    start = time.perf_counter()
    build(db, args.articles, args.chars)
    print(f"built in {time.perf_counter() - start:.1f} s ({db.stat().st_size / 1e6:.0f} MB)\n")
    runs = {
        "jsonl": ("jsonl", []),
        "jsonl-split": ("jsonl", ["--split", "train=0.8,dev=0.1,test=0.1"]),
        "conll-syllable": ("conll", ["--level", "syllable"]),
        "conll-word": ("conll", ["--level", "word"]),
        "spacy": ("spacy", []),
        "brat": ("brat", []),
        "hf": ("hf", []),
    }
    workers = ["--workers", str(args.workers)]
    print(f"{'format':<15} {'seconds':>8} {'articles/s':>11} {'peak MB':>8}  summary")
    for name in args.formats.split(","):
        fmt, extra = runs[name]
        secs, rss, summary = timed_export(db, args.out / f"out-{name}", fmt, extra + workers)
        print(f"{name:<15} {secs:>8.2f} {args.articles / secs:>11.0f} {rss:>8.1f}  {summary}", flush=True)
    if not args.keep:
        shutil.rmtree(args.out)


if __name__ == "__main__":
    main()
