"""OFFICIAL: people named after a cue or a title, by a surname and names, or found by
underthesea's NER in the capitalised runs the rules left open.

    OFFICIAL := (CUE | TITLE [ORGANIZATION]) NAME | SURNAME Capitalised{1,3}
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from annotator.nlp.dictionary import word_end
from annotator.nlp.lexicon import lexicon
from annotator.proposals.analysis import Analysis, Candidate, Intervals
from annotator.proposals.grammar import phrases, span_text
from annotator.proposals.organizations import (
    blocks_run,
    cap_run,
    is_abbreviation,
    level_before,
    org_head,
    place_end,
)


def _hcm_excluded(a: Analysis, i: int, j: int) -> bool:
    if span_text(a, i, j) != "Hồ Chí Minh":
        return False
    before = a.key[max(0, a.toks[i].start - 40) : a.toks[i].start].rstrip().lower()
    return any(before.endswith(p.lower()) for p in lexicon("exclusions").phrases)


def officials(a: Analysis, org_spans: list[tuple[int, int]]) -> Iterator[Candidate]:
    """People named after a cue ("đồng chí", "ông") or a title and its body ("Phó Bí thư
    Tỉnh ủy"), and by a surname and names where no cue is written."""
    toks = a.toks
    n = len(toks)
    org_end_at = {a.tok_index(s): a.tok_index(e) for s, e in org_spans}
    surnames = lexicon("surnames")
    i = 0
    while i < n:
        j = lexicon("person_cues").match(toks, i)
        title_end = -1
        if j < 0:
            title_end = lexicon("titles").match_lenient(toks, i)
            j = _after_title(a, title_end, org_end_at)
        if j > 0:
            found = _name_after_cue(a, i, j)
            if found is not None:
                e, candidate = found
                if candidate is not None:
                    yield candidate
                i = e
                continue
        if title_end > i:
            i = title_end  # no name starts inside a title ("Phó Trưởng Ban Thường trực")
            continue
        if surnames.match(toks, i) > 0 and toks[i].cap and not _inside_run(a, i):
            e, named = _surname_name(a, i)
            if named:
                yield Candidate(toks[i].start, toks[e - 1].end, "OFFICIAL", "official:surname", 0.8)
            if e > i:
                i = e
                continue
        i += 1


def _after_title(a: Analysis, j: int, org_end_at: dict[int, int]) -> int:
    """Index where a name may start after a title that ends before token j and the bodies
    that follow it ("Phó Bí thư Tỉnh ủy | Nguyễn Văn A"), or -1 (no title, or a comma
    after it)."""
    toks = a.toks
    if j <= 0:
        return j
    if j - 1 in org_end_at and org_end_at[j - 1] > j:
        j = org_end_at[j - 1]  # "Trưởng đoàn Đại biểu Quốc hội tỉnh X"
    while j in org_end_at:
        j = org_end_at[j]
    if j < len(toks) and toks[j].text == ",":
        return -1
    return j


def _name_after_cue(a: Analysis, i: int, j: int) -> tuple[int, Candidate | None] | None:
    """The name at token j after a cue or title at token i: where to go on and the
    person (None where the name is "Hồ Chí Minh" in a set phrase); None when no name
    starts at j."""
    toks = a.toks
    if not (
        j < len(toks)
        and a.adjacent(j - 1, j)
        and toks[j].cap
        and not lexicon("titles").match_lenient(toks, j) > 0
        and not blocks_run(a, j)
        and cap_run(a, j, 5) > place_end(a, j)
    ):
        return None
    e = cap_run(a, j, 5)
    excluded = _hcm_excluded(a, j, e)
    if (
        e - j == 1
        and toks[i].lower in phrases().familiar_cues
        and len(toks[j].text) > 1
        and toks[j].text[1:].islower()
        and not excluded
    ):
        # "ông Hải nói": a person referred to by the given name alone
        return e, Candidate(toks[j].start, toks[j].end, "OFFICIAL", "official:cue", 0.7)
    if e - j >= 2:
        return e, None if excluded else Candidate(
            toks[j].start, toks[e - 1].end, "OFFICIAL", "official:cue", 0.9
        )
    return None


def _inside_run(a: Analysis, i: int) -> bool:
    """A surname at token i right after another capitalised word is inside that run,
    unless the word is an abbreviation or ends a place ("UBND TPHCM Lê Thanh Liêm")."""
    toks = a.toks
    return (
        i > 0
        and toks[i - 1].cap
        and toks[i - 1].word
        and a.adjacent(i - 1, i)
        and not is_abbreviation(toks[i - 1].text)
        and not any(place_end(a, k) == i for k in range(max(0, i - 4), i))
    )


def _surname_name(a: Analysis, i: int) -> tuple[int, bool]:
    """Where to go on after the surname at token i, and whether a person's name runs from
    it to there; (i, False) when nothing is found and the next token is to be tried."""
    toks = a.toks
    place = place_end(a, i)
    e = cap_run(a, i, 5)
    if (place > 0 and place >= e) or level_before(a, i):
        return max(place, i + 1), False  # "Hà Giang", "huyện Lê Chân", "khu phố Đoàn Kết"
    place_like = (
        e - i == 2
        and i > 0
        and toks[i - 1].lower in phrases().locatives
        and lexicon("middle_names").match(toks, i + 1) < 0
    )
    if e - i >= 2 and not place_like and not _hcm_excluded(a, i, e):
        return e, True
    return i, False


# -- OFFICIAL from underthesea's NER --------------------------------------------------------

_NER_WINDOW = 100  # characters each side of the run: underthesea's NER is quadratic in length


@cache
def _ner():
    from underthesea import ner

    return ner


def _unexplained_runs(a: Analysis, taken: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Token ranges of 2-5 capitalised words that no rule has explained."""
    toks = a.toks
    taken_set = Intervals(taken)
    i = 0
    while i < len(toks):
        if not (toks[i].cap and toks[i].word) or toks[i].text[0].isdigit():
            i += 1
            continue
        j = cap_run(a, i, 5)
        start, end = toks[i].start, toks[j - 1].end
        prev = toks[i - 1] if i else None
        sentence_start = prev is None or prev.text in '.!?:…"“' or "\n" in a.key[prev.end : start]
        if (
            j - i >= 2
            and not taken_set.overlaps(start, end)
            and not (sentence_start and j - i == 2)
            and not any(place_end(a, k) > 0 for k in range(i, j))
            and not level_before(a, i)
            and not a.is_excluded(start, end)
            and not _not_a_name(a, i, j)
        ):
            yield i, j
        i = max(j, i + 1)


def _not_a_name(a: Analysis, i: int, j: int) -> bool:
    """A capitalised run that cannot be a person's name, so underthesea's NER (slow) need
    not look at it: it opens with the head of a body, a title, a compass point or a
    calendar word ("Ban Chấp", "Ngày Dân", "Đông Nam", "Quý I"), it is "Hồ Chí Minh" in
    a set phrase, or it is a dictionary word ("Trung Quốc", "Triều Tiên")."""
    toks = a.toks
    if org_head(a, i) > 0 or blocks_run(a, i) or lexicon("not_name_starts").match(toks, i) > 0:
        return True
    if _hcm_excluded(a, i, j):
        return True
    return word_end(toks, i) >= j


def ner_officials(a: Analysis, taken: list[tuple[int, int]]) -> Iterator[Candidate]:
    """Person names found by underthesea's NER in the few places the rules left open."""
    from annotator.nlp.segment import Aligner

    aligner = None
    for i, j in _unexplained_runs(a, taken):
        start, end = a.toks[i].start, a.toks[j - 1].end
        lo = a.key.rfind("\n", 0, start) + 1
        hi = a.key.find("\n", end)
        hi = len(a.key) if hi < 0 else hi
        if start - lo > _NER_WINDOW:
            lo = a.key.find(" ", start - _NER_WINDOW) + 1
        if hi - end > _NER_WINDOW:
            hi = a.key.rfind(" ", end, end + _NER_WINDOW)
        aligner = aligner or Aligner(a.key)
        pos = lo
        current: tuple[int, int] | None = None
        person: tuple[int, int] | None = None
        for word, _pos, _chunk, tag in _ner()(a.key[lo:hi]):
            span = aligner.find(word, pos, hi)
            if span is None:
                continue
            pos = span[1]
            if tag == "B-PER" or (tag == "I-PER" and current is None):
                current = span
            elif tag == "I-PER" and current is not None:
                current = (current[0], span[1])
            else:
                current = None
            if current is not None and current[0] < end and start < current[1]:
                person = current
        if person is None:
            continue
        # keep the person inside the run: NER's extent, our capitalised boundaries
        s, e = max(person[0], start), min(person[1], end)
        ti, tj = a.tok_index(s), a.tok_index(e)
        if tj - ti >= 2 and a.toks[ti].start == s:
            yield Candidate(s, a.toks[tj - 1].end, "OFFICIAL", "official:ner", 0.6)
