"""User settings (QSettings): annotator name, font, language, label configuration.

``ANNOTATOR_SETTINGS`` points at an INI file to use instead of the platform's store, so
tests (and portable installs) never touch the user's real settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QSettings

ORG = "vn-entity-annotator"
APP = "annotator"

# Every setting the app keeps, with its default: the one place that names them.
NAME = "annotator/name"  # who is annotating: recorded with every span
LANGUAGE = "ui/language"  # "en", "vi", or "" for the system's
LABELS_PATH = "ui/labels_path"  # a JSON file overriding label colours and keys
FONT_FAMILY = "ui/font_family"  # the article's font ("" for the default)
FONT_SIZE = "ui/font_size"
HINT_SEEN = "ui/hint_seen"  # the first-run hint was dismissed
GEOMETRY = "window/geometry"
RETRAIN_EVERY = "learn/retrain_every"  # finished articles between background trainings (0: never)
DEFAULTS: dict[str, object] = {
    NAME: "",
    LANGUAGE: "",
    LABELS_PATH: "",
    FONT_FAMILY: "",
    FONT_SIZE: 13,
    HINT_SEEN: False,
    GEOMETRY: None,
    RETRAIN_EVERY: 10,
}


def settings() -> QSettings:
    path = os.environ.get("ANNOTATOR_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(ORG, APP)


def get(key: str, default: object = None) -> object:
    value = settings().value(key, default)
    return default if value is None else value


def text(key: str) -> str:
    """A text setting, or its default."""
    value = get(key, DEFAULTS[key])
    return str(value) if value else str(DEFAULTS[key] or "")


def number(key: str) -> int:
    """An integer setting, or its default (also when the file holds something else: a
    settings file edited by hand never stops the app from starting)."""
    default = DEFAULTS[key]
    assert isinstance(default, int)
    try:
        return int(get(key, default))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return default


def flag(key: str) -> bool:
    """A yes/no setting ("true"/"false" in an INI file), or its default."""
    value = get(key, DEFAULTS[key])
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


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
