"""Kill the long commands at random moments, resume them, and compare with a run that was
never interrupted.

    python tools/soak.py [--kills N] [--seed S]

For each command (import, propose, merge, export, train) it builds the same input in a fresh
folder, runs the command once to the end (the reference), then N times: starts it, kills
it with SIGKILL after a random part of the reference's duration, runs it again to the
end (what a user does after a crash) and compares the result with the reference: the
database's articles, spans, statuses and proposal runs (not ids or times), or the export
folder byte for byte, or the trained model (what it learned from, its scores and
what it proposes), and SQLite's integrity check. Prints one line per command and exits
1 on any difference. ``tests/test_soak.py`` runs it with two kills per command.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "dev_gold.jsonl"
REAL = ROOT / "tests" / "data" / "real_dev.jsonl"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "annotator", *args]


def db_digest(path: Path) -> str:
    """What a user would call the content of a database (no ids, no times)."""
    conn = sqlite3.connect(path)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        parts = [
            sorted(conn.execute("SELECT id, length(text), title FROM articles")),
            sorted(conn.execute('SELECT article_id, annotator, start, "end", label, state FROM spans')),
            sorted(conn.execute("SELECT article_id, annotator, status FROM article_status")),
            sorted(conn.execute("SELECT article_id, proposer, version, spans FROM proposal_runs")),
        ]
    finally:
        conn.close()
    if problems:
        return "corrupt: " + "; ".join(problems)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def folder_digest(path: Path) -> str:
    if not path.is_dir():
        return "missing"
    files = sorted(p for p in path.rglob("*") if p.is_file())
    h = hashlib.sha256()
    for p in files:
        h.update(str(p.relative_to(path)).encode() + hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


# Each case: prepare(work) -> (command, digest of the result)
Case = tuple[Callable[[Path], None], Callable[[Path], list[str]], Callable[[Path], str]]


def _import_case() -> Case:
    def prepare(work: Path) -> None:
        shutil.copy(REAL, work / "in.jsonl")

    return (
        prepare,
        lambda w: cli("import", str(w / "in.jsonl"), "--db", str(w / "c.db"), "-q"),
        lambda w: db_digest(w / "c.db"),
    )


def _propose_case() -> Case:
    def prepare(work: Path) -> None:
        subprocess.run(
            cli("import", str(GOLD), "--db", str(work / "c.db"), "-q"), check=True, capture_output=True
        )

    return (
        prepare,
        lambda w: cli("propose", "--db", str(w / "c.db"), "--workers", "2"),
        lambda w: db_digest(w / "c.db"),
    )


def _merge_case() -> Case:
    def prepare(work: Path) -> None:
        script = (
            "import sys; from pathlib import Path; "
            "from annotator.store import Store; from annotator.importer import import_paths; "
            "from annotator.team import assign; from annotator.session import AnnotationSession; "
            "from annotator.model import Status\n"
            f"w = Path({str(work)!r})\n"
            "with Store(w / 'master.db') as s:\n"
            f"    import_paths(s, [Path({str(REAL)!r})])\n"
            "    r = assign(s, ['lan', 'minh'], 0.5, w / 'team', seed=3)\n"
            "for name, path in r.files.items():\n"
            "    with Store(path) as s:\n"
            "        a = AnnotationSession(s, name)\n"
            "        for aid in s.article_ids():\n"
            "            a.open(aid); a.set_status(aid, Status.DONE)\n"
        )
        subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)

    return (
        prepare,
        lambda w: cli("merge", "--db", str(w / "review.db"), str(w / "team/lan.db"), str(w / "team/minh.db")),
        lambda w: db_digest(w / "review.db"),
    )


def _export_case() -> Case:
    def prepare(work: Path) -> None:
        subprocess.run(
            cli("import", str(GOLD), "--db", str(work / "g.db"), "-q"), check=True, capture_output=True
        )

    return (
        prepare,
        lambda w: cli(
            "export",
            "--db",
            str(w / "g.db"),
            "--format",
            "conll",
            "--level",
            "word",
            "--out",
            str(w / "out"),
            "--split",
            "train=0.8,test=0.2",
        ),
        lambda w: folder_digest(w / "out"),
    )


def model_digest(db: Path) -> str:
    """A trained model as a user sees it: what it learned from, its scores, and what it
    proposes on the dev gold's texts (the CRF file itself is not byte-stable)."""
    script = (
        "import hashlib, json, sys\n"
        "from annotator.learn.model import load_model, ModelError\n"
        "from annotator.pipeline import propose\n"
        "try:\n"
        f"    m = load_model({str(db) + '.crf'!r})\n"
        "except ModelError as e:\n"
        "    print('unloadable:', e); sys.exit()\n"
        f"texts = [json.loads(x)['text'] for x in open({str(GOLD)!r}, encoding='utf-8')]\n"
        "out = [m.meta['training'], m.meta['scores'], bool(m.task_tagger)]\n"
        "out += [[(p.start, p.end, p.label) for p in propose(t, model=m)] for t in texts]\n"
        "print(hashlib.sha256(repr(out).encode()).hexdigest())\n"
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return (r.stdout or r.stderr).strip()


def _train_case() -> Case:
    def prepare(work: Path) -> None:
        subprocess.run(
            cli("import", str(GOLD), "--db", str(work / "g.db"), "-q"), check=True, capture_output=True
        )
        script = (  # one annotator accepts every imported span and finishes each article
            "from annotator.store import Store; from annotator.model import SpanState, Status\n"
            f"with Store({str(work / 'g.db')!r}) as s:\n"
            "    for aid in s.article_ids():\n"
            "        for sp in s.spans(aid, 'import'):\n"
            "            s.add_span(aid, 'lan', sp.__class__(sp.start, sp.end, sp.label,"
            " state=SpanState.ACCEPTED))\n"
            "        s.set_status(aid, 'lan', Status.DONE)\n"
        )
        subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)

    return (
        prepare,
        lambda w: cli("train", "--db", str(w / "g.db"), "--no-base", "--folds", "2", "--workers", "2"),
        lambda w: model_digest(w / "g.db"),
    )


CASES = {
    "import": _import_case,
    "propose": _propose_case,
    "merge": _merge_case,
    "export": _export_case,
    "train": _train_case,
}


def soak(name: str, kills: int, rng: random.Random, base: Path) -> tuple[int, list[str]]:
    """Returns (kills done, problems)."""
    prepare, command, digest = CASES[name]()
    ref = base / f"{name}-ref"
    ref.mkdir()
    prepare(ref)
    start = time.perf_counter()
    subprocess.run(command(ref), capture_output=True, check=False)
    duration = time.perf_counter() - start
    expected = digest(ref)
    problems = []
    done = 0
    for k in range(kills):
        work = base / f"{name}-{k}"
        work.mkdir()
        prepare(work)
        proc = subprocess.Popen(
            command(work), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, max(0.1, duration * 0.9)))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            done += 1
        proc.wait()
        subprocess.run(command(work), capture_output=True, check=False)  # the user retries
        got = digest(work)
        if got != expected:
            problems.append(f"{name}: kill {k + 1}: result differs from an uninterrupted run")
        shutil.rmtree(work, ignore_errors=True)
    return done, problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=25, help="kills per command")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    failed = False
    total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or list(CASES):
            t = time.perf_counter()
            done, problems = soak(name, args.kills, rng, Path(tmp))
            total += done
            print(
                f"{name:8} {args.kills} runs, {done} killed mid-way, "
                f"{len(problems)} differing from an uninterrupted run "
                f"({time.perf_counter() - t:.0f} s)",
                flush=True,
            )
            for p in problems:
                print("  " + p)
            failed = failed or bool(problems)
    print(f"total: {total} kills")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
