"""Import articles from ``.txt`` files, folders, ``.jsonl`` and ``.csv`` into a store.

Every article goes through the same steps: decode (see :mod:`annotator.encodings`),
normalize (NFC, invisible characters out, ``\\n`` line breaks), remove site chrome
(unless asked not to), trim blank edges, hash. Spans that come with a JSONL line are
mapped through every step onto the stored text. Streamed formats are read line by line and
written in batches, one transaction each, so memory stays flat and a killed import keeps
every batch it committed.

A problem with one file or one line is reported (``where: reason``) and the batch goes on.
"""

from __future__ import annotations

import base64
import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator import jsonl
from annotator.boilerplate import remove_boilerplate
from annotator.encodings import (
    BinaryError,
    Decoded,
    UndecodableError,
    decode,
    sniff_stream_encoding,
)
from annotator.errors import ImportFailure, StoreError
from annotator.model import IMPORT, InvalidSpan, Span, SpanState
from annotator.store import NewArticle, Store
from annotator.text import article_id, first_line, normalize, strip_blank_edges

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one article (a .txt file, a JSONL line, a CSV cell)
BATCH_ARTICLES = 500
BATCH_BYTES = 16 * 1024 * 1024
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
TXT_SUFFIXES = {".txt", ".text"}
FOLDER_SUFFIXES = JSONL_SUFFIXES | CSV_SUFFIXES | TXT_SUFFIXES
KNOWN_JSON_FIELDS = {"text", "title", "id", "url", "meta", "spans"}

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass
class ImportReport:
    """What an import did. ``messages`` holds the lines a user should read, in order."""

    new: int = 0
    duplicates: int = 0
    failed: int = 0
    files: int = 0
    conversions: dict[str, str] = field(default_factory=dict)  # file -> "TCVN3 (ABC)"
    messages: list[str] = field(default_factory=list)
    fatal: str | None = None  # the database became unusable; nothing after this was tried
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.fatal is None

    def summary(self) -> str:
        line = (
            f"{self.new} new, {self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}"
            f", {self.failed} failed"
        )
        if self.cancelled:
            line += " (cancelled)"
        elif self.fatal:
            line += " (stopped: database error)"
        return line


@dataclass(frozen=True)
class _Source:
    """One article as read from a file, before normalization."""

    where: str  # "file" or "file:line", used in messages and as default source
    raw: str
    title: str | None = None
    source: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    external_id: str | None = None
    spans: tuple[dict[str, Any], ...] = ()
    decoded: Decoded | None = None


def _csv_record(row: dict) -> dict[str, Any]:
    """A CSV row as an import record: the ``meta`` column read as JSON when it is JSON,
    empty optional columns left out."""
    record: dict[str, Any] = {k: v for k, v in row.items() if k is not None}
    if record.get("meta"):
        try:
            record["meta"] = json.loads(record["meta"])
        except json.JSONDecodeError:
            pass
    for key in ("title", "id", "url", "meta"):
        if record.get(key) in ("", None):
            record.pop(key, None)
    return record


class Importer:
    """Imports paths into a store. Messages and progress go to optional callbacks."""

    def __init__(
        self,
        store: Store,
        *,
        keep_boilerplate: bool = False,
        on_message: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        self.keep_boilerplate = keep_boilerplate
        self.on_message = on_message
        self.on_progress = on_progress
        self.cancelled = cancelled or (lambda: False)
        self.report = ImportReport()
        self._batch: list[NewArticle] = []
        self._batch_bytes = 0

    # -- reporting ---------------------------------------------------------------------

    def _say(self, line: str) -> None:
        self.report.messages.append(line)
        if self.on_message:
            self.on_message(line)

    def _fail(self, failure: ImportFailure) -> None:
        self.report.failed += 1
        self._say(f"error: {failure}")

    def _warn(self, where: str, what: str) -> None:
        self._say(f"warning: {where}: {what}")

    # -- entry point -------------------------------------------------------------------

    def run(self, paths: Iterable[str | Path]) -> ImportReport:
        files = list(self._expand(paths))
        total = len(files)
        try:
            for done, path in enumerate(files):
                if self.cancelled():
                    self.report.cancelled = True
                    break
                self.report.files += 1
                self._import_file(path)
                if self.on_progress:
                    self.on_progress(done + 1, total)
            self._flush()
        except StoreError as exc:
            self._batch.clear()
            self.report.fatal = str(exc)
            self._say(f"error: {exc}")
        return self.report

    def _expand(self, paths: Iterable[str | Path]) -> Iterator[Path]:
        for p in paths:
            path = Path(p)
            if path.is_dir():
                unreadable: list[OSError] = []
                found = []
                for folder, dirs, files in os.walk(path, onerror=unreadable.append):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    found += [
                        Path(folder) / f
                        for f in files
                        if not f.startswith(".") and Path(f).suffix.lower() in FOLDER_SUFFIXES
                    ]
                found.sort()
                for exc in unreadable:  # never skipped in silence
                    self._fail(
                        ImportFailure(
                            str(exc.filename or path),
                            f"cannot read this folder ({exc.strerror or exc}); its files were not imported",
                        )
                    )
                if not found:
                    self._fail(ImportFailure(str(path), "folder has no .txt, .jsonl or .csv files"))
                yield from found
            elif path.is_file():
                yield path
            elif path.exists():
                self._fail(ImportFailure(str(path), "not a regular file"))
            else:
                self._fail(ImportFailure(str(path), "no such file or folder"))

    def _import_file(self, path: Path) -> None:
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES:
                sources: Iterable[_Source | ImportFailure] = self._read_jsonl(path)
            elif suffix in CSV_SUFFIXES:
                sources = self._read_csv(path)
            else:
                sources = [self._read_txt(path)]
            for item in sources:
                if isinstance(item, ImportFailure):
                    self._fail(item)
                    continue
                self._add(item)
                if self.cancelled():
                    self.report.cancelled = True
                    return
        except ImportFailure as failure:
            self._fail(failure)
        except OSError as exc:
            self._fail(ImportFailure(str(path), f"cannot read ({exc.strerror or exc})"))

    # -- readers -----------------------------------------------------------------------

    def _decode(self, where: str, data: bytes) -> Decoded:
        try:
            decoded = decode(data)
        except (BinaryError, UndecodableError) as exc:
            raise ImportFailure(where, str(exc)) from None
        return decoded

    def _note_conversion(self, path: Path, decoded: Decoded) -> None:
        for line, what in decoded.repairs:
            self._say(f"{path}:{line}: {what} (the original bytes are kept in the import record)")
        if decoded.converted and str(path) not in self.report.conversions:
            self.report.conversions[str(path)] = decoded.display
            self._say(f"{path}: converted from {decoded.display} to Unicode")

    def _check_size(self, path: Path) -> None:
        size = path.stat().st_size
        if size == 0:
            raise ImportFailure(str(path), "empty file")
        if size > MAX_ARTICLE_BYTES:
            raise ImportFailure(
                str(path),
                f"file is {size / 1e6:.1f} MB; one article can be at most "
                f"{MAX_ARTICLE_BYTES // (1024 * 1024)} MB (split it, or import it as JSONL)",
            )

    def _read_txt(self, path: Path) -> _Source:
        self._check_size(path)
        data = path.read_bytes()
        decoded = self._decode(str(path), data)
        self._note_conversion(path, decoded)
        return _Source(str(path), decoded.text, source=str(path), decoded=decoded)

    def _read_jsonl(self, path: Path) -> Iterator[_Source | ImportFailure]:
        if path.stat().st_size == 0:
            raise ImportFailure(str(path), "empty file")
        with path.open("rb") as fh:
            head = fh.read(4)
            fh.seek(0)
            codec = sniff_stream_encoding(head)
            if codec is not None and codec.startswith(("utf-16", "utf-32")):
                lines: Iterable[bytes | str] = io.TextIOWrapper(fh, encoding=codec)
            else:
                lines = fh
            seen_any = False
            for n, line in enumerate(lines, start=1):
                where = f"{path}:{n}"
                if isinstance(line, bytes):
                    if n == 1 and line.startswith(codecs.BOM_UTF8):
                        line = line[len(codecs.BOM_UTF8) :]
                    if len(line) > MAX_ARTICLE_BYTES:
                        yield ImportFailure(
                            where,
                            f"line is {len(line) / 1e6:.1f} MB; one "
                            f"article can be at most {MAX_ARTICLE_BYTES // 2**20} MB",
                        )
                        continue
                    if not line.strip():
                        continue
                    try:
                        text_line = line.decode("utf-8")
                        decoded = None
                    except UnicodeDecodeError as exc:
                        if b"\x00" in line:
                            yield ImportFailure(where, "binary data (NUL bytes), not a JSON line")
                            if n == 1:
                                return
                            continue
                        try:
                            decoded = decode(line)
                        except (BinaryError, UndecodableError):
                            yield ImportFailure(
                                where,
                                f"not valid UTF-8 (byte 0x{line[exc.start]:02X} at column {exc.start + 1})",
                            )
                            continue
                        text_line = decoded.text
                        self._note_conversion(path, decoded)
                else:
                    text_line, decoded = line, None
                    if not text_line.strip():
                        continue
                seen_any = True
                item = self._parse_json_line(where, text_line)
                if decoded is not None and isinstance(item, _Source):
                    item = _Source(**{**item.__dict__, "decoded": decoded})
                yield item
            if not seen_any:
                raise ImportFailure(str(path), "empty file (no JSON lines)")

    def _parse_json_line(self, where: str, line: str) -> _Source | ImportFailure:
        try:
            obj = jsonl.parse(line)
        except jsonl.BadLine as exc:
            return ImportFailure(where, str(exc))
        if not isinstance(obj, dict):
            return ImportFailure(where, f"expected a JSON object, got {type(obj).__name__}")
        return self._from_record(where, obj)

    def _from_record(self, where: str, obj: dict[str, Any]) -> _Source | ImportFailure:
        """A JSONL object or CSV row as a source article; validates the known fields."""
        text = obj.get("text")
        if text is None:
            return ImportFailure(where, "missing required field 'text'")
        if not isinstance(text, str):
            return ImportFailure(where, f"field 'text' must be a string, got {type(text).__name__}")
        title = obj.get("title")
        if title is not None and not isinstance(title, str):
            title = str(title)
        ext_id = obj.get("id")
        meta_field = obj.get("meta")
        if meta_field is None:
            meta: dict[str, Any] = {}
        elif isinstance(meta_field, dict):
            meta = dict(meta_field)
        else:
            meta = {"meta": meta_field}
        # Fields we do not know are kept, never dropped.
        for key, value in obj.items():
            if key not in KNOWN_JSON_FIELDS:
                meta.setdefault(key, value)
        url = obj.get("url")
        source = url if isinstance(url, str) and url else None
        spans = obj.get("spans") or []
        if not isinstance(spans, list):
            return ImportFailure(where, "field 'spans' must be a list")
        return _Source(
            where,
            text,
            title=title or None,
            source=source,
            meta=meta,
            external_id=None if ext_id is None else str(ext_id),
            spans=tuple(spans),
        )

    def _without_nul(self, lines: Iterable[str], path: Path) -> Iterator[str]:
        """CSV lines with stray NUL bytes removed (Python's csv reader stops at them), each
        such line named: one damaged line does not cost the rest of the file."""
        for n, line in enumerate(lines, start=1):
            if "\x00" in line:
                self._warn(f"{path}:{n}", "NUL bytes removed (a damaged line)")
                line = line.replace("\x00", "")
            yield line

    def _open_csv(self, path: Path) -> io.TextIOBase:
        """The CSV file as text, in the encoding it was written in (a legacy one converted
        whole and noted); ImportFailure for an empty, binary or too large file."""
        if path.stat().st_size == 0:
            raise ImportFailure(str(path), "empty file")
        with path.open("rb") as fh:
            head = fh.read(65536)
        codec = sniff_stream_encoding(head)
        if codec is None:
            if path.stat().st_size > MAX_ARTICLE_BYTES * 10:
                raise ImportFailure(str(path), "not UTF-8 and too large to convert whole")
            decoded = self._decode(str(path), path.read_bytes())
            self._note_conversion(path, decoded)
            return io.StringIO(decoded.text, newline="")
        nul = not codec.startswith(("utf-16", "utf-32")) and head.count(b"\x00")
        if nul and nul > max(8, len(head) / 100):  # binary, not a stray byte
            raise ImportFailure(str(path), "binary file (contains NUL bytes), not text")
        return open(  # noqa: SIM115  (the caller closes it)
            path,
            encoding="utf-8-sig" if codec == "utf-8" else codec,
            newline="",
        )

    def _read_csv(self, path: Path) -> Iterator[_Source | ImportFailure]:
        stream = self._open_csv(path)
        with stream:
            reader = csv.DictReader(self._without_nul(stream, path))
            try:
                fields = reader.fieldnames or []
            except UnicodeDecodeError as exc:
                raise ImportFailure(str(path), f"not valid UTF-8 ({exc.reason})") from None
            except csv.Error as exc:
                raise ImportFailure(str(path), f"malformed CSV ({exc})") from None
            if "text" not in fields:
                shown = ", ".join(f for f in fields if f) or "none"
                raise ImportFailure(str(path), f"no 'text' column (columns: {shown})")
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError as exc:
                    yield ImportFailure(
                        f"{path}:{reader.line_num + 1}",
                        f"not valid UTF-8 ({exc.reason}); rest of file skipped",
                    )
                    return
                except csv.Error as exc:
                    yield ImportFailure(f"{path}:{reader.line_num}", f"malformed CSV ({exc})")
                    return
                where = f"{path}:{reader.line_num}"
                record = _csv_record(row)
                if not (record.get("text") or "").strip():
                    yield ImportFailure(where, "empty text")
                    continue
                yield self._from_record(where, record)

    # -- article preparation -----------------------------------------------------------

    def _prepare(self, src: _Source) -> NewArticle:
        """Normalize, strip chrome, map spans: the article as it will be stored."""
        if not src.raw.strip():
            raise ImportFailure(src.where, "empty text")
        if len(src.raw) > MAX_ARTICLE_BYTES:
            raise ImportFailure(src.where, "article text longer than the 10 MB limit")
        norm = normalize(src.raw)
        info: dict[str, Any] = {"file": src.where}
        if src.decoded is not None:
            info["encoding"] = src.decoded.display
            if src.decoded.original:
                info["original_bytes_base64"] = base64.b64encode(src.decoded.original).decode()
            if src.decoded.repairs:
                info["repaired_lines"] = [
                    {"line": n, "done": what, "original_hex": raw}
                    for (n, what), (_, raw) in zip(
                        src.decoded.repairs, src.decoded.original_lines, strict=True
                    )
                ]
        if norm.changed:
            info["normalization"] = list(norm.changes)
            info["original_text"] = src.raw
        text, offsets = norm.text, norm.offsets
        if not self.keep_boilerplate:
            text, chrome_map, removed = remove_boilerplate(text)
            if removed:
                info["removed_lines"] = removed
                offsets = offsets.then(chrome_map)
        text, edge_map = strip_blank_edges(text)
        offsets = offsets.then(edge_map)
        if not text:
            raise ImportFailure(
                src.where,
                "no text left after removing site chrome" if info.get("removed_lines") else "empty text",
            )
        spans = self._map_spans(src, text, offsets, norm.exact, info)
        return NewArticle(
            id=article_id(text),
            title=(src.title.strip() if src.title else "") or first_line(text),
            text=text,
            source=src.source or src.where,
            meta=src.meta,
            import_info=info,
            external_id=src.external_id,
            spans=tuple(spans),
        )

    def _map_spans(
        self, src: _Source, text: str, offsets: Any, exact: bool, info: dict[str, Any]
    ) -> list[Span]:
        spans: list[Span] = []
        dropped: list[dict[str, Any]] = []
        if src.spans and not exact:
            self._warn(
                src.where,
                f"{len(src.spans)} spans not imported: the text needed a "
                "normalization whose offsets cannot be mapped",
            )
            info["dropped_spans"] = list(src.spans)
            return spans
        for i, raw in enumerate(src.spans):
            problem = None
            if not isinstance(raw, dict):
                problem = "not an object"
            else:
                start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
                if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
                    problem = "start and end must be integers"
                elif not 0 <= start < end <= len(src.raw):
                    problem = f"offsets [{start}, {end}) outside the text ({len(src.raw)} chars)"
                else:
                    new_start, new_end = offsets.start(start), offsets.end(end)
                    while new_start < new_end and text[new_start].isspace():
                        new_start += 1
                    while new_end > new_start and text[new_end - 1].isspace():
                        new_end -= 1
                    if new_start >= new_end:
                        problem = "falls in text removed on import (site chrome or blank)"
                    else:
                        conf = raw.get("confidence")
                        try:
                            span = Span(
                                new_start,
                                new_end,
                                str(label),
                                origin=IMPORT,
                                state=SpanState.PROPOSED,
                                confidence=float(conf) if isinstance(conf, int | float) else None,
                            )
                            span.check(text)
                            spans.append(span)
                            continue
                        except InvalidSpan as exc:
                            problem = str(exc)
            dropped.append(raw if isinstance(raw, dict) else {"value": raw})
            self._warn(src.where, f"span {i + 1} not imported: {problem}")
        if dropped:
            info["dropped_spans"] = dropped
        # The same span twice in one line would violate uniqueness; keep the first.
        unique = {(s.start, s.end, s.label): s for s in reversed(spans)}
        return sorted(unique.values(), key=lambda s: (s.start, -s.end, s.label))

    def _add(self, src: _Source) -> None:
        try:
            article = self._prepare(src)
        except ImportFailure as failure:
            self._fail(failure)
            return
        self._batch.append(article)
        self._batch_bytes += len(article.text)
        if len(self._batch) >= BATCH_ARTICLES or self._batch_bytes >= BATCH_BYTES:
            self._flush()

    def _flush(self) -> None:
        if not self._batch:
            return
        results = self.store.add_articles(self._batch)
        new = sum(results)
        self.report.new += new
        self.report.duplicates += len(results) - new
        self._batch.clear()
        self._batch_bytes = 0


def import_paths(store: Store, paths: Iterable[str | Path], **kwargs: Any) -> ImportReport:
    """Convenience wrapper: ``Importer(store, **kwargs).run(paths)``."""
    return Importer(store, **kwargs).run(paths)
