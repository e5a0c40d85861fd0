"""The proposal rules' word lists: the ones shipped in ``resources/proposals/``, changed by
the user's own lists where there are some.

A user's rules folder holds files named like the shipped lists (``titles.txt``,
``org_named.txt``, ``districts.txt``, ...), one entry per line, ``#`` for comments:

- a line adds an entry ("Phó Trưởng Ban Thường trực");
- a line ``-ENTRY`` removes a shipped entry ("-Đoàn" in ``surnames.txt``);
- a line ``-*`` removes every shipped entry, so the file replaces the list.

The folder is, in order: the one set with :func:`set_rules_dir` (``annotator --rules
DIR``), ``$ANNOTATOR_RULES``, else ``rules/`` in the user's data folder (see
:mod:`annotator.paths`) when it exists. Upgrading the app never touches it. A file that
names no shipped list is reported by :func:`problems`. The proposer version stored with
proposals includes a hash of the user's lists, so ``annotator propose --redo`` refreshes
proposals made with other lists.

Qt-free, no database.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from annotator.resources import RESOURCES_DIR, read_lines

ENV = "ANNOTATOR_RULES"
FOLDER = "proposals"
_explicit: Path | None = None
_cache_clearers: list[Callable[[], None]] = []


def on_change(clear: Callable[[], None]) -> Callable[[], None]:
    """Register a cache to clear when the rules folder changes (a decorator's helper)."""
    _cache_clearers.append(clear)
    return clear


def set_rules_dir(path: str | Path | None) -> None:
    """Use ``path`` as the user's rules folder (None: back to the default); worker
    processes started later inherit it through ``$ANNOTATOR_RULES``."""
    global _explicit
    _explicit = Path(path) if path is not None else None
    if _explicit is not None:
        os.environ[ENV] = str(_explicit)
    else:
        os.environ.pop(ENV, None)
    for clear in _cache_clearers:
        clear()


def rules_dir() -> Path | None:
    """The user's rules folder in use, or None."""
    if _explicit is not None:
        return _explicit
    env = os.environ.get(ENV)
    if env:
        return Path(env)
    from annotator.paths import data_dir

    default = data_dir() / "rules"
    return default if default.is_dir() else None


def shipped_names() -> list[str]:
    """The names of the shipped lists (``titles``, ``org_named``, ...)."""
    return sorted(p.stem for p in (RESOURCES_DIR / FOLDER).glob("*.txt"))


def _user_file(name: str) -> Path | None:
    folder = rules_dir()
    if folder is None:
        return None
    path = folder / f"{name}.txt"
    return path if path.is_file() else None


def _read_user(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return []  # reported by problems()
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


@cache
def lines(name: str) -> tuple[str, ...]:
    """The entries of list ``name``: the shipped ones with the user's changes."""
    shipped = read_lines(f"{FOLDER}/{name}.txt")
    user = _user_file(name)
    if user is None:
        return tuple(shipped)
    changes = _read_user(user)
    removed = {c[1:].strip() for c in changes if c.startswith("-")}
    added = [c for c in changes if not c.startswith("-")]
    kept = [] if "*" in removed else [s for s in shipped if s not in removed]
    return tuple(dict.fromkeys(kept + added))


on_change(lines.cache_clear)


def fingerprint() -> str:
    """A short hash of the user's lists in use ("" without any): part of the proposer
    version, so proposals made with other lists can be told apart."""
    folder = rules_dir()
    if folder is None or not folder.is_dir():
        return ""
    h = hashlib.sha256()
    for name in shipped_names():
        path = _user_file(name)
        if path is not None:
            h.update(name.encode())
            h.update(path.read_bytes())
    digest = h.hexdigest()
    return "" if digest == hashlib.sha256().hexdigest() else digest[:8]


def problems() -> list[str]:
    """One line per file of the rules folder that is not used, and why."""
    folder = rules_dir()
    if folder is None:
        return []
    if not folder.is_dir():
        return [f"{folder}: rules folder not found"]
    known = set(shipped_names())
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix != ".txt":
            continue
        if path.stem not in known:
            out.append(f"{path}: no word list is named {path.stem!r}; known: "
                       + ", ".join(sorted(known)))
            continue
        try:
            path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            out.append(f"{path}: not UTF-8 text; ignored")
        except OSError as exc:
            out.append(f"{path}: cannot read ({exc.strerror or exc}); ignored")
    return out
