"""What every rule needs to know about one text: key, tokens, sentences, zones.

Built once per text by :func:`analyse`; rules read it and never change it. All positions
are in the folded key (see :mod:`annotator.nlp.fold`); the pipeline maps the resulting
spans back to the original text at the very end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from annotator.nlp.fold import Doc
from annotator.nlp.lexicon import Tok, lex, patterns
from annotator.nlp.segment import Sentence, segment_fast, whitespace_tokens

# A candidate span before resolution: key offsets, label, the rule that made it.
SOURCE_PRIORITY = {
    "directive": 0,
    "official:cue": 1,
    "organization": 2,
    "official:surname": 3,
    "official:ner": 4,
}


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    label: str
    source: str
    confidence: float


class Intervals:
    """Non-overlapping ``[start, end)`` ranges, sorted; overlap tests in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(ranges or []):
            if not self.overlaps(s, e):
                self.add(s, e)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, end)  # ranges starting before `end`
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


_SOURCE_LINE = re.compile(
    r"^\s*[(\[]?\s*(?:nguồn|theo|ảnh|tin, ảnh|tin và ảnh|bài, ảnh|bài và ảnh|video|clip|"
    r"đồ họa|thực hiện|tác giả|tác giả bài viết|biên tập|tin|bài|ctv|pv|phóng viên|"
    r"cộng tác viên|nguồn tin)\s*[:：]",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?:;…”\")]\s*$")
# A photo or source credit inside a line: "(Ảnh: Nguyễn Hùng)", "Ảnh: TTXVN".
_INLINE_CREDIT = re.compile(
    r"(?i:[(\[]\s*(?:ảnh|nguồn|video|clip|đồ họa)\s*:[^)\]\n]{1,80}[)\]])"
    r"|(?i:(?<![\w])(?:ảnh|nguồn)\s*:\s*[^.\n;,()]{1,60}$)"
    # "... trụ sở công ty. Ảnh Tiền Phong": a credit without a colon, capitalised words
    # to the end of the line after a sentence
    r"|(?<=[.!?…]\s)Ảnh\s+(?:[A-ZĐ][\w.'/]*\s*){1,4}$",
    re.MULTILINE,
)
# A caption that opens with "Ảnh:" and names people is annotated like body text ("Ảnh:
# Đồng chí Hoàng Văn Kiên, Tỉnh ủy viên, ... trình bày báo cáo"); a credit is short.
_CAPTION = re.compile(
    r"^\s*ảnh\s*:\s*(?:đồng chí|các đồng chí|ông|bà|lãnh đạo|đại biểu|quang cảnh)\s", re.IGNORECASE
)


@dataclass
class Analysis:
    doc: Doc
    toks: list[Tok]
    sentences: list[Sentence]
    # key ranges where nothing is annotated (bylines, source lines)
    excluded: list[tuple[int, int]] = field(default_factory=list)
    # key ranges of event names: no ORGANIZATION or OFFICIAL inside
    events: list[tuple[int, int]] = field(default_factory=list)
    # underthesea word boundaries (key offsets)
    word_starts: set[int] = field(default_factory=set)
    word_ends: set[int] = field(default_factory=set)
    _tok_starts: list[int] = field(default_factory=list)
    # results of pure rule functions at token positions (:func:`memo`), so the grammar can
    # ask the same question from several places without paying twice
    memo: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        return self.doc.key

    def tok_index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self._tok_starts, offset)

    def adjacent(self, i: int, j: int) -> bool:
        """Tokens i and j are on one line with only spaces between them."""
        if j >= len(self.toks) or i < 0:
            return False
        gap = self.key[self.toks[i].end : self.toks[j].start]
        return "\n" not in gap and gap.strip() == ""

    def in_zone(self, zones: list[tuple[int, int]], start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in zones) or any(a < end and start < b for a, b in zones)

    def is_excluded(self, start: int, end: int) -> bool:
        return self.in_zone(self.excluded, start, end)


def memo(fn):
    """Cache ``fn(a, *args)`` on the analysis ``a`` (the function must be pure)."""
    name = fn.__qualname__

    def wrapper(a: Analysis, *args):
        key = (name, *args)
        try:
            return a.memo[key]
        except KeyError:
            out = a.memo[key] = fn(a, *args)
            return out

    wrapper.__doc__ = fn.__doc__
    wrapper.__name__ = fn.__name__
    wrapper.__qualname__ = name
    return wrapper


def _line_ranges(key: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in key.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _byline_zones(key: str) -> list[tuple[int, int]]:
    """Source lines anywhere, and the short unpunctuated lines that close an article."""
    lines = [(a, b) for a, b in _line_ranges(key) if key[a:b].strip()]
    zones = [(a, b) for a, b in lines if _SOURCE_LINE.match(key[a:b]) and not _CAPTION.match(key[a:b])]
    zones += [(m.start(), m.end()) for m in _INLINE_CREDIT.finditer(key)]
    # trailing bylines: after the last line that ends like a sentence, short lines only
    for a, b in reversed(lines[1:]):
        # "Bích Thọ - Xuân Đôn (Đài TT Yên Lập)": the outlet in parentheses ends no sentence
        text = re.sub(r"\s*\([^()]{0,60}\)\s*$", "", key[a:b].strip())
        if _SENTENCE_END.search(text) or len(text.split()) > 12:
            break
        zones.append((a, b))
    return zones


def analyse(text: str, use_underthesea: bool = True) -> Analysis:
    doc = Doc.of(text)
    key = doc.key
    toks = lex(key)
    sentences = segment_fast(key) if use_underthesea else whitespace_tokens(key)
    a = Analysis(doc, toks, sentences)
    a._tok_starts = [t.start for t in toks]
    for s in sentences:
        for t in s.tokens:
            a.word_starts.add(t.start)
            a.word_ends.add(t.end)
    a.excluded = _byline_zones(key)
    for pat in patterns("events"):
        a.events.extend((m.start(), m.end()) for m in pat.finditer(key))
    return a
