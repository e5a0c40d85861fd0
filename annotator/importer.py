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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotator import jsonl, readers
from annotator.boilerplate import remove_boilerplate
from annotator.encodings import (
    BinaryError,
    Decoded,
    UndecodableError,
    decode,
    sniff_stream_encoding,
)
from annotator.errors import ImportFailure, StoreError, UserError
from annotator.model import GOLD, IMPORT, InvalidSpan, Span, SpanState, label_names, layer_of_label
from annotator.readers import Source
from annotator.store import NewArticle, Store
from annotator.text import article_id, first_line, normalize, strip_blank_edges

MAX_ARTICLE_BYTES = 10 * 1024 * 1024  # one article (a .txt file, a JSONL line, a CSV cell)
BATCH_ARTICLES = 500
BATCH_BYTES = 16 * 1024 * 1024
FOLDER_SUFFIXES = {
    ".jsonl",
    ".ndjson",
    ".csv",
    ".txt",
    ".text",
    ".json",
    ".tsv",
    *readers.conll.SUFFIXES,
}  # a brat .ann is read with its .txt
KNOWN_JSON_FIELDS = {"text", "title", "id", "url", "meta", "spans", "imported_meta"}
AS_CHOICES = ("proposals", "accepted", "gold")

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
    spans: int = 0  # spans stored
    spans_as: str = "proposals"  # what they were stored as
    refused_spans: int = 0  # spans named in a warning and left out
    attached: int = 0  # articles already stored that got the imported work
    unmapped: dict[str, int] = field(default_factory=dict)  # label -> spans left out
    left_out: dict[str, int] = field(default_factory=dict)  # what -> how many (on purpose)

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.fatal is None

    def summary(self) -> str:
        line = (
            f"{self.new} new, {self.duplicates} duplicate{'s' if self.duplicates != 1 else ''}"
            f", {self.failed} failed"
        )
        if self.spans or self.refused_spans or self.unmapped:
            line += f", {self.spans} spans as {self.spans_as}"
            if self.refused_spans:
                line += f" ({self.refused_spans} refused)"
        if self.cancelled:
            line += " (cancelled)"
        elif self.fatal:
            line += " (stopped: database error)"
        return line


@dataclass(frozen=True)
class ImportOptions:
    """How to read the files and what their spans become.

    ``fmt``: a name of :data:`annotator.readers.FORMATS`, or None to tell by content.
    ``as_``: "proposals" (the ``import`` layer, offered to every annotator), "accepted"
    (``annotator``'s own layer, as if they had accepted each span) or "gold" (the
    reviewers' layer, decided by ``annotator`` or "import"). ``done`` marks each article
    done (accepted) or approved (gold). ``label_map`` renames labels ("PER" ->
    "OFFICIAL"); a label that is still not ours is counted and left out. ``prefer``:
    Label Studio's "annotations" or "predictions". ``offsets``: the unit the file's
    offsets count ("chars", "utf16", "bytes"; None: the format's own).
    """

    fmt: str | None = None
    as_: str = "proposals"
    annotator: str | None = None
    done: bool = False
    label_map: dict[str, str] = field(default_factory=dict)
    prefer: str = "annotations"
    offsets: str | None = None

    def check(self) -> None:
        """Raise UserError for options that do not go together."""
        if self.fmt is not None and self.fmt not in readers.FORMATS:
            raise UserError(f"--format {self.fmt}: unknown format (known: {readers.known()})")
        if self.as_ not in AS_CHOICES:
            raise UserError(f"--as {self.as_}: use one of {', '.join(AS_CHOICES)}")
        if self.as_ == "accepted" and not self.annotator:
            raise UserError("--as accepted needs --annotator NAME: whose work is it?")
        if self.annotator in (GOLD, IMPORT):
            raise UserError(f"--annotator {self.annotator}: that name is a layer of its own; choose a person")
        if self.done and self.as_ == "proposals":
            raise UserError("--done applies to work imported --as accepted or --as gold")
        if self.prefer not in ("annotations", "predictions"):
            raise UserError(f"--ls-source {self.prefer}: use annotations or predictions")
        if self.offsets is not None and self.offsets not in readers.OFFSET_UNITS:
            raise UserError(f"--offsets {self.offsets}: use one of {', '.join(readers.OFFSET_UNITS)}")
        unknown = sorted({v for v in self.label_map.values() if v not in label_names()})
        if unknown:
            raise UserError(
                f"--map: {', '.join(unknown)} is not a label here"
                f" (labels: {', '.join(sorted(label_names()))})"
            )

    @property
    def layer(self) -> str:
        if self.as_ == "gold":
            return GOLD
        return self.annotator if self.as_ == "accepted" and self.annotator else IMPORT


def parse_label_map(value: str) -> dict[str, str]:
    """``PER=OFFICIAL,ORG=ORGANIZATION``, or the path of a JSON object of the same."""
    path = Path(value)
    if value.strip().endswith(".json") or (path.is_file() and "=" not in value):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise UserError(f"{path}: cannot read the label map ({exc})") from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise UserError(f'{path}: a label map is a JSON object of names, {{"PER": "OFFICIAL"}}')
        return dict(data)
    mapping = {}
    for part in filter(None, (p.strip() for p in value.split(","))):
        theirs, sep, ours = part.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise UserError(f"--map {part!r}: write THEIRS=OURS, e.g. PER=OFFICIAL")
        mapping[theirs.strip()] = ours.strip()
    return mapping


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
        options: ImportOptions | None = None,
        on_message: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self.store = store
        self.keep_boilerplate = keep_boilerplate
        self.options = options or ImportOptions()
        self.options.check()
        # what a reader may ask (readers.ReadContext)
        self.prefer = self.options.prefer
        self.offsets = self.options.offsets
        self.on_message = on_message
        self.on_progress = on_progress
        self.cancelled = cancelled or (lambda: False)
        self.report = ImportReport(spans_as=self._spans_as())
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

    def _spans_as(self) -> str:
        o = self.options
        if o.as_ == "accepted":
            return f"accepted by {o.annotator}" + (", done" if o.done else "")
        if o.as_ == "gold":
            return "gold" + (", approved" if o.done else "")
        return "proposals"

    # -- what a reader may ask (readers.ReadContext) ------------------------------------

    def warn(self, where: str, what: str) -> None:
        self._warn(where, what)

    def count(self, what: str, n: int = 1) -> None:
        self.report.left_out[what] = self.report.left_out.get(what, 0) + n

    def read_text(self, path: Path) -> str:
        """A whole file as text (UTF-8, UTF-16 or a legacy encoding, noted), refused when
        it is binary or larger than a corpus file should be."""
        size = path.stat().st_size
        if size == 0:
            raise ImportFailure(str(path), "empty file")
        if size > MAX_ARTICLE_BYTES * 50:
            raise ImportFailure(str(path), f"file is {size / 1e6:.0f} MB; split it (at most 500 MB)")
        decoded = self._decode(str(path), path.read_bytes())
        self._note_conversion(path, decoded)
        return decoded.text

    def _say_counts(self) -> None:
        for what, n in self.report.left_out.items():
            self._say(f"{n} {what}")
        if self.report.unmapped:
            listed = ", ".join(f"{label} ×{n}" for label, n in sorted(self.report.unmapped.items()))
            self._say(
                f"warning: spans with labels that are not ours were left out: {listed}"
                " (map them with --map THEIRS=OURS)"
            )
        if self.report.attached:
            self._say(f"{self.report.attached} articles already here got the imported work")

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
            self._say_counts()
        except StoreError as exc:
            self._batch.clear()
            self.report.fatal = str(exc)
            self._say(f"error: {exc}")
        return self.report

    def first_article(self, paths: Iterable[str | Path]) -> NewArticle | None:
        """The first article the paths hold, as it would be stored (text normalized,
        spans mapped, labels renamed), without writing anything: the import dialog's
        preview. Its problems are in ``report.messages``; None when no article is read."""
        for path in self._expand(paths):
            try:
                for item in self._sources(path):
                    if isinstance(item, ImportFailure):
                        self._fail(item)
                        continue
                    try:
                        return self._prepare(item)
                    except ImportFailure as failure:
                        self._fail(failure)
            except ImportFailure as failure:
                self._fail(failure)
            except OSError as exc:
                self._fail(ImportFailure(str(path), f"cannot read ({exc.strerror or exc})"))
        return None

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
                        if not f.startswith(".")
                        and (
                            Path(f).suffix.lower() in FOLDER_SUFFIXES
                            # a brat .ann whose .txt is missing is named, not skipped
                            or (
                                Path(f).suffix.lower() == ".ann"
                                and not (Path(folder) / f).with_suffix(".txt").exists()
                            )
                        )
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
                    self._fail(
                        ImportFailure(
                            str(path), f"folder has no files to import (formats: {readers.known()})"
                        )
                    )
                yield from found
            elif path.is_file():
                yield path
            elif path.exists():
                self._fail(ImportFailure(str(path), "not a regular file"))
            else:
                self._fail(ImportFailure(str(path), "no such file or folder"))

    def _format_of(self, path: Path) -> str:
        """The format to read ``path`` as: ``--format``, else by its content and name."""
        if self.options.fmt is not None:
            return self.options.fmt
        with path.open("rb") as fh:
            head_bytes = fh.read(65536)
        codec = sniff_stream_encoding(head_bytes) or "utf-8"
        head = head_bytes.decode("utf-8-sig" if codec == "utf-8" else codec, errors="replace")
        fmt = readers.detect(path, head)
        if fmt is None:
            raise ImportFailure(
                str(path),
                f"not a format this tool reads (formats: {readers.known()}; or name one with --format)",
            )
        return fmt

    def _sources(self, path: Path) -> Iterable[Source | ImportFailure]:
        """The articles of one file, read by the reader of its format."""
        fmt = self._format_of(path)
        if fmt in readers.JSONL_FLAVOURS:
            return self._read_jsonl(path)
        if fmt == "csv":
            return self._read_csv(path)
        if fmt == "txt":
            return [self._read_txt(path)]
        return readers.FILE_READERS[fmt].read(path, self)

    def _import_file(self, path: Path) -> None:
        try:
            for item in self._sources(path):
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

    def _read_txt(self, path: Path) -> Source:
        self._check_size(path)
        data = path.read_bytes()
        decoded = self._decode(str(path), data)
        self._note_conversion(path, decoded)
        return Source(str(path), decoded.text, source=str(path), decoded=decoded)

    def _read_jsonl(self, path: Path) -> Iterator[Source | ImportFailure]:
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
                    got = self._line_text(path, n, line)
                    if got is None:
                        continue
                    if isinstance(got, ImportFailure):
                        yield got
                        continue
                    text_line, decoded = got
                else:
                    text_line, decoded = line, None
                    if not text_line.strip():
                        continue
                seen_any = True
                item = self._parse_json_line(where, text_line)
                if item is None:
                    continue  # left out on purpose (a rejected Prodigy answer), counted
                if decoded is not None and isinstance(item, Source):
                    item = replace(item, decoded=decoded)
                yield item
            if not seen_any:
                raise ImportFailure(str(path), "empty file (no JSON lines)")

    def _line_text(
        self, path: Path, n: int, line: bytes
    ) -> tuple[str, Decoded | None] | ImportFailure | None:
        """JSON line ``n`` as text (and how it was decoded when it was not UTF-8), a
        failure naming it, or None for a blank line. Binary data on the first line stops
        the file (raised)."""
        where = f"{path}:{n}"
        if n == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if len(line) > MAX_ARTICLE_BYTES:
            return ImportFailure(
                where,
                f"line is {len(line) / 1e6:.1f} MB;"
                f" one article can be at most {MAX_ARTICLE_BYTES // 2**20} MB",
            )
        if not line.strip():
            return None
        try:
            return line.decode("utf-8"), None
        except UnicodeDecodeError as exc:
            if b"\x00" in line:
                failure = ImportFailure(where, "binary data (NUL bytes), not a JSON line")
                if n == 1:
                    raise failure from None
                return failure
            try:
                decoded = decode(line)
            except (BinaryError, UndecodableError):
                return ImportFailure(
                    where, f"not valid UTF-8 (byte 0x{line[exc.start]:02X} at column {exc.start + 1})"
                )
            self._note_conversion(path, decoded)
            return decoded.text, decoded

    def _parse_json_line(self, where: str, line: str) -> Source | ImportFailure | None:
        try:
            obj = jsonl.parse(line)
        except jsonl.BadLine as exc:
            return ImportFailure(where, str(exc))
        if not isinstance(obj, dict):
            return ImportFailure(where, f"expected a JSON object, got {type(obj).__name__}")
        flavour = (
            self.options.fmt if self.options.fmt in readers.JSONL_FLAVOURS else readers.jsonl_flavour(obj)
        )
        if flavour == "doccano":
            if not isinstance(obj.get("text"), str):
                return ImportFailure(where, "missing required field 'text'")
            obj = readers.doccano.to_record(obj)
        elif flavour == "prodigy":
            if not isinstance(obj.get("text"), str):
                return ImportFailure(where, "missing required field 'text'")
            record = readers.prodigy.to_record(obj, self)
            if record is None:
                return None
            obj = record
        elif isinstance(obj.get("imported_meta"), dict):
            obj = {**obj, "meta": obj["imported_meta"]}  # our own export: the user's metadata
        source = self._from_record(where, obj)
        if isinstance(source, Source) and self.options.offsets not in (None, "chars"):
            source = replace(
                source,
                spans=tuple(readers.base.convert_spans(source.raw, source.spans, self.options.offsets)),
            )
        return source

    def _from_record(self, where: str, obj: dict[str, Any]) -> Source | ImportFailure:
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
        return Source(
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

    def _read_csv(self, path: Path) -> Iterator[Source | ImportFailure]:
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

    def _prepare(self, src: Source) -> NewArticle:
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
            layer=self.options.layer,
            done=self.options.done,
            actor=self.options.annotator or IMPORT,
        )

    def _map_spans(
        self, src: Source, text: str, offsets: Any, exact: bool, info: dict[str, Any]
    ) -> list[Span]:
        spans: list[Span] = []
        dropped: list[dict[str, Any]] = []
        if src.spans and not exact:
            self._warn(
                src.where,
                f"{len(src.spans)} spans not imported: the text needed a "
                "normalization whose offsets cannot be mapped",
            )
            self.report.refused_spans += len(src.spans)
            info["dropped_spans"] = list(src.spans)
            return spans
        for i, raw in enumerate(src.spans):
            result = self._map_span(raw, src, text, offsets)
            if isinstance(result, Span):
                spans.append(result)
                continue
            dropped.append(  # kept in the import record, never lost
                {k: v for k, v in raw.items() if k != "where"} if isinstance(raw, dict) else {"value": raw}
            )
            if result is None:
                continue  # a label that is not ours: counted, named once in the summary
            where = raw.get("where", src.where) if isinstance(raw, dict) else src.where
            shown = f"[{raw.get('start')}, {raw.get('end')})" if isinstance(raw, dict) else ""
            self._warn(where, f"span {i + 1} {shown} not imported: {result}".replace("  ", " "))
            self.report.refused_spans += 1
        if dropped:
            info["dropped_spans"] = dropped
        # The same span twice in one line would violate uniqueness; keep the first.
        unique = {(s.start, s.end, s.label): s for s in reversed(spans)}
        kept = sorted(unique.values(), key=lambda s: (s.start, -s.end, s.label))
        if self.options.as_ != "proposals":
            kept = self._without_overlaps(kept, src, text)
        return kept

    def _map_span(self, raw: Any, src: Source, text: str, offsets: Any) -> Span | str | None:
        """The span ``raw`` on the stored text, or why it cannot be imported (None: its
        label is not ours, counted in the report)."""
        if not isinstance(raw, dict):
            return "not an object"
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
        if raw.get("problem"):
            return str(raw["problem"])
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            return "start and end must be integers"
        if not 0 <= start < end <= len(src.raw):
            return f"offsets outside the text ({len(src.raw)} characters)"
        label = self.options.label_map.get(str(label), str(label))
        if label not in label_names():
            self.report.unmapped[label] = self.report.unmapped.get(label, 0) + 1
            return None
        if src.raw[start:end] != src.raw[start:end].strip():
            where = raw.get("where", src.where)
            self._warn(where, f"span [{start}, {end}) {label}: white space at an end, trimmed")
        new_start, new_end = offsets.start(start), offsets.end(end)
        while new_start < new_end and text[new_start].isspace():
            new_start += 1
        while new_end > new_start and text[new_end - 1].isspace():
            new_end -= 1
        if new_start >= new_end:
            return "falls in text removed on import (site chrome or blank)"
        conf = raw.get("confidence")
        proposals = self.options.as_ == "proposals"
        try:
            span = Span(
                new_start,
                new_end,
                label,
                origin=IMPORT,
                state=SpanState.PROPOSED if proposals else SpanState.ACCEPTED,
                confidence=float(conf) if isinstance(conf, int | float) and proposals else None,
            )
            span.check(text)
        except InvalidSpan as exc:
            return str(exc)
        return span

    def _without_overlaps(self, spans: list[Span], src: Source, text: str) -> list[Span]:
        """Accepted work keeps our rule: spans of one layer (entities, tasks) never
        overlap. The first of two overlapping spans is kept, the other named."""
        kept: list[Span] = []
        last_end: dict[str, tuple[int, Span]] = {}
        for span in spans:
            layer = layer_of_label(span.label)
            prev = last_end.get(layer)
            if prev is not None and span.start < prev[0]:
                other = prev[1]
                self._warn(
                    src.where,
                    f'span [{span.start}, {span.end}) {span.label} "{text[span.start : span.end]}"'
                    f" not imported: it overlaps [{other.start}, {other.end}) {other.label}"
                    " (spans of one layer never overlap)",
                )
                self.report.refused_spans += 1
                continue
            kept.append(span)
            last_end[layer] = (span.end, span)
        return kept

    def _add(self, src: Source) -> None:
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
        self.report.spans += sum(len(a.spans) for a, fresh in zip(self._batch, results, strict=True) if fresh)
        for article, fresh in zip(self._batch, results, strict=True):
            if fresh or article.layer == IMPORT or not (article.spans or article.done):
                continue
            if self.store.attach_work(article):
                self.report.attached += 1
                self.report.spans += len(article.spans)
            else:
                self._warn(
                    article.source,
                    f"already imported, and {article.layer} already has work on it; left as it was",
                )
        self._batch.clear()
        self._batch_bytes = 0


def import_paths(store: Store, paths: Iterable[str | Path], **kwargs: Any) -> ImportReport:
    """Convenience wrapper: ``Importer(store, **kwargs).run(paths)``."""
    return Importer(store, **kwargs).run(paths)
