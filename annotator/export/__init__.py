"""Export a layer of the store as a dataset: JSONL, CoNLL, spaCy, brat or Hugging Face.

:func:`export` is what ``annotator export`` and the app's File > Export run:

1. resolve the layer (:mod:`~annotator.layers`) and collect its articles;
2. read every text once: check every span (:mod:`~annotator.export.validate`) and, when
   splitting, compute near-duplicate signatures (:mod:`~annotator.export.neardup`);
   any problem stops the export with a message naming the article and span;
3. assign articles to splits (:mod:`~annotator.export.splits`);
4. write each split with the format's writer into a temporary folder beside the target,
   add the dataset card (:mod:`~annotator.export.card`), and rename the folder into
   place (:mod:`~annotator.export.output`): a failed or cancelled export writes nothing.

Same database, options and seed give byte-identical files. Qt-free.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from annotator import layers
from annotator.errors import UserError
from annotator.export import brat, card, conll, docbin, doccano, hf, jsonl, labelstudio, prodigy, splits
from annotator.export.base import Cancelled, Context, ExportArticle
from annotator.export.output import check_target, staged
from annotator.export.validate import MAX_LISTED, span_problems
from annotator.procs import workers_to_use
from annotator.store import Store

__all__ = ["FORMATS", "Cancelled", "ExportError", "ExportOptions", "ExportReport", "export"]

FORMATS: dict[str, ModuleType] = {
    "jsonl": jsonl,
    "conll": conll,
    "spacy": docbin,
    "brat": brat,
    "hf": hf,
    "doccano": doccano,
    "labelstudio": labelstudio,
    "prodigy": prodigy,
}
FORMAT_HELP = {
    "jsonl": "one article per line with text, spans and meta (re-importable)",
    "conll": "CoNLL-2003 style BIO, entities and tasks in two columns, syllable and word level;"
    " one two-column file per tag column beside it",
    "spacy": "spaCy DocBin: entities in doc.ents, tasks in doc.spans['task']",
    "brat": "brat standoff: .txt and .ann per article, annotation.conf",
    "hf": "Hugging Face token classification JSONL: tokens, ner_tags, task_tags, labels.json",
    "doccano": "doccano sequence-labelling JSONL: text, label [[start, end, LABEL]]",
    "labelstudio": "Label Studio tasks with annotations, and label_config.xml",
    "prodigy": "Prodigy JSONL for db-in: tokens and spans, entities and tasks in two files",
}
LEVEL_CHOICES = ("syllable", "word", "both")


class ExportError(UserError):
    """The data cannot be exported as it is (a span problem); nothing was written."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass
class ExportOptions:
    format: str
    out: Path
    layer: str | None = None  # None: gold if any article is approved, else accepted
    split: str | None = None  # "train=0.8,dev=0.1,test=0.1"; None: one split named "all"
    seed: int = 0
    level: str | None = None  # conll: syllable, word or both (default); hf: syllable or word
    workers: int | None = None  # processes for tokenizing (default: one per core)
    force: bool = False  # replace an existing, non-empty output folder


@dataclass
class ExportReport:
    out: Path
    format: str
    layer: str
    articles: int = 0
    spans: int = 0
    per_split: dict[str, int] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)
    near_duplicate_groups: int = 0
    files: list[str] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = ", ".join(f"{k} {v}" for k, v in self.per_split.items())
        line = f"{self.articles} articles ({parts}), {self.spans} spans, layer {self.layer}"
        if self.left_out:
            line += f", {len(self.left_out)} left out"
        return line


def levels_for(fmt: str, level: str | None) -> tuple[str, ...]:
    if level is not None and level not in LEVEL_CHOICES:
        raise UserError(f"--level {level!r}: use syllable, word or both")
    if fmt == "conll":
        return ("syllable", "word") if level is None or level == "both" else (level,)
    if fmt == "hf":
        if level == "both":
            raise UserError(
                "--level both: the hf format is written at one level "
                "(syllable or word); export twice for both"
            )
        return (level or "syllable",)
    if level is not None:
        raise UserError(f"--level applies to the conll and hf formats, not {fmt}")
    return ("syllable",)


def export(
    store: Store,
    options: ExportOptions,
    on_message: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportReport:
    """Export ``options.layer`` of ``store`` to ``options.out`` (a folder); see the module.

    Raises :class:`UserError` (nothing written) for bad options, an empty result or a
    span problem (:class:`ExportError`), and :class:`Cancelled` when ``cancelled()``
    turned true.
    """

    def say(line: str) -> None:
        report.messages.append(line)
        if on_message:
            on_message(line)

    fmt = options.format
    if fmt not in FORMATS:
        raise UserError(f"--format {fmt!r}: unknown format (use {', '.join(FORMATS)})")
    levels = levels_for(fmt, options.level)
    shares = splits.parse_split(options.split)
    out = Path(options.out)
    check_target(out, options.force)
    if fmt == "spacy":
        docbin.require_spacy()
    layer, note = layers.resolve_layer(store, options.layer)
    report = ExportReport(out=out, format=fmt, layer=layer)
    say(note)
    with store.snapshot():
        ctx = Context(
            folder=out,
            levels=levels,
            total=2 * layers.count(store, layer),
            workers=workers_to_use(options.workers),
            on_progress=on_progress,
            cancelled=cancelled,
        )
        ctx.stats["layer"] = layer
        ids, signatures = _check_spans(store, layer, report.left_out, ctx, want_signatures=len(shares) > 1)
        _warn_left_out(report.left_out, say)
        if not ids:
            why = _why_empty(layer, len(report.left_out))
            raise UserError(f"{store.path}: nothing to export in layer {layer} ({why})")
        ctx.total = ctx.done + len(ids)
        assignment, near = _split(ids, signatures, shares, options.seed)
        del signatures
        counted = Counter(assignment.values())
        sizes = {name: counted[name] for name in shares}
        report.near_duplicate_groups = len(near)
        for name, size in sizes.items():
            if not size and len(shares) > 1:
                say(
                    f"warning: split {name} is empty ({len(ids)} articles are too few for "
                    f"a share of {shares[name]:g})"
                )

        writer = FORMATS[fmt]
        ctx.stats["split_sizes"] = sizes
        tally = card.Tally.of(shares)
        with staged(out, options.force) as folder:
            ctx.folder = folder
            for name in shares:
                members = {aid for aid, where in assignment.items() if where == name}
                report.files += writer.write(ctx, name, _articles(store, layer, members, name, tally))
            report.files += writer.finish(ctx)
            data = card.CardData(
                database=store.path.name,
                format=fmt,
                levels=levels,
                layer=layer,
                shares=shares,
                seed=options.seed,
                tally=tally,
                left_out=report.left_out,
                near_duplicates=sorted(near),
                agreement=_agreement(store),
                files=sorted(report.files),
            )
            (folder / "README.md").write_text(card.render(data), encoding="utf-8", newline="\n")
            if cancelled and cancelled():
                raise Cancelled("export cancelled; nothing was written")
    report.files = sorted(report.files) + ["README.md"]
    report.articles = sum(tally.articles.values())
    report.spans = tally.spans()
    report.per_split = dict(tally.articles)
    return report


def _warn_left_out(left_out: dict[str, str], say: Callable[[str], None]) -> None:
    if not left_out:
        return
    left = sorted(left_out)
    extra = len(left) - MAX_LISTED
    more = f" and {extra} more (every one is in README.md)" if extra > 0 else ""
    say(
        f"warning: {len(left)} articles left out: finished by several "
        "annotators who disagree; adjudicate them into gold (review) to export them: "
        + ", ".join(left[:MAX_LISTED])
        + more
    )


def _check_spans(
    store: Store, layer: str, left_out: dict[str, str], ctx: Context, want_signatures: bool
) -> tuple[list[str], list]:
    """The ids of the layer's articles, every span checked against its article's text
    (ExportError, nothing written, when any is wrong), and the texts' near-duplicate
    signatures when the export is split. Only the ids and signatures are kept: the
    entries are read again, a page at a time, when they are written."""
    problems: list[str] = []
    signatures = []
    ids: list[str] = []
    if want_signatures:
        from annotator.export.neardup import signature
    for entry in layers.entries(store, layer, left_out):
        for _aid, text in store.article_texts((entry.id,)):
            problems += span_problems(entry, text)
            if want_signatures:
                signatures.append(signature(text))
            ids.append(entry.id)
        ctx.tick()
    if problems:
        listed = "\n  ".join(problems[:MAX_LISTED])
        more = f"\n  ... and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise ExportError(
            f"{store.path}: cannot export layer {layer}: {len(problems)} span "
            f"problem(s); nothing was written\n  {listed}{more}",
            problems,
        )
    return ids, signatures


def _split(
    ids: list[str], signatures: list, shares: dict[str, float], seed: int
) -> tuple[dict[str, str], list[list[str]]]:
    """Article id -> its split (near duplicates kept in one split), and the groups of
    near duplicates."""
    groups: list[int] = list(range(len(ids)))
    if len(shares) > 1:
        from annotator.export.neardup import group

        groups = group(signatures)
    assignment = splits.assign(ids, groups, shares, seed)
    members: dict[int, list[str]] = {}
    for aid, g in zip(ids, groups, strict=True):
        members.setdefault(g, []).append(aid)
    return assignment, [sorted(m) for m in members.values() if len(m) > 1]


def _articles(
    store: Store, layer: str, members: set[str], split: str, tally: card.Tally
) -> Iterator[ExportArticle]:
    """The articles of one split, in import order, read a page at a time."""
    for entry in layers.entries(store, layer, only=members):
        tally.add(split, entry)
        for _aid, text, meta in store.article_contents((entry.id,)):
            yield ExportArticle(entry, text, meta)


def _agreement(store: Store) -> list[dict]:
    from annotator.agreement import agreement

    return [p.to_json() for p in agreement(store)]


def _why_empty(layer: str, left_out: int) -> str:
    if layer == "gold":
        return "no article is approved in gold"
    if layer == "accepted":
        extra = f"; {left_out} left out because their annotators disagree" if left_out else ""
        return f"no annotator has marked an article done{extra}"
    return f"{layer.split(':', 1)[1]} has marked no article done"
