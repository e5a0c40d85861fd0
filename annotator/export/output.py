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
        raise UserError(f"{out}: folder exists and is not empty (choose another, or replace "
                        "it with --force)")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise UserError(f"{out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(f"{out}: cannot write in {parent} (permission denied)")


@contextmanager
def staged(out: Path, force: bool) -> Iterator[Path]:
    """A temporary folder next to ``out``, renamed to ``out`` when the block succeeds."""
    check_target(out, force)
    parent = out.parent if str(out.parent) else Path(".")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=parent))
    except OSError as exc:
        raise UserError(f"{out}: cannot create a folder in {parent} "
                        f"({exc.strerror or exc})") from None
    try:
        yield tmp
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

