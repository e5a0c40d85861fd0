"""DIRECTIVE: the documents a report cites, by type and number or by name.

    DIRECTIVE := TYPE ["số"] ID ["(" "khóa" ROMAN ")"]
               | "Nghị quyết" "Trung ương" NUM [term] | "Nghị quyết" "Đại hội" ... "lần thứ" N
               | LAW_TYPE Capitalised-title | NAMED_DOCUMENT

The types and names are word lists in ``resources/proposals/``; the function words of
the grammar ("số", "khóa", "lần thứ") stay here, beside the pattern they belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from annotator.nlp.lexicon import lexicon
from annotator.proposals.analysis import Analysis, Candidate
from annotator.proposals.grammar import DOC_ID, NUMBER, ROMAN, YEAR, canon_core, one_phrase, span_text


def _directive_end(a: Analysis, i: int) -> int:
    """Index past a directive starting at token i, or -1: a type, then its number, or a
    resolution named by its meeting, or a law named by its title."""
    toks = a.toks
    # the longest type however its inner words are capitalised ("Thông báo Kết luận số
    # ..."); a type whose first word is in lower case must prove itself ("kế hoạch số 12")
    j = lexicon("directive_types", fold_case=True).match(toks, i)
    if j < 0:
        return -1
    has_so = j < len(toks) and toks[j].lower == "số" and a.adjacent(j - 1, j)
    k = j + 1 if has_so else j
    if k < len(toks) and a.adjacent(k - 1, k) and DOC_ID.match(toks[k].text) and toks[k].text[0].isdigit():
        return _numbered_end(a, i, k, has_so)
    if canon_core(span_text(a, i, j)) == "Nghị quyết":
        if not toks[i].cap and not _named_by_meeting(a, k):
            return -1  # "nghị quyết Đại hội XIII", "nghị quyết trung ương 4" are one; "các
            # nghị quyết" are not
        end = _resolution_end(a, k)
        if end > 0:
            return end
    elif not toks[i].cap:
        return -1
    if lexicon("law_types").match(toks, i) == j and j < len(toks) and toks[j].cap and a.adjacent(j - 1, j):
        return _law_title_end(a, j)
    return -1


def _numbered_end(a: Analysis, i: int, k: int, has_so: bool) -> int:
    """Index past a document's number at token k and its code ("Chỉ thị số 05-CT/TU",
    "Kết luận 35- KL/TW"), or -1 where the number is not a document's."""
    toks = a.toks
    end = k + 1
    if not toks[i].cap and not has_so and not _CODE.search(toks[k].text):
        return -1  # "kế hoạch 12" is not a document; "kế hoạch số 12-KH/TU",
        # "công văn 119/TCHQ-GSQL" are
    if not has_so and YEAR.match(toks[k].text) and not _spaced_code(a, end):
        return -1  # "Kế hoạch 2024" names a year's plan, not a numbered document
    if (
        not has_so
        and toks[k].text.isdigit()
        and len(toks[k].text) <= 2
        and end < len(toks)
        and toks[end].lower == "năm"
    ):
        return -1  # "Kế hoạch 05 năm 2021-2025" is a five-year plan
    end = _spaced_code(a, end) or end  # "35- CT/TW", "39 /CĐ-TTg": a code typed apart
    return _term(a, end)


def _named_by_meeting(a: Analysis, k: int) -> bool:
    """The words at token k name a resolution by its meeting ("Đại hội XIII", "Đại hội
    ... lần thứ XIX", "Trung ương 4"), which a resolution in lower case needs."""
    toks = a.toks
    n = len(toks)
    if k + 2 >= n:
        return False
    words = span_text(a, k, k + 2)
    if words == "Đại hội":
        nxt = toks[k + 2].text
        return bool(ROMAN.match(nxt) and (nxt.isupper() or nxt.isdigit())) or any(
            toks[m].lower == "lần" for m in range(k + 2, min(n, k + 14))
        )
    return words.lower() == "trung ương" and bool(NUMBER.match(toks[k + 2].text))


def _resolution_end(a: Analysis, k: int) -> int:
    """Index past a resolution named without a number from token k: by a plenum of the
    Central Committee ("Nghị quyết Trung ương 4", "Nghị quyết Hội nghị lần thứ 10 Ban
    Chấp hành Trung ương Đảng khóa XIII") or by a congress ("Nghị quyết Đại hội XIII"),
    or -1."""
    toks = a.toks
    n = len(toks)
    tw = one_phrase("Trung ương").match_lenient(toks, k) if k < n else -1
    if tw > 0 and tw < n and NUMBER.match(toks[tw].text):
        return _term(a, tw + 1)
    if k + 1 < n and toks[k].text == "Hội" and toks[k + 1].text == "nghị":
        return _plenum_end(a, k)
    if k < n and toks[k].text == "Đại":
        return _congress_end(a, k)
    return -1


def _plenum_end(a: Analysis, k: int) -> int:
    """Index past a plenum's name at token k, which is an event name of its own, with its
    term; -1 if no event starts there."""
    toks = a.toks
    ends = [e for s, e in a.events if s == toks[k].start]
    if not ends:
        return -1
    end = a.tok_index(max(ends))
    # the event pattern may stop inside the term: "(khóa XI, khóa XII)"
    for back in (3, 2):
        if (
            end - back > k
            and toks[end - back + (back == 3)].lower in ("khóa", "khoá")
            and (back == 2 or toks[end - 3].text == "(")
        ):
            end -= back
            break
    return _term(a, end)


def _congress_end(a: Analysis, k: int) -> int:
    """Index past a congress named at token k: "Đại hội XIII", "Đại hội 13", "Đại hội
    đại biểu Đảng bộ tỉnh lần thứ XIX"; or -1."""
    toks = a.toks
    n = len(toks)
    if not (k + 1 < n and toks[k + 1].text == "hội"):
        return -1
    m = k + 2
    if m < n and ROMAN.match(toks[m].text) and (toks[m].text.isupper() or toks[m].text.isdigit()):
        return m + 1
    limit = min(n, m + 12)
    while m < limit and toks[m].word:
        if (
            toks[m].lower == "lần"
            and m + 2 < n
            and toks[m + 1].lower == "thứ"
            and ROMAN.match(toks[m + 2].text)
        ):
            return m + 3
        m += 1
    return -1


def _law_title_end(a: Analysis, j: int) -> int:
    """Index past a law's title starting at token j ("Luật Đất đai", "Luật Phòng, chống
    tham nhũng", "Luật Nhà ở"): capitalised or lower-case words up to a stop word, a
    number or eight words."""
    toks = a.toks
    n = len(toks)
    stops = lexicon("law_stop_words", fold_case=True)
    m = j + 1
    while m < n and m - j < 8:
        if (
            toks[m].text == ","
            and toks[m - 1].lower == "phòng"
            and m + 1 < n
            and toks[m + 1].lower == "chống"
            and a.adjacent(m, m + 1)
        ):
            m += 2  # "Luật Phòng, chống tham nhũng": the comma is part of the title
            continue
        if toks[m].lower == "ở" and toks[m - 1].lower == "nhà" and a.adjacent(m - 1, m):
            m += 1  # "Luật Nhà ở": housing, not "at"
            continue
        if not (
            toks[m].word
            and a.adjacent(m - 1, m)
            and not toks[m].text[0].isdigit()
            and toks[m].lower not in ("năm", "số")
            and stops.match(toks, m) < 0
        ):
            break
        m += 1
    return m


_CODE = re.compile(r"[A-ZĐ][\w]*(?:[-/][\w]+)+$")


def _spaced_code(a: Analysis, end: int) -> int:
    """Index past a document code typed apart from its number: "35- CT/TW", "39 /CĐ-TTg",
    "35 - NQ/TW" (a dash or slash, then an upper-case code with its own joiner), or 0."""
    toks = a.toks
    if (
        end + 1 < len(toks)
        and toks[end].text in ("-", "/")
        and _CODE.match(toks[end + 1].text)
        and "\n" not in a.key[toks[end - 1].end : toks[end + 1].start]
        and len(a.key[toks[end - 1].end : toks[end + 1].start]) <= 3
    ):
        return end + 2
    return 0


def _term(a: Analysis, end: int) -> int:
    """Index past the term after a resolution: "(khóa XII)", "(khóa XI, khóa XII)",
    "khóa XIII" (``end`` if there is none)."""
    toks = a.toks
    n = len(toks)
    if (
        end < n
        and toks[end].lower in ("khóa", "khoá")
        and end + 1 < n
        and ROMAN.match(toks[end + 1].text)
        and a.adjacent(end, end + 1)
    ):
        return end + 2
    if not (end < n and toks[end].text == "(" and a.adjacent(end - 1, end)):
        return end
    m = end + 1
    while m + 1 < n and toks[m].lower in ("khóa", "khoá") and ROMAN.match(toks[m + 1].text):
        m += 2
        if m < n and toks[m].text == ")":
            return m + 1
        if not (m < n and toks[m].text == ","):
            break
        m += 1
    return end


def _named_document(a: Analysis, i: int) -> int:
    """Index past a founding document named without a number ("Điều lệ Đảng", "Hiến
    pháp", "Cương lĩnh ..."), or -1; in lower case only with a capital later."""
    docs = lexicon("named_documents")
    j = docs.match(a.toks, i)
    if j < 0:
        j = docs.match_lenient(a.toks, i)
        if j > 0 and not any(t.cap for t in a.toks[i + 1 : j]):
            return -1
    return j


def directives(a: Analysis) -> Iterator[Candidate]:
    i = 0
    while i < len(a.toks):
        j = max(_directive_end(a, i), _named_document(a, i))
        if j > i:
            yield Candidate(a.toks[i].start, a.toks[j - 1].end, "DIRECTIVE", "directive", 0.95)
            i = j
        else:
            i += 1
