"""Bad input gets one clear line naming the file (and line) and the reason; the rest imports."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.store import Store

from .conftest import VIET, run_cli, write_jsonl

GOOD = "Bài tốt\n" + VIET


def _import(db_path, *paths, env=None):
    r = run_cli("import", *map(str, paths), "--db", str(db_path), env=env)
    assert "Traceback" not in r.stderr + r.stdout
    return r


@pytest.fixture
def good(tmp_path):
    f = tmp_path / "good.txt"
    f.write_text(GOOD, encoding="utf-8")
    return f


def _count(db_path) -> int:
    with Store(db_path) as s:
        return s.count_articles()


@pytest.mark.parametrize(
    "name, content, reason",
    [
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
            "binary file (contains NUL bytes), not text",
        ),
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty text"),
        ("garbage.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xFF]) * 30, "undecodable bytes"),
        ("empty.jsonl", b"", "empty file"),
        ("blank.jsonl", b"\n\n", "empty file (no JSON lines)"),
    ],
)
def test_bad_file_is_reported_and_the_rest_imported(tmp_path, db_path, good, name, content, reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    r = _import(db_path, bad, good)
    assert r.returncode == 1
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {bad}: {reason}")
    assert r.stdout.strip().splitlines()[-1].startswith("1 new, 0 duplicates, 1 failed")
    assert _count(db_path) == 1


def test_malformed_jsonl_lines_name_the_line(tmp_path, db_path):
    f = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"text": GOOD},
            '{"text": "cắt ngang',
            {"title": "không có text"},
            '["a", "list"]',
            {"text": 42},
            {"text": VIET + " hai"},
        ],
    )
    with f.open("ab") as fh:
        fh.write(b'{"text": "\xff\xfe bad bytes"}\n')
    r = _import(db_path, f)
    assert r.returncode == 1
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("error:")]
    assert errors == [
        f"error: {f}:2: malformed JSON (Unterminated string starting at column 10)",
        f"error: {f}:3: missing required field 'text'",
        f"error: {f}:4: expected a JSON object, got list",
        f"error: {f}:5: field 'text' must be a string, got int",
        f"error: {f}:7: not valid UTF-8 (byte 0xFF at column 11)",
    ]
    assert r.stdout.strip().splitlines()[-1].startswith("2 new, 0 duplicates, 5 failed")


def test_bad_spans_in_jsonl_are_warned_not_fatal(tmp_path, db_path):
    f = write_jsonl(
        tmp_path / "s.jsonl",
        [
            {
                "text": VIET,
                "spans": [
                    {"start": 0, "end": 3, "label": "PERSON"},
                    {"start": 5, "end": 99999, "label": "TASK"},
                    {"start": "a", "end": 3, "label": "TASK"},
                    {"start": 0, "end": 3, "label": "OFFICIAL"},
                ],
            }
        ],
    )
    r = _import(db_path, f)
    assert r.returncode == 0
    warnings = [ln for ln in r.stderr.splitlines() if ln.startswith("warning:")]
    assert len(warnings) == 3 and all(w.startswith(f"warning: {f}:1: span ") for w in warnings[:2])
    # a label that is not ours is counted once, with how to map it
    assert "PERSON ×1" in warnings[2] and "--map" in warnings[2]
    with Store(db_path) as s:
        aid = s.article_ids()[0]
        assert [x.label for x in s.spans(aid)] == ["OFFICIAL"]
        assert len(s.article(aid).import_info["dropped_spans"]) == 3  # kept, not lost


def test_missing_path(tmp_path, db_path, good):
    r = _import(db_path, tmp_path / "nope.txt", good)
    assert r.returncode == 1
    assert f"error: {tmp_path / 'nope.txt'}: no such file or folder" in r.stderr
    assert _count(db_path) == 1


@pytest.mark.slow
def test_fifty_megabyte_text_file_is_refused_quickly(tmp_path, db_path, good):
    big = tmp_path / "huge.txt"
    with big.open("wb") as fh:
        fh.write(("Tỉnh ủy Bắc Kạn tổ chức hội nghị. " * 1000 + "\n").encode() * 1050)
    assert big.stat().st_size > 50_000_000
    r = _import(db_path, big, good)
    assert r.returncode == 1
    assert r.stderr.strip() == (
        f"error: {big}: file is 52.5 MB; one article can be at most 10 MB (split it, or import it as JSONL)"
    )
    assert _count(db_path) == 1


@pytest.mark.slow
def test_fifty_megabyte_jsonl_streams_in(tmp_path, db_path):
    big = tmp_path / "big.jsonl"
    body = "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2023. " * 70
    with big.open("w", encoding="utf-8") as fh:
        n = 0
        while fh.tell() < 50_000_000:
            fh.write(f'{{"text": "Bài {n}. {body}"}}\n')
            n += 1
    r = _import(db_path, big)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1].startswith(f"{n} new, 0 duplicates, 0 failed")


def test_database_that_is_not_sqlite(tmp_path, good):
    bad_db = tmp_path / "notes.db"
    bad_db.write_text("meeting notes, not a database\n", encoding="utf-8")
    r = _import(bad_db, good)
    assert r.returncode == 2
    assert r.stderr.strip() == f"error: {bad_db}: not an SQLite database (the file starts with other data)"
    assert bad_db.read_text(encoding="utf-8") == "meeting notes, not a database\n"


def test_database_locked_by_another_process(tmp_path, db_path, good):
    with Store(db_path) as s:
        s.add_annotator("lan")
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        r = _import(db_path, good, env={"ANNOTATOR_LOCK_TIMEOUT": "0.3"})
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert r.returncode == 2
    assert f"error: {db_path}: database is locked by another process" in r.stderr
    with Store(db_path) as s:  # what was there before is intact
        assert s.annotators() == ["lan"] and s.integrity_problems() == []


def test_database_from_newer_version(tmp_path, db_path, good):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    r = _import(db_path, good)
    assert r.returncode == 2
    assert "written by a newer version of the annotator (schema 99" in r.stderr


def test_hostile_json_lines_are_each_one_line_and_the_rest_is_imported(tmp_path, db_path):
    """The issue's lines: a lone surrogate, a 5,000-digit number, 100,000-deep nesting.
    Each is reported with its line and reason; the good lines and the next file arrive."""
    import json

    good = [
        json.dumps({"id": f"g{i}", "text": f"Bài số {i}. Tỉnh ủy họp."}, ensure_ascii=False) for i in range(4)
    ]
    hostile = [
        '{"id": "s", "text": "\\ud800 Tỉnh ủy"}',
        '{"id": "n", "text": "x", "meta": {"n": ' + "9" * 5000 + "}}",
        '{"id": "d", "text": "x", "meta": ' + "[" * 100000 + "]" * 100000 + "}",
    ]
    src = tmp_path / "bad.jsonl"
    src.write_text("\n".join([good[0], *hostile, *good[1:]]) + "\n", encoding="utf-8")
    other = tmp_path / "next.jsonl"
    other.write_text(
        json.dumps({"text": "Bài khác. Huyện ủy họp."}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    r = run_cli("import", str(src), str(other), "--db", str(db_path))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    errors = r.stderr.strip().splitlines()
    assert errors == [
        f"error: {src}:2: not valid Unicode: a lone surrogate (\\ud800), as broken software writes",
        f"error: {src}:3: unreadable JSON (Exceeds the limit (4300 digits) for integer string "
        "conversion: value has 5000 digits)",
        f"error: {src}:4: JSON nested too deeply to read",
    ]
    assert r.stdout.startswith("5 new, 0 duplicates, 3 failed")


def test_a_stray_nul_in_one_csv_row_does_not_cost_the_file(tmp_path, db_path):
    src = tmp_path / "bai.csv"
    src.write_bytes('text,title\n"Bài hai \x00 hỏng",B\n"Bài ba. Huyện ủy họp.",C\n'.encode())
    r = run_cli("import", str(src), "--db", str(db_path))
    assert r.returncode == 0 and r.stdout.startswith("2 new")
    assert f"warning: {src}:2: NUL bytes removed (a damaged line)" in r.stderr
    binary = tmp_path / "real-binary.csv"
    binary.write_bytes(b"text\n" + bytes(range(256)) * 4)
    r = run_cli("import", str(binary), "--db", str(db_path))
    assert "binary file (contains NUL bytes), not text" in r.stderr


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root and setpriv to run the import as a user who cannot read a folder",
)
def test_an_unreadable_subfolder_is_named_not_skipped_in_silence():
    import subprocess
    import sys
    import tempfile

    base = Path(tempfile.mkdtemp(dir="/tmp"))
    try:
        os.chmod(base, 0o777)
        (base / "in" / "ok").mkdir(parents=True)
        (base / "in" / "secret").mkdir()
        (base / "in" / "ok" / "a.txt").write_text("Bài một. Tỉnh ủy họp.", encoding="utf-8")
        (base / "in" / "secret" / "b.txt").write_text("Bài hai.", encoding="utf-8")
        for d in (base / "in", base / "in" / "ok"):
            os.chmod(d, 0o755)
        os.chmod(base / "in" / "secret", 0)
        env = {k: v for k, v in os.environ.items() if not k.startswith("ANNOTATOR")}
        env["HOME"] = str(base)
        nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        if (
            subprocess.run(
                [*nobody, sys.executable, "-c", "import annotator"], env=env, cwd=base, capture_output=True
            ).returncode
            != 0
        ):
            pytest.skip("this checkout is not readable by an unprivileged user")
        r = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sys.executable,
                "-m",
                "annotator",
                "import",
                str(base / "in"),
                "--db",
                str(base / "x.db"),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=base,
        )
        assert r.stdout.startswith("1 new"), r.stdout + r.stderr
        assert (
            f"error: {base / 'in' / 'secret'}: cannot read this folder (Permission "
            "denied); its files were not imported"
        ) in r.stderr
    finally:
        os.chmod(base / "in" / "secret", 0o755)
        shutil.rmtree(base, ignore_errors=True)


HOSTILE_LINES = [
    '{"id": "s", "text": "\\ud800 Tỉnh ủy"}',
    '{"id": "n", "text": "x", "meta": {"n": ' + "9" * 5000 + "}}",
    '{"id": "d", "text": "x", "meta": ' + "[" * 100000 + "]" * 100000 + "}",
    "not json",
    '{"id": "t", "text": 5}',
    "[1, 2]",
    '{"id": "r", "text": "abc", "spans": [{"start": 5, "end": 2, "label": "X"}]}',
]


def _hostile_gold(tmp_path: Path) -> tuple[Path, int]:
    """A gold file: two good articles with spans around the hostile lines, and a line
    cut in the middle of a character (bytes that are not UTF-8)."""
    import json

    good = [
        json.dumps(
            {"id": f"g{i}", "text": VIET, "spans": [{"start": 0, "end": 5, "label": "OFFICIAL"}]},
            ensure_ascii=False,
        )
        for i in range(2)
    ]
    src = tmp_path / "gold.jsonl"
    src.write_bytes(
        ("\n".join([good[0], *HOSTILE_LINES]) + "\n").encode()
        + '{"text": "Tỉ'.encode()[:-1]
        + b"\n"
        + (good[1] + "\n").encode()
    )
    return src, len(HOSTILE_LINES) + 1


@pytest.mark.parametrize("command", [["evaluate", "--no-model"], ["propose", "-o", "out.jsonl"]])
def test_every_jsonl_reader_names_each_bad_line_and_reads_the_rest(tmp_path, command):
    """Not only import: evaluate, propose (and train's gold files, through the same reader)
    say each bad line with its number and go on with the good ones."""
    src, bad = _hostile_gold(tmp_path)
    name, *options = command
    r = run_cli(name, str(src), *options, cwd=tmp_path)
    assert "Traceback" not in r.stderr + r.stdout, r.stderr
    said = [line for line in r.stderr.splitlines() if f"{src}:" in line]
    expected = [n for n in range(2, 2 + bad) if name == "evaluate" or n != 8]  # spans: gold only
    assert [int(line.split(f"{src}:")[1].split(":")[0]) for line in said] == expected, r.stderr
    if name == "evaluate":
        assert r.returncode == 0 and "entity micro" in r.stdout
        assert all(line.endswith("line left out") for line in said)
    else:
        out = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(out) == 5  # the good lines, and the two without a string text passed on


def test_a_gold_file_for_training_keeps_its_good_articles(tmp_path):
    from annotator.learn.train import docs_from_jsonl

    src, bad = _hostile_gold(tmp_path)
    warnings: list[str] = []
    docs = docs_from_jsonl(src, warnings.append)
    assert [d.id for d in docs] == ["g0", "g1"] and docs[0].spans == ((0, 5, "OFFICIAL"),)
    assert len(warnings) == bad and all(w.startswith(f"{src}:") for w in warnings)
