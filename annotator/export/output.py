"""The output folder: checked before any work, written in a temporary folder beside it,
and renamed into place only when everything succeeded, so a failed or cancelled export
leaves nothing behind (and an existing folder replaced with ``--force`` stays intact
until the new one is complete)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import UserError
from annotator.fileio import umask


def check_target(out: Path, force: bool) -> None:
    """Raise :class:`UserError` if ``out`` cannot become the export folder."""
    if out.exists() and not out.is_dir():
        raise UserError(f"{out}: exists and is not a folder (the export writes a folder)")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise UserError(f"{out}: folder exists and is not empty (choose another, or replace it with --force)")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"{out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"{out}: cannot write in {parent} (permission denied)")


STALE_AFTER = 3600.0  # seconds without a change: an unfinished export nobody is writing


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # cannot ask safely: go by age only
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_stale(out: Path) -> int:
    """Remove what killed exports to ``out`` left next to it (``.OUT.*.partial`` and
    ``.OUT.*.old`` folders): those whose export process is gone, or untouched for an hour.
    Returns how many were removed."""
    import time

    parent = out.parent if str(out.parent) else Path(".")
    removed = 0
    for folder in list(parent.glob(f".{out.name}.*.partial")) + list(parent.glob(f".{out.name}.*.old")):
        try:
            owner = int((folder / ".owner").read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            owner = None
        try:
            newest = max([folder.stat().st_mtime] + [p.stat().st_mtime for p in folder.rglob("*")])
        except OSError:
            continue
        if (owner is not None and not _alive(owner)) or time.time() - newest > STALE_AFTER:
            shutil.rmtree(folder, ignore_errors=True)
            removed += 1
    return removed


@contextmanager
def staged(out: Path, force: bool) -> Iterator[Path]:
    """A temporary folder next to ``out``, renamed to ``out`` when the block succeeds.

    Folders that killed exports left behind are removed first (:func:`clean_stale`).
    """
    check_target(out, force)
    parent = out.parent if str(out.parent) else Path(".")
    clean_stale(out)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=parent))
        (tmp / ".owner").write_text(str(os.getpid()), encoding="ascii")
    except OSError as exc:
        raise UserError(f"{out}: cannot create a folder in {parent} ({exc.strerror or exc})") from None
    try:
        yield tmp
        (tmp / ".owner").unlink(missing_ok=True)
        os.chmod(tmp, 0o777 & ~umask())
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=parent))
            os.replace(out, old / out.name)
        os.replace(tmp, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise UserError(f"{out}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
