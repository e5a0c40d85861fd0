"""Handing out work to annotators (``annotator assign``). Qt-free.

The master database records every assignment, so assigning again only hands out articles
not yet assigned. A given share of the articles goes to exactly two annotators (for
measuring agreement), spread evenly over the pairs; the rest go to one annotator each,
always to whoever has the least work so far. The same seed gives the same plan.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import UserError
from annotator.model import IMPORT, now
from annotator.proposals import PROPOSER_NAME
from annotator.store import NewArticle, Store


def plan(article_ids: list[str], annotators: list[str], overlap: float,
         seed: int) -> dict[str, list[str]]:
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
        out = [f"round {self.round}: {sum(self.articles.values()) - self.shared} articles, "
               f"{self.shared} of them to two annotators"]
        for name, n in self.articles.items():
            out.append(f"  {name}: {n} new articles -> {self.files[name]}")
        return out


def _copy(master: Store, target: Store, article_ids: list[str]) -> None:
    """Articles with their machine proposals (import and proposer) into another store."""
    batch = []
    proposals = []
    for article_id in article_ids:
        art = master.article(article_id)
        imported = tuple(s.with_(id=None, annotator=None) for s in master.spans(article_id, IMPORT))
        batch.append(NewArticle(art.id, art.title, art.text, art.source, art.meta,
                                art.import_info, art.external_id, imported))
        run = master.conn.execute(
            "SELECT version, seconds FROM proposal_runs WHERE article_id = ? AND proposer = ?",
            (article_id, PROPOSER_NAME)).fetchone()
        if run is not None:
            spans = [s.with_(id=None, annotator=None)
                     for s in master.spans(article_id, PROPOSER_NAME)]
            proposals.append((article_id, spans, run[1], run[0]))
    target.add_articles(batch)
    for article_id, spans, seconds, version in proposals:
        target.save_proposals([(article_id, spans, seconds)], PROPOSER_NAME, version)


def assign(master: Store, annotators: list[str], overlap: float, out_dir: Path,
           seed: int = 0) -> AssignReport:
    """Write one database per annotator with their new articles; record it in ``master``."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    taken = {r[0] for r in master.conn.execute("SELECT DISTINCT article_id FROM assignments")}
    todo = [a for a in master.article_ids() if a not in taken]
    shares = plan(todo, annotators, overlap, seed)
    report = AssignReport()
    report.round = 1 + (master.conn.execute("SELECT max(round) FROM assignments").fetchone()[0]
                        or 0)
    report.shared = round(overlap * len(todo))
    stamp = now()
    for name, ids in shares.items():
        path = out_dir / f"{_safe(name)}.db"
        with Store(path) as target:
            target.add_annotator(name)
            _copy(master, target, ids)
        with master.transaction() as conn:
            conn.executemany(
                "INSERT INTO assignments (article_id, annotator, round, at) VALUES (?, ?, ?, ?)",
                [(article_id, name, report.round, stamp) for article_id in ids])
        report.files[name] = path
        report.articles[name] = len(ids)
    return report


def _safe(name: str) -> str:
    """A file name for an annotator: letters, digits, '-', '_' (Vietnamese letters kept)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name.strip())
    return cleaned or "annotator"
