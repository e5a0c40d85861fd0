"""ORGANIZATION: a body's core name, then what attaches to it.

    ORGANIZATION := CORE ( "(" ABBR ")" | PARENT | LEVEL [PLACE] | PLACE )*

The cores are tried as named steps (``_CORE_STEPS``), each a kind of body: task forces,
bodies that stand alone, local committees, units of a parent, named bodies, fronts,
committees, departments, the Party, the State, abbreviations. The runs of capitalised
words that make places and names are here too; :mod:`annotator.proposals.officials`
reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from annotator.nlp import wordlists
from annotator.nlp.dictionary import word_end
from annotator.nlp.lexicon import Lexicon, lexicon, on_change, phrase_tokens
from annotator.proposals.analysis import Analysis, Candidate, memo
from annotator.proposals.grammar import NUMBER, ROMAN, canon_core, phrases, span_text


@memo
def _org_match(a: Analysis, name: str, i: int) -> int:
    """Index past a phrase of list ``name`` at token i, also written with lower-case
    words where the list capitalises them ("ủy ban MTTQ", "sở Tư pháp", "ban Thường vụ"),
    as long as some word of it is still capitalised: "huyện ủy" alone in lower case is
    too often generic ("các huyện ủy") to propose."""
    lex = lexicon(name)
    exact = lex.match(a.toks, i)
    j = lex.match_lenient(a.toks, i)
    if j > exact and (
        any(t.cap for t in a.toks[i:j]) or (a.adjacent(j - 1, j) and place_end(a, j) > 0)
    ):  # "huyện ủy Vị Xuyên"
        return j
    return exact


@cache
def one_phrase(text: str) -> Lexicon:
    return Lexicon([text])


@memo
def place_end(a: Analysis, i: int) -> int:
    """Index past a known place name at token i (a province, a former province or a
    district), or -1."""
    return max(lexicon("provinces").match(a.toks, i), lexicon("districts").match(a.toks, i))


def level_before(a: Analysis, i: int) -> bool:
    """A place level ("xã", "khu phố", "Tổ dân phố") ends right before token i."""
    levels = lexicon("place_levels", fold_case=True)
    return any(levels.match(a.toks, k) == i for k in range(max(0, i - 3), i))


@memo
def _person_start(a: Analysis, i: int) -> bool:
    """A capitalised run at token i is a person's name rather than a place: a surname and
    two or more names ("Chẩu Văn Lâm" too, by its middle name), or a surname and a middle
    name; never a known place ("Tỉnh ủy Bắc Kạn", "huyện Định Hóa")."""
    toks = a.toks
    if i >= len(toks) or not toks[i].cap or place_end(a, i) > 0:
        return False
    run = cap_run(a, i, 5)
    middle = run - i >= 2 and lexicon("middle_names").match(toks, i + 1) > 0
    if lexicon("surnames").match(toks, i) < 0:
        # an unlisted surname: three or four names with a middle name in second place,
        # none of them starting a place ("Bệnh viện Nhi Thanh Hóa")
        return (
            3 <= run - i <= 4
            and middle
            and toks[i].text[1:].islower()
            and not any(place_end(a, k) > 0 for k in range(i + 1, run))
        )
    if run - i >= 3:
        return True
    return run - i == 2 and middle


@memo
def blocks_run(a: Analysis, i: int) -> bool:
    """Token i starts something that cannot be part of a name or place run: a title, a
    body or its head ("Ban", "Sở", "Trường"), a document type."""
    return (
        any(
            lexicon(name).match(a.toks, i) > 0
            for name in ("titles", "committees", "org_standalone", "directive_types", "org_named")
        )
        or _unit_heads().match(a.toks, i) > 0
    )


@memo
def cap_run(a: Analysis, i: int, limit: int) -> int:
    """Index past a run of adjacent capitalised words starting at i (at most ``limit``)."""
    toks = a.toks
    j = i
    while (
        j < len(toks)
        and j - i < limit
        and toks[j].word
        and toks[j].cap
        and not toks[j].text[0].isdigit()
        and not is_abbreviation(toks[j].text)
        and toks[j].lower not in phrases().never_in_names
        and (j == i or a.adjacent(j - 1, j))
        and (j == i or not blocks_run(a, j))
    ):
        j += 1
    return j


def _title_case(text: str) -> bool:
    """Written like a name: a capital, then lower case ("Tư", "Điều"), not "CC"."""
    return len(text) > 1 and text[0].isupper() and text[1:].islower()


def is_abbreviation(text: str) -> bool:
    """An upper-case abbreviation ("BCĐ", "TNCS", "XIV"), never part of a name or place."""
    return len(text) > 1 and text.isupper()


@memo
def _level(a: Analysis, i: int) -> int:
    """Index past a place level at token i ("tỉnh", "huyện", "xã", "thôn", ...), or -1;
    "xã hội" (society) is no level."""
    j = lexicon("place_levels").match(a.toks, i)
    if j > 0 and a.toks[i].lower == "xã" and j < len(a.toks) and a.toks[j].lower == "hội":
        return -1
    return j


def _place_run(a: Analysis, i: int, limit: int = 3) -> int:
    """Index past a place name at token i: a capitalised run that stops where a person's
    name begins ("huyện Mường Khương | Vàng Seo Lử", "xã Tân Phú | Nguyễn Văn An")."""
    known = place_end(a, i)
    if known > 0:
        return known
    end = cap_run(a, i, limit)
    for k in range(i + 1, end):
        if _person_start(a, k):
            return k
    return end


@cache
def _not_in_tails() -> Lexicon:
    """Words that end a department's name written in lower case: verbs of what bodies do
    and say, and the cue words ("Sở Nội vụ trình ...", "Cục Thống kê cho biết ...")."""
    words: list[str] = []
    for name in ("org_stop_words", "task_verbs", "speech_verbs", "task_report_words", "task_cues"):
        words.extend(wordlists.lines(name))
    return Lexicon(words, fold_case=True)


wordlists.on_change(_not_in_tails.cache_clear)


@memo
def _named_end(a: Analysis, i: int, h: int, tail: bool = False) -> int:
    """Index past the name after a head that takes one ("Công ty" + "Cổ phần Xi măng và
    Khoáng sản", "Tiểu ban" + "Nhân sự"), or -1. The name is capitalised words; "và"
    joins two of them; heads in ``phrases().named_body_heads`` ("Trung tâm", "Nhà máy") may have
    lower-case words when a capitalised one or a place follows ("Nhà máy xi măng Yên
    Bái"); the name stops before a place, which the caller attaches.

    ``tail``: a department's name, which official style writes with one capital ("Vụ
    Hợp tác quốc tế", "Cục Điều tra chống buôn lậu"): after a part with a single
    capital, lower-case words go on until a verb, a cue or a stop word."""
    toks = a.toks
    n = len(toks)
    head = canon_core(span_text(a, i, h))
    lower_ok = head in phrases().named_body_heads
    stops = lexicon("org_stop_words", fold_case=True)

    def name_word(m: int) -> bool:
        # a stop word written with a capital is part of the name ("Phòng Tổ chức cán bộ")
        return (
            toks[m].word
            and not toks[m].text[0].isdigit()
            and a.adjacent(m - 1, m)
            and (toks[m].cap or stops.match(toks, m) < 0)
            and not blocks_run(a, m)
            and place_end(a, m) < 0
            and _level(a, m) < 0
            and not _person_start(a, m)
        )

    m = h
    if lower_ok and m < n and not toks[m].cap:
        # lower-case words only on the way to a capitalised name or a place
        k = m
        while k < n and k - m < 3 and name_word(k) and not toks[k].cap:
            k += 1
        if not (k < n and a.adjacent(k - 1, k) and (toks[k].cap or place_end(a, k) > 0)):
            return -1
        m = k
    if m >= n or not (toks[m].cap and name_word(m)):
        # a place names it ("Báo Cà Mau", "Nhà máy xi măng Yên Bái"): the caller attaches it
        return m if m < n and place_end(a, m) > 0 else -1
    m += 1
    capitals = 1  # capitalised words in the part of the name since the last joiner
    tail_words = 0
    while m < n and m - h < 12:
        if (
            toks[m].lower in ("và", "-")
            and m + 1 < n
            and toks[m + 1].cap
            and name_word(m + 1)
            and a.adjacent(m, m + 1)
            and org_head(a, m + 1) < 0
            and toks[m - 1].word
        ):
            m += 2  # "Xi măng và Khoáng sản", "Thông tin - Truyền thông"
            capitals = 1
            continue
        if name_word(m) and not toks[m].cap and not lower_ok:
            # a word written with one capital goes on in lower case: "Cục Thống kê",
            # "Bộ Giao thông vận tải"
            w = word_end(toks, m - 1)
            if w > m and all(name_word(k) and not toks[k].cap for k in range(m, w)):
                m = w
                continue
            if tail and capitals == 1 and tail_words < 6 and _not_in_tails().match(toks, m) < 0:
                m += 1  # "Vụ Hợp tác quốc tế"
                tail_words += 1
                continue
            break
        if not name_word(m):
            break
        capitals += toks[m].cap
        m += 1
    return m


@memo
def org_head(a: Analysis, i: int) -> int:
    """Index past any organization head at token i ("Trường", "Sở", "Tỉnh ủy"), or -1."""
    return max(
        _org_match(a, "org_named", i),
        _unit_heads().match_lenient(a.toks, i),
        _org_match(a, "committees", i),
        _org_match(a, "org_standalone", i),
    )


@on_change
@cache
def _core_starts() -> frozenset[str]:
    """Lower-cased words an organization core can start with (a fast test for the
    tokens that start none, which are most of them)."""
    words = {"đảng", "nhà"}
    for name in ("org_standalone", "org_local", "org_named", "committee_fronts", "committees"):
        words.update(p[0].lower() for p in map(phrase_tokens, lexicon(name).phrases) if p)
    words.update(p[0].lower() for p in map(phrase_tokens, _unit_heads().phrases) if p)
    return frozenset(words)


CoreEnd = tuple[int, bool]  # index past the core (-1: none), and whether it takes a name


@memo
def _core_end(a: Analysis, i: int) -> CoreEnd:
    """Index past an organization core at token i (or -1), and whether it takes a name.

    The kinds of core are tried in order; the first that decides wins (a step returns
    None when the core is not of its kind)."""
    toks = a.toks
    if toks[i].lower not in _core_starts() and not is_abbreviation(toks[i].text):
        return -1, False
    for step in _CORE_STEPS:
        found = step(a, i)
        if found is not None:
            return found
    return -1, False


def _task_force_core(a: Analysis, i: int) -> CoreEnd | None:
    """A task force ("Đoàn kiểm tra"), with the body that sends it when named."""
    toks, n = a.toks, len(a.toks)
    t = lexicon("task_forces").match(toks, i)
    if t > 0 and toks[i].cap:
        # "Đoàn kiểm tra của Ban Bí thư": the body that sends the group is in its name
        if t + 1 < n and toks[t].lower == "của" and a.adjacent(t - 1, t):
            inner, takes = _core_end(a, t + 1)
            if inner > t + 1:
                return _extend(a, inner, takes), False
        if span_text(a, i, t) != "Đoàn đại biểu":
            return t, False
    return None


def _standalone_core(a: Analysis, i: int) -> CoreEnd | None:
    """A body that needs nothing after it ("Bộ Chính trị", "Ban Chỉ đạo 35")."""
    toks, n = a.toks, len(a.toks)
    j = _org_match(a, "org_standalone", i)
    if j > 0:
        if span_text(a, i, j).lower().endswith("chỉ đạo") and j < n and NUMBER.match(toks[j].text):
            j += 1
        return j, False
    return None


def _local_core(a: Analysis, i: int) -> CoreEnd | None:
    """A body named by the level or place after it ("Ban Quản lý Khu kinh tế tỉnh"):
    before the unit rule, which would stop at "Ban Quản lý"."""
    n = len(a.toks)
    loc = _org_match(a, "org_local", i)
    if loc > 0 and loc < n and a.adjacent(loc - 1, loc) and (_level(a, loc) > 0 or place_end(a, loc) > 0):
        return loc, False
    return None


def _unit_core(a: Analysis, i: int) -> CoreEnd | None:
    """A unit head and its name from the lists ("Ban Tuyên giáo", "Sở Tư pháp"), or a
    head of a committee with its parent after it ("Văn phòng Tỉnh ủy")."""
    toks, n = a.toks, len(a.toks)
    for h in _unit_heads().ends(toks, i, lenient=True):  # "Ban Chỉ đạo ...", else "Ban"
        if (
            h < n
            and canon_core(span_text(a, i, h)) in phrases().committee_heads
            and a.adjacent(h - 1, h)
            and (
                lexicon("committees").match(toks, h) > 0
                or lexicon("org_standalone").match(toks, h) > 0
                or _core_end(a, h)[0] > h
            )
        ):
            # "Văn phòng Tỉnh ủy", "Đảng đoàn Hội Nhà báo", "Ban Giám hiệu trường Chính
            # trị": the parent follows
            return max(h, _core_end(a, h)[0]) if _core_end(a, h)[0] > h and not (
                lexicon("committees").match(toks, h) > 0
            ) else h, False
        if (toks[i].lower != "ban" or toks[i].cap or (i > 0 and toks[i - 1].lower == "trưởng")) and (
            toks[i].cap or (h < n and _title_case(toks[h].text))
        ):
            # a head in lower case only before a name written like one: "sở Tư pháp",
            # never "phục vụ nhân dân", "cán bộ CC"
            m = _unit_name_end(a, i, h)
            if m > 0 and a.adjacent(h - 1, h):
                return m, False
    return None


def _unit_name_end(a: Analysis, i: int, h: int) -> int:
    """Past the name of the unit whose head ends at h (0 or less: none); a steering
    committee takes its number or purpose ("Ban Chỉ đạo 35", "... phòng, chống tham
    nhũng")."""
    toks, n = a.toks, len(a.toks)
    m = _unit_names().match(toks, h)
    if h < n and toks[h].cap:  # "Tiểu ban Kinh tế - xã hội"
        m = max(m, _unit_names().match_lenient(toks, h))
    steering = m > 0 and span_text(a, h, m).lower() == "chỉ đạo"
    if m > 0 and toks[h].cap and toks[h].text != "Đảng" and not steering:
        m = max(m, _named_end(a, i, h, True))  # "Sở Thông tin - Truyền thông"
    if m > 0 and a.adjacent(h - 1, h):
        if steering and m < n and NUMBER.match(toks[m].text):
            m += 1  # "Ban Chỉ đạo 35"
        elif steering:
            if m < n and toks[m].text in ("Quốc", "Trung") and a.adjacent(m - 1, m):
                m = max(m, one_phrase("Quốc gia").match(toks, m), one_phrase("Trung ương").match(toks, m))
            if m < n and a.adjacent(m - 1, m):  # "Ban Chỉ đạo phòng, chống tham nhũng"
                m = max(m, lexicon("steering_purposes", fold_case=True).match(toks, m))
    return m


def _named_core(a: Analysis, i: int) -> CoreEnd | None:
    """A named body's head ("Bệnh viện", "Trường") and its name; in lower case only with
    a capitalised name ("bệnh viện Nhiệt đới Trung ương")."""
    toks, n = a.toks, len(a.toks)
    h = lexicon("org_named").match_lenient(toks, i)
    if h > 0 and h < n and a.adjacent(h - 1, h) and not toks[h].cap and _level(a, h) > 0 and toks[i].cap:
        return h, False  # "Bảo tàng tỉnh", "Trường Chính trị tỉnh": the level names it
    if h > 0 and h < n and a.adjacent(h - 1, h):
        m = _named_end(a, i, h)
        if m >= h and (toks[i].cap or toks[m].cap):
            return m, False
    return None


def _front_core(a: Analysis, i: int) -> CoreEnd | None:
    """A committee's front ("Ban Thường vụ") with its committee or local body."""
    n = len(a.toks)
    f = _org_match(a, "committee_fronts", i)
    if f > 0 and f < n and a.adjacent(f - 1, f):
        loc = _org_match(a, "org_local", f)
        if loc > 0 and loc < n and a.adjacent(loc - 1, loc) and (_level(a, loc) > 0 or place_end(a, loc) > 0):
            return loc, False  # "Ban Thường vụ Đảng ủy khối các cơ quan tỉnh"
        c = _org_match(a, "committees", f)
        if c > 0 and canon_core(span_text(a, f, c)) in phrases().committees_taking_names:
            return c, True
    return None


def _committee_core(a: Analysis, i: int) -> CoreEnd | None:
    """A committee or council ("Tỉnh ủy", "UBND"); "Trung ương" only as the Central
    Committee, not as a modifier ("các bộ, ngành Trung ương")."""
    toks, n = a.toks, len(a.toks)
    c = _org_match(a, "committees", i)
    if c <= 0:
        return None
    name = span_text(a, i, c)
    if name == "Trung ương":
        prev = toks[i - 1].lower if i else ""
        modifier = prev in phrases().central_modifiers and not toks[i - 1].cap
        if (c < n and NUMBER.match(toks[c].text)) or modifier:
            return -1, False
    return c, canon_core(name) in phrases().committees_taking_names


def _department_core(a: Analysis, i: int) -> CoreEnd | None:
    """A department head with a name no list has: "Cục Thống kê", "Sở Thông tin - Truyền
    thông"."""
    toks, n = a.toks, len(a.toks)
    for h in _unit_heads().ends(toks, i, lenient=True):
        if (
            h < n
            and toks[h].cap
            and a.adjacent(h - 1, h)
            and (toks[i].cap or toks[i].lower != "ban")
            and toks[h].text != "Đảng"
            and not _person_start(a, h)
            and (toks[i].cap or _title_case(toks[h].text))
        ):
            m = _named_end(a, i, h, True)
            if m > h:
                return m, False
    return None


def _party_core(a: Analysis, i: int) -> CoreEnd | None:
    """ "Đảng" alone (the Party), not in "Đảng bộ", "đại hội Đảng" or "cấp ủy Đảng"."""
    toks, n = a.toks, len(a.toks)
    if toks[i].text != "Đảng" or (i + 1 < n and toks[i + 1].text in phrases().party_next_block):
        return None
    before = toks[i - 1] if i else None
    if before is not None and before.lower == "hội":  # "đại hội Đảng" is an event
        return -1, False
    if (
        before is not None
        and before.lower in phrases().party_modifiers
        and a.adjacent(i - 1, i)
        and (not before.cap or before.lower == "ban")
    ):
        return -1, False  # "cấp ủy Đảng", "tổ chức Đảng": a generic
    return i + 1, False


def _state_core(a: Analysis, i: int) -> CoreEnd | None:
    """ "Nhà nước" (the State)."""
    toks = a.toks
    if toks[i].text == "Nhà" and i + 1 < len(toks) and toks[i + 1].text == "nước":
        return i + 2, False
    return None


def _abbreviation_core(a: Analysis, i: int) -> CoreEnd | None:
    """An abbreviation named by a level and a place: "TTBDCT huyện Cái Bè", "LĐLĐ tỉnh"."""
    toks = a.toks
    if (
        is_abbreviation(toks[i].text)
        and len(toks[i].text) >= 3
        and toks[i].text.isalpha()
        and i + 1 < len(toks)
        and a.adjacent(i, i + 1)
        and not toks[i + 1].cap
        and _level(a, i + 1) > 0
        and lexicon("not_bodies").match(toks, i) < 0
    ):
        return i + 1, False
    return None


_CORE_STEPS = (
    _task_force_core,
    _standalone_core,
    _local_core,
    _unit_core,
    _named_core,
    _front_core,
    _committee_core,
    _department_core,
    _party_core,
    _state_core,
    _abbreviation_core,
)


@on_change
@cache
def _unit_lists() -> tuple[Lexicon, Lexicon]:
    """Heads and department names from org_units.txt ("head: Ban", "name: Tuyên giáo")."""
    heads: list[str] = []
    names: list[str] = []
    for line in wordlists.lines("org_units"):
        kind, _, value = line.partition(":")
        (heads if kind.strip() == "head" else names).append(value.strip())
    return Lexicon(heads), Lexicon(names)


def _unit_heads() -> Lexicon:
    return _unit_lists()[0]


def _unit_names() -> Lexicon:
    return _unit_lists()[1]


def _extend(a: Analysis, j: int, takes_name: bool, start: int = -1) -> int:
    """Attach abbreviations, parents, levels and places after an organization core
    (starting at token ``start``)."""
    toks = a.toks
    n = len(toks)
    if (
        start >= 0
        and toks[start].text == "Tiểu"
        and j + 2 <= n
        and span_text(a, j, j + 2) == "Đại hội"
        and j + 2 < n
        and ROMAN.match(toks[j + 2].text)
        and a.adjacent(j - 1, j)
    ):
        return j + 3  # "Tiểu ban Nhân sự Đại hội XIV": the congress it works for names it
    for _ in range(6):
        other = _second_office_body(a, start, j)
        if other > 0:
            j = other  # one office of two bodies: "Văn phòng Đoàn ĐBQH và HĐND tỉnh"
            continue
        if j >= n or not a.adjacent(j - 1, j):
            return j
        if toks[j].text == "(" and j + 2 < n and toks[j + 1].text.isupper() and toks[j + 2].text == ")":
            j += 3
            continue
        loc = _org_match(a, "org_local", j)
        if loc > 0 and loc < n and a.adjacent(loc - 1, loc) and (_level(a, loc) > 0 or place_end(a, loc) > 0):
            j, takes_name = loc, False  # "Ban Thường vụ Đảng ủy khối các cơ quan tỉnh"
            continue
        # a parent written in lower case is a spelling habit: "Ban Tổ chức trung ương"
        c = max(lexicon("committees").match(toks, j), lexicon("committees").match_lenient(toks, j))
        if c > 0 and lexicon("org_standalone").match(toks, j) <= c:
            name = canon_core(span_text(a, j, c))
            if name.lower() == "trung ương" and c < n and NUMBER.match(toks[c].text):
                return j
            j, takes_name = c, name in phrases().committees_taking_names
            continue
        p = place_end(a, j)
        if p > 0:
            return _after_place(a, p)
        o = lexicon("org_standalone").match(toks, j)
        if o > 0:  # "Đảng đoàn Hội Nhà báo Việt Nam": a full name as the parent
            j, takes_name = o, False
            continue
        lv = _level(a, j)
        if lv > 0:
            return _after_level(a, lv)
        if (
            takes_name
            and toks[j].cap
            and toks[j].word
            and not toks[j].text[0].isdigit()
            and not _person_start(a, j)
            and not blocks_run(a, j)
        ):
            return _place_run(a, j)
        return j
    return j


def _second_office_body(a: Analysis, start: int, j: int) -> int:
    """Index past the second body of an office two bodies share ("Văn phòng Đoàn ĐBQH và
    HĐND tỉnh"), joined at token j to the office starting at ``start``; or -1."""
    toks = a.toks
    if not (
        start >= 0
        and toks[start].lower == "văn"
        and j + 1 < len(toks)
        and toks[j].text in ("và", "&", "-")
        and span_text(a, start + 2, j).lower() in phrases().shared_office
    ):
        return -1
    other = lexicon("committees").match(toks, j + 1)
    if other > 0 and span_text(a, j + 1, other).lower() in phrases().shared_office:
        return other
    return -1


def _after_place(a: Analysis, p: int) -> int:
    """Index past an organization whose place ends before token p: a level, and its place,
    may still follow a country ("Ủy ban MTTQ Việt Nam tỉnh (Hậu Giang)")."""
    toks = a.toks
    lv = _level(a, p)
    if not (lv > 0 and a.adjacent(p - 1, p) and not toks[p].cap):
        return p
    if lv < len(toks) and a.adjacent(lv - 1, lv) and place_end(a, lv) > 0:
        return place_end(a, lv)
    return lv


def _after_level(a: Analysis, j: int) -> int:
    """Index past an organization whose place level ends before token j: the place, a
    commune named after a person ("Đảng bộ xã Nguyễn Việt Khái"), or a capitalised run
    that stops where a person's name begins."""
    toks = a.toks
    p = max(place_end(a, j), lexicon("communes").match(toks, j))
    if p > 0 and a.adjacent(j - 1, j):
        return p
    if j < len(toks) and a.adjacent(j - 1, j) and toks[j].cap and not _person_start(a, j):
        return _place_run(a, j)
    return j


def _generic_after(a: Analysis, end: int) -> bool:
    """The words after an organization make it generic: "Ban Tuyên giáo các cấp"."""
    return (
        end < len(a.toks)
        and a.adjacent(end - 1, end)
        and lexicon("generic_after", fold_case=True).match(a.toks, end) > 0
    )


def _plural_level(a: Analysis, end: int) -> bool:
    """The body ends with a level that a list makes plural: "UBND xã, phường", "HĐND
    huyện, thị xã"."""
    toks = a.toks
    return (
        end + 1 < len(toks)
        and _level(a, end - 1) == end
        and toks[end].text == ","
        and _level(a, end + 1) > 0
        and toks[end - 1].lower not in ("tỉnh", "thành")
    )  # "HĐND tỉnh, huyện": one province


def _lists_on(a: Analysis, end: int) -> bool:
    """A list of other named bodies follows: "các Bộ Công an, Xây dựng, ...", "các bệnh
    viện Nhiệt đới Trung ương, Đa khoa tỉnh ..." (each a specific body)."""
    toks = a.toks
    return end + 1 < len(toks) and toks[end].text in (",", "và") and toks[end + 1].cap and toks[end + 1].word


def _next_org_after_list(a: Analysis, end: int, found: dict[int, tuple[int, bool]]) -> int:
    """Start of the organization that follows ``end`` in a list ("HĐND, UBND", "Chủ tịch
    HĐND, Chủ tịch UBND"), allowing one title in between, or -1."""
    toks = a.toks
    k = end
    if k < len(toks) and toks[k].text in (",", "và"):
        k += 1
    t = lexicon("titles").match_lenient(toks, k)
    if t > 0:
        k = t
    return k if k in found else -1


def _fused_title(a: Analysis, t: int) -> bool:
    """The title ending at token t ("Trưởng đoàn", "Phó trưởng ban") ends with the head of
    the body that follows it ("... đoàn Đại biểu Quốc hội tỉnh")."""
    k = t - 1
    if k < 1 or a.toks[k].cap or a.toks[k].lower not in ("đoàn", "ban"):
        return False
    j, _ = _core_end(a, k)
    return j > t


def organizations(a: Analysis) -> Iterator[Candidate]:
    toks = a.toks
    venues = lexicon("venues")
    found: dict[int, tuple[int, bool]] = {}  # token start -> (token end, generic)
    bare: set[int] = set()  # starts of bodies named by their type alone ("HĐND")
    i = 0
    while i < len(toks):
        t = lexicon("titles").match_lenient(toks, i)
        if t > 0 and _org_match(a, "committee_fronts", i) < 0:
            # no organization starts inside a title ("Phó Bí thư Thường trực"), but a
            # fused title gives its last word to the body: "Trưởng đoàn Đại biểu Quốc hội
            # tỉnh", "Trưởng ban Tuyên giáo Tỉnh ủy"
            i = t - 1 if _fused_title(a, t) else t
            continue
        j, takes_name = _core_end(a, i)
        if j <= i:
            i += 1
            continue
        core_text = span_text(a, i, j)
        if (
            canon_core(core_text) in phrases().needs_qualifier
            and not (
                j < len(toks)
                and a.adjacent(j - 1, j)
                and (_level(a, j) > 0 or (toks[j].cap and toks[j].word))
            )
            and not (
                core_text == "Đảng bộ" and span_text(a, j, j + 3).lower() in (", chính quyền", "và nhân dân")
            )
        ):
            # "Đảng bộ, chính quyền và Nhân dân huyện X": the place qualifies all three
            i += 1  # "Đoàn đại biểu Quốc hội" alone: only "Quốc hội" inside is a body
            continue
        end = j if core_text in phrases().takes_nothing else _extend(a, j, takes_name, i)
        start_off = toks[i].start
        prev = toks[i - 1].lower if i else ""
        plural = prev in ("các", "những") and not _lists_on(a, end)
        venue = any(venues.match(toks, k) == i for k in range(max(0, i - 3), i))
        unique = lexicon("org_standalone").match(toks, i) == end or core_text in ("Đảng", "Nhà nước")
        if not venue and not any(s <= start_off < e for s, e in a.events):
            # "các" after a unique body ("kỷ luật về Đảng các trường hợp") makes no plural,
            # "các cấp" always does ("MTTQ Việt Nam các cấp")
            generic = (
                (
                    _generic_after(a, end)
                    and not (
                        unique
                        and toks[end].lower == "các"
                        and not (end + 1 < len(toks) and toks[end + 1].lower == "cấp")
                    )
                )
                or plural
                or _plural_level(a, end)
            )
            found[i] = (end, generic)
            if end == j:
                bare.add(i)
        i = end
    # a body named by its type alone shares the generic plural of the list it opens:
    # "lãnh đạo HĐND, UBND các huyện", "Chủ tịch HĐND, Chủ tịch UBND các xã"
    for start in sorted(bare, reverse=True):
        end, generic = found[start]
        nxt = _next_org_after_list(a, end, found)
        if not generic and nxt >= 0 and found[nxt][1]:
            found[start] = (end, True)
    for start in sorted(found):
        end, generic = found[start]
        if not generic:
            yield Candidate(toks[start].start, toks[end - 1].end, "ORGANIZATION", "organization", 0.85)
