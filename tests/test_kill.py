"""A process killed mid-import leaves a consistent database with every committed article."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from annotator.store import Store

from .conftest import VIET, run_cli


@pytest.mark.slow
def test_sigkill_during_import_loses_nothing_committed(tmp_path, db_path):
    src = tmp_path / "many.jsonl"
    n = 30000
    with src.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": str(i), "text": f"Bài số {i}.\n{VIET * 8}",
                                 "spans": [{"start": 0, "end": 3, "label": "TASK"}]},
                                ensure_ascii=False) + "\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(src), "--db", str(db_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
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
    assert r.stdout.strip().splitlines()[-1].startswith(
        f"{n - present} new, {present} duplicates, 0 failed")
