"""Shared fixtures: a temporary store, a CLI runner, Vietnamese test text, offscreen Qt."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
# A copy of ../shared/data/dev_gold.jsonl, so a clone without shared/ still tests.
DEV_GOLD = ROOT / "tests" / "data" / "dev_gold.jsonl"
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

VIET = (
    "Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa đề nghị Ban Tuyên giáo các cấp tiếp tục thực hiện "
    "Chỉ thị số 05-CT/TW của Bộ Chính trị; tăng cường định hướng dư luận xã hội."
)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own app data folder and a short lock timeout."""
    home = tmp_path / "home"
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    monkeypatch.setenv("ANNOTATOR_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("ANNOTATOR_LOCK_TIMEOUT", "0.5")
    monkeypatch.delenv("ANNOTATOR_RULES", raising=False)  # the shipped word lists only
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@pytest.fixture
def store(db_path: Path) -> Iterator:
    from annotator.store import Store

    s = Store(db_path)
    yield s
    s.close()


def run_cli(
    *args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120
) -> subprocess.CompletedProcess:
    """Run ``python -m annotator ARGS`` in a real subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "annotator", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258: base letters precomposed, tone marks as combining marks."""
    clusters: list[list[str]] = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and clusters:
            clusters[-1].append(ch)
        else:
            clusters.append([ch])
    out = []
    for c in clusters:
        base = unicodedata.normalize("NFC", "".join([c[0], *(m for m in c[1:] if m not in TONES)]))
        out.append(base + "".join(m for m in c[1:] if m in TONES))
    return "".join(out).encode("cp1258")


def write_jsonl(path: Path, records: list) -> Path:
    import json

    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n")
    return path


# -- every message a user can meet is reached by some test ------------------------------
# A translator that records what the interface asks to translate (and translates nothing),
# installed before any window exists; tests/test_zz_messages.py checks the record at the
# end of a full run against the messages in annotator/ui.
REACHED: set[str] = set()


def _install_message_recorder() -> None:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    class Recorder(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
            REACHED.add(source)
            return None  # a null string: Qt asks the next translator, or shows the source

        def isEmpty(self) -> bool:  # noqa: N802
            return False

    app = QApplication.instance() or QApplication([])
    recorder = Recorder(app)
    app.installTranslator(recorder)
    app._message_recorder = recorder  # type: ignore[attr-defined]

    # Qt asks the translator installed last first: keep the recorder on top when a test
    # switches the language, so strings shown in Vietnamese are recorded too
    from annotator.ui import i18n

    install = i18n.install

    def install_below_recorder(app_=None, language=None):  # type: ignore[no-untyped-def]
        used = install(app_, language)
        app_ = app_ if app_ is not None else QApplication.instance()
        app_.removeTranslator(recorder)
        app_.installTranslator(recorder)
        return used

    i18n.install = install_below_recorder


_install_message_recorder()
