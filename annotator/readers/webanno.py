"""INCEpTION's WebAnno TSV 3 (``#FORMAT=WebAnno TSV 3.x``): ``#Text=`` lines carry each
sentence, token lines ``SENT-TOK<TAB>BEGIN-END<TAB>TOKEN<TAB>features...``. The spans
come from the first span layer (``#T_SP=``), its ``value`` feature if it has one; a
multi-token span is written ``LABEL[n]`` on each of its tokens, stacked spans are joined
with ``|``. Offsets count UTF-16 units (Java); the text is rebuilt sentence by sentence at
the offsets the file gives, with a line break between sentences."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import ImportFailure
from annotator.readers.base import ReadContext, Reader, Source, convert_spans

_VALUE = re.compile(r"(.*?)(?:\[(\d+)\])?$")
_ESCAPES = {
    "\\\\": "\\",
    "\\n": "\n",
    "\\r": "\r",
    "\\t": "\t",
    "\\_": "_",
    "\\[": "[",
    "\\]": "]",
    "\\|": "|",
    "\\;": ";",
    "\\*": "*",
    "\\->": "->",
}
_ESCAPE = re.compile("|".join(re.escape(k) for k in sorted(_ESCAPES, key=len, reverse=True)))


def _unescape(text: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group(0)], text)


def _split_stack(value: str) -> list[str]:
    return [v for v in re.split(r"(?<!\\)\|", value) if v]


def sniff(path: Path, head: str) -> bool:
    return head.lstrip("\ufeff").startswith("#FORMAT=WebAnno TSV 3")


def _units(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _value_column(header: list[str]) -> int:
    """The column (0-based, in a token line) of the first span layer's label."""
    col = 3
    for line in header:
        kind, _, spec = line[1:].partition("=")
        features = spec.split("|")[1:]
        if kind == "T_SP":
            return col + (features.index("value") if "value" in features else 0)
        col += len(features) + (1 if kind == "T_RL" else 0)
    return -1


def read(path: Path, ctx: ReadContext) -> Iterator[Source | ImportFailure]:
    lines = ctx.read_text(path).splitlines()
    header = [ln for ln in lines if ln.startswith(("#T_SP=", "#T_CH=", "#T_RL="))]
    col = _value_column(header)
    if col < 0:
        raise ImportFailure(str(path), "no span layer (#T_SP=) in this WebAnno TSV file")
    parts: list[str] = []
    units = 0  # UTF-16 length of the text so far
    pending: str | None = None  # a sentence's text, placed at its first token's offset
    found: dict[str, list] = {}  # span key -> [begin, end, label]
    for n, line in enumerate(lines, start=1):
        if line.startswith("#Text="):
            pending = (pending + "\n" if pending is not None else "") + _unescape(line[6:])
            continue
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 3 or "-" not in cells[1]:
            ctx.warn(f"{path}:{n}", "not a WebAnno token line; left out")
            continue
        begin, end = (int(x) for x in cells[1].split("-")[:2])
        if pending is not None:
            gap = begin - units
            if gap < 0:
                raise ImportFailure(f"{path}:{n}", "sentences overlap; the text cannot be rebuilt")
            filler = ("\n" + " " * (gap - 1)) if gap and parts else " " * gap
            parts += [filler, pending]
            units += gap + _units(pending)
            pending = None
        value = cells[col] if col < len(cells) else "_"
        if value in ("_", ""):
            continue
        for k, item in enumerate(_split_stack(value)):
            label, ident = _VALUE.match(item).groups()  # type: ignore[union-attr]
            if label in ("*", ""):
                ctx.count("WebAnno spans without a label (not imported)")
                continue
            key = f"id{ident}" if ident else f"{cells[0]}:{k}"
            if key in found:
                found[key][1] = end
            else:
                found[key] = [begin, end, _unescape(label)]
    if pending is not None:
        parts.append(("\n" if parts else "") + pending)
    text = "".join(parts)
    if not text.strip():
        raise ImportFailure(str(path), "no #Text= lines in this WebAnno TSV file")
    spans = [{"start": b, "end": e, "label": lab} for b, e, lab in found.values()]
    yield Source(
        str(path),
        text,
        source=str(path),
        external_id=path.stem,
        spans=tuple(convert_spans(text, spans, ctx.offsets or "utf16")),
    )


READER = Reader("webanno", "WebAnno TSV 3 (INCEpTION)", (".tsv",), sniff, read)
