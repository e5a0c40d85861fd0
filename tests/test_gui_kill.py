"""The app killed with SIGKILL after some edits: every edit on screen is in the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from annotator.model import Status
from annotator.store import Store

from .gui_helpers import ARTICLE, SECOND, make_db

PROPOSALS = {
    0: [
        ("ORGANIZATION", "Tỉnh uỷ"),
        ("OFFICIAL", "Nguyễn Văn Hòa"),
        ("ORGANIZATION", "Ban Tuyên giáo Tỉnh ủy"),
    ]
}


def test_sigkill_after_edits_loses_nothing(db_path):
    ids = make_db(db_path, [ARTICLE, SECOND], PROPOSALS)
    driver = Path(__file__).with_name("gui_kill_driver.py")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, str(driver), str(db_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    seen = []
    try:
        for line in proc.stdout:
            seen.append(line.strip())
            if line.startswith("edit 5"):
                break
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert len(seen) == 5, seen
    with Store(db_path) as s:
        assert s.integrity_problems() == []
        text = s.article(ids[0]).text
        layer = {(x.label, text[x.start : x.end], str(x.state)) for x in s.spans(ids[0], "lan")}
        assert ("TASK", "hội nghị", "accepted") in layer
        assert {(label, t, "accepted") for label, t in PROPOSALS[0]} <= layer
        assert s.status(ids[0], "lan") == Status.DONE
