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


class Ticker:
    """A 10 ms timer on the GUI thread: the longest gap between its ticks while an action
    runs and its results arrive is the longest the window stopped responding."""

    def __init__(self, app) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        self.app = app
        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.stamps.append(time.perf_counter()))

    def run(self, action, until=lambda: True, after: float = 0.3, setup=None) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
        """GUI-thread ms of ``action()``, ms until ``until()`` holds (its results in), and
        the longest stall in ms, events pumped until then plus ``after`` seconds.
        ``setup()`` runs first, untimed (events pumped after it)."""
        if setup is not None:
            setup()
            for _ in range(20):
                self.app.processEvents()
                time.sleep(0.01)
        self.timer.start()
        self.app.processEvents()
        t0 = time.perf_counter()
        self.stamps = [t0]
        action()
        gui = time.perf_counter() - t0
        while not until() and time.perf_counter() - t0 < 600:
            self.app.processEvents()
            time.sleep(0.002)
        ready = time.perf_counter() - t0
        while time.perf_counter() - t0 < ready + after:
            self.app.processEvents()
            time.sleep(0.002)
        self.timer.stop()
        stamps = [*self.stamps, time.perf_counter()]
        stall = max(b - a for a, b in zip(stamps, stamps[1:], strict=False))
        return gui * 1000, ready * 1000, stall * 1000


def timed(ticker: Ticker, action, repeat: int, until=lambda: True, setup=None) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    """Medians over ``repeat`` runs of (GUI-thread ms, ms until ready, longest stall ms)."""
    runs = [ticker.run(action, until, setup=setup) for _ in range(repeat)]
    return tuple(statistics.median(r[i] for r in runs) for i in range(3))  # type: ignore[return-value]


def ui(db: Path, repeat: int) -> list[tuple[str, tuple[float, float, float]]]:
    from PySide6.QtWidgets import QApplication

    from annotator.store import Store

    app = QApplication.instance() or QApplication([])
    from annotator.ui.app import create_window, settle_memory

    create_window(db, "lan").close()  # as the app does once its first window is up
    settle_memory()
    ticker = Ticker(app)
    rows: list[tuple[str, tuple[float, float, float]]] = []

    windows = []

    def open_window() -> None:
        w = create_window(db, "lan")
        w.show()
        windows.append(w)

    rows.append(
        (
            "open the window with its article list",
            timed(ticker, open_window, 3, lambda: windows[-1].articles.complete),
        )
    )
    for w in windows[:-1]:
        w.close()
    w = windows[-1]
    queries = iter(["ha long", "Tỉnh ủy", "bí thư", "khẩn trương", "xyz không có", "hội nghị", "sở y tế"] * 3)
    listed = []
    w.articles.listed.connect(lambda: listed.append(1))

    def search() -> None:
        listed.clear()
        w._search(next(queries))

    rows.append(
        ("search (one query, results as they come)", timed(ticker, search, repeat, lambda: bool(listed)))
    )
    listed.clear()
    w._search("")
    ticker.run(lambda: None, lambda: bool(listed))
    table = w.article_table

    def scroll() -> None:
        table.scrollToBottom()
        app.processEvents()
        table.scrollToTop()

    rows.append(("scroll the list to the end and back", timed(ticker, scroll, repeat)))
    rows.append(("D: mark done, open the next", timed(ticker, w.named_actions["markDone"].trigger, repeat)))
    rows.append(("S: skip, open the next", timed(ticker, w.named_actions["skip"].trigger, repeat)))

    from annotator.ui.dashboard import DashboardWindow

    dashboards = []

    def open_dashboard() -> None:
        d = DashboardWindow(Store(db))
        d.show()
        dashboards.append(d)

    rows.append(
        (
            "open the dashboard (until its figures)",
            timed(ticker, open_dashboard, 1, lambda: dashboards[-1].ready),
        )
    )
    for d in dashboards:
        d.close()
    from annotator.ui.review_window import ReviewWindow

    reviews = []

    def open_review() -> None:
        r = ReviewWindow(Store(db), "thu")
        r.show()
        reviews.append(r)

    rows.append(
        ("open the review window (until its queue)", timed(ticker, open_review, 1, lambda: reviews[-1].ready))
    )
    review = reviews[-1]
    # articles one annotator finished approve as they are (one with open disagreements
    # would only be refused)
    singles = iter([r.article_id for r in review.queue.rows if len(r.annotators) == 1 and r.status != "done"])

    def pick() -> None:  # the reviewer is on an article (not timed: that is opening one)
        review.select_article(next(singles))

    rows.append(("review: D, approve and open the next", timed(ticker, review.approve, repeat, setup=pick)))
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
    try:
        run(args, work)
    finally:
        shutil.rmtree(work.parent, ignore_errors=True)  # a copy of a 100k database is gigabytes


def run(args: argparse.Namespace, work: Path) -> None:
    if not args.skip_ui:
        print(
            f"{'interactive action (medians, ms)':<42} {'GUI thread':>10} {'ready':>9} {'longest stall':>14}"
        )
        for name, (gui, ready, stall) in ui(work, args.repeat):
            print(f"{name:<42} {gui:>10.1f} {ready:>9.1f} {stall:>14.1f}")
    if not args.skip_commands:
        print(f"{'command':<42} {'seconds':>10} {'peak MB':>8}")
        for name, seconds, mb in commands(work):
            print(f"{name:<42} {seconds:>10.1f} {mb:>8.0f}")
    print(f"this process: peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
