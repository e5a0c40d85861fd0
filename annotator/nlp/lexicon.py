"""Lexical tokens of the folded key and phrase lists matched over them.

Tokens are words (with codes such as ``05-CT/TW`` or ``1234/QĐ-UBND`` kept whole) and
single punctuation marks. A :class:`Lexicon` is a list of phrases from ``resources/``,
each stored as a token sequence; matching returns the longest phrase at a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from annotator.nlp import wordlists
from annotator.nlp.fold import canon
from annotator.nlp.tokens import SYLLABLE


def on_change(fn):
    """Clear a cached function when the user's rules folder changes."""
    wordlists.on_change(fn.cache_clear)
    return fn


# A word: letters/digits, with internal joiners for codes and numbers: 05-CT/TW,
# 72/2013/NĐ-CP, 9.000, H'Hen. Anything else that is not space is one punctuation token.
_TOKEN = SYLLABLE


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str
    # derived once: the rules ask these of every token many times
    lower: str = field(init=False, compare=False, repr=False)
    cap: bool = field(init=False, compare=False, repr=False)  # starts with a capital
    word: bool = field(init=False, compare=False, repr=False)  # a word, not punctuation

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())
        object.__setattr__(self, "cap", self.text[:1].isupper())
        object.__setattr__(self, "word", self.text[:1].isalnum())


_JOINED_WORDS = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _syllable(part: str) -> bool:
    """Shaped like a written syllable: lower case after an optional capital ("Phó", "xã");
    "TTg", "CP", "C" are parts of codes."""
    return part.isalpha() and (part.islower() or (len(part) > 1 and part[1:].islower()))


def _split_joined(start: int, text: str) -> list[Tok]:
    """Words joined by a hyphen without spaces are separate tokens when both sides are
    shaped like syllables: "Hinh-Phó Bí thư" (a name and a title), "Rịa-Vũng Tàu",
    "tế-xã hội". Codes stay whole: "GD-ĐT", "NĐ-CP", "QĐ-TTg", "05-CT/TW", "Covid-19".
    """
    out: list[Tok] = []
    pos = 0
    for m in _JOINED_WORDS.finditer(text):
        left = re.split(r"[-/.'’]", text[: m.start()])[-1]
        right = re.split(r"[-/.'’]", text[m.end() :])[0]
        if not (
            _syllable(left)
            and (_syllable(right) or (right.isupper() and len(right) > 1 and not left.isupper()))
        ):
            continue  # "Minh-UVTV" (a name and an abbreviated title) splits too
        out.append(Tok(start + pos, start + m.start(), text[pos : m.start()]))
        out.append(Tok(start + m.start(), start + m.end(), "-"))
        pos = m.end()
    out.append(Tok(start + pos, start + len(text), text[pos:]))
    return out


def lex(key: str) -> list[Tok]:
    out: list[Tok] = []
    for m in _TOKEN.finditer(key):
        text = m.group()
        if "-" in text and len(text) > 2:
            out.extend(_split_joined(m.start(), text))
        else:
            out.append(Tok(m.start(), m.end(), text))
    return out


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.text for t in lex(canon(phrase)))


def _case_ok(text: str, seq: tuple[str, ...], k: int) -> bool:
    """Lenient matching of word ``k`` of a phrase: lower case where the list capitalises is
    a spelling habit; so is a capital inside a multi-word phrase ("Phó Tổng Cục trưởng");
    a capital on the last word is not, since it starts a name ("Trưởng Đoàn đại biểu" is
    no "Trưởng đoàn")."""
    return k == 0 or not text[:1].isupper() or seq[k][:1].isupper() or k < len(seq) - 1


class Lexicon:
    """Phrases as token sequences; case-sensitive unless ``fold_case``."""

    def __init__(self, phrases: list[str], fold_case: bool = False) -> None:
        self.fold_case = fold_case
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        # lower-cased first token -> phrases as written (for lenient matching)
        self._by_lower: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            toks = phrase_tokens(p)
            if not toks:
                continue
            self._by_lower.setdefault(toks[0].lower(), []).append(toks)
            if fold_case:
                toks = tuple(t.lower() for t in toks)
            self._by_first.setdefault(toks[0], []).append(toks)
        for seqs in (*self._by_first.values(), *self._by_lower.values()):
            seqs.sort(key=len, reverse=True)
        # for lenient matching: each phrase's words in lower case, and whether its last
        # word must not be capitalised (see _case_ok), longest first
        self._lenient: dict[str, list[tuple[int, tuple[str, ...], bool]]] = {
            first: [
                (len(seq), tuple(w.lower() for w in seq), len(seq) > 1 and not seq[-1][:1].isupper())
                for seq in seqs
            ]
            for first, seqs in self._by_lower.items()
        }
        self.phrases = phrases

    def ends(self, toks: list[Tok], i: int, lenient: bool = False) -> list[int]:
        """Ends of every phrase starting at token ``i``, longest first (``lenient``: as in
        :meth:`match_lenient`)."""
        if i >= len(toks):
            return []
        out = []
        for seq in self._by_lower.get(toks[i].lower, ()):
            j = i + len(seq)
            if (
                j <= len(toks)
                and all(
                    (toks[i + k].text == seq[k])
                    if not lenient
                    else (toks[i + k].lower == seq[k].lower() and _case_ok(toks[i + k].text, seq, k))
                    for k in range(len(seq))
                )
                and j not in out
            ):
                out.append(j)
        return out

    def match_lenient(self, toks: list[Tok], i: int) -> int:
        """Like :meth:`match`, but a word the list capitalises may be written in lower
        case, as sloppy text does ("Phó chủ tịch", "ủy ban MTTQ", "sở Tư pháp"); never the
        reverse: "Trưởng Đoàn đại biểu" is no "Trưởng đoàn" (a capital starts a name)."""
        if i >= len(toks):
            return -1
        seqs = self._lenient.get(toks[i].lower)
        if not seqs:
            return -1
        last = len(toks)
        # the longest phrase wins, however it is capitalised ("Đảng ủy khối" over "Đảng ủy")
        for n, lowers, last_lower in seqs:
            j = i + n
            if j > last:
                continue
            for k in range(1, n):
                if toks[i + k].lower != lowers[k]:
                    break
            else:
                if not (last_lower and toks[j - 1].cap):
                    return j
        return -1

    def match(self, toks: list[Tok], i: int) -> int:
        """Index just past the longest phrase starting at token ``i``, or -1."""
        if i >= len(toks):
            return -1
        fold = self.fold_case
        seqs = self._by_first.get(toks[i].lower if fold else toks[i].text)
        if not seqs:
            return -1
        n = len(toks)
        for seq in seqs:
            j = i + len(seq)
            if j > n:
                continue
            for k in range(1, len(seq)):
                t = toks[i + k]
                if (t.lower if fold else t.text) != seq[k]:
                    break
            else:
                return j
        return -1

    def find_all(self, toks: list[Tok]) -> list[tuple[int, int]]:
        """Token ranges ``[i, j)`` of the longest phrase starting at each token (phrases may
        overlap). Only tokens that begin some phrase are tried."""
        by_first = self._by_first
        words = [t.lower for t in toks] if self.fold_case else [t.text for t in toks]
        out = []
        for i, w in enumerate(words):
            if w in by_first:
                j = self.match(toks, i)
                if j > i:
                    out.append((i, j))
        return out

    def __contains__(self, text: str) -> bool:
        toks = phrase_tokens(text)
        if self.fold_case:
            toks = tuple(t.lower() for t in toks)
        return toks in self._by_first.get(toks[0] if toks else "", ())


@on_change
@cache
def lexicon(name: str, fold_case: bool = False) -> Lexicon:
    """A phrase list from ``resources/proposals/<name>.txt``, with the user's changes
    (:mod:`annotator.nlp.wordlists`)."""
    return Lexicon(list(wordlists.lines(name)), fold_case)


@on_change
@cache
def patterns(name: str, flags: int = 0) -> list[re.Pattern[str]]:
    """Regular expressions (one per line) from ``resources/proposals/<name>.txt``, with
    the user's changes."""
    return [re.compile(canon(line), flags) for line in wordlists.lines(name)]
