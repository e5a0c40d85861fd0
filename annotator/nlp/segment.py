"""Sentences and words from underthesea, mapped back to exact offsets.

underthesea returns its own normalization of each piece ("uỷ" comes back as "ủy"), so
its tokens are not substrings of the input. Each piece is aligned to the text on the
:func:`~annotator.nlp.fold.skeleton` (no diacritics, lower case), syllable by syllable,
which is immune to tone placement, NFC/NFD and case. Offsets here are positions in the
:class:`~annotator.nlp.fold.Doc` key; ``Doc.span`` turns them into original offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annotator.nlp.fold import skeleton

# Sentences longer than this are cut at white space before word segmentation, so a
# megabyte without punctuation costs linear time, never a hang.
MAX_SENTENCE = 1500
_RESYNC_WINDOW = 200
_NON_SPACE = re.compile(r"\S+")
# A web address, e-mail or domain: underthesea's sentence splitter breaks these at their
# dots ("kontumtv." | "vn"); a sentence never ends inside one.
_URLISH = re.compile(r"(?i)https?://|www\.|@\w|\.(?:vn|com|net|org|gov|edu|info|int)\b")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


@cache
def _underthesea():
    from underthesea import sent_tokenize, word_tokenize

    return sent_tokenize, word_tokenize


class Aligner:
    """Finds successive pieces of (normalized) text in the key, left to right."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.skel = skeleton(key)

    def find(self, piece: str, pos: int, limit: int) -> tuple[int, int] | None:
        """``[start, end)`` of ``piece`` at or after ``pos`` (before ``limit``), or None."""
        start = end = -1
        p = pos
        for syl in piece.split():
            target = skeleton(syl)
            while p < limit and self.key[p].isspace():
                p += 1
            if self.skel.startswith(target, p) and p + len(target) <= limit:
                found = p
            else:
                found = self.skel.find(target, p, min(limit, p + _RESYNC_WINDOW + len(target)))
                if found < 0:
                    return None
            if start < 0:
                start = found
            end = p = found + len(target)
        return (start, end) if start >= 0 else None


def _chunks(key: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long range at white space into pieces of at most MAX_SENTENCE."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = key.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def sentence_ranges(key: str, aligner: Aligner | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, each line (paragraph) on its own.

    Text underthesea could not be aligned is left out, so the ranges need not cover every
    character: callers that must not lose text fill the gaps themselves.
    """
    sent_tokenize, _ = _underthesea()
    aligner = aligner or Aligner(key)
    out: list[tuple[int, int]] = []
    line_start = 0
    for line in key.split("\n"):
        line_end = line_start + len(line)
        if line.strip():
            pos = line_start
            for piece in sent_tokenize(line):
                span = aligner.find(piece, pos, line_end)
                if span is None:
                    continue
                if out and _inside_address(key, out[-1][1], span[0]):
                    out[-1] = (out[-1][0], span[1])
                else:
                    out.append(span)
                pos = span[1]
        line_start = line_end + 1
    return out


def _inside_address(key: str, end: int, start: int) -> bool:
    """A sentence boundary between ``end`` and ``start`` falls inside a web address."""
    if start != end or not key[end - 1 : end].strip() or not key[start : start + 1].strip():
        return False
    left = max(key.rfind(" ", 0, end), key.rfind("\n", 0, end)) + 1
    run = _NON_SPACE.match(key, start)  # the rest of the word the boundary cuts
    return _URLISH.search(key, left, run.end() if run else start) is not None


def segment(key: str) -> list[Sentence]:
    """Sentences with word tokens, each line (paragraph) on its own."""
    _, word_tokenize = _underthesea()
    aligner = Aligner(key)
    sentences: list[Sentence] = []
    for span in sentence_ranges(key, aligner):
        for s, e in _chunks(key, *span):
            tokens = []
            tpos = s
            for word in word_tokenize(key[s:e]):
                t = aligner.find(word, tpos, e)
                if t is not None:
                    tokens.append(Token(*t))
                    tpos = t[1]
            sentences.append(Sentence(s, e, tuple(tokens)))
    return sentences


def segment_fast(key: str) -> list[Sentence]:
    """Sentences from underthesea (cheap) with words by longest match in the Viet74K word
    list (:mod:`annotator.nlp.dictionary`): what the proposal rules need of words (is a
    cue or an action word a whole word: "giao" is not in "giao ban"), in about a tenth of
    the time underthesea's word segmenter takes (its CRF is most of the cost of
    proposing). Export's word tokens still come from :func:`segment`."""
    from annotator.nlp.dictionary import word_end
    from annotator.nlp.lexicon import lex

    aligner = Aligner(key)
    sentences: list[Sentence] = []
    for s, e in sentence_ranges(key, aligner):
        toks = lex(key[s:e])
        tokens = []
        i = 0
        while i < len(toks):
            j = word_end(toks, i) if toks[i].word else -1
            j = j if j > i + 1 else i + 1
            tokens.append(Token(s + toks[i].start, s + toks[j - 1].end))
            i = j
        sentences.append(Sentence(s, e, tuple(tokens)))
    return sentences


def whitespace_tokens(key: str) -> list[Sentence]:
    """Fallback segmentation without underthesea: lines as sentences, runs of non-space."""
    out = []
    line_start = 0
    for line in key.split("\n"):
        toks = tuple(Token(line_start + m.start(), line_start + m.end()) for m in _NON_SPACE.finditer(line))
        if toks:
            out.append(Sentence(toks[0].start, toks[-1].end, toks))
        line_start += len(line) + 1
    return out
