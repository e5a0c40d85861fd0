"""What users install: every package and data folder of the source tree is in the wheel."""

from __future__ import annotations

import tomllib

from .conftest import ROOT


def test_every_package_and_resource_folder_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    code = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "annotator").rglob("__init__.py")}
    assert code <= listed, code - listed
    data = {"annotator._data." + ".".join(p.relative_to(ROOT).parts)
            for top in ("resources", "db") for p in [ROOT / top, *(ROOT / top).rglob("*")]
            if p.is_dir() and "__pycache__" not in p.parts}
    assert data <= listed, data - listed
