"""Build the committed databases of older schema versions used by the migration tests.

Run once per schema change, *before* adding the new migration, and commit the result:

    python tests/data/make_old_schema_dbs.py 1

It applies migrations 0001..N only and fills the file with a small, known data set.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from annotator.migrations import APPLICATION_ID, _statements, migrations  # noqa: E402

ARTICLE_TEXT = "Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa dự hội nghị."
STAMP = "2026-01-02T03:04:05.000Z"


def build(version: int) -> Path:
    out = HERE / f"schema_v{version}.db"
    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to commit
    for mig in migrations()[:version]:
        conn.execute("BEGIN")
        for stmt in _statements(mig.sql):
            conn.execute(stmt)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {mig.version}")
        conn.execute("COMMIT")
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO articles (id, title, text, source, meta, imported_at) VALUES (?,?,?,?,?,?)",
        ("a" * 24, "Hội nghị", ARTICLE_TEXT, "old.txt", '{"k": 1}', STAMP),
    )
    conn.execute("INSERT INTO annotators (name, kind, created_at) VALUES ('lan', 'human', ?)", (STAMP,))
    start = ARTICLE_TEXT.index("Nguyễn")
    conn.execute(
        'INSERT INTO spans (id, article_id, annotator, start, "end", label, origin, state,'
        " confidence, created_at, updated_at) VALUES (1, ?, 'lan', ?, ?, 'OFFICIAL', 'human',"
        " 'accepted', NULL, ?, ?)",
        ("a" * 24, start, start + len("Nguyễn Văn Hòa"), STAMP, STAMP),
    )
    conn.execute(
        "INSERT INTO span_history (span_id, article_id, annotator, actor, action, before, after,"
        " at) VALUES (1, ?, 'lan', 'lan', 'create', NULL, ?, ?)",
        (
            "a" * 24,
            f'{{"start": {start}, "end": {start + 14}, "label": "OFFICIAL", '
            '"origin": "human", "state": "accepted", "confidence": null}',
            STAMP,
        ),
    )
    conn.execute("COMMIT")
    conn.close()
    return out


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1"]:
        print(build(int(arg)))
