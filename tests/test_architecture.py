"""The core never imports Qt: only ``annotator.ui`` may."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "pytestqt")


def test_core_modules_do_not_import_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_the_core_does_not_load_qt():
    import subprocess
    import sys

    code = (
        "import sys, annotator.cli, annotator.store, annotator.importer; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "False", out.stderr


def _import_graph() -> dict[str, set[str]]:
    """Module -> the modules of the package it imports (at any depth of the code)."""
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                targets = [base] + [f"{base}.{a.name}" for a in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rsplit(".", 1)[0] if "." in target else ""
                if target and target != name:
                    graph[name].add(target)
    return graph


def test_no_import_circle_anywhere():
    """Not even through imports inside functions: each module can be read (and imported)
    on its own, knowing only what is below it."""
    graph = _import_graph()
    circles = []
    state: dict[str, int] = {}  # 1: on the path being explored, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                circles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []


def test_the_layers_hold():
    """The import-linter contracts of pyproject.toml (layers, and Qt only in the UI)."""
    import shutil
    import subprocess
    import sys

    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is not installed (pip install -e '.[test]')"
    r = subprocess.run([lint], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert r.returncode == 0, r.stdout[-3000:]


def test_only_the_store_speaks_sql():
    """SQL lives in the store (store*.py) and the migrations; everything else reads and
    writes through their methods, never a connection or a private member of the store."""
    allowed = {
        "store.py",
        "store_actions.py",
        "store_layers.py",
        "store_rows.py",
        "store_finished.py",
        "store_gold.py",
        "store_team.py",
        "migrations.py",
    }
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in allowed and path.parent == PACKAGE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Attribute):
                continue
            owner = node.value.id if isinstance(node.value, ast.Name) else getattr(node.value, "attr", "")
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            if node.attr in ("conn", "execute", "executescript") or (
                private and owner in ("store", "source", "review", "master", "target")
            ):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {owner}.{node.attr}")
    assert offenders == []


def test_no_module_imports_another_modules_private_names():
    """A name with a leading underscore is its module's own business: another module that
    needs it asks for a public name (renaming an import to a private alias is fine)."""
    crossing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("annotator"):
                crossing += [
                    f"{path.relative_to(PACKAGE.parent)}: {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
    assert not crossing, "\n".join(crossing)
