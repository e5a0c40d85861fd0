"""The store, continued: finished work, as export and training read it.

Mixed into :class:`annotator.store.Store`. Every query is parameterised: an annotator's
name is a value, never a piece of SQL. ``annotator=None`` means every human annotator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from annotator.model import GOLD
from annotator.store_base import StoreCore

if TYPE_CHECKING:
    pass

# the article columns a finished row starts with
FINISHED_COLS = "a.id, a.title, a.source, a.external_id, a.imported_at"
_HUMANS = "(SELECT name FROM annotators WHERE kind = 'human')"


def _who(column: str, annotator: str | None) -> tuple[str, tuple[str, ...]]:
    """A condition on ``column``: one annotator (a parameter), or any human."""
    if annotator is None:
        return f"{column} IN {_HUMANS}", ()
    return f"{column} = ?", (annotator,)


class FinishedMixin(StoreCore):
    """Which articles are finished, by whom, and their accepted spans."""

    def approved_in_gold(self) -> int:
        """Number of articles a reviewer approved in the gold layer."""
        with self._reading():
            return self.conn.execute(
                "SELECT count(*) FROM article_status WHERE annotator = ? AND status = 'done'", (GOLD,)
            ).fetchone()[0]

    def done_pages(
        self, annotator: str | None, articles: int = 1000
    ) -> Iterator[tuple[list[tuple], list[str]]]:
        """The articles ``annotator`` (or any human) marked done, in import order, a page of
        at most ``articles`` articles at a time: (rows, their article ids). A row is (id,
        title, source, external_id, imported_at, annotator, marked done at); an article's
        rows (one per finisher) are in one page. Each page is one short query (keyset on
        the rowid), so memory follows the page, not the corpus."""
        where, args = _who("st.annotator", annotator)
        after = 0
        limit = 4 * articles
        while True:
            with self._reading():
                got = self.conn.execute(
                    f"SELECT a.rowid, {FINISHED_COLS}, st.annotator, st.updated_at FROM articles a"
                    # CROSS JOIN keeps articles the outer loop: a page is a range of rowids,
                    # not a sort of every done status (which made a page cost 0.45 s at 100k)
                    " CROSS JOIN article_status st ON st.article_id = a.id"
                    f" WHERE st.status = 'done' AND {where} AND a.rowid > ?"
                    " ORDER BY a.rowid, st.annotator LIMIT ?",
                    (*args, after, limit),
                ).fetchall()
            if not got:
                return
            full = len(got) == limit
            if full and got[0][0] != got[-1][0]:
                cut = got[-1][0]  # its rows may go on in the next page: read it there
                got = [r for r in got if r[0] != cut]
            rows: list[tuple] = []
            ids: list[str] = []
            for row in got:
                if not ids or ids[-1] != row[1]:
                    if len(ids) == articles:
                        break
                    ids.append(row[1])
                rows.append(row[1:])
                after = row[0]
            yield rows, ids
            if not full and len(rows) == len(got):
                return

    def accepted_spans_by(
        self, annotator: str | None, article_ids: Sequence[str] | None = None
    ) -> dict[tuple[str, str], list[tuple]]:
        """(article, annotator) -> [(start, end, label, adjudicator, updated_at)] of the
        accepted spans of ``annotator`` (or of every human), on every article or on
        ``article_ids`` (a batch: what an export holds at once)."""
        where, args = _who("annotator", annotator)
        if article_ids is not None:
            where += f" AND article_id IN ({', '.join('?' for _ in article_ids)})"
            args = (*args, *article_ids)
        out: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        with self._reading():
            for aid, who, s, e, label, adj, at in self.conn.execute(
                'SELECT article_id, annotator, start, "end", label, adjudicator, updated_at'
                f" FROM spans WHERE state = 'accepted' AND {where}"
                ' ORDER BY article_id, start, "end" DESC, label',
                args,
            ):
                out[(aid, who)].append((s, e, label, adj, at))
        return out

    def human_finishers(self, article_ids: Sequence[str]) -> dict[str, list[str]]:
        """Article -> the human annotators who marked it done, for ``article_ids``."""
        out: dict[str, list[str]] = defaultdict(list)
        marks = ", ".join("?" for _ in article_ids)
        with self._reading():
            for aid, who in self.conn.execute(
                "SELECT st.article_id, st.annotator FROM article_status st JOIN annotators n"
                " ON n.name = st.annotator WHERE n.kind = 'human' AND st.status = 'done'"
                f" AND st.article_id IN ({marks}) ORDER BY st.annotator",
                tuple(article_ids),
            ):
                out[aid].append(who)
        return out

    def count_done(self, annotator: str | None) -> int:
        """How many articles ``annotator`` (or any human) marked done."""
        where, args = _who("annotator", annotator)
        with self._reading():
            return self.conn.execute(
                f"SELECT count(DISTINCT article_id) FROM article_status WHERE status = 'done' AND {where}",
                args,
            ).fetchone()[0]
