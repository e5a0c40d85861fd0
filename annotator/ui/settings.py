"""User settings (QSettings): annotator name, font, language, label configuration.

``ANNOTATOR_SETTINGS`` points at an INI file to use instead of the platform's store, so
tests (and portable installs) never touch the user's real settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORG = "vn-entity-annotator"
APP = "annotator"


def settings() -> QSettings:
    path = os.environ.get("ANNOTATOR_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORG, APP)


def get(key: str, default: object = None) -> object:
    value = settings().value(key, default)
    return default if value is None else value


def get_int(key: str, default: int) -> int:
    """An integer setting; ``default`` when it is missing or not a number (a settings
    file edited by hand never stops the app from starting)."""
    value = get(key, default)
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def get_bytes(key: str) -> bytes | None:
    """A binary setting (a window's geometry); None when missing or of another type."""
    value = get(key)
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    data = getattr(value, "data", None)  # a QByteArray
    return bytes(data()) if callable(data) else None


def put(key: str, value: object) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()
