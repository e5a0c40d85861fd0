"""Open an annotator database safely: recognise it, refuse what we cannot use, upgrade it.

Migrations are the ordered SQL files in ``db/migrations/`` (``0001_initial.sql``, ...).
``PRAGMA user_version`` is the number of the last one applied; each one runs in its own
transaction together with the version bump, so a crash mid-upgrade leaves the previous
version intact. Foreign keys are off while migrations run (a migration may rebuild a
table others reference, the way SQLite's documentation describes) and are checked before
each commit. Before upgrading an existing file, a copy is written next to it
(``NAME.v1.bak``) with SQLite's online backup.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from annotator.errors import StoreError
from annotator.resources import DB_DIR

# "VNEA" in ASCII: marks a file as ours, so a foreign SQLite file is refused, not altered.
APPLICATION_ID = 0x564E4541
SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_TIMEOUT = 5.0


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    found = []
    for path in sorted((DB_DIR / "migrations").glob("*.sql")):
        m = re.match(r"(\d{4})_(.+)\.sql$", path.name)
        if not m:
            raise RuntimeError(f"badly named migration {path.name}")
        found.append(Migration(int(m.group(1)), m.group(2), path.read_text(encoding="utf-8")))
    for expected, mig in enumerate(found, start=1):
        if mig.version != expected:
            raise RuntimeError(f"migration {expected:04d} missing (found {mig.version:04d})")
    return tuple(found)


def latest_version() -> int:
    return len(migrations())


def lock_timeout() -> float:
    """How long to wait for another process's lock; ``ANNOTATOR_LOCK_TIMEOUT`` overrides."""
    try:
        return float(os.environ.get("ANNOTATOR_LOCK_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


def friendly(exc: sqlite3.Error, path: Path | str) -> StoreError:
    """A one-line message for an SQLite error, naming the file."""
    msg = str(exc)
    if "locked" in msg or "busy" in msg:
        return StoreError(
            f"{path}: database is locked by another process (waited {lock_timeout():g} s); "
            "close the other program or try again",
            "locked",
        )
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return StoreError(f"{path}: not a usable SQLite database ({msg})", "corrupt")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"{path}: database is read-only ({msg})", "readonly")
    if "unable to open" in msg:
        return StoreError(f"{path}: cannot open database file ({msg})", "open")
    if "disk" in msg and "full" in msg:
        return StoreError(f"{path}: disk full, the last change was not saved ({msg})", "full")
    if "disk I/O error" in msg:  # what SQLite often says when the disk is full at open
        return StoreError(
            f"{path}: cannot read or write the disk (is it full, or the drive gone?); nothing was changed",
            "full",
        )
    return StoreError(f"{path}: database error: {msg}")


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The row id of what an INSERT just added."""
    if cur.lastrowid is None:
        raise RuntimeError("the statement inserted no row")
    return cur.lastrowid


def check_file(path: Path) -> None:
    """Refuse paths that cannot be an SQLite database before SQLite touches them."""
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    if not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
        if head != SQLITE_HEADER:
            raise StoreError(f"{path}: not an SQLite database (the file starts with other data)")


def connect(path: Path) -> sqlite3.Connection:
    """Connection in autocommit mode (transactions are explicit), WAL, foreign keys on."""
    check_file(path)
    try:
        conn = sqlite3.connect(path, timeout=lock_timeout(), isolation_level=None)
    except sqlite3.Error as exc:
        raise friendly(exc, path) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(lock_timeout() * 1000)}")
        # a file that is not ours is refused before anything is written to it (WAL included)
        check_ours(conn, path)
        conn.execute("PRAGMA trusted_schema = OFF")  # a crafted schema runs no functions
        conn.execute("PRAGMA foreign_keys = ON")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed edit survives a power cut, not only a crash.
        conn.execute("PRAGMA synchronous = FULL")
        upgrade(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise friendly(exc, path) from None
    except StoreError:
        conn.close()
        raise
    return conn


def check_ours(conn: sqlite3.Connection, path: Path) -> int:
    """Refuse a database of another program or of a newer version (reading only); returns
    its schema version (0: a new, empty file)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    if app_id != APPLICATION_ID and (tables or version):
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise StoreError(
            f"{path}: an SQLite database from another program (tables: {shown or 'none'}); "
            "refusing to change it"
        )
    latest = latest_version()
    if version > latest:
        raise StoreError(
            f"{path}: written by a newer version of the annotator (schema {version}; this "
            f"version knows up to {latest}); upgrade the annotator to open it"
        )
    return version


def upgrade(conn: sqlite3.Connection, path: Path) -> int:
    """Bring the database to the latest schema; return the version it had."""
    version = check_ours(conn, path)
    latest = latest_version()
    if version == latest:
        return version
    if version > 0:
        backup = path.with_name(f"{path.name}.v{version}.bak")
        dest = sqlite3.connect(backup)
        try:
            conn.backup(dest)
        finally:
            dest.close()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for mig in migrations()[version:]:
            _apply(conn, path, mig)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    return version


def _apply(conn: sqlite3.Connection, path: Path, mig: Migration) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(mig.sql):
            conn.execute(statement)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise StoreError(
                f"{path}: upgrading to schema {mig.version} would break {len(broken)} "
                f"references (first in table {broken[0][0]}); the file was left as it was"
            )
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {mig.version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


@cache
def _our_schema_objects() -> frozenset[tuple[str, str]]:
    """(name, SQL) of every trigger and view our migrations create."""
    conn = sqlite3.connect(":memory:")
    for mig in migrations():
        for statement in _statements(mig.sql):
            conn.execute(statement)
    found = frozenset(
        (r[0], " ".join(r[1].split()))
        for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')")
    )
    conn.close()
    return found


def refuse_foreign_schema(copy: Path, shown: Path) -> None:
    """An annotator's file with views or triggers this program never writes is refused
    before anything reads its tables: such SQL would run inside our queries."""
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"
        ).fetchall()
    except sqlite3.Error:
        return  # not a database we can read: Store() says why
    finally:
        conn.close()
    ours = _our_schema_objects()
    odd = [f"{kind} {name}" for kind, name, sql in rows if (name, " ".join((sql or "").split())) not in ours]
    if odd:
        raise StoreError(
            f"{shown}: contains SQL this program never writes ({', '.join(odd[:3])});"
            " refusing to read it (a crafted or foreign file)"
        )
