"""A folded view of a text for matching, with exact offsets back into the original.

:class:`Doc` holds the original text and ``key``: the text in NFC with every syllable's
tone mark moved to one canonical vowel, so "Tỉnh uỷ" and "Tỉnh ủy", "hoà" and "hòa", NFC
and NFD all give the same key. The key has one character per NFC character, and
:meth:`Doc.span` turns a key range back into a range of the original text, never
cutting a combining sequence. Case is kept in the key (capitalisation is evidence in
this genre: "Đảng" is the Party); patterns that do not care use ``re.IGNORECASE``.

:func:`skeleton` goes further (no diacritics at all, lower case) and is what token
alignment uses, because underthesea returns its own normalization of each token.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_OLD_STYLE_ENDINGS = frozenset({"oa", "oe", "uy"})
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def canon_word(word: str) -> str:
    """The word (NFC) with modern tone placement; same length as the input.

    Old and new orthography differ only in open syllables ending in "oa", "oe" or "uy"
    (hoà/hòa, khoẻ/khỏe, uỷ/ủy, thuỷ/thủy): old style marks the second vowel, new style
    the first. Folding those to the new style makes the two spellings one key while every
    other word stays exactly as written, so patterns can be written in plain Vietnamese.
    """
    nfd = unicodedata.normalize("NFD", word)
    tones = [c for c in nfd if c in TONE_MARKS]
    if len(tones) != 1:
        return word
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))
    if len(base) < 2 or base[-2:].lower() not in _OLD_STYLE_ENDINGS:
        return word
    if len(base) >= 3 and base[-3].lower() in "qg" and base[-2:].lower() == "uy":
        return word  # "quý": the u is a glide, the tone always sits on the y
    i = len(base) - 2
    out = base[:i] + unicodedata.normalize("NFC", base[i] + tones[0]) + base[i + 1 :]
    return out if len(out) == len(word) else word


# Dashes writers use interchangeably ("Kinh tế – xã hội", "Bà Rịa – Vũng Tàu") match as one.
_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"})


def canon(text: str) -> str:
    """NFC text with canonical tone placement and one kind of dash (same length as the NFC
    text)."""
    return _WORD.sub(
        lambda m: canon_word(m.group()) if not m.group().isascii() else m.group(), text
    ).translate(_DASHES)


def _build_skeleton_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        base = base.lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    table[ord("đ")] = "d"
    table[ord("Đ")] = "d"
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    return table


_SKELETON = _build_skeleton_table()


def skeleton(text: str) -> str:
    """Lower case, no diacritics, one output character per NFC input character."""
    return text.translate(_SKELETON)


def fold_key(text: str) -> str:
    """Lower-cased canonical form, for dictionary look-ups (gazetteers)."""
    return canon(unicodedata.normalize("NFC", text)).lower()


@dataclass
class Doc:
    """Original text plus its matching key and the map between them."""

    text: str
    key: str
    # key index -> original [start, end); None when the original is already NFC (identity)
    _starts: list[int] | None = None
    _ends: list[int] | None = None

    @classmethod
    def of(cls, text: str) -> Doc:
        if unicodedata.is_normalized("NFC", text):
            return cls(text, canon(text))
        starts: list[int] = []
        ends: list[int] = []
        parts: list[str] = []
        i, n = 0, len(text)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(text[j]):
                j += 1
            composed = unicodedata.normalize("NFC", text[i:j])
            parts.append(composed)
            starts.extend([i] * len(composed))
            ends.extend([j] * len(composed))
            i = j
        return cls(text, canon("".join(parts)), starts, ends)

    @property
    def nfc(self) -> bool:
        return self._starts is None

    def start(self, k: int) -> int:
        """Original offset of key position ``k`` as a span start."""
        if self._starts is None or k >= len(self._starts):
            return k if self._starts is None else len(self.text)
        return self._starts[k]

    def end(self, k: int) -> int:
        """Original offset of key position ``k`` as a span end (exclusive)."""
        if self._ends is None:
            return k
        return self._ends[k - 1] if k > 0 else 0

    def span(self, a: int, b: int) -> tuple[int, int]:
        return self.start(a), self.end(b)


def has_marks(query: str) -> bool:
    """Whether a search query was typed with diacritics ("hạ long") or without ("ha long")."""
    nfc = unicodedata.normalize("NFC", query)
    return skeleton(nfc) != nfc.lower()


def search_key(text: str, plain: bool) -> str:
    """What a search compares: without diacritics (``plain``) or with them (tone placement
    and case folded). One character per NFC character of ``text``, so offsets map back."""
    key = canon(unicodedata.normalize("NFC", text))
    return skeleton(key) if plain else key.lower()


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text``, as ranges of the original text.

    A query typed without diacritics finds every spelling ("ha long": "Hạ Long"); one typed
    with them finds that spelling, whatever the case, tone placement or normal form.
    """
    query = query.strip()
    if not query:
        return []
    plain = not has_marks(query)
    needle = search_key(query, plain)
    doc = Doc.of(text)
    hay = skeleton(doc.key) if plain else doc.key.lower()
    if len(hay) != len(doc.key):  # a character whose lower case is longer: compare plainly
        hay, needle = skeleton(doc.key), search_key(query, True)
    out = []
    i = hay.find(needle)
    while i >= 0 and needle:
        out.append(doc.span(i, i + len(needle)))
        i = hay.find(needle, i + len(needle))
    return out
