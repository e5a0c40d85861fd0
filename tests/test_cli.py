"""Every command has help text and runs from the console script and ``python -m``."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.model import Span
from annotator.store import Store

from .conftest import DEV_GOLD, run_cli

COMMANDS = [
    "import",
    "articles",
    "info",
    "history",
    "restore",
    "propose",
    "evaluate",
    "train",
    "learning-curve",
    "agreement",
    "assign",
    "merge",
    "export",
    "gui",
]


def test_top_level_help_lists_commands():
    r = run_cli("--help")
    assert r.returncode == 0
    for cmd in COMMANDS:
        assert cmd in r.stdout


@pytest.mark.parametrize("cmd", COMMANDS)
def test_every_command_has_help(cmd):
    r = run_cli(cmd, "--help")
    assert r.returncode == 0 and r.stdout.startswith(f"Usage: annotator {cmd}")
    description = r.stdout.split("\n\n")[1].strip()
    assert len(description.split()) >= 5  # says what the command does, not just its name


def test_console_script_is_installed():
    # the script sits next to the interpreter of the environment the package is installed in
    exe = shutil.which("annotator", path=str(Path(sys.executable).parent))
    assert exe, "the 'annotator' console script is not installed (pip install -e .)"
    r = subprocess.run([exe, "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "annotator" in r.stdout


def test_articles_info_history_restore(db_path):
    assert run_cli("import", str(DEV_GOLD), "--db", str(db_path)).returncode == 0
    listing = run_cli("articles", "--db", str(db_path), "--json")
    rows = [json.loads(x) for x in listing.stdout.splitlines()]
    assert len(rows) == 14 and rows[1]["title"].startswith("Bắc Kạn: Linh hoạt")
    info = run_cli("info", "--db", str(db_path)).stdout
    assert "articles:   14" in info and "integrity:  ok" in info

    aid = rows[2]["id"]
    with Store(db_path) as s:
        span = s.add_span(aid, "lan", Span(0, 4, "TASK"))
        s.update_span(span.id, "lan", label="OFFICIAL")
        entry = s.history(aid, "lan")[0].id
    hist = run_cli("history", "--db", str(db_path), "--article", aid, "--annotator", "lan")
    assert hist.returncode == 0
    assert [ln.split()[3] for ln in hist.stdout.splitlines()] == ["create", "update"]
    r = run_cli(
        "restore", "--db", str(db_path), "--article", aid, "--annotator", "lan", "--entry", str(entry)
    )
    assert r.returncode == 0 and "1 changed" in r.stdout
    with Store(db_path) as s:
        assert [x.label for x in s.spans(aid, "lan")] == ["TASK"]


def test_restore_at_a_time_typed_with_a_space_keeps_what_was_made_before(db_path):
    """The issue's case: --at "2026-11-29 23:59" sorted before every stored time of the
    day and removed all of the annotator's spans. Now it means the end of that minute."""
    assert run_cli("import", str(DEV_GOLD), "--db", str(db_path)).returncode == 0
    with Store(db_path) as s:
        aid = s.article_ids()[0]
        span = s.add_span(aid, "lan", Span(0, 4, "TASK"))
        made = s.history(aid, "lan")[-1].at  # e.g. 2026-11-29T15:04:05.123Z
        s.update_span(span.id, "lan", label="OFFICIAL")
    minute = made[:16].replace("T", " ")  # "2026-11-29 15:04", as people type it
    r = run_cli("restore", "--db", str(db_path), "--article", aid, "--annotator", "lan", "--at", minute)
    assert r.returncode == 0, r.stderr
    with Store(db_path) as s:
        assert len(s.spans(aid, "lan")) == 1  # not emptied
    bad = run_cli(
        "restore", "--db", str(db_path), "--article", aid, "--annotator", "lan", "--at", "yesterday"
    )
    assert bad.returncode == 2 and "'yesterday' is not a time" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_mistyped_database_is_an_error_not_a_new_empty_file(tmp_path):
    typo = tmp_path / "corpsu.db"
    for args in (
        ["info"],
        ["train"],
        ["export", "--format", "jsonl", "--out", str(tmp_path / "out")],
        ["agreement"],
    ):
        r = run_cli(*args, "--db", str(typo))
        assert r.returncode == 2, args
        assert r.stderr.strip() == (
            f"error: {typo}: no such database (check the name, or "
            "create it with `annotator import FILES --db ...`)"
        )
    assert not typo.exists()


def test_unknown_article_is_a_user_error(db_path):
    Store(db_path).close()
    r = run_cli("restore", "--db", str(db_path), "--article", "nope", "--annotator", "x", "--entry", "1")
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {db_path}: no article with id nope"


def test_default_database_lives_in_the_data_folder(_isolated_home, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Một bài báo ngắn.", encoding="utf-8")
    r = run_cli("import", str(f))
    assert r.returncode == 0
    assert (_isolated_home / "annotations.db").exists()
