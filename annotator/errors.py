"""Errors a user can cause and fix. The CLI and the GUI show their message, never a traceback."""

from __future__ import annotations


class Cancelled(Exception):
    """The user stopped a long job; what it had not finished was not written."""


class UserError(Exception):
    """Something about the user's input or files is wrong; the message says what and where."""


class StoreError(UserError):
    """The database file cannot be used: not SQLite, locked, from a newer version, foreign.

    ``kind`` says which, for a window that words it in its own language: "locked",
    "corrupt", "readonly", "open", "full", "labels" (a label this build does not know) or
    "other".
    """

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind


class ImportFailure(UserError):
    """One file (or one line of a file) could not be imported. The batch goes on."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason
