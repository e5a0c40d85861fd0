"""The ``train`` and ``learning-curve`` commands.

Registered on the main group by :mod:`annotator.cli`; the work is in
:mod:`annotator.learn.train` and :mod:`annotator.learn.curve`.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from annotator.cli_common import db_option, open_db, workers_option


def _folds_option(default: int):
    return click.option(
        "--folds",
        type=int,
        default=default,
        show_default=True,
        help="Folds for cross-validation (articles held out in turn).",
    )


class _AnalysisBar:
    """A progress bar on stderr for the analysis step, then a line for the CRF."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(
                length=total, label="analysing articles", file=sys.stderr, show_pos=True, show_eta=True
            )
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done
        if done >= total:
            self.close()
            click.echo("training the model…", err=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@click.command("train")
@db_option
@_folds_option(5)
@workers_option(
    "Processes to use (default: one per core, at most 4). With more than one,"
    " the articles are analysed in parallel and cross-validation runs beside"
    " the final training."
)
@click.option(
    "--base/--no-base",
    default=None,
    help="Learn also from the base corpus the shipped model learned from, or from "
    "this database's articles only. Default: the base corpus joins while the "
    "database has fewer than 500 training articles.",
)
def train_cmd(db_path: Path | None, folds: int, workers: int | None, base: bool | None) -> None:
    """Train the learned model (entities and tasks) on the accepted and gold spans of a
    database.

    Uses the gold layer's spans on articles a reviewer approved, and for other
    articles the annotators' accepted spans on the articles they marked done, plus the
    base corpus (the real articles the shipped base model learned from) while the
    database has fewer than 500 training articles (--base, --no-base decide). Without
    TASK spans in the database, the base model's TASK tagger is kept. Prints the
    training size, cross-validated F1 of rules, model and combined per label (on this
    database's articles), the time, and the model file (DB.crf, DB.crf.task for tasks,
    with the description in DB.crf.json).
    """
    from annotator.learn.train import train_store
    from annotator.procs import MAX_TRAINING_WORKERS, workers_to_use

    bar = _AnalysisBar()
    with open_db(db_path) as store:
        try:
            result = train_store(
                store,
                folds=folds,
                on_progress=bar,
                base=base,
                workers=workers_to_use(workers, MAX_TRAINING_WORKERS),
            )
        finally:
            bar.close()
    for line in result.lines():
        click.echo(line)


@click.command("learning-curve")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_folds_option(5)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same folds.")
@click.option("--json", "as_json", is_flag=True, help="Print the curve as JSON.")
def learning_curve_cmd(gold: tuple[Path, ...], folds: int, seed: int, as_json: bool) -> None:
    """F1 per label of rules, model and combined as the training set grows.

    Trains on 1, 2, 4, ... articles of the gold files (several files are pooled) and
    scores on held-out folds; every article is held out once.
    """
    from annotator.learn.curve import learning_curve, table
    from annotator.learn.train import docs_from_jsonl, prepare_all

    start = time.perf_counter()
    docs = [
        d for path in gold for d in docs_from_jsonl(path, lambda m: click.echo(f"warning: {m}", err=True))
    ]
    points = learning_curve(prepare_all(docs), folds, seed)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "articles": len(docs),
                    "folds": folds,
                    "seed": seed,
                    "points": [p.to_json() for p in points],
                },
                indent=2,
            )
        )
        return
    click.echo(
        f"{len(docs)} articles from {', '.join(map(str, gold))}, {folds} folds; F1 on the held-out folds"
    )
    for line in table(points):
        click.echo(line)
    click.echo(f"{time.perf_counter() - start:.1f} s", err=True)
    sys.stdout.flush()
