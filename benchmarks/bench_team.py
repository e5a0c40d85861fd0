"""Benchmark a team-sized database: every interactive action and the long commands.

Build the database first with ``benchmarks/team_corpus.py``. Interactive actions run
in this process on the real widgets (offscreen), each timed on the GUI thread (median of
several): opening the window with its article list, one search, scrolling the list to
the end, D (mark done, open the next), S (skip), opening the dashboard, D in the review
window (approve, next). Commands run as a user runs them, each in its own process, with
its wall time and peak memory (the process's maximum resident set).

    python benchmarks/bench_team.py DB [--skip-commands] [--skip-ui] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PEAK = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "print(r.returncode, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.stderr.write(r.stderr.decode()[-400:] if r.returncode else '')\n"
)


def command(*args: str) -> tuple[float, float]:
    """Wall seconds and peak MB of ``annotator ARGS`` in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    rc, seconds, kb = out.stdout.split()
    if rc != "0":
        print(f"  ({' '.join(args[:2])} exited {rc}: {out.stderr.strip()[-200:]})")
    return float(seconds), int(kb) / 1024


def timed(action, repeat: int) -> float:
    """Median milliseconds of ``action()`` (which does the work and processes events)."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        action()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def ui(db: Path, repeat: int) -> list[tuple[str, float]]:
    from PySide6.QtWidgets import QApplication

    from annotator.store import Store

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, float]] = []

    def settle() -> None:
        app.processEvents()

    from annotator.ui.app import create_window

    windows = []

    def open_window() -> None:
        w = create_window(db, "lan")
        w.show()
        settle()
        windows.append(w)

    rows.append(("open the window with its article list", timed(open_window, 3)))
    for w in windows[:-1]:
        w.close()
    w = windows[-1]
    queries = iter(["ha long", "Tỉnh ủy", "bí thư", "khẩn trương", "xyz không có", "hội nghị", "sở y tế"] * 3)
    rows.append(
        ("search (one query, on the GUI thread)", timed(lambda: (w._search(next(queries)), settle()), repeat))
    )
    w._search("")
    table = w.article_table
    rows.append(
        (
            "scroll the list to the end and back",
            timed(lambda: (table.scrollToBottom(), settle(), table.scrollToTop(), settle()), repeat),
        )
    )
    rows.append(
        (
            "D: mark done, open the next",
            timed(lambda: (w.named_actions["markDone"].trigger(), settle()), repeat),
        )
    )
    rows.append(
        ("S: skip, open the next", timed(lambda: (w.named_actions["skip"].trigger(), settle()), repeat))
    )

    from annotator.ui.dashboard import DashboardWindow

    dashboards = []

    def open_dashboard() -> None:
        d = DashboardWindow(Store(db))
        d.show()
        settle()
        dashboards.append(d)

    rows.append(("open the dashboard (until shown)", timed(open_dashboard, 1)))
    t = time.perf_counter()
    while not dashboards[-1].ready:  # its figures, computed in the background
        app.processEvents()
        time.sleep(0.05)
    rows.append(("  ... its figures ready (background)", (time.perf_counter() - t) * 1000))
    for d in dashboards:
        d.close()
    from annotator.ui.review_window import ReviewWindow

    reviews = []

    def open_review() -> None:
        r = ReviewWindow(Store(db), "thu")
        r.show()
        settle()
        reviews.append(r)

    rows.append(("open the review window with its queue", timed(open_review, 1)))
    review = reviews[-1]
    # articles one annotator finished approve as they are (one with open disagreements
    # would only be refused)
    singles = iter([r.article_id for r in review.queue.rows if len(r.annotators) == 1 and r.status != "done"])

    def approve_one() -> None:
        review.select_article(next(singles))
        settle()
        review.approve()
        settle()

    rows.append(("review: D, approve and open the next", timed(approve_one, repeat)))
    w.close()
    return rows


def commands(db: Path) -> list[tuple[str, float, float]]:
    rows = []
    rows.append(("info", *command("info", "--db", str(db))))
    rows.append(("agreement", *command("agreement", "--db", str(db))))
    out = Path(tempfile.mkdtemp(prefix="bench-team-"))
    try:
        rows.append(
            (
                "export --format jsonl",
                *command(
                    "export",
                    "--db",
                    str(db),
                    "--format",
                    "jsonl",
                    "--out",
                    str(out / "j"),
                    "--layer",
                    "accepted",
                ),
            )
        )
        rows.append(
            (
                "export --format conll --level syllable",
                *command(
                    "export",
                    "--db",
                    str(db),
                    "--format",
                    "conll",
                    "--level",
                    "syllable",
                    "--out",
                    str(out / "c"),
                    "--layer",
                    "accepted",
                ),
            )
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-ui", action="store_true")
    ap.add_argument("--skip-commands", action="store_true")
    args = ap.parse_args()
    from annotator.store import Store

    with Store(args.db) as s:
        print(f"{args.db}: {s.count_articles()} articles")
    work = Path(tempfile.mkdtemp(prefix="bench-team-db-")) / args.db.name
    shutil.copy(args.db, work)  # the actions change statuses: work on a copy
    os.environ.setdefault("ANNOTATOR_HOME", str(work.parent / "home"))
    os.environ.setdefault("ANNOTATOR_SETTINGS", str(work.parent / "settings.ini"))
    with Store(work) as s:  # an older file gets its search index once (the window does
        t = time.perf_counter()  # this in the background; done here so as not to disturb)
        indexed = s.index_for_search()
        print(f"search index built once: {indexed} articles in {time.perf_counter() - t:.1f} s")
    if not args.skip_ui:
        print(f"{'interactive action':<42} {'median ms':>10}")
        for name, ms in ui(work, args.repeat):
            print(f"{name:<42} {ms:>10.1f}")
    if not args.skip_commands:
        print(f"{'command':<42} {'seconds':>10} {'peak MB':>8}")
        for name, seconds, mb in commands(work):
            print(f"{name:<42} {seconds:>10.1f} {mb:>8.0f}")
    print(f"this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
