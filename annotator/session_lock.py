"""One window per annotator per database file.

The same person with the file open in two windows ends with a database that neither window
shows (each window's spans are what it loaded). A window takes an operating-system lock on
``DB.NAME.lock`` next to the file while it is open; a second window for the same person
is refused. The lock goes with the process, so a killed app never leaves a stale one.
Qt-free.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import IO


class SessionLock:
    def __init__(self, db_path: Path, annotator: str) -> None:
        safe = re.sub(r"[^\w-]", "_", annotator)[:60] or "annotator"
        self.path = Path(db_path).with_name(f"{Path(db_path).name}.{safe}.lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> bool:
        """True when this process now holds the lock (or the folder cannot hold one: then
        nothing is refused); False when another live window holds it."""
        try:
            fh = open(self.path, "a+", encoding="ascii")  # noqa: SIM115 (held while open)
        except OSError:
            return True
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return True

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()  # closing drops the lock
            self._fh = None
            try:
                self.path.unlink()
            except OSError:
                pass
