"""A process killed mid-import leaves a consistent database with every committed article."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.store import Store

from .conftest import VIET, run_cli


@pytest.mark.slow
def test_sigkill_during_import_loses_nothing_committed(tmp_path, db_path):
    src = tmp_path / "many.jsonl"
    n = 30000
    with src.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(
                json.dumps(
                    {
                        "id": str(i),
                        "text": f"Bài số {i}.\n{VIET * 8}",
                        "spans": [{"start": 0, "end": 3, "label": "TASK"}],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(src), "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db_path.exists():
            try:
                conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.1)
                seen = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                seen = 0
            if seen >= 2000:
                break
        time.sleep(0.02)
    assert proc.poll() is None, "import finished before it could be killed; make the input larger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    lines = src.read_text(encoding="utf-8").splitlines()
    with Store(db_path) as s:
        assert s.integrity_problems() == []
        ids = s.article_ids()
        assert seen <= len(ids) < n
        for aid in ids:
            art = s.article(aid)
            assert art.text == json.loads(lines[int(art.external_id)])["text"]
            # each article came with its span in the same transaction
            assert [(x.start, x.end) for x in s.spans(aid)] == [(0, 3)]
            assert len(s.history(aid)) == 1
        present = len(ids)

    r = run_cli("import", str(src), "--db", str(db_path))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith(f"{n - present} new, {present} duplicates, 0 failed")


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return out


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_a_killed_train_takes_its_workers_with_it(tmp_path):
    """The issue's case: a killed `train` left a ~170 MB worker running for minutes."""
    from .learn_data import cooperative_articles

    gold = tmp_path / "gold.jsonl"
    with gold.open("w", encoding="utf-8") as fh:
        for text, spans in cooperative_articles(400):
            fh.write(
                json.dumps(
                    {
                        "text": text,
                        "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    script = (
        "import sys; from pathlib import Path; "
        "from annotator.learn.train import docs_from_jsonl, train_docs; "
        f"train_docs(docs_from_jsonl({str(gold)!r}) * 20, Path({str(tmp_path / 'm.crf')!r}),"
        " folds=3, workers=2, base=[])"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.1)
    assert len(workers) >= 2, "the training never started its workers"
    time.sleep(0.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        for w in workers:  # reap them if they became our children (they do not, normally)
            try:
                os.waitpid(w, os.WNOHANG)
            except ChildProcessError:
                pass
        time.sleep(0.2)
    alive = [
        w
        for w in workers
        if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split()[2]
    ]
    assert alive == [], "workers outlived the killed train"
