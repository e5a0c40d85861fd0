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

import codecs
import hashlib
import os
import unicodedata
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


def _parse_user(path: Path) -> tuple[list[str], list[str]]:
    """The entries of a user's list, and one line per problem. A line that is not UTF-8
    is left out alone (named with its number); a file with NUL bytes is not a word list.
    Entries are NFC, as the articles are, whatever the editor that wrote them saved."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [f"{path}: cannot read ({exc.strerror or exc}); ignored"]
    if b"\x00" in data:
        return [], [f"{path}: binary data (NUL bytes), not a word list; ignored"]
    entries, bad = [], []
    for n, raw in enumerate(data.removeprefix(codecs.BOM_UTF8).splitlines(), start=1):
        try:
            line = unicodedata.normalize("NFC", raw.decode("utf-8")).strip()
        except UnicodeDecodeError:
            bad.append(n)
            continue
        if line and not line.startswith("#"):
            entries.append(line)
    problems = [f"{path}:{n}: not UTF-8 text; line ignored" for n in bad[:5]]
    if len(bad) > 5:
        problems.append(f"{path}: {len(bad) - 5} more lines that are not UTF-8 text; ignored")
    return entries, problems


def _read_user(path: Path) -> list[str]:
    return _parse_user(path)[0]  # the problems are reported by problems()


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
            out.append(f"{path}: no word list is named {path.stem!r}; known: " + ", ".join(sorted(known)))
            continue
        out.extend(_parse_user(path)[1])
    return out
