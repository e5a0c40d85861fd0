"""The store, continued: finished work, as export and training read it.

Mixed into :class:`annotator.store.Store`. Every query is parameterised: an annotator's
name is a value, never a piece of SQL. ``annotator=None`` means every human annotator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
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

    def done_articles(self, annotator: str | None) -> list[tuple]:
        """(id, title, source, external_id, imported_at, annotator, marked done at) of each
        article ``annotator`` (or any human) marked done, in import order."""
        where, args = _who("st.annotator", annotator)
        with self._reading():
            return self.conn.execute(
                f"SELECT {FINISHED_COLS}, st.annotator, st.updated_at FROM articles a"
                " JOIN article_status st ON st.article_id = a.id"
                f" WHERE st.status = 'done' AND {where} ORDER BY a.rowid, st.annotator",
                args,
            ).fetchall()

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

    def human_finishers(self) -> dict[str, list[str]]:
        """Article -> the human annotators who marked it done."""
        out: dict[str, list[str]] = defaultdict(list)
        with self._reading():
            for aid, who in self.conn.execute(
                "SELECT st.article_id, st.annotator FROM article_status st JOIN annotators n"
                " ON n.name = st.annotator WHERE n.kind = 'human' AND st.status = 'done'"
                " ORDER BY st.annotator"
            ):
                out[aid].append(who)
        return out
