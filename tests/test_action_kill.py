"""The real window killed (SIGKILL) in the middle of compound actions, many times: every
action is found whole or absent, and the layer's rules hold."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.edits import overlapping_decided
from annotator.store import Store

from .gui_helpers import ARTICLE, SECOND, make_db

DRIVER = Path(__file__).with_name("action_kill_driver.py")
PROPOSALS = {
    0: [
        ("ORGANIZATION", "Tỉnh uỷ"),
        ("OFFICIAL", "Nguyễn Văn Hòa"),
        ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy"),
        ("DIRECTIVE", "Chỉ thị số 05-CT/TW"),
        ("TASK", "tiếp tục thực hiện Chỉ thị số 05-CT/TW"),
    ]
}


def _check(db: Path) -> int:
    """Every recorded action has all its history rows; no two accepted spans of a layer
    overlap. Returns the number of actions."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT a.id, a.changes, (SELECT count(*) FROM span_history h"
            " WHERE h.action_id = a.id) FROM actions a"
        ).fetchall()
        orphans = conn.execute(
            "SELECT count(*) FROM span_history h WHERE h.action_id IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM actions a WHERE a.id = h.action_id)"
        ).fetchone()[0]
    finally:
        conn.close()
    assert [r for r in rows if r[1] != r[2]] == [], "an action was written in part"
    assert orphans == 0
    with Store(db) as s:
        assert s.integrity_problems() == []
        for aid in s.article_ids():
            assert overlapping_decided(s.spans(aid, "lan")) is None
    return len(rows)


@pytest.mark.slow
def test_sigkill_in_the_middle_of_compound_actions_leaves_each_whole_or_absent(tmp_path):
    db = tmp_path / "corpus.db"
    make_db(db, [ARTICLE, SECOND], PROPOSALS)
    rng = random.Random(7)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    total_steps = 0
    for round_no in range(8):
        proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(db), str(round_no)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env=env,
            text=True,
        )
        assert proc.stdout is not None
        wanted = rng.randrange(5, 60)
        steps = 0
        deadline = time.monotonic() + 90
        while steps < wanted and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            steps = int(line)
        assert proc.poll() is None, "the driver stopped by itself"
        time.sleep(rng.random() * 0.05)  # land anywhere inside the next key press
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        total_steps += steps
        _check(db)
    assert total_steps >= 40
    assert _check(db) > 10  # the actions really happened
