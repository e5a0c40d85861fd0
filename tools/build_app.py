"""Build the standalone app folder: one executable that starts the annotator with no Python
installed, offline, with underthesea's models inside.

    pip install -e '.[app]'          # PyInstaller
    python tools/build_app.py [--dist DIR]

The result is ``DIR/annotator/`` (default ``dist/annotator/``): zip that folder and hand
it out; the annotator unzips it and runs ``annotator`` (``annotator.exe`` on Windows,
where the build also gives no console window). PyInstaller builds for the system it runs
on: build on Windows for Windows and on macOS for macOS (there it also makes
``annotator.app``). Prints the folder's size and the build time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY = ROOT / "tools" / "app_entry.py"
# Imported by libraries on paths the app never takes, or only by the tests: left out so
# the folder stays small (spaCy and datasets are only for some export formats' tests).
EXCLUDED = [
    "tkinter",
    "spacy",
    "thinc",
    "datasets",
    "pyarrow",
    "pandas",
    "torch",
    "sklearn",
    "scipy",
    "matplotlib",
    "IPython",
    "pytest",
    "hypothesis",
    "mypy",
    "ruff",
]
# Qt modules PySide6's hook would otherwise bring along; the app uses only the widgets.
QT_EXCLUDED = [
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtPdf",
    "PySide6.QtSvg",
    "PySide6.QtOpenGL",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the app folder."""
    import PyInstaller.__main__

    sep = os.pathsep
    args = [
        str(ENTRY),
        "--name",
        "annotator",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        # the package from this checkout (an editable install is invisible to the analysis)
        "--paths",
        str(ROOT),
        # the resources and migrations where an installed wheel has them
        "--add-data",
        f"{ROOT / 'resources'}{sep}annotator/_data/resources",
        "--add-data",
        f"{ROOT / 'db'}{sep}annotator/_data/db",
        # our modules are imported lazily (commands, exporters, workers): take them all
        "--collect-submodules",
        "annotator",
        # underthesea's models and word lists are data files inside its package
        "--collect-all",
        "underthesea",
        "--collect-all",
        "underthesea_core",
        "--collect-data",
        "viparse",
    ]
    if sys.platform in ("win32", "darwin"):
        args.append("--windowed")  # no console window; a .app bundle on macOS
    for name in EXCLUDED + QT_EXCLUDED:
        args += ["--exclude-module", name]
    PyInstaller.__main__.run(args)
    return dist / "annotator"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder goes")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's working folder"
    )
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("error: PyInstaller is not installed: pip install -e '.[app]'", file=sys.stderr)
        return 2
    start = time.perf_counter()
    folder = build(args.dist.resolve(), args.work.resolve())
    seconds = time.perf_counter() - start
    exe = folder / ("annotator.exe" if sys.platform == "win32" else "annotator")
    if not exe.exists():
        print(f"error: {exe}: not built", file=sys.stderr)
        return 1
    shutil.rmtree(args.work, ignore_errors=True)
    print(f"{folder}: {folder_size(folder) / 2**20:.0f} MB, built in {seconds:.0f} s; run {exe}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
