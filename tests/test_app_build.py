"""The standalone app folder (tools/build_app.py) starts with no Python around it.

Slow (about a minute to build on 2 cores) and needs PyInstaller (`pip install -e '.[app]'`),
so it runs only when asked: ``pytest -m app_build`` (``.ci/run`` does, as its own stage).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.app_build


def _proposals(db: Path) -> tuple[int, int]:
    """(articles, proposed spans) in the app's database, read-only; (0, 0) before it exists."""
    if not db.exists():
        return 0, 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            spans = conn.execute("SELECT count(*) FROM spans WHERE annotator = 'proposer'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or being migrated
        return 0, 0
    return articles, spans


def test_the_app_folder_starts_offline_with_an_empty_environment(tmp_path):
    pytest.importorskip("PyInstaller")
    dist = tmp_path / "dist"
    r = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tools" / "build_app.py"),
            "--dist",
            str(dist),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=1800,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    exe = dist / "annotator" / ("annotator.exe" if sys.platform == "win32" else "annotator")
    assert exe.exists(), r.stdout
    # no PATH, no venv, no PYTHONPATH: only where to keep its data, and an offscreen screen
    home = tmp_path / "home"
    home.mkdir()
    settings = tmp_path / "settings.ini"
    settings.write_text("[annotator]\nname=lan\n", encoding="utf-8")
    env = {
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "ANNOTATOR_HOME": str(tmp_path / "data"),
        "ANNOTATOR_SETTINGS": str(settings),
    }
    db = tmp_path / "data" / "annotations.db"
    app = subprocess.Popen(
        [str(exe)],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _proposals(db)[1] == 0 and app.poll() is None:
            time.sleep(0.5)
        articles, spans = _proposals(db)
        assert app.poll() is None, f"the app exited with {app.returncode}"
        # the first start imported the sample articles into a new database, opened the
        # first one in the window and proposed spans for it (underthesea inside the folder)
        assert articles >= 1 and spans >= 1, (articles, spans)
    finally:
        app.terminate()
        try:
            output, _ = app.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
    assert "Traceback" not in output, output
