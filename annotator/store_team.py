"""The store, continued: what handing out and merging work reads.

Mixed into :class:`annotator.store.Store`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.store_base import StoreCore

if TYPE_CHECKING:
    pass


class TeamMixin(StoreCore):
    """Assignments made, proposal runs, and an annotator's touched articles."""

    def assigned_articles(self) -> set[str]:
        """Articles handed out by ``annotator assign`` in any round."""
        with self._reading():
            return {r[0] for r in self.conn.execute("SELECT DISTINCT article_id FROM assignments")}

    def last_round(self) -> int:
        """The number of the last assignment round (0 before the first)."""
        with self._reading():
            return self.conn.execute("SELECT max(round) FROM assignments").fetchone()[0] or 0

    def proposal_run(self, article_id: str, proposer: str) -> tuple[str, float] | None:
        """(version, seconds) of the proposer's run on the article, if it ran."""
        with self._reading():
            row = self.conn.execute(
                "SELECT version, seconds FROM proposal_runs WHERE article_id = ? AND proposer = ?",
                (article_id, proposer),
            ).fetchone()
        return (row[0], row[1]) if row else None

    def touched_articles(self, annotator: str) -> list[str]:
        """Articles where ``annotator`` changed a span or set a status."""
        with self._reading():
            return [
                r[0]
                for r in self.conn.execute(
                    "SELECT article_id FROM span_history WHERE annotator = ? UNION"
                    " SELECT article_id FROM article_status WHERE annotator = ?",
                    (annotator, annotator),
                )
            ]

    def recorded_status(self, article_id: str, annotator: str) -> str | None:
        """The status as the file holds it (unchecked: a merge validates it), or None."""
        with self._reading():
            row = self.conn.execute(
                "SELECT status FROM article_status WHERE article_id = ? AND annotator = ?",
                (article_id, annotator),
            ).fetchone()
        return row[0] if row else None
