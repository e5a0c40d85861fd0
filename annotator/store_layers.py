"""The store, continued: annotators' layers and the proposer's bookkeeping.

Mixed into :class:`annotator.store.Store`; every write is one transaction, as there.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from annotator.model import InvalidSpan, Span, SpanState, layer_of_label, now
from annotator.store_base import StoreCore
from annotator.store_rows import SPAN_COLS as _SPAN_COLS
from annotator.store_rows import span_from_row as _span_from_row
from annotator.store_rows import span_record as _span_record

if TYPE_CHECKING:
    pass


_WORD = re.compile(r"\w+")


def index_rows(conn: sqlite3.Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Add (rowid, title, text) of articles to the search index, folded as search compares.
    The index needs only the words, so each distinct word is folded once (a few thousand
    syllables make up any corpus)."""
    conn.executemany(
        "INSERT INTO article_search (rowid, marked, plain) VALUES (?, ?, ?)",
        [
            (rowid, " ".join(map(_folded_marked, words)), " ".join(map(_folded_plain, words)))
            for rowid, title, text in rows
            for words in [_WORD.findall(f"{title} {text}")]
        ],
    )


@lru_cache(maxsize=200_000)
def _folded_marked(word: str) -> str:
    from annotator.nlp.fold import search_key

    return search_key(word, False)


@lru_cache(maxsize=200_000)
def _folded_plain(word: str) -> str:
    from annotator.nlp.fold import search_key

    return search_key(word, True)


class LayersMixin(StoreCore):
    """Copying proposals into annotators' layers; listing and searching articles."""

    def seed_layer(self, article_id: str, annotator: str) -> int:
        """Copy machine proposals into an annotator's layer, once per machine source.

        Each machine annotator's spans on the article (the proposer's, an import's) are
        copied as ``proposed`` spans the first time; a span the layer already has (same
        offsets and label, in any state) is not copied again. Returns spans copied.
        """
        stamp = now()
        copied = 0
        with self.transaction() as conn:
            sources = [
                r[0]
                for r in conn.execute(
                    "SELECT DISTINCT s.annotator FROM spans s JOIN annotators a ON a.name = s.annotator"
                    " WHERE s.article_id = ? AND a.kind = 'machine' AND s.annotator != ?"
                    " AND NOT EXISTS (SELECT 1 FROM layer_seeds l WHERE l.article_id = s.article_id"
                    " AND l.annotator = ? AND l.source = s.annotator)",
                    (article_id, annotator, annotator),
                )
            ]
            if not sources:
                return 0
            self._ensure_annotator(conn, annotator, "human", stamp)
            rows = conn.execute(
                'SELECT start, "end", label, state FROM spans WHERE article_id = ? AND annotator = ?',
                (article_id, annotator),
            ).fetchall()
            have = {(r[0], r[1], r[2]) for r in rows}
            # ranges the annotator already decided (accepted), per layer: a late proposal
            # that overlaps one of them is not offered again
            decided = [(r[0], r[1], layer_of_label(r[2])) for r in rows if r[3] == "accepted"]
            for source in sources:
                n = 0
                for row in conn.execute(
                    f"SELECT {_SPAN_COLS} FROM spans WHERE article_id = ? AND annotator = ?"
                    " AND state != 'rejected' ORDER BY start",
                    (article_id, source),
                ).fetchall():
                    span = _span_from_row(row)
                    if (span.start, span.end, span.label) in have:
                        continue
                    layer = layer_of_label(span.label)
                    if any(s < span.end and span.start < e and lay == layer for s, e, lay in decided):
                        continue
                    have.add((span.start, span.end, span.label))
                    self._insert_span(
                        conn, article_id, annotator, span.with_(state=SpanState.PROPOSED), source, stamp
                    )
                    n += 1
                conn.execute(
                    "INSERT INTO layer_seeds (article_id, annotator, source, spans, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (article_id, annotator, source, n, stamp),
                )
                copied += n
        return copied

    def article_rows(
        self, annotator: str, article_id: str | None = None, rowids: Sequence[int] | None = None
    ) -> list[dict[str, Any]]:
        """For the article list: rowid, id, title, chars, status and span counts of one
        annotator, in import order: for every article, for one (``article_id``) or for a
        page of the list (``rowids``). The texts are not read (their length is kept), and
        the counts come from the index of the annotator's spans."""
        params: dict[str, Any] = {"ann": annotator}
        if article_id is not None:
            pick, params["aid"] = "a.id = :aid", article_id
        elif rowids is not None:
            params.update({f"r{i}": r for i, r in enumerate(rowids)})
            pick = f"a.rowid IN ({', '.join(f':r{i}' for i in range(len(rowids)))})"
        else:
            pick = ""
        inside = f"AND article_id IN (SELECT a.id FROM articles a WHERE {pick})" if pick else ""
        with self._reading():
            return list(
                self.db.query(
                    "SELECT a.rowid AS rowid, a.id, a.title, a.source,"
                    " coalesce(a.chars, length(a.text)) AS chars,"
                    " coalesce(st.status, 'todo') AS status,"
                    " coalesce(mine.accepted, 0) AS accepted, coalesce(mine.proposed, 0) AS proposed,"
                    " coalesce(machine.n, 0) AS machine"
                    " FROM articles a"
                    " LEFT JOIN article_status st ON st.article_id = a.id AND st.annotator = :ann"
                    " LEFT JOIN (SELECT article_id, sum(state = 'accepted') AS accepted,"
                    "   sum(state = 'proposed') AS proposed"
                    f"   FROM spans WHERE annotator = :ann {inside} GROUP BY article_id) mine"
                    " ON mine.article_id = a.id"
                    " LEFT JOIN (SELECT article_id, count(*) AS n FROM spans WHERE annotator IN"
                    "   (SELECT name FROM annotators WHERE kind = 'machine')"
                    f"   {inside} GROUP BY article_id) machine"
                    f" ON machine.article_id = a.id {'WHERE ' + pick if pick else ''} ORDER BY a.rowid",
                    params,
                )
            )

    def article_keys(
        self, annotator: str, status: str | None = None, query: str | None = None, limit: int | None = None
    ) -> list[int]:
        """The rowids of the articles a list shows, in import order: every article (the
        first ``limit``), or those whose status for ``annotator`` is ``status`` and/or that
        match the search ``query``. Rowids, not ids: the list reads its rows a page at a
        time by them."""
        with self._reading():
            if query is not None and query.strip():
                keys = self.search_rowids(query)
            elif status is not None and status != "todo":
                keys = None
            else:
                keys = [
                    r[0]
                    for r in self.conn.execute(
                        "SELECT rowid FROM articles ORDER BY rowid LIMIT ?", (-1 if limit is None else limit,)
                    )
                ]
            if status is None:
                return keys or []
            if status == "todo":  # todo has no row of its own: every article not marked otherwise
                marked = self.conn.execute(
                    "SELECT a.rowid FROM article_status st JOIN articles a ON a.id = st.article_id"
                    " WHERE st.annotator = ? AND st.status != 'todo'",
                    (annotator,),
                )
                drop = {r[0] for r in marked}
                return [k for k in keys or [] if k not in drop]
            with_status = sorted(
                r[0]
                for r in self.conn.execute(
                    "SELECT a.rowid FROM article_status st JOIN articles a ON a.id = st.article_id"
                    " WHERE st.annotator = ? AND st.status = ?",
                    (annotator, status),
                )
            )
        if keys is None:
            return with_status
        wanted = set(with_status)
        return [k for k in keys if k in wanted]

    def article_key(self, article_id: str) -> int | None:
        """The rowid of one article (its place in import order), or None."""
        with self._reading():
            row = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def ids_by_key(self) -> dict[int, str]:
        """Every article's id by rowid (to order a list by something known per id)."""
        with self._reading():
            return dict(self.conn.execute("SELECT rowid, id FROM articles"))

    def next_article(self, annotator: str, after: str | None, statuses: tuple[str, ...]) -> str | None:
        """The first article after ``after`` in list (import) order, wrapping around, whose
        status for ``annotator`` is one of ``statuses``; never ``after`` itself. Walks the
        articles by rowid from there, so it costs what it skips, not the corpus."""
        marks = ", ".join("?" for _ in statuses)
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN article_status st"
            " ON st.article_id = a.id AND st.annotator = ?"
            f" WHERE coalesce(st.status, 'todo') IN ({marks}) AND a.rowid {{}} ? ORDER BY a.rowid LIMIT 1"
        )
        with self._reading():
            row = self.conn.execute("SELECT rowid FROM articles WHERE id = ?", (after,)).fetchone()
            here = row[0] if row else 0
            found = self.conn.execute(sql.format(">"), (annotator, *statuses, here)).fetchone()
            if found is None and here:
                found = self.conn.execute(sql.format("<"), (annotator, *statuses, here)).fetchone()
        return found[0] if found else None

    def search(self, query: str) -> set[str]:
        """Ids of articles whose title or text contains ``query`` (see :meth:`search_rowids`)."""
        keys = self.search_rowids(query)
        ids = self.ids_by_key() if len(keys) > 1000 else None
        if ids is not None:
            return {ids[k] for k in keys}
        with self._reading():
            return {
                r[0]
                for r in self.conn.execute(
                    f"SELECT id FROM articles WHERE rowid IN ({', '.join('?' for _ in keys)})", keys
                )
            }

    def search_rowids(self, query: str) -> list[int]:
        """Rowids, in import order, of articles whose title or text contains ``query``: case
        and tone placement folded, and diacritics too when the query has none ("ha long"
        finds "Hạ Long").

        With the full-text index complete (:meth:`index_for_search`), the words of the
        query are looked up as a phrase, the last one as a prefix of a word ("ha lo" finds
        "Hạ Long"): milliseconds at 100,000 articles. Before that, and for a query with no
        word in it, every article is scanned."""
        from annotator.nlp.fold import has_marks, search_key

        query = query.strip()
        with self._reading():
            if not query:
                return [r[0] for r in self.conn.execute("SELECT rowid FROM articles ORDER BY rowid")]
            plain = has_marks(query) is False
            needle = search_key(query, plain)
            words = _WORD.findall(needle)
            if words and self.search_index_complete():
                phrase = '"' + " ".join(words) + '" *'
                return [
                    r[0]
                    for r in self.conn.execute(
                        "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid",
                        (f"{'plain' if plain else 'marked'} : {phrase}",),
                    )
                ]
            self.conn.create_function("search_key", 1, lambda t: search_key(t, plain), deterministic=True)
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT rowid FROM articles WHERE instr(search_key(title || ' ' || text), ?) > 0"
                    " ORDER BY rowid",
                    (needle,),
                )
            ]

    def search_index_complete(self) -> bool:
        with self._reading():
            done, last = self.conn.execute(
                "SELECT (SELECT done_upto FROM search_index_state),"
                " (SELECT coalesce(max(rowid), 0) FROM articles)"
            ).fetchone()
        return bool(done >= last)

    def index_for_search(self, batch: int = 200, cancelled: Callable[[], bool] | None = None) -> int:
        """Index the articles the search index does not have yet, in batches of one
        transaction each (a killed run keeps what it committed); returns how many. Runs
        once per file, in the background; new articles are indexed as they are stored."""
        done = 0
        while not (cancelled and cancelled()):
            with self.transaction() as conn:
                upto = conn.execute("SELECT done_upto FROM search_index_state").fetchone()[0]
                rows = conn.execute(
                    "SELECT rowid, title, text FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                    (upto, batch),
                ).fetchall()
                if not rows:
                    break
                index_rows(conn, rows)
                conn.execute("UPDATE search_index_state SET done_upto = ?", (rows[-1][0],))
            done += len(rows)
        return done

    # -- machine proposals ---------------------------------------------------------------

    def articles_without_proposals(self, proposer: str, version: str | None = None) -> list[str]:
        """Ids of articles the proposer has not run on (or ran an older version on)."""
        sql = (
            "SELECT a.id FROM articles a LEFT JOIN proposal_runs r"
            " ON r.article_id = a.id AND r.proposer = ? WHERE r.article_id IS NULL"
        )
        args: list[Any] = [proposer]
        if version is not None:
            sql += " OR r.version != ?"
            args.append(version)
        with self._reading():
            return [row[0] for row in self.conn.execute(sql + " ORDER BY a.rowid", args)]

    def has_proposals(self, article_id: str, proposer: str) -> bool:
        """Whether the proposer has run on this article (any version)."""
        with self._reading():
            return (
                self.conn.execute(
                    "SELECT 1 FROM proposal_runs WHERE article_id = ? AND proposer = ?",
                    (article_id, proposer),
                ).fetchone()
                is not None
            )

    def article_contents(self, ids: Iterable[str]) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(id, text, the metadata it was imported with) for each id, one at a time."""
        for article_id in ids:
            with self._reading():
                row = self.conn.execute(
                    "SELECT text, meta FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
            if row is not None:
                yield article_id, row[0], json.loads(row[1] or "{}")

    def article_texts(self, ids: Iterable[str]) -> Iterator[tuple[str, str]]:
        """(id, text) for each id, read one at a time (memory stays flat)."""
        for article_id in ids:
            with self._reading():
                row = self.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is not None:
                yield article_id, row[0]

    def save_proposals(
        self, results: Iterable[tuple[str, list[Span], float]], proposer: str, version: str
    ) -> int:
        """Store machine proposals for articles, in one transaction; returns spans written.

        An article's earlier proposals by the same proposer that nobody has touched (still
        ``proposed``) are replaced; accepted or rejected ones are kept.
        """
        stamp = now()
        written = 0
        with self.transaction() as conn:
            self._ensure_annotator(conn, proposer, "machine", stamp)
            for article_id, spans, seconds in results:
                text = self._text(conn, article_id)
                old = conn.execute(
                    f"SELECT {_SPAN_COLS} FROM spans WHERE article_id = ? AND annotator = ?"
                    " AND state = 'proposed'",
                    (article_id, proposer),
                ).fetchall()
                for row in old:
                    conn.execute("DELETE FROM spans WHERE id = ?", (row[0],))
                    self._history(
                        conn,
                        row[0],
                        article_id,
                        proposer,
                        proposer,
                        "delete",
                        _span_record(_span_from_row(row)),
                        None,
                        stamp,
                    )
                kept = {
                    (r[0], r[1], r[2])
                    for r in conn.execute(
                        'SELECT start, "end", label FROM spans WHERE article_id = ? AND annotator = ?',
                        (article_id, proposer),
                    )
                }
                for span in spans:
                    if (span.start, span.end, span.label) in kept:
                        continue
                    span.check(text)
                    self._insert_span(conn, article_id, proposer, span, proposer, stamp)
                    written += 1
                conn.execute(
                    "INSERT INTO proposal_runs (article_id, proposer, version, spans, seconds, at)"
                    " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, proposer) DO UPDATE SET"
                    " version = excluded.version, spans = excluded.spans,"
                    " seconds = excluded.seconds, at = excluded.at",
                    (article_id, proposer, version, len(spans), seconds, stamp),
                )
        return written

    # -- merging annotators' files -------------------------------------------------------

    def layer_last_change(self, article_id: str, annotator: str) -> str | None:
        """When this annotator last changed anything on the article (spans or status)."""
        with self._reading():
            row = self.conn.execute(
                "SELECT max(t) FROM (SELECT max(at) AS t FROM span_history WHERE article_id = ?"
                " AND annotator = ? UNION ALL SELECT updated_at FROM article_status"
                " WHERE article_id = ? AND annotator = ?)",
                (article_id, annotator, article_id, annotator),
            ).fetchone()
        return row[0] if row else None

    def layer_version(self, article_id: str, annotator: str) -> str | None:
        """How far an annotator's layer on an article has come, by the file's own sequence
        numbers (its last history entry and last action), not by its clock; the status
        time only breaks ties. Later work sorts higher ("seq ..." strings compare in
        order). None: never touched."""
        with self._reading():
            row = self.conn.execute(
                "SELECT (SELECT max(id) FROM span_history WHERE article_id = ? AND annotator = ?),"
                " (SELECT max(id) FROM actions WHERE article_id = ? AND annotator = ?),"
                " (SELECT updated_at FROM article_status WHERE article_id = ? AND annotator = ?)",
                (article_id, annotator) * 3,
            ).fetchone()
        if row is None or all(v is None for v in row):
            return None
        return f"seq {row[0] or 0:012d} {row[1] or 0:012d} {row[2] or ''}"

    def merged_change(self, article_id: str, annotator: str) -> str | None:
        """The latest change of this layer that a merge brought in, if any."""
        with self._reading():
            row = self.conn.execute(
                "SELECT last_change FROM merge_state WHERE article_id = ? AND annotator = ?",
                (article_id, annotator),
            ).fetchone()
        return row[0] if row else None

    def merge_layer(
        self,
        article_id: str,
        annotator: str,
        spans: list[Span],
        status: str | None,
        history: list[dict[str, Any]],
        last_change: str,
        source: str,
        uid: str | None = None,
    ) -> dict[str, int]:
        """Make an annotator's layer on an article equal to ``spans`` (from their file).

        One transaction: the span differences (with history rows, actor = the annotator),
        the status, the merge state, and the annotator's own history entries not yet
        pulled. Returns counts of spans added, changed and removed.
        """
        from annotator.edits import overlapping_decided

        pair = overlapping_decided(spans)
        if pair is not None:  # our rules hold in every layer, whatever a file says
            raise InvalidSpan(
                f"accepted {pair[0].label} [{pair[0].start}, {pair[0].end}) and "
                f"{pair[1].label} [{pair[1].start}, {pair[1].end}) overlap"
            )
        stamp = now()
        counts = {"added": 0, "changed": 0, "removed": 0}
        with self.transaction() as conn:
            self._ensure_annotator(conn, annotator, "human", stamp, uid or "")
            have = {}
            for row in conn.execute(
                f"SELECT {_SPAN_COLS} FROM spans WHERE article_id = ? AND annotator = ?",
                (article_id, annotator),
            ).fetchall():
                span = _span_from_row(row)
                have[(span.start, span.end, span.label)] = span
            want = {(s.start, s.end, s.label): s for s in spans}
            text = self._text(conn, article_id)
            for key, old in have.items():
                if key not in want:
                    conn.execute("DELETE FROM spans WHERE id = ?", (old.row,))
                    self._history(
                        conn,
                        old.row,
                        article_id,
                        annotator,
                        annotator,
                        "delete",
                        _span_record(old),
                        None,
                        stamp,
                    )
                    counts["removed"] += 1
            for key, new in want.items():
                existing = have.get(key)
                if existing is None:
                    new.check(text)
                    self._insert_span(
                        conn, article_id, annotator, new.with_(id=None, annotator=None), annotator, stamp
                    )
                    counts["added"] += 1
                elif _span_record(existing) != _span_record(new):
                    conn.execute(
                        "UPDATE spans SET origin = ?, state = ?, confidence = ?, updated_at = ? WHERE id = ?",
                        (new.origin, str(new.state), new.confidence, stamp, existing.row),
                    )
                    self._history(
                        conn,
                        existing.row,
                        article_id,
                        annotator,
                        annotator,
                        "update",
                        _span_record(existing),
                        _span_record(new),
                        stamp,
                    )
                    counts["changed"] += 1
            if status is not None:
                conn.execute(
                    "INSERT INTO article_status (article_id, annotator, status, updated_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator) DO UPDATE SET"
                    " status = excluded.status, updated_at = excluded.updated_at",
                    (article_id, annotator, status, stamp),
                )
            conn.execute(
                "INSERT INTO merge_state (article_id, annotator, last_change, source, merged_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, annotator) DO UPDATE SET"
                " last_change = excluded.last_change, source = excluded.source,"
                " merged_at = excluded.merged_at",
                (article_id, annotator, last_change, source, stamp),
            )
            for e in history:
                conn.execute(
                    "INSERT INTO merged_history (article_id, annotator, actor, action, before,"
                    " after, at, source) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1"
                    " FROM merged_history WHERE article_id = ? AND annotator = ? AND actor = ?"
                    " AND action = ? AND before IS ? AND after IS ? AND at = ?)",
                    (
                        article_id,
                        annotator,
                        e["actor"],
                        e["action"],
                        e["before"],
                        e["after"],
                        e["at"],
                        source,
                        article_id,
                        annotator,
                        e["actor"],
                        e["action"],
                        e["before"],
                        e["after"],
                        e["at"],
                    ),
                )
        return counts
