"""Benchmark the annotation window on a long article, driving the real widgets offscreen.

Prints: the time to open an article of 100,000 characters with 2,000 spans (spans read,
text shown, highlights computed, first paint), the time to label a selection and see it
repainted, and what a scroll through the whole article costs, with the number of text
blocks re-highlighted while scrolling (0: paints never recompute spans).

    python benchmarks/bench_ui.py [--chars 100000] [--spans 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def build_db(path: Path, chars: int, n_spans: int) -> list[str]:
    from bench_propose import make_articles

    from annotator.model import Span, SpanState
    from annotator.proposals import PROPOSER_NAME, PROPOSER_VERSION
    from annotator.store import NewArticle, Store
    from annotator.text import article_id

    rng = random.Random(5)
    ids = []
    with Store(path) as s:
        for n in range(2):
            text = make_articles(1, chars, seed=n)[0][:chars]
            aid = article_id(text)
            s.add_article(NewArticle(aid, f"Bài {n}", text, "bench", {}, {}))
            ids.append(aid)
            words = [
                m
                for m in re.finditer(r"\w+(?: \w+)?", text)
                if not unicodedata.combining(text[m.end() : m.end() + 1] or "a")
            ]
            picks = sorted(rng.sample(range(len(words)), n_spans))
            spans, last_end = [], -1
            for k, i in enumerate(picks):
                m = words[i]
                if m.start() < last_end:
                    continue
                label = ("OFFICIAL", "ORGANIZATION", "DIRECTIVE")[k % 3]
                spans.append(
                    Span(
                        m.start(),
                        m.end(),
                        label,
                        origin="bench",
                        state=SpanState.PROPOSED if k % 2 else SpanState.ACCEPTED,
                    )
                )
                last_end = m.end()
            s.save_proposals([(aid, spans, 0.0)], PROPOSER_NAME, PROPOSER_VERSION)
            s.seed_layer(aid, "bench")
    return ids


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=100_000)
    ap.add_argument("--spans", type=int, default=2000)
    args = ap.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    os.environ["ANNOTATOR_SETTINGS"] = str(Path(tempfile.mkdtemp()) / "settings.ini")
    from annotator.ui.app import create_window

    db = Path(tempfile.mkdtemp()) / "bench.db"
    ids = build_db(db, args.chars, args.spans)
    w = create_window(db, "bench")
    w.resize(1280, 800)
    w.show()
    app.processEvents()
    w.controller.wait_for_jobs()
    app.processEvents()

    opens = []
    for k in range(6):
        aid = ids[k % 2]
        t = time.perf_counter()
        w.controller.open_article(aid)
        w._show_spans()
        w.view.viewport().repaint()
        opens.append((time.perf_counter() - t) * 1000)
    spans = len(w.controller.spans)
    print(f"article: {len(w.view.text):,} characters, {spans:,} spans in the layer")
    print(
        f"open article:      median {statistics.median(opens):6.1f} ms  "
        f"(max {max(opens):.1f} ms over {len(opens)} opens)"
    )

    text = w.view.text
    rng = random.Random(9)
    labels = []
    for _ in range(20):
        pos = rng.randrange(0, len(text) - 50)
        while not text[pos].isalpha():
            pos += 1
        end = pos
        while end < len(text) and (text[end].isalpha()):
            end += 1
        w.view.select(pos, end)
        t = time.perf_counter()
        w.controller.label("TASK")
        w.view.viewport().repaint()
        labels.append((time.perf_counter() - t) * 1000)
    print(
        f"label + repaint:   median {statistics.median(labels):6.1f} ms  "
        f"(max {max(labels):.1f} ms over {len(labels)} labels, SQLite write included)"
    )

    bar = w.view.verticalScrollBar()
    before = w.view.highlighter.blocks_highlighted
    steps = []
    for value in range(bar.minimum(), bar.maximum() + 1, max(1, bar.pageStep() // 2)):
        t = time.perf_counter()
        bar.setValue(value)
        w.view.viewport().repaint()
        steps.append((time.perf_counter() - t) * 1000)
    rehighlighted = w.view.highlighter.blocks_highlighted - before
    print(
        f"scroll:            {len(steps)} half-page steps, median {statistics.median(steps):5.1f} "
        f"ms per step; blocks re-highlighted while scrolling: {rehighlighted}"
    )
    w.close()


if __name__ == "__main__":
    main()
