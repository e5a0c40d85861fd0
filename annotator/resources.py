"""One resolver for files under ``resources/`` and ``db/``.

Label colours, shortcuts, gazetteers, rules and boilerplate patterns are data there, not
code. Asking for a name that does not exist fails loudly, so a typo never silently yields
an empty gazetteer.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any


def _data_dir(name: str) -> Path:
    """``resources``/``db`` at the top of a checkout, else inside an installed wheel."""
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    return Path(__file__).resolve().parent / "_data" / name


RESOURCES_DIR = _data_dir("resources")
DB_DIR = _data_dir("db")


class MissingResource(FileNotFoundError):
    """A resource the code asked for is not shipped: a packaging or naming bug."""


def resource_path(name: str) -> Path:
    """Path of ``resources/<name>``; raises :class:`MissingResource` if it does not exist."""
    path = RESOURCES_DIR / name
    if not path.exists():
        raise MissingResource(f"resource not found: {name} (looked in {RESOURCES_DIR})")
    return path


def db_path(name: str) -> Path:
    """Path of ``db/<name>`` (schema and migrations)."""
    path = DB_DIR / name
    if not path.exists():
        raise MissingResource(f"db resource not found: {name} (looked in {DB_DIR})")
    return path


@cache
def load_json(name: str) -> Any:
    """Parsed JSON resource, cached for the life of the process."""
    with resource_path(name).open(encoding="utf-8") as fh:
        return json.load(fh)


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a text resource (``#`` starts a comment line)."""
    text = resource_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
