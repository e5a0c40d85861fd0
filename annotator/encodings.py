"""Bytes to Unicode for Vietnamese files: UTF-8, UTF-16 (BOM), Windows-1258, TCVN3, VNI.

Order of decisions:

1. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32).
2. NUL bytes without a UTF-16/32 mark mean a binary file.
3. Strict UTF-8 decodes: UTF-8, unless the decoded text is itself legacy-font mojibake
   ("ViÖt Nam" saved as UTF-8), which is converted too.
4. Otherwise the legacy candidates are tried: TCVN3 (ABC) and VNI through ``viparse``'s
   maintained conversion tables, Windows-1258 through Python's codec plus NFC. The
   candidate whose words are most often valid Vietnamese syllables wins.
5. Nothing reads as Vietnamese: the file is undecodable, and the error says so.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# Display names used in reports.
NAMES = {
    "utf-8-sig": "UTF-8 (BOM)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 LE (no byte-order mark)",
    "utf-16-be": "UTF-16 BE (no byte-order mark)",
    "utf-32": "UTF-32",
    "cp1258": "Windows-1258",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
    "viscii": "VISCII",
    "vps": "VPS",
}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# A Vietnamese syllable after removing tone marks: optional initial, 1-3 vowels, optional
# final. Loose on purpose: it only has to tell real text from mojibake.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?"
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Letters only Unicode Vietnamese has (never legacy-font mojibake, which is Latin-1): when
# decoded text contains them it is real Unicode, and the costly legacy detection is skipped.
_UNICODE_VIETNAMESE = re.compile("[\u1ea0-\u1ef9ăĂơƠưƯđĐ]")
_WORD = re.compile(r"[^\W\d_]+")


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we know."""


class BinaryError(ValueError):
    """The bytes are a binary file (NUL bytes, no UTF-16/32 byte-order mark)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # codec or legacy table name: "utf-8", "utf-16", "cp1258", "tcvn3", ...
    # lines of a UTF-8 file that were not UTF-8: (line number, what was done), and their
    # original bytes (hex), so nothing is lost
    repairs: tuple[tuple[int, str], ...] = ()
    original_lines: tuple[tuple[int, str], ...] = ()
    original: bytes = b""  # a file converted from a legacy encoding: its bytes, as read

    @property
    def display(self) -> str:
        return NAMES.get(self.encoding, self.encoding.upper())

    @property
    def converted(self) -> bool:
        """True when a conversion a user should hear about was applied."""
        return self.encoding not in ("utf-8", "utf-8-sig")


def _strip_tones(word: str) -> tuple[str, int]:
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return base, tones


def vietnamese_score(text: str, sample: int = 20000) -> float:
    """Share of words with non-ASCII letters that are valid Vietnamese syllables (0..1).

    Pure-ASCII words are neutral (numbers, names, English). Text without any non-ASCII
    word scores 1.0 when it has words at all (plain ASCII is valid in every candidate).
    """
    words = _WORD.findall(text[:sample])
    marked = [w for w in words if not w.isascii()]
    if not marked:
        return 1.0 if words else 0.0
    good = 0
    for w in marked:
        base, tones = _strip_tones(w)
        if tones <= 1 and _SYLLABLE.fullmatch(base):
            good += 1
    return good / len(marked)


def _as_cp1252(data: bytes) -> str:
    """Bytes as the Latin-1/CP1252 characters a legacy-font document surfaces as."""
    return data.decode("cp1252", errors="strict") if _cp1252_ok(data) else data.decode("latin-1")


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _legacy_candidates(surface: str, data: bytes) -> list[Decoded]:
    out: list[Decoded] = []
    for name in ("tcvn3", "vni"):
        out.append(Decoded(_viparse().fix(surface, encoding=name), name))
    try:
        out.append(Decoded(unicodedata.normalize("NFC", data.decode("cp1258")), "cp1258"))
    except UnicodeDecodeError:
        pass
    return out


def decode(data: bytes) -> Decoded:
    """Decode a whole file's bytes. Raises :class:`BinaryError` or :class:`UndecodableError`."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    f"starts with a {NAMES[codec]} byte-order mark but is not valid "
                    f"{NAMES[codec]} (byte {exc.start})"
                ) from None
    bomless = utf16_without_bom(data)
    if bomless is not None:
        codec = bomless
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:65536]:
        raise BinaryError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
        mixed = _mostly_utf8(data)
        if mixed is not None:
            return mixed
    else:
        legacy = (
            _viparse().detect_text_encoding(text)
            if not text.isascii() and not _UNICODE_VIETNAMESE.search(text)
            else None
        )
        if legacy in ("tcvn3", "vni"):
            fixed = _viparse().fix(text, encoding=legacy)
            if vietnamese_score(fixed) > vietnamese_score(text):
                return Decoded(fixed, legacy)
        return Decoded(text, "utf-8")

    if _control_ratio(data) > 0.05:
        raise BinaryError("binary file (mostly control bytes), not text")
    surface = _as_cp1252(data)
    candidates = _legacy_candidates(surface, data)
    scored = sorted(
        ((vietnamese_score(c.text), i, c) for i, c in enumerate(candidates)), key=lambda t: (-t[0], t[1])
    )
    if scored and scored[0][0] >= 0.6:
        best = scored[0][2]
        text, repairs = _per_paragraph(data, best)
        # the file's own bytes go with the converted text, so a wrong guess is recoverable
        return Decoded(text, best.encoding, repairs, original=data)
    raise UndecodableError(
        f"undecodable bytes: not UTF-8 (byte 0x{data[utf8_error.start]:02X} at offset "
        f"{utf8_error.start}) and not readable as Windows-1258, TCVN3 or VNI Vietnamese"
    )


def _per_paragraph(data: bytes, whole: Decoded) -> tuple[str, tuple[tuple[int, str], ...]]:
    """A legacy file whose paragraphs come from documents in different legacy fonts
    (TCVN3 here, VNI there): each line that reads as Vietnamese clearly better in another
    encoding than the one chosen for the file is converted from that one."""
    lines = data.split(b"\n")
    if len(lines) < 2:
        return whole.text, ()
    out: list[str] = []
    repairs: list[tuple[int, str]] = []
    for n, line in enumerate(lines, start=1):
        candidates = {c.encoding: c for c in _legacy_candidates(_as_cp1252(line), line)}
        mine = candidates.get(whole.encoding)
        if line.isascii() or mine is None:
            out.append(line.decode("cp1252", errors="replace") if mine is None else mine.text)
            continue
        own = vietnamese_score(mine.text)
        other = max(candidates.values(), key=lambda c: vietnamese_score(c.text))
        better = vietnamese_score(other.text)
        # clearly Vietnamese the other way, and not quite the file's way (a wrong legacy
        # table still makes many valid-looking syllables, so the bar is high)
        if other.encoding != whole.encoding and better >= 0.95 and better - own >= 0.1:
            out.append(other.text)
            repairs.append((n, f"converted from {other.display} (the rest of the file is {whole.display})"))
        else:
            out.append(mine.text)
    if not repairs:
        return whole.text, ()
    return "\n".join(out), tuple(repairs)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """A UTF-8 file with a few lines that are not (a stray byte, a cut character, a
    paragraph pasted from a legacy-font document): each bad line is decided on its own.
    It is converted from a legacy encoding when it reads as Vietnamese that way, else its
    bad bytes become U+FFFD; the good lines stay exactly as they are. None when the file
    does not look like UTF-8 at all (no valid multi-byte character, or most lines bad).
    """
    lines = data.split(b"\n")
    bad: list[int] = []
    evidence = False
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(i)
        else:
            evidence = evidence or not line.isascii()
    filled = sum(1 for line in lines if line.strip())
    if not evidence or not bad or len(bad) * 2 > filled:
        return None
    out = [line.decode("utf-8", errors="strict") if i not in set(bad) else "" for i, line in enumerate(lines)]
    repairs: list[tuple[int, str]] = []
    for i in bad:
        line = lines[i]
        repaired = line.decode("utf-8", errors="replace")
        # a line with valid UTF-8 letters in it is UTF-8 with a few bad bytes; only a line
        # without any can be a paragraph in a legacy encoding
        utf8_letters = any(not c.isascii() and c != "\ufffd" for c in repaired)
        candidates = (
            []
            if utf8_letters
            else sorted(
                (
                    (vietnamese_score(c.text), n, c)
                    for n, c in enumerate(_legacy_candidates(_as_cp1252(line), line))
                ),
                key=lambda t: (-t[0], t[1]),
            )
        )
        if candidates and candidates[0][0] >= 0.8 and not candidates[0][2].text.isascii():
            out[i] = candidates[0][2].text
            repairs.append((i + 1, f"not UTF-8 in a UTF-8 file: converted from {candidates[0][2].display}"))
        else:
            out[i] = repaired
            count = out[i].count("\ufffd")
            repairs.append(
                (i + 1, f"not UTF-8 in a UTF-8 file: {count} invalid byte sequence(s) replaced by �")
            )
    return Decoded("\n".join(out), "utf-8", tuple(repairs), tuple((i + 1, lines[i].hex()) for i in bad))


def _control_ratio(data: bytes, sample: int = 65536) -> float:
    head = data[:sample]
    if not head:
        return 0.0
    controls = sum(1 for b in head if b < 0x20 and b not in (0x09, 0x0A, 0x0D, 0x0C))
    return controls / len(head)


def utf16_without_bom(data: bytes, sample: int = 65536) -> str | None:
    """ "utf-16-le" or "utf-16-be" when bytes without a byte-order mark look like UTF-16:
    Latin letters, digits, spaces and punctuation (most of any Vietnamese text) put a NUL
    in the same half of most byte pairs. None otherwise."""
    head = data[: sample - sample % 2]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        return "utf-16-le"
    if even >= 0.3 * pairs and odd <= 0.02 * pairs:
        return "utf-16-be"
    return None


def sniff_stream_encoding(head: bytes) -> str | None:
    """For streamed formats (JSONL, CSV): the codec to stream with, from the first bytes.

    Returns ``"utf-8-sig"``/``"utf-16"``/``"utf-32"`` from a byte-order mark, ``"utf-8"``
    when the head is valid UTF-8 (a multi-byte character cut at the end is tolerated), or
    ``None`` when the file must be decoded whole (legacy encodings).
    """
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    no_bom = utf16_without_bom(head)
    if no_bom is not None:
        return no_bom
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and exc.reason == "unexpected end of data":
            return "utf-8"
        return None
    return "utf-8"


def _viparse() -> Any:
    """The legacy-encoding library, imported when a file needs it (it takes 0.15 s)."""
    import viparse

    return viparse
