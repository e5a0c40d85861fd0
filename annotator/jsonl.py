"""One reader for JSON Lines files, with one wording for what is wrong with a line.

Every reader of a user's JSONL file (import, propose, evaluate, train, learning-curve)
parses a line with :func:`parse`, so a bad line is said the same way everywhere:
``FILE:LINE: reason``. :func:`read` streams a whole file for the readers that need
nothing but UTF-8 (the importer, which also converts legacy encodings line by line,
uses :func:`parse` on its own byte loop): a bad line is reported and the rest is read.
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.encodings import sniff_stream_encoding
from annotator.errors import UserError


class BadLine(ValueError):
    """What is wrong with one line, in a few words (no file name, no line number)."""


def parse(line: str) -> Any:
    """The JSON value of one line; :class:`BadLine` with the reason if it has none.

    Refuses what Python's json module lets through or dies on: a lone surrogate
    ("\\ud800", which cannot be stored or written as UTF-8), numbers of thousands of
    digits, nesting deep enough to exhaust the stack.
    """
    try:
        value = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise BadLine(f"malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from None
    except RecursionError:
        raise BadLine("JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. a number of thousands of digits
        raise BadLine(f"unreadable JSON ({str(exc).split(';')[0]})") from None
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadLine(
            "not valid Unicode: a lone surrogate "
            f"(\\u{ord(exc.object[exc.start]):04x}), as broken software writes"
        ) from None
    except (RecursionError, ValueError):
        raise BadLine("JSON nested too deeply to read") from None
    return value


def parse_object(line: str) -> dict[str, Any]:
    """:func:`parse` for a line that must hold a JSON object with a string ``text``."""
    value = parse(line)
    if not isinstance(value, dict):
        raise BadLine(f"expected a JSON object, got {type(value).__name__}")
    if "text" not in value:
        raise BadLine("missing required field 'text'")
    if not isinstance(value["text"], str):
        raise BadLine(f"field 'text' must be a string, got {type(value['text']).__name__}")
    return value


@dataclass(frozen=True)
class Line:
    """One non-blank line of a file: its number and its value, or why it has none."""

    number: int
    value: Any = None
    problem: str | None = None


def read(path: str | Path, parser: Callable[[str], Any] = parse) -> Iterator[Line]:
    """Every non-blank line of ``path``, parsed by ``parser`` (a :class:`BadLine` becomes
    the line's ``problem``). UTF-8 with or without a byte order mark, or UTF-16/32 with
    one; a line that is not UTF-8 or holds NUL bytes is a problem of that line only.
    A file that cannot be opened is a :class:`UserError`.
    """
    try:
        fh = Path(path).open("rb")
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        sniffed = sniff_stream_encoding(fh.read(4))
        fh.seek(0)
        # UTF-16/32 (with a byte order mark or without) is read as text; anything else
        # line by line as bytes, so one line that is not UTF-8 costs only that line
        codec = sniffed if sniffed and sniffed.startswith(("utf-16", "utf-32")) else None
        lines: Iterator[bytes | str] = iter(io.TextIOWrapper(fh, encoding=codec)) if codec else iter(fh)
        n = 0
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                return
            except UnicodeDecodeError as exc:
                yield Line(
                    n + 1,
                    problem=f"not valid {str(codec).upper()} ({exc.reason}); the rest of the file "
                    "cannot be read",
                )
                return
            n += 1
            if isinstance(raw, bytes):
                if n == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                if b"\x00" in raw:
                    if n == 1:
                        yield Line(n, problem="binary data (NUL bytes): not a JSON Lines file")
                        return
                    yield Line(n, problem="binary data (NUL bytes), not a JSON line")
                    continue
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield Line(
                        n, problem=f"not valid UTF-8 (byte 0x{raw[exc.start]:02X} at column {exc.start + 1})"
                    )
                    continue
            else:
                text = raw
            if not text.strip():
                continue
            try:
                yield Line(n, parser(text))
            except BadLine as exc:
                yield Line(n, problem=str(exc))
