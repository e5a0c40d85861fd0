"""What users install: the sdist and the wheel built from it (as ``python -m build``
does) hold every module, resource and migration of the source tree, and the metadata."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


def _tree(top: str) -> set[str]:
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / top).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        [sys.executable, "-m", "build", "-o", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=600,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    return out


def test_the_wheel_has_every_module_resource_and_migration(built):
    (wheel,) = built.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    code = _tree("annotator")
    assert code <= names, sorted(code - names)
    data = {"annotator/_data/" + name for top in ("resources", "db") for name in _tree(top)}
    assert data <= names, sorted(data - names)
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("/METADATA")))
    text = metadata.decode()
    assert "License-Expression: GPL-3.0-or-later" in text
    assert any(n.endswith("/licenses/LICENSE") for n in names)
    assert "Requires-Dist: underthesea-core" in text  # imported directly, so declared


def test_the_sdist_builds_the_same_and_carries_its_tests(built):
    (sdist,) = built.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for needed in (
        "setup.py",
        "pyproject.toml",
        "LICENSE",
        "README.md",
        "main.py",
        "resources/labels.json",
        "tests/conftest.py",
        "tests/data/dev_gold.jsonl",
    ):
        assert needed in names, needed
    assert _tree("db") <= names and _tree("resources") <= names
