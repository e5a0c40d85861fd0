"""The bundled sample articles, imported into a new default database on first run."""

from __future__ import annotations

from pathlib import Path

from annotator.importer import ImportReport, import_paths
from annotator.paths import default_db_path
from annotator.resources import resource_path
from annotator.store import Store


def samples_dir() -> Path:
    return resource_path("samples")


def open_default_store() -> tuple[Store, ImportReport | None]:
    """Open the default database, creating it with the samples on first run."""
    path = default_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    first_run = not path.exists()
    store = Store(path)
    report = None
    if first_run or store.count_articles() == 0:
        report = import_paths(store, [samples_dir()])
    return store, report
