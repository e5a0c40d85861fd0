"""Writing files atomically: a temporary file beside the target, renamed into place."""

from __future__ import annotations

import os
from pathlib import Path


def umask() -> int:
    """The process's file creation mask (read without changing it for long)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def publish(tmp: str | Path, path: str | Path) -> None:
    """Give a finished temporary file the permissions a normal new file would have (the
    temporary one is private to its owner) and rename it over ``path``."""
    os.chmod(tmp, 0o666 & ~umask())
    os.replace(tmp, path)
