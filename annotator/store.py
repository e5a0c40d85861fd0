"""The store: one SQLite file per annotator or reviewer, through sqlite-utils.

Every public write is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), and every span
change writes its history row inside the same transaction, so a process killed at any
moment leaves the file consistent with every completed edit present. Qt-free.
"""

from __future__ import annotations

import functools
import json
import secrets
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.errors import StoreError
from annotator.migrations import connect, friendly, inserted_id
from annotator.model import (
    GOLD,
    IMPORT,
    Article,
    HistoryEntry,
    InvalidSpan,
    Span,
    SpanState,
    Status,
    label_defs,
    now,
)
from annotator.store_actions import ActionsMixin
from annotator.store_finished import FinishedMixin
from annotator.store_gold import GoldMixin
from annotator.store_layers import LayersMixin, index_rows
from annotator.store_rows import SPAN_COLS as _SPAN_COLS
from annotator.store_rows import span_from_row as _span_from_row
from annotator.store_rows import span_record as _span_record

if TYPE_CHECKING:
    import sqlite_utils
from annotator.store_team import TeamMixin


@dataclass(frozen=True)
class NewArticle:
    """An article ready to store: text already normalized, spans already mapped onto it."""

    id: str
    title: str
    text: str
    source: str
    meta: dict[str, Any]
    import_info: dict[str, Any]
    external_id: str | None = None
    spans: tuple[Span, ...] = ()
    layer: str = IMPORT  # where the spans go: the import layer, a person's, or gold
    done: bool = False  # mark the article done (approved, in gold) in that layer
    actor: str = IMPORT  # who the history names (gold: the adjudicator)


class Store(LayersMixin, ActionsMixin, FinishedMixin, GoldMixin, TeamMixin):
    """An open annotator database. Use as a context manager or call :meth:`close`.

    Annotators' layers and the proposer's bookkeeping are in :mod:`annotator.store_layers`.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path)
        try:
            self._record_labels()
        except BaseException:
            self.conn.close()
            raise

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection. Imported when first used: it imports
        numpy (and pandas where installed), which a quick command like ``info`` skips."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    def _record_labels(self) -> None:
        """Record the labels this build knows; refuse a file that uses others."""
        with self._reading():
            recorded = dict(self.conn.execute("SELECT name, layer FROM labels").fetchall())
        known = {d.name: d.layer for d in label_defs()}
        unknown = sorted(set(recorded) - set(known))
        if unknown:
            raise StoreError(
                f"{self.path}: uses labels this version of the annotator does not know "
                f"({', '.join(unknown)}); open it with the version that made it",
                "labels",
            )
        missing = {name: layer for name, layer in known.items() if name not in recorded}
        if missing:
            with self.transaction() as conn:
                conn.executemany("INSERT OR IGNORE INTO labels (name, layer) VALUES (?, ?)", missing.items())

    def labels(self) -> dict[str, str]:
        """The label set recorded in the file: name -> layer ("entity" or "task")."""
        with self._reading():
            return dict(self.conn.execute("SELECT name, layer FROM labels ORDER BY rowid").fetchall())

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: everything inside commits together or not at all."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise friendly(exc, self.path) from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise friendly(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Reads that all see one state of the file (a read transaction): what other
        connections commit meanwhile (WAL lets them) is seen after the block. For work
        that reads the same data twice, like an export."""
        try:
            self.conn.execute("BEGIN DEFERRED")
        except sqlite3.Error as exc:
            raise friendly(exc, self.path) from None
        try:
            yield
        finally:
            self._rollback()

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise friendly(exc, self.path) from None

    @contextmanager
    def rerunnable_writes(self) -> Iterator[None]:
        """For work that gives the same result when run again (a merge): its commits are
        not flushed to the disk one by one. Each stays atomic and survives a crash of the
        program (WAL, synchronous NORMAL); a power cut may lose the last ones, which
        running the work again restores. Everything is flushed when the block ends."""
        self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA synchronous = FULL")
            self.conn.execute("PRAGMA wal_checkpoint(FULL)")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- articles ----------------------------------------------------------------------

    def add_articles(self, articles: Iterable[NewArticle]) -> list[bool]:
        """Store articles in one transaction; for each, True if new, False if a duplicate.

        A duplicate (same id, i.e. same stored text) is left exactly as it was: re-importing
        never touches spans or statuses.
        """
        results: list[bool] = []
        stamp = now()
        with self.transaction() as conn:
            # the search index grows with the articles once it has them all (before that,
            # index_for_search catches up in the background)
            indexed = conn.execute(
                "SELECT (SELECT done_upto FROM search_index_state)"
                " >= (SELECT coalesce(max(rowid), 0) FROM articles)"
            ).fetchone()[0]
            fresh: list[tuple[int, str, str]] = []
            for art in articles:
                cur = conn.execute(
                    "INSERT OR IGNORE INTO articles (id, title, text, source, meta, imported_at,"
                    " import_info, external_id, chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        art.id,
                        art.title,
                        art.text,
                        art.source,
                        json.dumps(art.meta, ensure_ascii=False),
                        stamp,
                        json.dumps(art.import_info, ensure_ascii=False),
                        art.external_id,
                        len(art.text),
                    ),
                )
                new = cur.rowcount == 1
                results.append(new)
                if new:
                    fresh.append((inserted_id(cur), art.title, art.text))
                    self._store_work(conn, art, stamp)
            if indexed and fresh:
                index_rows(conn, fresh)
                conn.execute("UPDATE search_index_state SET done_upto = ?", (fresh[-1][0],))
        return results

    def _store_work(self, conn: sqlite3.Connection, art: NewArticle, stamp: str) -> None:
        """The spans (and the done mark) an import brought for ``art``, in its layer."""
        if not (art.spans or art.done):
            return
        kind = "machine" if art.layer == IMPORT else "human"
        self._ensure_annotator(conn, art.layer, kind, stamp)
        for span in art.spans:
            span.check(art.text)
            self._insert_span(conn, art.id, art.layer, span, art.actor, stamp)
        if art.done:
            conn.execute(
                "INSERT OR REPLACE INTO article_status (article_id, annotator, status, updated_at)"
                " VALUES (?, ?, ?, ?)",
                (art.id, art.layer, str(Status.DONE), stamp),
            )

    def attach_work(self, art: NewArticle) -> bool:
        """Give an article already stored the work an import brought for it, when its layer
        has none there yet (no span, no status); False, and nothing changed, otherwise."""
        with self.transaction() as conn:
            busy = conn.execute(
                "SELECT EXISTS (SELECT 1 FROM spans WHERE article_id = ? AND annotator = ?)"
                " OR EXISTS (SELECT 1 FROM article_status WHERE article_id = ? AND annotator = ?)",
                (art.id, art.layer, art.id, art.layer),
            ).fetchone()[0]
            if busy:
                return False
            self._store_work(conn, art, now())
        return True

    def add_article(self, article: NewArticle) -> bool:
        return self.add_articles([article])[0]

    def article(self, article_id: str) -> Article:
        with self._reading():
            row = self.conn.execute(
                "SELECT id, title, text, source, meta, import_info, external_id, imported_at"
                " FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no article with id {article_id}")
        return Article(row[0], row[1], row[2], row[3], json.loads(row[4]), json.loads(row[5]), row[6], row[7])

    def article_ids(self) -> list[str]:
        with self._reading():
            return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY rowid")]

    def article_list(self) -> list[dict[str, Any]]:
        """Id, title, source and length of every article, in import order (for lists)."""
        with self._reading():
            return list(
                self.db.query(
                    "SELECT id, title, source, length(text) AS chars, imported_at"
                    " FROM articles ORDER BY rowid"
                )
            )

    def count_articles(self) -> int:
        with self._reading():
            return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # -- annotators --------------------------------------------------------------------

    @staticmethod
    def _ensure_annotator(
        conn: sqlite3.Connection, name: str, kind: str, stamp: str, uid: str | None = None
    ) -> None:
        """The annotator row, made once; a person gets a stable id (``uid``, a new one when
        None, none when "": merged work from a file of before schema 9)."""
        if name == GOLD:
            kind = "gold"
        if kind == "human" and uid is None:
            uid = secrets.token_hex(8)
        conn.execute(
            "INSERT OR IGNORE INTO annotators (name, kind, created_at, uid) VALUES (?, ?, ?, ?)",
            (name, kind, stamp, (uid or None) if kind == "human" else None),
        )

    def annotator_uid(self, name: str) -> str | None:
        """A person's stable id in this file (None: unknown here, or from before schema 9)."""
        with self._reading():
            row = self.conn.execute("SELECT uid FROM annotators WHERE name = ?", (name,)).fetchone()
        return row[0] if row else None

    def annotator_named(self, uid: str) -> str | None:
        """The name this file knows a person by, from their stable id."""
        with self._reading():
            row = self.conn.execute("SELECT name FROM annotators WHERE uid = ?", (uid,)).fetchone()
        return row[0] if row else None

    def add_annotator(self, name: str, kind: str = "human", uid: str | None = None) -> None:
        name = name.strip()
        if not name:
            raise StoreError("an annotator needs a name")
        if name == GOLD and kind != "gold":
            raise StoreError(f"{name!r} is the name of the reviewers' gold layer; choose another")
        with self.transaction() as conn:
            self._ensure_annotator(conn, name, kind, now(), uid)

    def annotators(self, kind: str | None = None) -> list[str]:
        with self._reading():
            where = "WHERE kind = ?" if kind else ""
            return [
                r[0]
                for r in self.conn.execute(
                    f"SELECT name FROM annotators {where} ORDER BY name", (kind,) if kind else ()
                )
            ]

    # -- spans -------------------------------------------------------------------------

    def _history(
        self,
        conn: sqlite3.Connection,
        span_id: int,
        article_id: str,
        annotator: str,
        actor: str,
        action: str,
        before: dict | None,
        after: dict | None,
        stamp: str,
        action_id: int | None = None,
    ) -> None:
        conn.execute(
            "INSERT INTO span_history (span_id, article_id, annotator, actor, action, before,"
            " after, at, action_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                span_id,
                article_id,
                annotator,
                actor,
                action,
                None if before is None else json.dumps(before, ensure_ascii=False),
                None if after is None else json.dumps(after, ensure_ascii=False),
                stamp,
                action_id,
            ),
        )

    def _insert_span(
        self,
        conn: sqlite3.Connection,
        article_id: str,
        annotator: str,
        span: Span,
        actor: str,
        stamp: str,
        action: str = "create",
        span_id: int | None = None,
        action_id: int | None = None,
    ) -> int:
        cur = conn.execute(
            'INSERT INTO spans (id, article_id, annotator, start, "end", label, origin, state,'
            " confidence, created_at, updated_at, adjudicator)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                span_id,
                article_id,
                annotator,
                span.start,
                span.end,
                span.label,
                span.origin,
                str(span.state),
                span.confidence,
                stamp,
                stamp,
                _adjudicator(annotator, span.state, actor),
            ),
        )
        new_id = inserted_id(cur)
        self._history(
            conn, new_id, article_id, annotator, actor, action, None, _span_record(span), stamp, action_id
        )
        return new_id

    def _text(self, conn: sqlite3.Connection, article_id: str) -> str:
        row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no article with id {article_id}")
        return row[0]

    def add_span(
        self,
        article_id: str,
        annotator: str,
        span: Span,
        actor: str | None = None,
        span_id: int | None = None,
    ) -> Span:
        """Store a span in ``annotator``'s layer; returns it with its id.

        ``span_id`` re-creates a span under the id it had (redo of an add, undo of a
        delete), so history and later edits keep pointing at the same span.
        """
        stamp = now()
        with self.transaction() as conn:
            span.check(self._text(conn, article_id))
            self._ensure_annotator(conn, annotator, "human", stamp)
            try:
                span_id = self._insert_span(
                    conn,
                    article_id,
                    annotator,
                    span,
                    actor or annotator,
                    stamp,
                    action="create",
                    span_id=span_id,
                )
            except sqlite3.IntegrityError:
                raise InvalidSpan(
                    f"{annotator} already has a {span.label} span at [{span.start}, {span.end})"
                ) from None
        return span.with_(id=span_id, annotator=annotator, created_at=stamp, updated_at=stamp)

    def span(self, span_id: int) -> Span:
        with self._reading():
            row = self.conn.execute(f"SELECT {_SPAN_COLS} FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no span with id {span_id}")
        return _span_from_row(row)

    _CHANGEABLE = frozenset({"start", "end", "label", "state", "origin", "confidence"})

    def _update(
        self,
        conn: sqlite3.Connection,
        span_id: int,
        actor: str,
        changes: dict[str, Any],
        stamp: str,
        action_id: int | None = None,
    ) -> tuple[Span, Span]:
        if not changes.keys() <= self._CHANGEABLE:
            raise ValueError(f"cannot change {sorted(changes.keys() - self._CHANGEABLE)}")
        row = conn.execute(f"SELECT {_SPAN_COLS}, article_id FROM spans WHERE id = ?", (span_id,)).fetchone()
        if row is None:
            raise StoreError(f"{self.path}: no span with id {span_id}")
        old = _span_from_row(row)
        article_id = row[11]
        new = old.with_(
            **changes,
            updated_at=stamp,
            adjudicator=_adjudicator(old.annotator, SpanState(changes.get("state", old.state)), actor),
        )
        new.check(self._text(conn, article_id))
        conn.execute(
            'UPDATE spans SET start = ?, "end" = ?, label = ?, origin = ?, state = ?,'
            " confidence = ?, updated_at = ?, adjudicator = ? WHERE id = ?",
            (
                new.start,
                new.end,
                new.label,
                new.origin,
                str(new.state),
                new.confidence,
                stamp,
                new.adjudicator,
                span_id,
            ),
        )
        self._history(
            conn,
            span_id,
            article_id,
            old.annotator or "",
            actor,
            "update",
            _span_record(old),
            _span_record(new),
            stamp,
            action_id,
        )
        return old, new

    def update_span(self, span_id: int, actor: str, **changes: Any) -> Span:
        """Change a span's offsets, label, state, origin or confidence; returns the new span."""
        with self.transaction() as conn:
            return self._update(conn, span_id, actor, changes, now())[1]

    def update_spans(self, changes: list[tuple[int, dict[str, Any]]], actor: str) -> list[tuple[Span, Span]]:
        """Several span changes in one transaction (a batch accept); (old, new) for each."""
        stamp = now()
        with self.transaction() as conn:
            return [self._update(conn, span_id, actor, ch, stamp) for span_id, ch in changes]

    def delete_span(self, span_id: int, actor: str) -> Span:
        """Delete a span (its history stays); returns what was deleted."""
        stamp = now()
        with self.transaction() as conn:
            row = conn.execute(
                f"SELECT {_SPAN_COLS}, article_id FROM spans WHERE id = ?", (span_id,)
            ).fetchone()
            if row is None:
                raise StoreError(f"{self.path}: no span with id {span_id}")
            old = _span_from_row(row)
            conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
            self._history(
                conn, span_id, row[11], old.annotator or "", actor, "delete", _span_record(old), None, stamp
            )
        return old

    def spans(
        self, article_id: str, annotator: str | None = None, states: Iterable[SpanState] | None = None
    ) -> list[Span]:
        """Spans of an article (one annotator's, or all), ordered by position."""
        sql = f"SELECT {_SPAN_COLS} FROM spans WHERE article_id = ?"
        args: list[Any] = [article_id]
        if annotator is not None:
            sql += " AND annotator = ?"
            args.append(annotator)
        if states is not None:
            wanted = [str(s) for s in states]
            sql += f" AND state IN ({', '.join('?' * len(wanted))})"
            args.extend(wanted)
        sql += ' ORDER BY start, "end" DESC, label'
        with self._reading():
            return [_span_from_row(r) for r in self.conn.execute(sql, args)]

    def spans_by_id(self, ids: Iterable[int]) -> list[Span]:
        """The spans with these ids that still exist."""
        ids = list(ids)
        if not ids:
            return []
        with self._reading():
            return [
                _span_from_row(r)
                for r in self.conn.execute(
                    f"SELECT {_SPAN_COLS} FROM spans WHERE id IN ({', '.join('?' * len(ids))})", ids
                )
            ]

    def change_stamp(self) -> tuple:
        """A value that changes whenever the work in the file changes (spans, statuses,
        articles, assignments), from indexes only: for caches of figures computed from it."""
        with self._reading():
            return tuple(
                self.conn.execute(
                    "SELECT (SELECT max(id) FROM span_history), (SELECT max(updated_at) FROM article_status),"
                    " (SELECT max(rowid) FROM articles), (SELECT count(*) FROM assignments)"
                ).fetchone()
            )

    def span_totals(self) -> dict[str, int]:
        """Number of spans per state, over every article and annotator."""
        with self._reading():
            return {  # kept by triggers (schema 12): a few rows, not millions of spans
                state: n
                for state, n in self.conn.execute(
                    "SELECT state, sum(n) FROM span_counts GROUP BY state HAVING sum(n) > 0"
                )
            }

    def span_counts(self) -> dict[str, dict[str, int]]:
        """Per article id: number of spans per state, over all annotators."""
        out: dict[str, dict[str, int]] = {}
        with self._reading():
            for aid, state, n in self.conn.execute(
                "SELECT article_id, state, count(*) FROM spans GROUP BY article_id, state"
            ):
                out.setdefault(aid, {})[state] = n
        return out

    # -- history and restore -----------------------------------------------------------

    def history(self, article_id: str | None = None, annotator: str | None = None) -> list[HistoryEntry]:
        """Every recorded span change, oldest first, optionally for one article/annotator."""
        sql = (
            "SELECT id, span_id, article_id, annotator, actor, action, before, after, at,"
            " action_id FROM span_history WHERE 1"
        )
        args: list[Any] = []
        if article_id is not None:
            sql += " AND article_id = ?"
            args.append(article_id)
        if annotator is not None:
            sql += " AND annotator = ?"
            args.append(annotator)
        with self._reading():
            return [
                HistoryEntry(
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    None if r[6] is None else json.loads(r[6]),
                    None if r[7] is None else json.loads(r[7]),
                    r[8],
                    r[9],
                )
                for r in self.conn.execute(sql + " ORDER BY id", args)
            ]

    def spans_at(
        self, article_id: str, annotator: str, *, at: str | None = None, entry: int | None = None
    ) -> dict[int, dict[str, Any]]:
        """An annotator's spans on an article as history says they were.

        ``entry``: just after the user action history entry ``entry`` belongs to (never
        half of an action); ``at``: at the end of that time (UTC ISO 8601, millisecond
        resolution). Give one of them.
        """
        if (at is None) == (entry is None):
            raise ValueError("give exactly one of at= or entry=")
        if entry is not None:
            entry = self.end_of_action(entry)
        state: dict[int, dict[str, Any]] = {}
        for e in self.history(article_id, annotator):
            if (entry is not None and e.id > entry) or (at is not None and e.at > at):
                break
            if e.after is None:
                state.pop(e.span_id, None)
            else:
                state[e.span_id] = e.after
        return state

    def restore(
        self, article_id: str, annotator: str, actor: str, *, at: str | None = None, entry: int | None = None
    ) -> int:
        """Put an annotator's spans on an article back as they were (see :meth:`spans_at`).

        Recorded as ``restore`` history entries, so a restore can itself be undone by
        restoring to the entry before it. Returns the number of spans changed.
        """
        target = self.spans_at(article_id, annotator, at=at, entry=entry)
        stamp = now()
        changed = 0
        with self.transaction() as conn:
            action_id = inserted_id(
                conn.execute(
                    "INSERT INTO actions (article_id, annotator, actor, name, changes, at)"
                    " VALUES (?, ?, ?, 'restore', 0, ?)",
                    (article_id, annotator, actor, stamp),
                )
            )
            current = {
                r[0]: _span_from_row(r)
                for r in conn.execute(
                    f"SELECT {_SPAN_COLS} FROM spans WHERE article_id = ? AND annotator = ?",
                    (article_id, annotator),
                )
            }
            for span_id, old in current.items():
                if span_id not in target:
                    conn.execute("DELETE FROM spans WHERE id = ?", (span_id,))
                    self._history(
                        conn,
                        span_id,
                        article_id,
                        annotator,
                        actor,
                        "restore",
                        _span_record(old),
                        None,
                        stamp,
                        action_id,
                    )
                    changed += 1
            for span_id, rec in target.items():
                want = Span(**rec)
                if span_id in current:
                    if _span_record(current[span_id]) == rec:
                        continue
                    conn.execute(
                        'UPDATE spans SET start = ?, "end" = ?, label = ?, origin = ?,'
                        " state = ?, confidence = ?, updated_at = ? WHERE id = ?",
                        (
                            want.start,
                            want.end,
                            want.label,
                            want.origin,
                            str(want.state),
                            want.confidence,
                            stamp,
                            span_id,
                        ),
                    )
                    self._history(
                        conn,
                        span_id,
                        article_id,
                        annotator,
                        actor,
                        "restore",
                        _span_record(current[span_id]),
                        rec,
                        stamp,
                        action_id,
                    )
                else:
                    self._insert_span(
                        conn,
                        article_id,
                        annotator,
                        want,
                        actor,
                        stamp,
                        action="restore",
                        span_id=span_id,
                        action_id=action_id,
                    )
                changed += 1
            conn.execute("UPDATE actions SET changes = ? WHERE id = ?", (changed, action_id))
        return changed

    # -- status ------------------------------------------------------------------------

    def set_status(self, article_id: str, annotator: str, status: Status | str) -> None:
        status = Status(status)
        stamp = now()
        with self.transaction() as conn:
            self._ensure_annotator(conn, annotator, "human", stamp)
            conn.execute(
                "INSERT INTO article_status (article_id, annotator, status, updated_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator)"
                " DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                (article_id, annotator, str(status), stamp),
            )

    def status(self, article_id: str, annotator: str) -> Status:
        recorded = self.recorded_status(article_id, annotator)
        return Status(recorded) if recorded else Status.TODO

    def progress(self, annotator: str) -> dict[str, int]:
        """Counts per status for one annotator: over the articles assigned to them (by
        ``annotator assign``) when there are any, else over all articles (missing rows
        are todo)."""
        counts = {str(s): 0 for s in Status}
        with self._reading():
            assigned = self.conn.execute(
                "SELECT count(*) FROM assignments WHERE annotator = ?", (annotator,)
            ).fetchone()[0]
            only = (
                " AND article_id IN (SELECT article_id FROM assignments WHERE annotator = ?)"
                if assigned
                else ""
            )
            for status, n in self.conn.execute(
                "SELECT status, count(*) FROM article_status WHERE annotator = ?" + only + " GROUP BY status",
                (annotator, annotator) if assigned else (annotator,),
            ):
                counts[status] = n
            total = assigned or self.count_articles()
        counts["todo"] += total - sum(counts.values())
        counts["total"] = total
        return counts

    def working_annotators(self) -> list[str]:
        """The people who annotate in this file: humans with an assignment, an article
        status or a decided span. A reviewer who only looked at the annotation window (and
        so got a layer of undecided proposals) is not one of them."""
        with self._reading():
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT name FROM annotators a WHERE kind = 'human' AND ("
                    " EXISTS (SELECT 1 FROM article_status s WHERE s.annotator = a.name)"
                    " OR EXISTS (SELECT 1 FROM spans s WHERE s.annotator = a.name"
                    "  AND s.state != 'proposed'))"
                    " UNION SELECT DISTINCT annotator FROM assignments ORDER BY 1"
                )
            ]

    def finished_articles(self) -> int:
        """Articles someone has marked done (any annotator, gold included)."""
        with self._reading():
            return int(
                self.conn.execute(
                    "SELECT count(DISTINCT article_id) FROM article_status WHERE status = ?",
                    (str(Status.DONE),),
                ).fetchone()[0]
            )

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity and foreign-key checks; an empty list means healthy."""
        with self._reading():
            problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {tuple(r)}" for r in self.conn.execute("PRAGMA foreign_key_check")]
        return problems


def _adjudicator(annotator: str | None, state: SpanState, actor: str) -> str | None:
    """Gold spans record the reviewer who decided them; undecided ones and others, nobody."""
    return actor if annotator == GOLD and state != SpanState.PROPOSED else None
