"""Interface language: Qt translation files in ``resources/translations``.

Vietnamese is used by default when the system locale is Vietnamese; the choice in
Preferences ("vi", "en" or "" for the system's) overrides it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from annotator.resources import RESOURCES_DIR
from annotator.ui import settings

LANGUAGES = {"en": "English", "vi": "Tiếng Việt"}
_installed: list[QTranslator] = []
_current = "en"


def current_language() -> str:
    """The language the interface is showing now."""
    return _current


def chosen_language() -> str:
    """The language to use: the preference, else Vietnamese on a Vietnamese system."""
    pref = settings.text(settings.LANGUAGE)
    if pref in LANGUAGES:
        return pref
    return "vi" if QLocale.system().language() == QLocale.Language.Vietnamese else "en"


def install(app: QCoreApplication | None = None, language: str | None = None) -> str:
    """Load the translation for ``language`` (or the chosen one) into ``app`` (the running
    application by default); returns the language used."""
    global _current
    language = language or chosen_language()
    _current = language
    app = app if app is not None else QCoreApplication.instance()
    if app is None:
        return language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "vi":
        # ours, and Qt's own buttons and dialogs (Qt ships no Vietnamese for them)
        for name in ("annotator_vi.qm", "qt_vi.qm"):
            translator = QTranslator(app)
            if translator.load(str(RESOURCES_DIR / "translations" / name)):
                app.installTranslator(translator)
                _installed.append(translator)
    return language


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate a UI string. lupdate files calls to ``tr("...")`` under the empty context."""
    return QCoreApplication.translate("", text, disambiguation, n)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark a string for translation where it is defined; translate it with ``tr`` when shown."""
    return text


def label_title(name: str) -> str:
    """A label's name as the interface shows it ("Cán bộ" in Vietnamese, "Official")."""
    from annotator.model import label_defs

    for d in label_defs():
        if d.name == name:
            return d.title.get(_current) or d.title.get("en") or name
    return name


_STORE_PROBLEMS = {
    "locked": QT_TR_NOOP(
        "Another program is using the database; nothing was changed. Try again in a moment."
    ),
    "readonly": QT_TR_NOOP("The database file is read-only; nothing was changed."),
    "full": QT_TR_NOOP("The disk is full; nothing was changed."),
    "corrupt": QT_TR_NOOP("The database file is damaged; nothing was changed."),
    "open": QT_TR_NOOP("The database file cannot be opened; nothing was changed."),
    "other": QT_TR_NOOP("The database could not be written; nothing was changed."),
}


def explain(exc: Exception) -> str:
    """One sentence in the interface's language saying why an action was not done: never
    an SQLite message, a file path or a traceback."""
    from annotator.edits import Refused
    from annotator.errors import StoreError

    if isinstance(exc, Refused):
        params = {k: label_title(v) if k in ("label", "other") else v for k, v in exc.params.items()}
        return tr(exc.template).format(**params)
    if isinstance(exc, StoreError):
        return tr(_STORE_PROBLEMS.get(exc.kind, _STORE_PROBLEMS["other"]))
    return tr("That span does not fit the article's text; nothing was changed.")
