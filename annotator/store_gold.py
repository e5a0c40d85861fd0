"""The store, continued: the gold layer as reviewers build it.

Mixed into :class:`annotator.store.Store`; every write is one transaction, as there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.model import GOLD, Span, now
from annotator.store_base import StoreCore

if TYPE_CHECKING:
    pass


class GoldMixin(StoreCore):
    """Who finished an article, the review queue's articles, and seeding gold."""

    def finishers(self, article_id: str) -> list[str]:
        """The human annotators who marked the article done, by name."""
        with self._reading():
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT st.annotator FROM article_status st JOIN annotators a ON a.name = st.annotator"
                    " WHERE st.article_id = ? AND st.status = 'done' AND a.kind = 'human'"
                    " ORDER BY st.annotator",
                    (article_id,),
                )
            ]

    def finished_by_humans(self) -> list[str]:
        """Articles at least one human annotator marked done, in import order."""
        with self._reading():
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT DISTINCT st.article_id FROM article_status st"
                    " JOIN annotators a ON a.name = st.annotator"
                    " JOIN articles ar ON ar.id = st.article_id"
                    " WHERE st.status = 'done' AND a.kind = 'human' ORDER BY ar.rowid"
                )
            ]

    def title(self, article_id: str) -> str:
        """An article's title, without reading its text."""
        with self._reading():
            row = self.conn.execute("SELECT title FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else ""

    def gold_seeded_at(self, article_id: str, source: str) -> str | None:
        """When ``source``'s layer was last copied into the article's gold layer."""
        with self._reading():
            row = self.conn.execute(
                "SELECT at FROM layer_seeds WHERE article_id = ? AND annotator = ? AND source = ?",
                (article_id, GOLD, source),
            ).fetchone()
        return row[0] if row else None

    def seed_gold(self, article_id: str, reviewer: str, spans: list[Span], sources: dict[str, int]) -> None:
        """Add ``spans`` to the article's gold layer and record, for each annotator in
        ``sources`` (name -> spans in their layer), that their layer is copied now: one
        transaction."""
        stamp = now()
        with self.transaction() as conn:
            self._ensure_annotator(conn, GOLD, "gold", stamp)
            for span in spans:
                self._insert_span(conn, article_id, GOLD, span, reviewer, stamp)
            for name, count in sources.items():
                conn.execute(
                    "INSERT OR REPLACE INTO layer_seeds (article_id, annotator, source, spans, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (article_id, GOLD, name, count, stamp),
                )
