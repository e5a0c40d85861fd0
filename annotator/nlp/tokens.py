"""Tokens of Vietnamese text: syllables (with numbers and codes) and word ranges.

The one tokenizer below every other: a syllable is letters with their combining marks,
joined by "-", "/", ".", "'" inside codes and numbers (05-CT/TW, 72/2013/NĐ-CP, 9.000,
H'Hen); any other character that is not white space is a token of its own. The rules
(:mod:`annotator.nlp.lexicon`), the window's snapping (:class:`Words`), export's
syllable level and agreement's tokens all cut text this way; underthesea's words come
from :mod:`annotator.nlp.segment`.

Qt-free, no database.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Letters with their combining marks (NFD text), codes like 05-CT/TW, single punctuation.
_W = r"[\w\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
SYLLABLE = re.compile(rf"{_W}+(?:[-/.'’]{_W}+)*|[^\w\s\u0300-\u036f]")


@dataclass(frozen=True)
class Words:
    """Sorted word ranges of a text, for snapping and word-by-word boundary moves."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    from_segmenter: bool = False

    @classmethod
    def simple(cls, text: str) -> Words:
        """Syllables, numbers/codes and punctuation marks: always available, instant."""
        spans = [(m.start(), m.end()) for m in SYLLABLE.finditer(text)]
        return cls(tuple(s for s, _ in spans), tuple(e for _, e in spans))

    @classmethod
    def of(cls, ranges: list[tuple[int, int]], from_segmenter: bool = True) -> Words:
        ranges = sorted(ranges)
        return cls(tuple(s for s, _ in ranges), tuple(e for _, e in ranges), from_segmenter)

    def snap(self, start: int, end: int) -> tuple[int, int]:
        """Grow ``[start, end)`` to whole words; drop white space and outer punctuation."""
        if not self.starts or start >= end:
            return start, end
        i = bisect_right(self.starts, start) - 1  # word starting at or before start
        if i >= 0 and self.ends[i] > start:
            start = self.starts[i]
        else:
            i += 1
            if i < len(self.starts):
                start = max(start, self.starts[i])
        j = bisect_left(self.ends, end)  # word ending at or after end
        if j < len(self.ends) and self.starts[j] < end:
            end = self.ends[j]
        else:
            j -= 1
            if j >= 0:
                end = min(end, self.ends[j])
        return start, end

    def start_left(self, start: int) -> int:
        i = bisect_left(self.starts, start) - 1
        return self.starts[i] if i >= 0 else start

    def start_right(self, start: int, end: int) -> int:
        i = bisect_right(self.starts, start)
        return self.starts[i] if i < len(self.starts) and self.starts[i] < end else start

    def end_right(self, end: int) -> int:
        j = bisect_right(self.ends, end)
        return self.ends[j] if j < len(self.ends) else end

    def end_left(self, start: int, end: int) -> int:
        j = bisect_left(self.ends, end) - 1
        return self.ends[j] if j >= 0 and self.ends[j] > start else end


def syllable_ranges(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each syllable (or code, number, punctuation mark) of
    ``text[start:end]``, in ``text``'s offsets."""
    end = len(text) if end is None else end
    return [(m.start(), m.end()) for m in SYLLABLE.finditer(text, start, end)]
