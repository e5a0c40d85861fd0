"""``annotator``: the command-line interface, a thin layer over the library the GUI uses.

Exit status: 0 when everything worked, 1 when some inputs failed (the rest was done),
2 when the command could not run (bad database, bad arguments). A user's mistake is
always one line naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from annotator import __version__
from annotator.cli_common import db_option, err, open_db, progress_bar, workers_option
from annotator.errors import UserError
from annotator.fileio import publish
from annotator.readers import FORMATS


class _Group(click.Group):
    """Turns a :class:`UserError` anywhere below into one line on stderr and exit 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            err(f"error: {exc}")
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="annotator")
@click.option(
    "--rules",
    "rules_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder of your own word lists that extend or change the shipped ones "
    "(default: $ANNOTATOR_RULES, else 'rules' in the data folder if it exists).",
)
def cli(rules_dir: Path | None) -> None:
    """Annotate officials, organizations, directives and tasks in Vietnamese news.

    Run `annotator COMMAND --help` for the options of a command. `python main.py [DB]`
    starts the desktop app.
    """
    from annotator.nlp import wordlists

    if rules_dir is not None:
        wordlists.set_rules_dir(rules_dir)
    for problem in wordlists.problems():
        err(f"warning: {problem}")


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--keep-boilerplate",
    is_flag=True,
    help="Keep site chrome (comment forms, counters, share lines, related links).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    help="Read every file as this format (default: told by each file's content and name).",
)
@click.option(
    "--as",
    "as_",
    type=click.Choice(["proposals", "accepted", "gold"]),
    default="proposals",
    show_default=True,
    help="What the files' spans become: proposals offered to every annotator, one "
    "annotator's accepted work (--annotator), or the reviewers' gold.",
)
@click.option(
    "--annotator", help="Whose work the spans are (--as accepted), or who decided them (--as gold)."
)
@click.option("--done", is_flag=True, help="Mark each article done (--as accepted) or approved (--as gold).")
@click.option(
    "--map",
    "label_map",
    metavar="THEIRS=OURS,...|FILE.json",
    help="Rename the files' labels, e.g. PER=OFFICIAL,ORG=ORGANIZATION; other labels that "
    "are not ours are counted and left out.",
)
@click.option(
    "--ls-source",
    type=click.Choice(["annotations", "predictions"]),
    default="annotations",
    show_default=True,
    help="Label Studio: import the completed annotations or the predictions.",
)
@click.option(
    "--offsets",
    type=click.Choice(["chars", "utf16", "bytes"]),
    help="What the files' offsets count (default: the format's own; Label Studio and "
    "INCEpTION count UTF-16 units).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and the summary line.")
def import_cmd(
    paths: tuple[Path, ...],
    db_path: Path | None,
    keep_boilerplate: bool,
    fmt: str | None,
    as_: str,
    annotator: str | None,
    done: bool,
    label_map: str | None,
    ls_source: str,
    offsets: str | None,
    quiet: bool,
) -> None:
    """Import articles, with the spans other tools made, from files and folders.

    \b
    .txt    one article per file; the first non-empty line is the title
    folder  every file below it in a format listed here
    .jsonl  one JSON object per line: "text" (required), "id", "title", "url",
            "meta", and "spans" ([{"start", "end", "label"}]); doccano's
            ("label" or "entities") and Prodigy's ("answer") lines too
    .csv    a "text" column; optional "title", "id", "url", "meta" columns
    .json   a Label Studio export (tasks with annotations or predictions)
    .ann    brat standoff, with the .txt beside it
    .conll  CoNLL / BIO, token and tag columns (.bio, .iob too)
    .tsv    INCEpTION's WebAnno TSV 3

    Text is stored as NFC with invisible characters removed; UTF-8, UTF-16,
    Windows-1258, TCVN3 (ABC) and VNI files are converted, and the spans follow
    the text exactly. Importing the same article again changes nothing (with
    --as accepted or gold, it gets the work if that layer has none on it yet).
    Ends with one line: new, duplicates, failed, and the spans stored.
    """
    from annotator.importer import Importer, ImportOptions, parse_label_map

    options = ImportOptions(
        fmt=fmt,
        as_=as_,
        annotator=annotator.strip() if annotator else None,
        done=done,
        label_map=parse_label_map(label_map) if label_map else {},
        prefer=ls_source,
        offsets=offsets,
    )
    options.check()
    with open_db(db_path, create=True) as store:

        def say(line: str) -> None:
            if line.startswith(("error:", "warning:")):
                err(line)
            elif not quiet:
                click.echo(line)

        importer = Importer(store, keep_boilerplate=keep_boilerplate, options=options, on_message=say)
        try:
            report = importer.run(paths)
        except KeyboardInterrupt:
            report = importer.report
            report.cancelled = True
        click.echo(f"{report.summary()} -> {store.path}")
    if report.fatal:
        sys.exit(2)
    sys.exit(0 if report.ok and not report.cancelled else 1)


@cli.command("articles")
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def articles_cmd(db_path: Path | None, as_json: bool) -> None:
    """List the articles in a database: id, characters, spans, title."""
    with open_db(db_path) as store:
        counts = store.span_counts()
        for row in store.article_list():
            n = sum(counts.get(row["id"], {}).values())
            if as_json:
                click.echo(json.dumps({**row, "spans": n}, ensure_ascii=False))
            else:
                click.echo(f"{row['id']}  {row['chars']:>7}  {n:>4}  {row['title']}")


INFO_FULL_CHECK_BYTES = 100 * 1024 * 1024  # integrity check by default below this size
INFO_REVIEW_ARTICLES = 500  # open disagreements counted by default up to this many


@cli.command("info")
@db_option
@click.option("--check", is_flag=True, help="Run SQLite's integrity check whatever the file's size.")
@click.option("--review", is_flag=True, help="Count the open disagreements whatever the number of articles.")
def info_cmd(db_path: Path | None, check: bool, review: bool) -> None:
    """Summarize a database: schema, articles, annotators, spans and their states.

    The integrity check reads the whole file and the open disagreements every reviewable
    article: on a large database (over 100 MB, over 500 reviewable articles) they are
    left for --check and --review, so that info stays quick.
    """
    with open_db(db_path) as store:
        click.echo(f"database:   {store.path}")
        click.echo(f"schema:     {store.schema_version}")
        click.echo(f"articles:   {store.count_articles()}")
        totals = store.span_totals()
        shown = ", ".join(f"{k} {v}" for k, v in sorted(totals.items())) or "none"
        click.echo(f"spans:      {sum(totals.values())} ({shown})")
        for name in store.working_annotators():
            p = store.progress(name)
            click.echo(
                f"annotator:  {name}: {p['done']}/{p['total']} done, "
                f"{p['in_progress']} in progress, {p['skipped']} skipped"
            )
        if store.annotators(kind="gold"):
            reviewable = store.count_done(None)  # articles some human finished
            line = f"gold:       {store.approved_in_gold()}/{reviewable} reviewable articles approved"
            if review or reviewable <= INFO_REVIEW_ARTICLES:
                from annotator.review import review_queue

                still = sum(r.undecided for r in review_queue(store) if r.status != "done")
                line += f", {still} disagreements open in the others"
            else:
                line += " (open disagreements: annotator info --review)"
            click.echo(line)
        if check or store.path.stat().st_size <= INFO_FULL_CHECK_BYTES:
            problems = store.integrity_problems()
            click.echo("integrity:  " + ("ok" if not problems else "; ".join(problems)))
        else:
            click.echo("integrity:  not checked on a file this large (annotator info --check)")


@cli.command("history")
@db_option
@click.option("--article", "article_id", help="Only this article id.")
@click.option("--annotator", help="Only this annotator's spans.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
def history_cmd(db_path: Path | None, article_id: str | None, annotator: str | None, as_json: bool) -> None:
    """Show the audit trail of span changes (who changed what, when)."""
    with open_db(db_path) as store:
        for e in store.history(article_id, annotator):
            if as_json:
                click.echo(json.dumps(e.__dict__, ensure_ascii=False))
                continue
            rec = e.after or e.before or {}
            click.echo(
                f"{e.id:>6}  {e.at}  {e.actor:<12} {e.action:<7} {e.article_id} span {e.span_id} "
                f"({e.annotator}) {rec.get('label')} [{rec.get('start')},{rec.get('end')})"
                f" {rec.get('state')}"
            )


@cli.command("restore")
@db_option
@click.option("--article", "article_id", required=True, help="Article id.")
@click.option("--annotator", required=True, help="Whose spans to restore.")
@click.option(
    "--entry", type=int, help="History entry number to go back to (the first column of `annotator history`)."
)
@click.option(
    "--at",
    "at",
    help="Or a time to go back to: ISO 8601 as in `history`, "
    "e.g. 2026-11-29T23:59 or '2026-11-29 23:59:30' (UTC unless a zone is given); "
    "the end of the minute, second or day given.",
)
@click.option("--actor", default="restore", show_default=True, help="Recorded as the actor.")
def restore_cmd(
    db_path: Path | None, article_id: str, annotator: str, entry: int | None, at: str | None, actor: str
) -> None:
    """Put an annotator's spans on an article back as they were after a history entry (after
    the whole user action it belongs to: never half of one), or at a time."""
    if (entry is None) == (at is None):
        raise click.UsageError("give exactly one of --entry or --at")
    if at is not None:
        from annotator.model import end_of_time

        try:
            at = end_of_time(at)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--at") from None
    with open_db(db_path) as store:
        store.article(article_id)
        changed = store.restore(article_id, annotator, actor, at=at, entry=entry)
        point = f"entry {entry}" if entry is not None else at
        click.echo(f"restored {annotator}'s spans on {article_id} to {point}: {changed} changed")


@cli.command("propose")
@click.argument("input_path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the JSONL with spans (with INPUT). Default: standard output.",
)
@db_option
@workers_option("Processes to use (default: one per core, at most 8).")
@click.option(
    "--redo", is_flag=True, help="With --db: also re-run on articles proposed by an older proposer version."
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Learned model to propose with (default with --db: DB.crf when present).",
)
@click.option("--no-model", is_flag=True, help="Propose with the rules only.")
def propose_cmd(
    input_path: Path | None,
    output: Path | None,
    db_path: Path | None,
    workers: int | None,
    redo: bool,
    model_path: Path | None,
    no_model: bool,
) -> None:
    """Propose OFFICIAL, ORGANIZATION, DIRECTIVE and TASK spans.

    \b
    annotator propose IN.jsonl -o OUT.jsonl
        each line's object is written back with "spans" (start, end, label, text,
        source, confidence); offsets index "text" exactly as given; other fields
        pass through. A line without "text" is passed through with no spans.
    annotator propose --db DB
        fills proposals for every article that has none yet (resumable: an
        interrupted run keeps what it finished), with a progress bar.

    A learned model (`annotator train`) joins the rules as source "model"; a missing
    or corrupt model file is reported on one line and the rules are used alone.
    """
    from annotator.pipeline import batch, model_for, proposer_version

    if input_path is not None:
        model = model_for(None, model_path, no_model, err)
        sys.exit(_propose_jsonl(input_path, output, workers, model))
    with open_db(db_path) as store:
        model = model_for(store.path, model_path, no_model, err)
        todo = len(
            store.articles_without_proposals(batch.PROPOSER_NAME, proposer_version(model) if redo else None)
        )
        if todo == 0:
            click.echo(f"every article already has proposals -> {store.path}")
            return
        with progress_bar(f"proposing {todo} articles") as bar:
            try:
                articles, spans = batch.propose_store(
                    store, workers=workers, redo=redo, on_progress=bar, model=model
                )
            except KeyboardInterrupt:
                click.echo("\ninterrupted: what was finished is saved; run again to go on", err=True)
                sys.exit(130)
        click.echo(f"{articles} articles, {spans} proposed spans -> {store.path}")


def _propose_jsonl(input_path: Path, output: Path | None, workers: int | None, model=None) -> int:
    """Stream a JSONL file through the proposer; returns the exit status."""
    from annotator import jsonl
    from annotator.pipeline import batch

    problems = 0
    objects: list[dict] = []

    def texts():
        nonlocal problems
        for line in jsonl.read(input_path):
            if line.problem is not None:
                err(f"error: {input_path}:{line.number}: {line.problem}; line skipped")
                problems += 1
                continue
            obj = line.value
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                err(
                    f"warning: {input_path}:{line.number}: no string field 'text'; passed "
                    "through with no spans"
                )
                problems += 1
                obj = obj if isinstance(obj, dict) else {"value": obj}
                objects.append(obj)
                yield str(len(objects) - 1), ""
                continue
            objects.append(obj)
            yield str(len(objects) - 1), obj["text"]

    # OUT appears whole or not at all (written beside it, renamed when complete): a map
    # step that is killed and retried never leaves a half shard behind
    tmp = None
    if output:
        import tempfile

        fd, tmp = tempfile.mkstemp(prefix=output.name + ".", suffix=".tmp", dir=output.parent)
    out = open(fd, "w", encoding="utf-8") if tmp else sys.stdout  # noqa: SIM115
    count = 0
    try:
        for key, proposals, _secs in batch.run(texts(), workers=workers, ordered=True, model=model):
            obj = objects[int(key)]
            objects[int(key)] = None  # type: ignore[call-overload]  # memory stays flat
            obj["spans"] = [p.to_json() for p in proposals]
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
            count += 1
        if tmp and output:
            out.close()
            publish(tmp, output)
            tmp = None
    finally:
        if tmp:
            out.close()
            Path(tmp).unlink(missing_ok=True)
    if output:
        click.echo(f"{count} lines with proposals -> {output}", err=True)
    return 1 if problems else 0


@cli.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--pred",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Predictions (JSONL, same lines as GOLD). Default: run the proposer now.",
)
@click.option(
    "--by",
    "by",
    type=click.Choice(["source"]),
    help='Also a table per source (the outlet each line\'s "source" names).',
)
@click.option(
    "--model",
    "model_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Learned model to propose with (default: the base model shipped with the app).",
)
@click.option("--no-model", is_flag=True, help="Score the rules alone.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--errors", is_flag=True, help="Also list every missed and spurious span per article, with its kind."
)
def evaluate_cmd(
    gold: Path,
    pred: Path | None,
    by: str | None,
    model_path: Path | None,
    no_model: bool,
    as_json: bool,
    errors: bool,
) -> None:
    """Precision, recall and F1 per label against a gold JSONL file.

    OFFICIAL, ORGANIZATION and DIRECTIVE match on exact offsets; TASK spans match
    one-to-one at character IoU >= 0.5. The entity micro-average covers the three
    entity labels. Each GOLD line needs "text" and "spans" (start, end, label).

    Errors are counted by kind: boundary (same label, other offsets), label (another
    label over it), missing (nothing there), spurious (nothing in the gold there).

    Without --pred the proposer runs now, as the app proposes: the rules and the base
    model (--model for another, --no-model for the rules alone).
    """
    from annotator.pipeline import model_for, propose
    from annotator.proposals.evaluate import by_group, evaluate, gold_and_predictions, group_table

    predict = None
    if pred is None:
        model = model_for(None, model_path, no_model, err)

        def predict(text: str) -> list[tuple[int, int, str]]:
            return [(p.start, p.end, p.label) for p in propose(text, model=model)]

    rows = gold_and_predictions(gold, pred, predict, warn=lambda m: err(f"warning: {m}"))
    if not rows:
        raise UserError(f"{gold}: no article to score (no good line with a text)")
    report = evaluate((doc_id, text, g, p) for _, doc_id, text, g, p in rows)
    groups = by_group(rows) if by else {}
    if as_json:
        out = report.to_json()
        if groups:
            out["by_source"] = {
                name: r.to_json() | {"articles": r.documents} for name, r in sorted(groups.items())
            }
        if errors:
            out["errors"] = report.errors
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    click.echo(report.table())
    if groups:
        click.echo("\nF1 by source:")
        click.echo(group_table(groups, report))
    if errors:
        for e in report.errors:
            click.echo(f"\n{e['id']}")
            for kind in ("missed", "spurious"):
                for label, text, start, end, why in e[kind]:
                    click.echo(f"  {kind:<8} {why:<8} {label:<12} [{start},{end}) {text[:100]!r}")


@cli.command("assign")
@db_option
@click.option("--annotators", required=True, help="Comma-separated names: lan,minh,hoa")
@click.option(
    "--overlap",
    type=float,
    default=0.2,
    show_default=True,
    help="Share of the articles given to two annotators (for agreement).",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the annotators' databases (NAME.db each).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same plan.")
def assign_cmd(db_path: Path | None, annotators: str, overlap: float, out_dir: Path, seed: int) -> None:
    """Hand out articles: one database per annotator, with the articles' proposals.

    The given share of the articles goes to exactly two annotators, spread evenly over the
    pairs; the rest to one annotator each, balancing the load. Assigning again hands out
    only the articles not assigned yet (new imports), adding them to the same files.
    """
    from annotator.team import assign

    names = [n.strip() for n in annotators.split(",") if n.strip()]
    with open_db(db_path) as store:
        report = assign(store, names, overlap, out_dir, seed)
    for line in report.lines():
        click.echo(line)


@cli.command("merge")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
def merge_cmd(files: tuple[Path, ...], db_path: Path | None) -> None:
    """Merge annotators' databases into a review database (--db).

    Brings in articles (matched by content), each annotator's spans, statuses and
    history. An annotator's later work replaces what an earlier merge brought in (the
    history keeps both); merging the same file again changes nothing; an older file is
    migrated on a copy; annotators' files are never modified.
    """
    from annotator.team import merge

    with open_db(db_path, create=True) as store, progress_bar("merging") as bar:
        report = merge(store, list(files), on_progress=bar)
    for line in report.lines():
        if line.startswith(("error:", "warning:")):
            err(line)
        else:
            click.echo(line)
    sys.exit(1 if report.errors else 0)


@cli.command("agreement")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def agreement_cmd(db_path: Path | None, as_json: bool) -> None:
    """Inter-annotator agreement over the articles both annotators marked done.

    For every pair, per label and overall: span F1 (exact and overlap), Cohen's kappa and
    Krippendorff's alpha over token BIO tags (entities and tasks as separate layers),
    and counts of disagreement kinds (other label, other boundaries, only one has it).
    """
    from annotator.agreement import agreement

    with open_db(db_path) as store, progress_bar("reading shared articles") as bar:
        pairs = agreement(store, on_progress=bar)
    if as_json:
        click.echo(json.dumps({"pairs": [p.to_json() for p in pairs]}, ensure_ascii=False, indent=2))
        return
    if not pairs:
        click.echo("no two annotators have finished the same article yet")
        return

    def fmt(x: float | None) -> str:
        return "   -  " if x is None else f"{x:6.3f}"

    for p in pairs:
        click.echo(f"{p.a} ~ {p.b}: {p.articles} articles both finished")
        click.echo(f"  {'':<14} {'F1 exact':>8} {'F1 overlap':>10} {'kappa':>7} {'alpha':>7}")
        keys = ["overall", "entity", "task"] + sorted(
            k for k in p.exact if k not in ("overall", "entity", "task")
        )
        for key in keys:
            ex, ov = p.exact.get(key), p.overlap.get(key)
            click.echo(
                f"  {key:<14} {fmt(ex.f1 if ex else None):>8} "
                f"{fmt(ov.f1 if ov else None):>10} {fmt(p.kappa.get(key)):>7} "
                f"{fmt(p.alpha.get(key)):>7}"
            )
        kinds = ", ".join(
            f"{k.replace('_', ' ')} {p.kinds.get(k, 0)}" for k in ("label", "boundary", "only_one")
        )
        click.echo(f"  disagreements: {kinds}")


@cli.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["jsonl", "conll", "spacy", "brat", "hf", "doccano", "labelstudio", "prodigy"]),
    help="One of the formats below.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(path_type=Path),
    help="Output folder (created; must not exist or be empty unless --force).",
)
@click.option(
    "--layer",
    default=None,
    metavar="LAYER",
    help="gold | accepted | annotator:NAME. Default: gold if any article is "
    "approved in gold, otherwise accepted.",
)
@click.option(
    "--split",
    "split",
    default=None,
    metavar="NAME=SHARE,...",
    help="Split by article, e.g. train=0.8,dev=0.1,test=0.1 (shares sum to 1). "
    "Default: one split named 'all'.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same split.")
@click.option(
    "--level",
    type=click.Choice(["syllable", "word", "both"]),
    default=None,
    help="Tokens for conll (default both) and hf (default syllable).",
)
@workers_option("Processes for tokenizing (default: one per core, at most 8).")
@click.option("--force", is_flag=True, help="Replace a non-empty output folder.")
def export_cmd(
    db_path: Path | None,
    fmt: str,
    out: Path,
    layer: str | None,
    split: str | None,
    seed: int,
    level: str | None,
    workers: int | None,
    force: bool,
) -> None:
    """Export annotated articles as a dataset to train on, with a dataset card.

    \b
    Formats (files per split NAME, plus README.md, the dataset card):
      jsonl  NAME.jsonl: id, title, text, spans (start, end, label, text), meta,
             imported_meta; `annotator import` reads it back with the same spans
      conll  NAME.syllable.conll, NAME.word.conll: TOKEN ENTITY-TAG TASK-TAG (BIO),
             blank line between sentences, -DOCSTART- between articles; word level
             uses underthesea and joins syllables with _ (VLSP style); beside each,
             NAME.LEVEL.entities.conll and NAME.LEVEL.tasks.conll, TOKEN<TAB>TAG
             (what spacy convert -c ner, doccano and INCEpTION read)
      spacy  NAME.spacy DocBin: entities in doc.ents, tasks in doc.spans["task"]
             (needs spaCy: pip install 'vn-entity-annotator[spacy]')
      brat   NAME/ID.txt and NAME/ID.ann per article, annotation.conf
      doccano     NAME.doccano.jsonl: text, label [[start, end, LABEL]]
      labelstudio NAME.labelstudio.json tasks with annotations, label_config.xml
      prodigy     NAME.prodigy.jsonl (entities), NAME.prodigy.tasks.jsonl: text,
                  tokens, spans, answer, for prodigy db-in
      hf     NAME.jsonl: tokens, ner_tags, task_tags (integer BIO), labels.json;
             loads with datasets.load_dataset("json", ...)

    \b
    Layers:
      gold            accepted gold spans of the articles a reviewer approved
      annotator:NAME  NAME's accepted spans on the articles NAME marked done
      accepted        human annotators' accepted spans on the articles they marked
                      done; an article finished by several annotators who disagree
                      is left out (with a warning) until it is reviewed into gold

    Splits are by article, deterministic for a seed, and keep near-duplicate
    articles (the same story on several sites) in one split. Every span is checked
    first (inside the text, known label, no white space at its ends, entities and
    tasks not overlapping); a problem stops the export naming the article and span,
    and nothing is written.
    """
    from annotator.export import ExportOptions, export

    options = ExportOptions(
        format=fmt, out=out, layer=layer, split=split, seed=seed, level=level, workers=workers, force=force
    )
    with open_db(db_path) as store:

        def say(line: str) -> None:
            err(line)

        try:
            with progress_bar(f"exporting {fmt}") as bar:
                report = export(store, options, on_message=say, on_progress=bar)
        except KeyboardInterrupt:
            err("interrupted: nothing was written")
            sys.exit(130)
    click.echo(f"{report.summary()} -> {report.out}")


@cli.command("gui")
@click.argument("db", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--review", is_flag=True, help="Open the review window too (adjudicate merged annotators into gold)."
)
def gui_cmd(db: Path | None, review: bool) -> None:
    """Start the desktop app (same as `python main.py [DB] [--review]`).

    Without DB it opens the app's own database in your data folder, importing the
    bundled sample articles into it the first time.
    """
    from annotator.ui.app import main as gui_main

    sys.exit(gui_main(([str(db)] if db else []) + (["--review"] if review else [])))


from annotator.cli_learn import learning_curve_cmd, train_cmd  # noqa: E402

cli.add_command(train_cmd)
cli.add_command(learning_curve_cmd)


def main() -> None:
    cli(prog_name="annotator")


if __name__ == "__main__":
    main()
