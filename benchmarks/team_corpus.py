"""Build a team-sized database: N articles of realistic length with spans, two to five
annotators with overlapping work, part of it reviewed into gold.

Articles are made of paragraphs of the real gold articles in ``tests/data`` (so lengths,
spans and tasks are those of real news), each article a different mix, with a number so
that no two are the same text. Each article goes to one annotator, or to two for the
overlap share; an annotator's accepted spans are the gold spans with a few edits (a span
dropped, a boundary moved, a label changed), and most articles are marked done. The
gold share of the shared articles is approved in gold. Everything is written through the
store (``add_articles`` and ``attach_work``, one transaction per batch of 500).

    python benchmarks/team_corpus.py OUT.db [--articles 10000] [--annotators 4]
        [--overlap 0.2] [--gold 0.3] [--seed 1] [--names lan,minh] [--start 0]

One annotator's own file, to merge: ``--names lan --overlap 0 --gold 0 --start 0``
(and ``--names minh --start 25000`` for the next one, so that their articles differ).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT / "tests" / "data" / n for n in ("real_dev.jsonl", "dev_gold.jsonl", "extra_gold.jsonl")]
NAMES = ["lan", "minh", "hoa", "tuan", "thu"]


def paragraphs() -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Every paragraph of the gold files with the spans inside it (offsets in it)."""
    out = []
    for path in SOURCES:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            text, spans = rec["text"], [(s["start"], s["end"], s["label"]) for s in rec.get("spans", [])]
            pos = 0
            for para in text.split("\n"):
                end = pos + len(para)
                if para.strip():
                    inside = [(s - pos, e - pos, lab) for s, e, lab in spans if pos <= s and e <= end]
                    out.append((para, inside))
                pos = end + 1
    return out


def article(rng: random.Random, paras: list, n: int) -> tuple[str, list[tuple[int, int, str]]]:
    """One article: 4 to 14 paragraphs, its number first so that every text differs."""
    head = f"Bài số {n}."
    text, spans = head, []
    for para, inside in rng.sample(paras, rng.randint(4, 14)):
        base = len(text) + 1
        text += "\n" + para
        spans += [(s + base, e + base, lab) for s, e, lab in inside]
    return text, spans


def edited(rng: random.Random, text: str, spans: list, rate: float) -> list:
    """An annotator's version of the gold spans: a few dropped, moved or relabelled."""
    out = []
    for s, e, lab in spans:
        r = rng.random()
        if r < rate / 3:
            continue
        if r < 2 * rate / 3 and lab != "TASK":
            lab = "ORGANIZATION" if lab != "ORGANIZATION" else "OFFICIAL"
        elif r < rate:
            nxt = text.find(" ", e + 1)
            if 0 < nxt - e < 12 and not text[e:nxt].isspace():
                e = nxt
        out.append((s, e, lab))
    return out


def build(
    path: Path,
    articles: int,
    annotators: int,
    overlap: float,
    gold: float,
    seed: int,
    names: list[str] | None = None,
    start: int = 0,
) -> dict:
    from annotator.model import GOLD
    from annotator.store import NewArticle, Store

    rng = random.Random(seed)
    paras = paragraphs()
    names = names or NAMES[:annotators]
    counts = {"articles": 0, "spans": 0, "shared": 0, "gold": 0}
    started = time.perf_counter()
    with Store(path) as store:
        batch: list[tuple[NewArticle, list[NewArticle]]] = []

        def flush() -> None:
            results = store.add_articles([first for first, _ in batch])
            for (_, more), new in zip(batch, results, strict=True):
                if new:
                    for extra in more:
                        store.attach_work(extra)
            batch.clear()

        for n in range(start, start + articles):
            text, spans = article(rng, paras, n)
            shared = rng.random() < overlap
            who = rng.sample(names, 2 if shared else 1)

            works = []
            for name in who:
                keys = _clean(edited(rng, text, spans, 0.1))
                works.append(_work(n, text, keys, name, rng.random() < 0.9, name))
                counts["spans"] += len(keys)
            if shared and rng.random() < gold:
                works.append(_work(n, text, spans, GOLD, True, "thu"))
                counts["gold"] += 1
            counts["shared"] += shared
            counts["articles"] += 1
            batch.append((works[0], works[1:]))
            if len(batch) >= 500:
                flush()
                print(f"\r{n + 1}/{articles} articles", end="", file=sys.stderr, flush=True)
        flush()
    print(file=sys.stderr)
    counts["seconds"] = round(time.perf_counter() - started, 1)
    counts["megabytes"] = round(path.stat().st_size / 1e6, 1)
    return counts


def _work(n: int, text: str, keys: list, layer: str, done: bool, actor: str):
    """Article ``n`` with ``keys`` accepted in ``layer`` (done or not), written by ``actor``."""
    from annotator.model import Span, SpanState
    from annotator.store import NewArticle
    from annotator.text import article_id

    spans = tuple(Span(s, e, lab, state=SpanState.ACCEPTED) for s, e, lab in keys)
    return NewArticle(
        article_id(text), f"Bài số {n}", text, "team-corpus", {"n": n}, {},
        spans=spans, layer=layer, done=done, actor=actor,
    )  # fmt: skip


def _clean(spans: list) -> list:
    """Entities that do not overlap each other, nor tasks each other (our rule)."""
    out, last = [], {"entity": -1, "task": -1}
    for s, e, lab in sorted(spans):
        layer = "task" if lab == "TASK" else "entity"
        if s >= last[layer]:
            out.append((s, e, lab))
            last[layer] = e
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--annotators", type=int, default=4, choices=range(1, 6))
    ap.add_argument(
        "--names", help="the annotators, comma-separated (default: the first N of lan, minh, hoa, tuan, thu)"
    )
    ap.add_argument(
        "--start", type=int, default=0, help="number of the first article (files with other articles)"
    )
    ap.add_argument("--overlap", type=float, default=0.2)
    ap.add_argument("--gold", type=float, default=0.3, help="share of the shared articles approved in gold")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists; choose a new file")
    names = args.names.split(",") if args.names else None
    built = build(
        args.out, args.articles, args.annotators, args.overlap, args.gold, args.seed, names, args.start
    )
    print(json.dumps(built))


if __name__ == "__main__":
    main()
