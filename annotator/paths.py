"""Where the app keeps its default database: the user's data directory.

``ANNOTATOR_HOME`` overrides it (tests, portable installs).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "vn-entity-annotator"
DEFAULT_DB_NAME = "annotations.db"


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return path


def default_db_path() -> Path:
    return data_dir() / DEFAULT_DB_NAME
