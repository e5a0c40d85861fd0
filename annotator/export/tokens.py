"""Tokens, sentences and BIO tags for the token-based formats (CoNLL, spaCy, Hugging Face).

Two levels:

- ``syllable``: Vietnamese syllables, numbers and codes ("05-CT/TW") and single
  punctuation marks, found by a regular expression (no model, instant).
- ``word``: underthesea's word segmentation (:mod:`annotator.nlp.segment`, aligned to
  the text with exact offsets); a word's syllables are joined with ``_`` as in the VLSP
  data ("Ban_Tuyên_giáo"). Text the segmenter did not cover gets syllable tokens, so no
  character is lost.

Every span boundary is a token boundary: a token a span starts or ends inside is split
there (the span "Tỉnh" of the word "Tỉnh_ủy" gives the tokens "Tỉnh" and "ủy"), so a
span is never lost or shifted. Sentences are underthesea's, each line on its own, and
are never broken inside a span (a sentence break a span crosses is dropped).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator import bio
from annotator.model import SpanKey, layer_of_label
from annotator.nlp.tokens import syllable_ranges

LEVELS = ("syllable", "word")

_SPACE_RUN = re.compile(r"\s+")


class AlignmentError(ValueError):
    """A span boundary that is not a token boundary (a bug: tokens are cut at every one)."""


@dataclass(frozen=True, slots=True)
class Tokenized:
    """An article as tokens: offsets, sentence starts and one BIO tag column per layer."""

    starts: list[int]
    ends: list[int]
    sentence_start: list[bool]
    entity_tags: list[str]
    task_tags: list[str]

    def forms(self, text: str, level: str) -> list[str]:
        """Token strings: the text, with a word's inner white space as ``_``."""
        pieces = [text[s:e] for s, e in zip(self.starts, self.ends, strict=True)]
        if level == "word":
            return [_SPACE_RUN.sub("_", p) for p in pieces]
        return pieces

    def sentences(self) -> list[range]:
        """Token index ranges of the sentences."""
        cuts = [i for i, first in enumerate(self.sentence_start) if first] + [len(self.starts)]
        return [range(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def word_ranges(text: str) -> tuple[list[tuple[int, int]], set[int]]:
    """underthesea's words (with syllable tokens for any text it did not cover) and the
    sentence start offsets."""
    from annotator.nlp.fold import Doc
    from annotator.nlp.segment import segment

    doc = Doc.of(text)
    sentences = segment(doc.key)
    words = [doc.span(t.start, t.end) for s in sentences for t in s.tokens]
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in sorted(words):
        if s < pos:  # never happens with aligned tokens; keep the order strict anyway
            continue
        out += syllable_ranges(text, pos, s)
        out.append((s, e))
        pos = e
    out += syllable_ranges(text, pos)
    return out, {doc.start(s.start) for s in sentences}


def sentence_starts(text: str) -> set[int]:
    """Offsets where a sentence starts (underthesea's sentences, each line on its own)."""
    from annotator.nlp.fold import Doc
    from annotator.nlp.segment import sentence_ranges

    doc = Doc.of(text)
    return {doc.start(s) for s, _e in sentence_ranges(doc.key)}


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without white space at either end (empty when it is all white space)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def cut_at_boundaries(
    text: str, ranges: Iterable[tuple[int, int]], cuts: Sequence[int]
) -> list[tuple[int, int]]:
    """Split every range at the cut points inside it; trim white space off the pieces."""
    cuts = sorted(set(cuts))
    out: list[tuple[int, int]] = []
    for s, e in ranges:
        i = bisect_left(cuts, s + 1)
        points = [s]
        while i < len(cuts) and cuts[i] < e:
            points.append(cuts[i])
            i += 1
        points.append(e)
        for a, b in zip(points, points[1:], strict=False):
            a, b = trim(text, a, b)
            if a < b:
                out.append((a, b))
    return out


def tokenize(text: str, spans: Sequence[SpanKey], level: str, sentences: set[int] | None = None) -> Tokenized:
    """Tokens cut at every span boundary, sentences, and BIO tags for entities and tasks.

    ``sentences``: sentence start offsets (default: :func:`sentence_starts`).
    Raises :class:`AlignmentError` if a span still does not align (it cannot, by design).
    """
    if level == "word":
        base, found = word_ranges(text)
        sentences = found if sentences is None else sentences
    else:
        base = syllable_ranges(text)
    bounds = [x for s, e, _ in spans for x in (s, e)]
    tokens = cut_at_boundaries(text, base, bounds)
    starts = [s for s, _ in tokens]
    ends = [e for _, e in tokens]
    if sentences is None:
        sentences = sentence_starts(text)
    sorted_sents = sorted(sentences)
    first = [False] * len(tokens)
    prev_end = 0
    for i, (s, _e) in enumerate(tokens):
        # a new sentence where a line ends or a sentence starts between this token and the last
        if i == 0 or "\n" in text[prev_end:s]:
            first[i] = True
        else:
            j = bisect_left(sorted_sents, prev_end)
            first[i] = j < len(sorted_sents) and sorted_sents[j] <= s
        prev_end = _e
    entity_ranges: list[tuple[int, int, str]] = []
    task_ranges: list[tuple[int, int, str]] = []
    start_index = {s: i for i, s in enumerate(starts)}
    end_index = {e: i for i, e in enumerate(ends)}
    for s, e, label in spans:
        first_token, last_token = start_index.get(s), end_index.get(e)
        if first_token is None or last_token is None or last_token < first_token:
            raise AlignmentError(f"{label} [{s}, {e}) {text[s:e]!r} does not align with tokens")
        (task_ranges if layer_of_label(label) == "task" else entity_ranges).append(
            (first_token, last_token + 1, label)
        )
        for k in range(first_token + 1, last_token + 1):
            first[k] = False  # never break a sentence inside a span
    ent = bio.encode(len(tokens), entity_ranges)
    task = bio.encode(len(tokens), task_ranges)
    return Tokenized(starts, ends, first, ent, task)


def spans_from_bio(tags: Sequence[str], starts: Sequence[int], ends: Sequence[int]) -> list[SpanKey]:
    """Decode one BIO column back into (start, end, label) spans (used by the tests)."""
    return bio.spans(tags, starts, ends)
