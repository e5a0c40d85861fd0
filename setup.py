"""Package discovery for setuptools; the project's metadata is in pyproject.toml.

The code is every package found under ``annotator/`` (no hand-kept list). The data
folders stay at the top of the repository (``resources/``, ``db/``) and ship inside the
wheel as ``annotator/_data/resources`` and ``annotator/_data/db``, with every subfolder
found the same way, so a new folder of word lists or translations is never left out.
"""

from setuptools import find_namespace_packages, find_packages, setup

DATA = {"resources": "annotator._data.resources", "db": "annotator._data.db"}

packages = find_packages(include=["annotator", "annotator.*"])
for folder, package in DATA.items():
    packages.append(package)
    packages += [
        f"{package}.{sub}" for sub in find_namespace_packages(where=folder, exclude=["*__pycache__*"])
    ]

setup(
    packages=packages,
    package_dir=dict(zip(DATA.values(), DATA.keys(), strict=True)),
    package_data={package: ["**/*"] for package in DATA.values()},
)
