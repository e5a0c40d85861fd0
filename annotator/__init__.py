"""Vietnamese entity annotator: turn Vietnamese political news into entity training data.

The package is split in two: a Qt-free core (text, store, import, proposals, agreement,
export) and the ``annotator.ui`` package, the only place that imports Qt.
"""

__version__ = "0.1.0"
