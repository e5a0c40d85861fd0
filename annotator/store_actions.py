"""The store, continued: user actions, each applied whole in one transaction.

Mixed into :class:`annotator.store.Store`. A :class:`~annotator.edits.Plan` (what one
keystroke does) is applied with :meth:`ActionsMixin.apply`: one ``actions`` row, every
span change with its history row carrying the action's id, the status change, and a check
of the layer's rules before the commit. A refused or failed action leaves nothing behind.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

from annotator.edits import OVERLAP, STALE, TAKEN, Change, Plan, Refused, overlapping_decided
from annotator.migrations import inserted_id
from annotator.model import Status, now
from annotator.store_base import StoreCore
from annotator.store_rows import SPAN_COLS as _SPAN_COLS
from annotator.store_rows import span_from_row as _span_from_row
from annotator.store_rows import span_record as _span_record

if TYPE_CHECKING:
    pass


class ActionsMixin(StoreCore):
    """Applying plans; history grouped by action."""

    def apply(self, article_id: str, annotator: str, actor: str, plan: Plan) -> tuple[Plan, int]:
        """Apply one user action to ``annotator``'s layer, whole, in one transaction.

        Each change's ``before`` must still be what the database holds (else the action is
        refused as stale: someone else changed the article); created spans keep the id they
        carry (redo of an add). Raises :class:`~annotator.edits.Refused` when the result
        would break the layer's rules; nothing is written then. Returns the plan as applied
        (created spans with their ids, so its inverse deletes them) and the action's id.
        """
        stamp = now()
        with self.transaction() as conn:
            text = self._text(conn, article_id)
            self._ensure_annotator(conn, annotator, "human", stamp)
            status = plan.status
            action_id = inserted_id(
                conn.execute(
                    "INSERT INTO actions (article_id, annotator, actor, name, changes, status_before,"
                    " status_after, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article_id,
                        annotator,
                        actor,
                        plan.name,
                        len(plan.changes),
                        None if status is None else str(status[0]),
                        None if status is None else str(status[1]),
                        stamp,
                    ),
                )
            )
            applied = [
                self._apply_change(conn, article_id, annotator, actor, text, c, stamp, action_id)
                for c in plan.changes
            ]
            if status is not None:
                conn.execute(
                    "INSERT INTO article_status (article_id, annotator, status, updated_at)"
                    " VALUES (?, ?, ?, ?) ON CONFLICT (article_id, annotator)"
                    " DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
                    (article_id, annotator, str(Status(status[1])), stamp),
                )
            layer = [
                _span_from_row(r)
                for r in conn.execute(
                    f"SELECT {_SPAN_COLS} FROM spans WHERE article_id = ? AND annotator = ?"
                    " AND state = 'accepted'",
                    (article_id, annotator),
                )
            ]
            pair = overlapping_decided(layer)
            if pair is not None:
                first, second = pair
                raise Refused(
                    OVERLAP, label=second.label, other=first.label, text=text[first.start : first.end][:40]
                )
        return Plan(plan.name, tuple(applied), plan.status, plan.focus), action_id

    def _apply_change(
        self,
        conn: sqlite3.Connection,
        article_id: str,
        annotator: str,
        actor: str,
        text: str,
        change: Change,
        stamp: str,
        action_id: int,
    ) -> Change:
        before, after = change.before, change.after
        if before is not None:
            row = conn.execute(
                f"SELECT {_SPAN_COLS} FROM spans WHERE id = ? AND article_id = ? AND annotator = ?",
                (before.id, article_id, annotator),
            ).fetchone()
            live = None if row is None else _span_from_row(row)
            if live is None or (live.start, live.end, live.label, live.state) != (
                before.start,
                before.end,
                before.label,
                before.state,
            ):
                raise Refused(STALE)
            if after is None:
                conn.execute("DELETE FROM spans WHERE id = ?", (live.id,))
                self._history(
                    conn,
                    int(before.id or 0),
                    article_id,
                    annotator,
                    actor,
                    "delete",
                    _span_record(live),
                    None,
                    stamp,
                    action_id,
                )
                return Change(live, None)
            fields = {
                k: getattr(after, k) for k in ("start", "end", "label", "state", "origin", "confidence")
            }
            try:
                old, new = self._update(conn, int(before.id or 0), actor, fields, stamp, action_id)
            except sqlite3.IntegrityError:
                raise Refused(TAKEN, label=after.label) from None
            return Change(old, new)
        assert after is not None
        after.check(text)
        fresh = after.with_(annotator=annotator)
        try:
            new_id = self._insert_span(
                conn, article_id, annotator, fresh, actor, stamp, span_id=after.id, action_id=action_id
            )
        except sqlite3.IntegrityError:
            raise Refused(TAKEN, label=after.label) from None
        return Change(None, fresh.with_(id=new_id, created_at=stamp, updated_at=stamp))

    def actions(self, article_id: str, annotator: str) -> list[dict[str, Any]]:
        """The recorded user actions on an annotator's layer of an article, oldest first."""
        with self._reading():
            return [
                dict(
                    zip(
                        ("id", "actor", "name", "changes", "status_before", "status_after", "at"),
                        r,
                        strict=True,
                    )
                )
                for r in self.conn.execute(
                    "SELECT id, actor, name, changes, status_before, status_after, at"
                    " FROM actions WHERE article_id = ? AND annotator = ? ORDER BY id",
                    (article_id, annotator),
                )
            ]

    def last_edited(self, annotator: str) -> str | None:
        """The article of the annotator's latest action (what they were editing last, even
        if the app was killed)."""
        with self._reading():
            row = self.conn.execute(
                "SELECT article_id FROM actions WHERE annotator = ? ORDER BY id DESC LIMIT 1", (annotator,)
            ).fetchone()
        return row[0] if row else None

    def end_of_action(self, entry: int) -> int:
        """The last history entry of the action history entry ``entry`` belongs to (restore
        never lands inside an action)."""
        with self._reading():
            row = self.conn.execute(
                "SELECT max(h.id) FROM span_history h JOIN span_history e"
                " ON e.action_id = h.action_id WHERE e.id = ?",
                (entry,),
            ).fetchone()
        return int(row[0]) if row and row[0] is not None else entry
