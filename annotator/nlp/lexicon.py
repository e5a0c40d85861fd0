"""Lexical tokens of the folded key and phrase lists matched over them.

Tokens are words (with codes such as ``05-CT/TW`` or ``1234/QĐ-UBND`` kept whole) and
single punctuation marks. A :class:`Lexicon` is a list of phrases from ``resources/``,
each stored as a token sequence; matching returns the longest phrase at a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annotator.nlp.fold import canon
from annotator.resources import read_lines

# A word: letters/digits, with internal joiners for codes and numbers: 05-CT/TW,
# 72/2013/NĐ-CP, 9.000, H'Hen. Anything else that is not space is one punctuation token.
_TOKEN = re.compile(r"\w+(?:[-/.'’]\w+)*|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        """Starts with a capital letter (or is an all-caps abbreviation)."""
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def lower(self) -> str:
        return self.text.lower()


def lex(key: str) -> list[Tok]:
    return [Tok(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(key)]


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in _TOKEN.finditer(canon(phrase)))


class Lexicon:
    """Phrases as token sequences; case-sensitive unless ``fold_case``."""

    def __init__(self, phrases: list[str], fold_case: bool = False) -> None:
        self.fold_case = fold_case
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for p in phrases:
            toks = phrase_tokens(p)
            if fold_case:
                toks = tuple(t.lower() for t in toks)
            if toks:
                self._by_first.setdefault(toks[0], []).append(toks)
        for seqs in self._by_first.values():
            seqs.sort(key=len, reverse=True)
        self.phrases = phrases

    def match(self, toks: list[Tok], i: int) -> int:
        """Index just past the longest phrase starting at token ``i``, or -1."""
        if i >= len(toks):
            return -1
        first = toks[i].lower if self.fold_case else toks[i].text
        for seq in self._by_first.get(first, ()):
            j = i + len(seq)
            if j <= len(toks) and all(
                (toks[i + k].lower if self.fold_case else toks[i + k].text) == seq[k]
                for k in range(1, len(seq))
            ):
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


@cache
def lexicon(name: str, fold_case: bool = False) -> Lexicon:
    """A phrase list from ``resources/proposals/<name>.txt``."""
    return Lexicon(read_lines(f"proposals/{name}.txt"), fold_case)


@cache
def patterns(name: str, flags: int = 0) -> list[re.Pattern[str]]:
    """Regular expressions (one per line) from ``resources/proposals/<name>.txt``."""
    return [re.compile(canon(line), flags) for line in read_lines(f"proposals/{name}.txt")]
