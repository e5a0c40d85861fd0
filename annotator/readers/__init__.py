"""The formats ``annotator import`` reads, one module each, chosen by content or by
``--format``.

Our own formats (JSONL, CSV, plain text) are read by :mod:`annotator.importer` itself;
a JSONL file is read line by line whatever its flavour (ours, doccano's or Prodigy's,
told apart by the first object, see :func:`jsonl_flavour`). The others are files a
:class:`~annotator.readers.base.Reader` turns into articles: Label Studio's JSON export,
brat standoff, CoNLL/BIO and INCEpTION's WebAnno TSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.readers import brat, conll, doccano, labelstudio, prodigy, webanno
from annotator.readers.base import OFFSET_UNITS, ReadContext, Reader, Source

__all__ = ["FORMATS", "OFFSET_UNITS", "ReadContext", "Reader", "Source", "detect", "jsonl_flavour"]

#: name -> what it is, for --format, messages and the import dialog
FORMATS: dict[str, str] = {
    "jsonl": "our JSONL (text, spans)",
    "doccano": "doccano JSONL",
    "prodigy": "Prodigy JSONL",
    "labelstudio": "Label Studio JSON",
    "brat": "brat standoff (.txt + .ann)",
    "conll": "CoNLL / BIO",
    "webanno": "WebAnno TSV 3 (INCEpTION)",
    "csv": "CSV with a text column",
    "txt": "plain text, one article per file",
}
JSONL_FLAVOURS = ("jsonl", "doccano", "prodigy")
FILE_READERS: dict[str, Reader] = {
    r.name: r for r in (webanno.READER, labelstudio.READER, brat.READER, conll.READER)
}
_OWN_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".txt": "txt",
    ".text": "txt",
    "": "txt",
}


def known() -> str:
    """The formats, for a message: "jsonl, doccano, ..."."""
    return ", ".join(FORMATS)


def detect(path: Path, head: str) -> str | None:
    """The format of the file at ``path`` by its content (``head``: its first 64 KB as
    text) and name, or None when no reader recognises it."""
    for reader in FILE_READERS.values():
        if reader.sniff(path, head):
            return reader.name
    return _OWN_SUFFIXES.get(path.suffix.lower())


def jsonl_flavour(obj: dict[str, Any]) -> str:
    """Which tool wrote this JSON object: "prodigy", "doccano" or our own "jsonl"."""
    if prodigy.matches(obj):
        return "prodigy"
    if doccano.matches(obj):
        return "doccano"
    return "jsonl"
