"""Handing out work to annotators (``annotator assign``). Qt-free.

The master database records every assignment, so assigning again only hands out articles
not yet assigned. A given share of the articles goes to exactly two annotators (for
measuring agreement), spread evenly over the pairs; the rest go to one annotator each,
always to whoever has the least work so far. The same seed gives the same plan.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import UserError
from annotator.migrations import refuse_foreign_schema
from annotator.model import IMPORT, PROPOSER_NAME, InvalidSpan, now
from annotator.store import NewArticle, Store


def plan(article_ids: list[str], annotators: list[str], overlap: float, seed: int) -> dict[str, list[str]]:
    """Annotator -> article ids. ``overlap``: share of articles given to two annotators."""
    if not annotators or len(set(annotators)) != len(annotators):
        raise UserError("give each annotator once, at least one")
    if not 0.0 <= overlap <= 1.0:
        raise UserError(f"--overlap must be between 0 and 1, not {overlap}")
    if overlap > 0 and len(annotators) < 2:
        raise UserError("an overlap needs at least two annotators")
    ids = list(article_ids)
    random.Random(seed).shuffle(ids)
    doubled = round(overlap * len(ids))
    pairs = list(itertools.combinations(annotators, 2))
    out: dict[str, list[str]] = {a: [] for a in annotators}
    for i, article_id in enumerate(ids[:doubled]):
        for name in pairs[i % len(pairs)]:
            out[name].append(article_id)
    for article_id in ids[doubled:]:
        lightest = min(annotators, key=lambda a: (len(out[a]), annotators.index(a)))
        out[lightest].append(article_id)
    return out


@dataclass
class AssignReport:
    round: int = 0
    files: dict[str, Path] = field(default_factory=dict)
    articles: dict[str, int] = field(default_factory=dict)  # new articles per annotator
    shared: int = 0  # articles given to two annotators in this round

    def lines(self) -> list[str]:
        out = [
            f"round {self.round}: {sum(self.articles.values()) - self.shared} articles, "
            f"{self.shared} of them to two annotators"
        ]
        for name, n in self.articles.items():
            out.append(f"  {name}: {n} new articles -> {self.files[name]}")
        return out


COPY_BATCH = 500  # articles stored per transaction when copying: memory follows the batch


def _copy(master: Store, target: Store, article_ids: list[str]) -> None:
    """Articles with their machine proposals (import and proposer) into another store, a
    batch of articles per transaction (a killed copy keeps whole batches; running it
    again goes on)."""
    for at in range(0, len(article_ids), COPY_BATCH):
        batch = []
        for article_id in article_ids[at : at + COPY_BATCH]:
            art = master.article(article_id)
            imported = tuple(s.with_(id=None, annotator=None) for s in master.spans(article_id, IMPORT))
            batch.append(
                NewArticle(
                    art.id,
                    art.title,
                    art.text,
                    art.source,
                    art.meta,
                    art.import_info,
                    art.external_id,
                    imported,
                )
            )
        target.add_articles(batch)
    _copy_proposals(master, target, article_ids)


def _copy_proposals(source: Store, target: Store, article_ids: list[str]) -> None:
    """The proposer's spans of articles the target has without them (when the source has)."""
    for article_id in article_ids:
        run = source.proposal_run(article_id, PROPOSER_NAME)
        if run is not None:
            spans = [s.with_(id=None, annotator=None) for s in source.spans(article_id, PROPOSER_NAME)]
            target.save_proposals([(article_id, spans, run[1])], PROPOSER_NAME, run[0])


def assign(
    master: Store, annotators: list[str], overlap: float, out_dir: Path, seed: int = 0
) -> AssignReport:
    """Write one database per annotator with their new articles; record it in ``master``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    taken = master.assigned_articles()
    todo = [a for a in master.article_ids() if a not in taken]
    shares = plan(todo, annotators, overlap, seed)
    report = AssignReport()
    report.round = 1 + master.last_round()
    report.shared = round(overlap * len(todo))
    stamp = now()
    for name, ids in shares.items():
        path = out_dir / f"{_safe(name)}.db"
        master.add_annotator(name)  # the person's stable id is made once, here
        with Store(path) as target:
            target.add_annotator(name, uid=master.annotator_uid(name))
            _copy(master, target, ids)
        with master.transaction() as conn:
            conn.executemany(
                "INSERT INTO assignments (article_id, annotator, round, at) VALUES (?, ?, ?, ?)",
                [(article_id, name, report.round, stamp) for article_id in ids],
            )
        report.files[name] = path
        report.articles[name] = len(ids)
    return report


def _safe(name: str) -> str:
    """A file name for an annotator: letters, digits, '-', '_' (Vietnamese letters kept)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name.strip())
    return cleaned or "annotator"


# -- merging annotators' databases into a review database ------------------------------


@dataclass
class MergeReport:
    articles_new: int = 0
    per_annotator: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, annotator: str, what: str, n: int = 1) -> None:
        row = self.per_annotator.setdefault(
            annotator, {"articles": 0, "added": 0, "changed": 0, "removed": 0}
        )
        row[what] += n

    def lines(self) -> list[str]:
        out = [f"{self.articles_new} new articles"]
        for name, c in sorted(self.per_annotator.items()):
            out.append(
                f"  {name}: {c['articles']} articles updated, {c['added']} spans added, "
                f"{c['changed']} changed, {c['removed']} removed"
            )
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"error: {e}" for e in self.errors]
        return out


def _snapshot(path: Path, folder: Path) -> Path:
    """A consistent copy of a database file (WAL included) that merging may migrate."""
    import sqlite3

    from annotator.errors import StoreError
    from annotator.migrations import check_file, friendly

    if not path.exists():
        raise StoreError(f"{path}: no such file")
    check_file(path)
    copy = folder / f"{len(list(folder.iterdir()))}-{path.name}"
    try:
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(copy)
        try:
            src.backup(dst)
        finally:
            src.close()
            dst.close()
    except sqlite3.Error as exc:
        raise friendly(exc, path) from None
    return copy


def merge(
    review: Store, paths: list[Path], on_progress: Callable[[int, int], None] | None = None
) -> MergeReport:
    """Bring annotators' articles, spans, statuses and history into the review database.

    A file that cannot be used (missing, not SQLite, foreign, from a newer version) is
    reported and skipped; the others are merged. Annotators' files are never modified.
    ``on_progress`` hears (files merged, files) after each file.
    """
    import tempfile

    from annotator.errors import StoreError

    report = MergeReport()
    with tempfile.TemporaryDirectory() as tmp, review.rerunnable_writes():
        for n, path in enumerate(map(Path, paths), 1):
            try:
                copy = _snapshot(path, Path(tmp))
                refuse_foreign_schema(copy, path)
                source = Store(copy)
            except StoreError as exc:
                report.errors.append(str(exc).replace(str(Path(tmp)), str(path.parent)))
                continue
            with source:
                _merge_one(review, source, path.name, report)
            if on_progress is not None:
                on_progress(n, len(paths))
    return report


def _review_name(review: Store, annotator: str, uid: str | None, file: str, report: MergeReport) -> str:
    """The name an annotator's work is kept under in the review database.

    People are matched by their stable id: someone known under another name keeps that
    one; someone whose name is taken by another person is kept apart as "name#id" and
    the collision is reported. Files from before schema 9 (no id) match by name.
    """
    if uid is None:
        return annotator
    known = review.annotator_named(uid)
    if known is not None:
        return known
    other = review.annotator_uid(annotator)
    if other is None or review.annotator_uid(annotator) == uid:
        return annotator
    label = f"{annotator}#{uid[:6]}"
    report.warnings.append(
        f"{file}: two people are named {annotator!r}; this one's work is "
        f"kept apart as {label!r} (rename them in Preferences to tell them "
        "apart)"
    )
    return label


def _forged_ids(source: Store, name: str, report: MergeReport) -> set[str]:
    """Article ids in an annotator's file that are not the hash of their text: a crafted
    or damaged file (an id like ``../../X`` would otherwise become a file name). Left out,
    each with one line in the report."""
    from annotator.importer import MAX_ARTICLE_BYTES
    from annotator.text import article_id as id_of

    bad = set()
    for aid, text in source.article_texts(source.article_ids()):
        if len(text) > MAX_ARTICLE_BYTES:
            bad.add(aid)
            report.errors.append(
                f"{name}: article {aid[:40]!r} left out: its text is "
                f"{len(text) / 1e6:.1f} million characters; the limit is "
                f"{MAX_ARTICLE_BYTES // 2**20} MB"
            )
        elif id_of(text) != aid:
            bad.add(aid)
            report.errors.append(
                f"{name}: article {aid[:40]!r} left out: its id is not the "
                "hash of its text (a damaged or crafted file)"
            )
    return bad


def _merge_one(review: Store, source: Store, name: str, report: MergeReport) -> None:
    have = set(review.article_ids())
    forged = _forged_ids(source, name, report)
    missing = [a for a in source.article_ids() if a not in have and a not in forged]
    _copy(source, review, missing)
    # an interrupted merge may have stored articles but not yet their proposals: resumed,
    # it gives what an uninterrupted run gives
    unproposed = set(review.articles_without_proposals(PROPOSER_NAME))
    _copy_proposals(source, review, [a for a in source.article_ids() if a in unproposed and a not in forged])
    report.articles_new += len(missing)
    for annotator in source.annotators(kind="human"):
        touched = source.touched_articles(annotator)
        uid = source.annotator_uid(annotator)
        label = _review_name(review, annotator, uid, name, report)
        report.per_annotator.setdefault(label, {"articles": 0, "added": 0, "changed": 0, "removed": 0})
        for article_id in touched:
            if article_id in forged:
                continue
            # what the file holds now, by its own history sequence and status, not by its
            # clock: a clock a day ahead, later corrected, must not hide newer work
            last = source.layer_version(article_id, annotator)
            merged = review.merged_change(article_id, label) or ""
            if last is None or (merged.startswith("seq ") and last <= merged):
                continue  # nothing newer than what an earlier merge brought in
            try:
                status = source.recorded_status(article_id, annotator)
                history = [
                    {
                        "actor": e.actor,
                        "action": e.action,
                        "before": None if e.before is None else json.dumps(e.before, ensure_ascii=False),
                        "after": None if e.after is None else json.dumps(e.after, ensure_ascii=False),
                        "at": e.at,
                    }
                    for e in source.history(article_id, annotator)
                ]
                counts = review.merge_layer(
                    article_id,
                    label,
                    source.spans(article_id, annotator),
                    status,
                    history,
                    last,
                    name,
                    uid,
                )
            except (InvalidSpan, ValueError) as exc:  # a crafted or damaged file
                report.errors.append(f"{name}: {annotator}'s work on article {article_id} left out: {exc}")
                continue
            report.count(label, "articles")
            for what, n in counts.items():
                report.count(label, what, n)
