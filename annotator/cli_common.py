"""What the commands share: the --db and --workers options, opening the database, and
printing a line on stderr. Used by :mod:`annotator.cli` and :mod:`annotator.cli_learn`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from annotator.paths import default_db_path

DB_HELP = "Database file (created if missing). Default: the app's database in your data folder."


def db_option(f):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=DB_HELP,
    )(f)


def open_db(db_path: Path | None, create: bool = False):
    """The database a command works on. Only commands that fill a database (``import``,
    ``merge``) create it: a mistyped ``--db`` elsewhere is an error, not a new empty file."""
    from annotator.errors import UserError
    from annotator.store import Store

    path = db_path or default_db_path()
    if not create and not path.exists():
        raise UserError(
            f"{path}: no such database (check the name, or create it with `annotator import FILES --db ...`)"
        )
    if db_path is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    return Store(path)


def err(line: str) -> None:
    click.echo(line, err=True)


def workers_option(help_text: str):
    """``--workers N``: processes to use (``None`` when not given: the command's default)."""
    return click.option("--workers", type=int, default=None, help=help_text)


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr for a long command (click's), drawn on a terminal only:
    piped or logged, stderr keeps just the warnings and errors. Yields the
    ``on_progress(done, total)`` callback to give the work."""
    bar = click.progressbar(
        length=1, label=label, file=sys.stderr, show_pos=True, show_eta=True, hidden=not sys.stderr.isatty()
    )
    state = {"done": 0}

    def update(done: int, total: int) -> None:
        bar.length = max(total, 1)
        bar.update(done - state["done"])
        state["done"] = done

    with bar:
        yield update
