"""What the store's parts (``store_*.py`` mixins) may call on the store itself, declared
once for the type checker. At run time the mixins derive from ``object``; under type
checking from :class:`StoreCore`, whose methods :class:`annotator.store.Store` defines.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

    from annotator.model import Span


class StoreCore:
    """The store's connection, transactions and row-level helpers (declarations only)."""

    if TYPE_CHECKING:
        conn: sqlite3.Connection

        @property
        def db(self) -> sqlite_utils.Database: ...

        def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...
        def _reading(self) -> AbstractContextManager[None]: ...
        def _text(self, conn: sqlite3.Connection, article_id: str) -> str: ...
        def article_ids(self) -> list[str]: ...
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
        ) -> int: ...
        def _update(
            self,
            conn: sqlite3.Connection,
            span_id: int,
            actor: str,
            changes: dict[str, Any],
            stamp: str,
            action_id: int | None = None,
        ) -> tuple[Span, Span]: ...
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
        ) -> None: ...
        @staticmethod
        def _ensure_annotator(
            conn: sqlite3.Connection, name: str, kind: str, stamp: str, uid: str | None = None
        ) -> None: ...
