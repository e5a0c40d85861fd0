"""Benchmark the review: building the queue of a large review database, opening an article
for review, and deciding a disagreement with its repaint, driving the real window offscreen.

The database: ARTICLES articles of about 5,000 characters, each finished by two annotators
with SPANS accepted spans each, of which every tenth differs between them (a boundary, a
label or a span only one has).

    python benchmarks/bench_review.py [--articles 2000] [--spans 20]
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


def build_db(path: Path, n_articles: int, n_spans: int) -> None:
    from bench_propose import make_articles

    from annotator.model import Status
    from annotator.store import NewArticle, Store
    from annotator.text import article_id

    rng = random.Random(3)
    labels = ("OFFICIAL", "ORGANIZATION", "DIRECTIVE")
    with Store(path) as s:
        texts = make_articles(n_articles, 5000, seed=1)
        s.add_articles(NewArticle(article_id(t), f"Bài {i}", t, "bench", {}, {}) for i, t in enumerate(texts))
        stamp = "2026-01-01T00:00:00.000Z"
        span_rows, status_rows = [], []
        s.add_annotator("lan")
        s.add_annotator("minh")
        for t in texts:
            aid = article_id(t)
            words = [
                m
                for m in re.finditer(r"\w+ \w+", t)  # not ending inside a letter
                if not unicodedata.combining(t[m.end() : m.end() + 1] or "a")
            ]
            picks = sorted(rng.sample(range(len(words)), min(n_spans, len(words))))
            for k, i in enumerate(picks):
                m = words[i]
                a = (m.start(), m.end(), labels[k % 3])
                b = a
                if k % 10 == 0:
                    b = (a[0], a[1], labels[(k + 1) % 3])  # other label
                elif k % 10 == 5:  # other boundary: the first word only
                    b = (a[0], a[0] + m.group().index(" "), a[2])
                for name, span in (("lan", a), ("minh", b)):
                    span_rows.append((aid, name, *span, "human", "accepted", stamp, stamp))
            for name in ("lan", "minh"):
                status_rows.append((aid, name, str(Status.DONE), stamp))
        with s.transaction() as conn:
            conn.executemany(
                'INSERT OR IGNORE INTO spans (article_id, annotator, start, "end", label, origin,'
                " state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                span_rows,
            )
            conn.executemany("INSERT INTO article_status VALUES (?, ?, ?, ?)", status_rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--spans", type=int, default=20)
    args = ap.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.review import review_queue
    from annotator.store import Store

    tmp = Path(tempfile.mkdtemp())
    os.environ["ANNOTATOR_SETTINGS"] = str(tmp / "settings.ini")
    db = tmp / "review.db"
    t0 = time.perf_counter()
    build_db(db, args.articles, args.spans)
    print(
        f"built {args.articles} articles x 2 annotators x {args.spans} spans "
        f"in {time.perf_counter() - t0:.1f} s"
    )
    store = Store(db)
    t0 = time.perf_counter()
    queue = review_queue(store)
    print(f"review queue of {len(queue)} articles: {time.perf_counter() - t0:.2f} s")

    app = QApplication([])
    from annotator.ui.review_window import ReviewWindow

    t0 = time.perf_counter()
    w = ReviewWindow(store, "bench")
    w.show()
    app.processEvents()
    print(f"review window shown with the first article open: {time.perf_counter() - t0:.2f} s")
    w.view.setFocus()
    opens, decides = [], []
    for row in range(1, 11):
        t0 = time.perf_counter()
        w.queue_table.selectRow(row)
        app.processEvents()
        opens.append((time.perf_counter() - t0) * 1000)
        for _ in range(3):
            t0 = time.perf_counter()
            QTest.keyClick(w.view, Qt.Key.Key_A)
            app.processEvents()
            decides.append((time.perf_counter() - t0) * 1000)
    print(
        f"open an article for review (seeds gold): median {statistics.median(opens):.1f} ms"
        f" (max {max(opens):.1f})"
    )
    print(
        f"take a version, saved and repainted: median {statistics.median(decides):.1f} ms"
        f" (max {max(decides):.1f})"
    )
    w.close()
    store.close()


if __name__ == "__main__":
    main()
