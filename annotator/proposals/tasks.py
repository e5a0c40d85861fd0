"""TASK rules: directions, tasks for a coming period, recommendations.

A task is found in five ways, all sentence-based (sentences from underthesea):

1. a cue ("đề nghị", "yêu cầu", "cần", ...) followed by an addressee and an action: the
   task starts at the first action word (``task_verbs.txt``) after the cue, skipping the
   addressee (an organization or official span, or a noun phrase such as "các sở, ngành");
2. every further item of that sentence after a ";";
3. a following sentence that continues the list ("Đồng thời phối hợp ...", "Tập trung ...");
4. a heading that opens a list ("Nhiệm vụ trọng tâm năm 2024: A; B; C.") and a title that
   states a direction ("Bắc Kạn: Linh hoạt, chủ động ... công tác tuyên giáo");
5. a sentence that opens with a coming period (``task_periods.txt``: "Thời gian tới",
   "Năm tới", ...), then an optional subject and an action word, and its further items.

A task ends at the end of its item: before ";", the sentence's final punctuation or "…".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from annotator.nlp import wordlists
from annotator.nlp.lexicon import Lexicon, lexicon, on_change, patterns
from annotator.nlp.segment import Sentence
from annotator.proposals.analysis import Analysis, Candidate

_ITEM_BREAK = {";", "…"}
_TRAILING = " \t\n.,;:…/-–—!?"
_MAX_ADDRESSEE = 18


@on_change
@cache
def _blockers() -> tuple[Lexicon, Lexicon]:
    """Words after a cue, and ("prev:") before it, that make it not a direction."""
    after, before = [], []
    for line in wordlists.lines("task_cue_blockers"):
        if line.startswith("prev:"):
            before.append(line[5:].strip())
        else:
            after.append(line)
    return Lexicon(after, fold_case=True), Lexicon(before, fold_case=True)


_CLOSING_QUOTES = {"”", '"', "»"}


def _items(a: Analysis, s: Sentence) -> list[tuple[int, int]]:
    """Token index ranges of the items of a sentence, split at ";" and "…", and after a
    quotation that closes before its attribution (`... ", Phó Thủ tướng nêu rõ`)."""
    lo, hi = a.tok_index(s.start), a.tok_index(s.end)
    toks = a.toks
    items, start = [], lo
    for k in range(lo, hi):
        if toks[k].text in _ITEM_BREAK:
            if k > start:
                items.append((start, k))
            start = k + 1
        elif (
            toks[k].text in _CLOSING_QUOTES
            and k + 1 < hi
            and toks[k + 1].text in (",", "-")
            and k > start
            and toks[k - 1].word
            and _attribution(a, k + 1, _next_break(a, k, hi))
        ):
            items.append((start, k))
            start = k + 1
    if hi > start:
        items.append((start, hi))
    return items


def verb_at(a: Analysis, k: int) -> int:
    """Index past a task verb starting at token k (on a word boundary), or -1."""
    j = lexicon("task_verbs", fold_case=True).match(a.toks, k)
    if j < 0 or not _whole_words(a, k, j):
        return -1
    if lexicon("task_not_actions", fold_case=True).match(a.toks, k) > 0:
        return -1  # "đánh giá cao" praises
    if a.toks[k].cap and k > 0 and a.toks[k - 1].word and a.adjacent(k - 1, k):
        return -1  # capitalised after a word: part of a name ("Ban Quản lý ...")
    return j


def _whole_words(a: Analysis, i: int, j: int) -> bool:
    """Tokens i..j-1 begin and end on underthesea word boundaries ("giao" in "giao ban": no)."""
    if not a.word_starts:
        return True
    if a.toks[i].start not in a.word_starts:
        return False
    # underthesea sometimes glues a verb to the name after it ("giao Ban"): a capital
    # letter next is a boundary too
    return a.toks[j - 1].end in a.word_ends or (j < len(a.toks) and a.toks[j].cap)


def _cue_at(a: Analysis, k: int, hi: int) -> int:
    """Index past an unblocked task cue at token k, or -1.

    "sẽ" (will) states a plan, which is a task too, but only with an action right after
    it: "sẽ rà soát lại ..." yes, "sẽ diễn ra" no.
    """
    if a.toks[k].lower == "sẽ":
        if _expects(a, k):
            return -1  # "tin tưởng Ban ... sẽ tiếp tục ...": a hope, not a plan
        return k + 1 if k + 1 < hi and verb_at(a, k + 1) > 0 else -1
    j = lexicon("task_cues", fold_case=True).match(a.toks, k)
    if j < 0 or j >= hi or not _whole_words(a, k, j):
        return -1
    after, before = _blockers()
    if after.match(a.toks, j) > 0:
        return -1
    if k > 0 and any(before.match(a.toks, b) == k for b in range(max(0, k - 3), k)):
        if not (_passive_request(a, k, j) and verb_at(a, j) > 0):
            return -1
    return j


_PASSIVE_REQUESTS = ("yêu cầu", "đề nghị")


def _passive_request(a: Analysis, k: int, j: int) -> bool:
    """ "X được yêu cầu ..." asks X to act, like "yêu cầu X ...", when an action follows
    at once (which the caller checks); "được" blocks the other cues ("nhiệm vụ được
    giao" is no direction)."""
    return a.toks[k - 1].lower == "được" and " ".join(t.lower for t in a.toks[k:j]) in _PASSIVE_REQUESTS


def _expects(a: Analysis, k: int) -> bool:
    """A word of belief or hope ("tin tưởng", "hy vọng") comes before token k in its
    sentence's clause (up to 12 words back, not past a ";" or a sentence end)."""
    hopes = lexicon("task_hopes", fold_case=True)
    for m in range(k - 1, max(-1, k - 13), -1):
        if a.toks[m].text in (";", ".", "!", "?", "\n"):
            return False
        if hopes.match(a.toks, m) > 0:
            return True
    return False


def _action_start(a: Analysis, k: int, hi: int, entity_tok: set[int], fallback: bool = True) -> int:
    """First token of the action after a cue ending at k, skipping the addressee (with no
    action word found: right after the cue, or -1 when not ``fallback``)."""
    cues = lexicon("task_cues", fold_case=True)
    # the addressee may hold entities ("Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị
    # - xã hội"): their tokens do not count towards the limit
    limit = min(hi, k + _MAX_ADDRESSEE)
    m = k
    while m < limit:
        if m in entity_tok:
            m += 1
            limit = min(hi, limit + 1)
            continue
        if a.toks[m].text == "“":  # a quoted title in the addressee: "Đề cương “Chiến lược ...”"
            close = next((q for q in range(m + 1, min(hi, m + 30)) if a.toks[q].text == "”"), -1)
            if close > 0:
                limit = min(hi, limit + close - m)
                m = close + 1
                continue
        if a.toks[m].text in (",", ":") and m == k:
            m += 1
            continue
        c = cues.match(a.toks, m)
        if c > 0 and c <= hi:  # "yêu cầu cần ...", "đề nghị các cấp ủy cần ..."
            m = c
            continue
        noun = lexicon("addressee_nouns", fold_case=True).match(a.toks, m)
        if noun > 0:
            m = noun
            continue
        if m not in entity_tok and verb_at(a, m) > 0:
            return m
        m += 1
    if not fallback:
        return -1
    # no action word found: start right after the cue
    while k < hi and not a.toks[k].word:
        k += 1
    return k


def _period_action(a: Analysis, lo: int, hi: int, entity_tok: set[int]) -> int:
    """The action of an item that opens with a coming period ("Thời gian tới, Ban ...
    tập trung ..."), or -1: the period phrase, an optional subject, then an action word.
    A report of what was done ("đã", "vừa") is not a task."""
    start = a.toks[lo].start
    text = a.key[start : a.toks[hi - 1].end]
    for pat in patterns("task_periods", re.IGNORECASE):
        m = pat.match(text)
        if m:
            k = a.tok_index(start + m.end())
            action = _action_start(a, k, hi, entity_tok, fallback=False)
            if action < 0 or any(a.toks[t].lower in ("đã", "vừa", "từng") for t in range(k, action)):
                return -1
            return action
    return -1


def _next_break(a: Analysis, k: int, hi: int) -> int:
    """Index of the next item break after token k (or ``hi``)."""
    return next((m for m in range(k + 1, hi) if a.toks[m].text in _ITEM_BREAK), hi)


def _goes_on(a: Analysis, lo: int, hi: int, entity_tok: set[int]) -> bool:
    """An item after a task that only goes on with it: it opens with "đặc biệt là", "nhất
    là", ..., or it is mostly names of bodies and places ("...; Ban Thường vụ Huyện ủy,
    Thị ủy, UBND cấp huyện; ...")."""
    if _starts_with(a, lo, hi, "task_elaborations") > 0:
        return True
    if verb_at(a, lo) > 0:
        return False  # "thực hiện tốt Quy định số 22-QĐ/TW của Ban Chấp hành Trung ương"
    words = [k for k in range(lo, hi) if a.toks[k].word]
    named = [k for k in words if k in entity_tok or a.toks[k].cap]
    if (
        words
        and (words[0] in entity_tok or a.toks[words[0]].cap)
        and not any(verb_at(a, k) > 0 for k in words[:8] if k not in entity_tok)
    ):
        return True  # "...; Đảng ủy, UBND, Ủy ban MTTQ cấp xã và một số thôn, ..."
    return bool(words) and len(named) * 2 > len(words)


def _attribution(a: Analysis, lo: int, hi: int) -> bool:
    """The item names who said the quotation before it: it ends with a verb of saying
    ("..., Phó Thủ tướng Trương Hòa Bình nêu rõ")."""
    speech = lexicon("speech_verbs", fold_case=True)
    end = hi
    while end > lo and not a.toks[end - 1].word:
        end -= 1
    return any(speech.match(a.toks, k) == end for k in range(max(lo, end - 3), end))


def _reports(a: Analysis, lo: int, hi: int) -> bool:
    """The item reports what was done or said ("đã", "cho biết"), so it is no direction."""
    return any(lexicon("task_report_words", fold_case=True).match(a.toks, k) > 0 for k in range(lo, hi))


def _span(a: Analysis, lo: int, hi: int, source: str, conf: float) -> Candidate | None:
    if lo >= hi:
        return None
    start, end = a.toks[lo].start, a.toks[hi - 1].end
    text = a.key[start:end]
    trimmed = text.rstrip(_TRAILING)
    end -= len(text) - len(trimmed)
    if end - start < 8 or len(a.key[start:end].split()) < 3:
        return None
    return Candidate(start, end, "TASK", source, conf)


def _starts_with(a: Analysis, lo: int, hi: int, name: str) -> int:
    j = lexicon(name, fold_case=True).match(a.toks, lo)
    return j if 0 < j <= hi else -1


_BULLETS = {"-", "+", "•", "*", "–", "—", "·"}


def _after_bullet(a: Analysis, lo: int, hi: int) -> int:
    """Index of the first token after a list marker ("-", "+", "1.", "a)"), or ``lo``."""
    toks = a.toks
    if lo < hi and toks[lo].text in _BULLETS:
        return lo + 1
    if (
        lo + 1 < hi
        and toks[lo + 1].text in (".", ")")
        and (toks[lo].text.isdigit() or (len(toks[lo].text) == 1 and toks[lo].text.isalpha()))
    ):
        return lo + 2
    return lo


def _is_title_line(a: Analysis, s: Sentence) -> bool:
    """The first sentence is a line of its own, without a final period, and more follows."""
    line_end = a.key.find("\n", s.start)
    if line_end < 0 or a.key[s.end : line_end].strip():
        return False
    return not a.key[s.start : s.end].rstrip().endswith(".")


def tasks(a: Analysis, entity_spans: list[tuple[int, int]]) -> Iterator[Candidate]:
    """The tasks of an analysed text, sentence by sentence, in five steps: the items of a
    list a sentence opened, a heading's items, a title that states a direction, then a
    sentence's cues, periods and sequels."""
    entity_tok: set[int] = set()
    for start, end in entity_spans:
        entity_tok.update(range(a.tok_index(start), a.tok_index(end)))
    heading_pats = patterns("task_headings", re.IGNORECASE)
    prev_task_sentence = -2
    list_open = False  # a cue or heading ended with ":" and its items follow on new lines
    for si, s in enumerate(a.sentences):
        if a.is_excluded(s.start, s.end):
            continue
        items = _items(a, s)
        if list_open:
            listed = _list_items(a, items)
            if listed is not None:
                yield from listed
                prev_task_sentence = si
                continue
            list_open = False
        sentence_text = a.key[s.start : s.end]
        if _opens_list(a, sentence_text, items, heading_pats):
            list_open = True  # "... các nhiệm vụ sau:" introduces the items on the next lines
            continue
        headed = _heading_tasks(a, s, sentence_text, items, heading_pats)
        if headed:
            yield from headed
            prev_task_sentence = si
            # a bulleted list written inline ("Mục tiêu đến năm 2025: - A. - B. - C."):
            # the next sentences that open with a bullet are its further items
            list_open = _bulleted(a, headed[0].start)
            continue
        title = _title_task(a, si, s, items)
        if title is not None:
            yield title
            continue
        found = list(_sentence_tasks(a, items, entity_tok, continuing=prev_task_sentence == si - 1))
        yield from found
        if found:
            prev_task_sentence = si


def _bulleted(a: Analysis, start: int) -> bool:
    """The task starting at ``start`` follows a list marker ("- ", "+ ", "•")."""
    k = a.tok_index(start)
    return k > 0 and a.toks[k - 1].text in _BULLETS


def _list_items(a: Analysis, items: list[tuple[int, int]]) -> list[Candidate] | None:
    """The items of a list the sentence before opened (each its own task), or None when
    this sentence is no item (the list is over)."""
    lo, hi = items[0] if items else (0, 0)
    first = _after_bullet(a, lo, hi)
    if not (items and (first > lo or verb_at(a, first) > 0)):
        return None
    out = []
    for n_item, (ilo, ihi) in enumerate(items):
        c = _span(a, first if n_item == 0 else ilo, ihi, "task:list", 0.65)
        if c:
            out.append(c)
    return out


def _opens_list(a: Analysis, sentence_text: str, items: list[tuple[int, int]], heading_pats: list) -> bool:
    """A sentence ending with ":" after a cue or a heading: its items follow on new lines."""
    return (
        sentence_text.rstrip().endswith(":")
        and bool(items)
        and (
            any(_cue_at(a, k, items[-1][1]) > 0 for k in range(*items[-1]))
            or any(p.search(sentence_text) for p in heading_pats)
        )
    )


def _heading_tasks(
    a: Analysis, s: Sentence, sentence_text: str, items: list[tuple[int, int]], heading_pats: list
) -> list[Candidate]:
    """4a. A heading with a colon: the items after the colon are tasks."""
    out: list[Candidate] = []
    for pat in heading_pats:
        m = pat.search(sentence_text)
        k = a.tok_index(s.start + m.start()) if m else 0
        if m and not _reports(a, max(a.tok_index(s.start), k - 2), k):
            # ("... đã kiến nghị về các vấn đề: ..." reports; its topics are no tasks)
            colon = s.start + m.end()
            for lo, hi in items:
                if a.toks[lo].start >= colon or a.toks[hi - 1].end > colon:
                    lo = _after_bullet(a, max(lo, a.tok_index(colon)), hi)  # "Mục tiêu: - A. - B."
                    c = _span(a, lo, hi, "task:heading", 0.7)
                    if c:
                        out.append(c)
            break
    return out


def _title_task(a: Analysis, si: int, s: Sentence, items: list[tuple[int, int]]) -> Candidate | None:
    """4b. An article's title, or a crosshead (a line of its own between paragraphs),
    that states a direction ("Đẩy mạnh ...", "Khẩn trương điều tra, làm rõ ...")."""
    starts_line = si == 0 or a.key[max(0, s.start - 1) : s.start] == "\n"
    if not (starts_line and len(items) == 1 and _is_title_line(a, s)):
        return None
    lo, hi = items[0]
    colon = next((k for k in range(lo, min(hi, lo + 6)) if a.toks[k].text == ":"), None)
    first = colon + 1 if colon is not None else lo
    if first < hi and verb_at(a, first) > 0 and _starts_with(a, first, hi, "task_title_blockers") < 0:
        return _span(a, first, hi, "task:title", 0.6)
    return None


def _first_cue(a: Analysis, lo: int, hi: int, entity_tok: set[int]) -> int:
    """Index past the first task cue in tokens lo..hi outside the entities, or -1."""
    for k in range(lo, hi):
        if k not in entity_tok:
            cue_end = _cue_at(a, k, hi)
            if cue_end < 0:
                cue_end = _speech_cue_at(a, k, hi, entity_tok)
            if cue_end > 0:
                return cue_end
    return -1


def _speech_cue_at(a: Analysis, k: int, hi: int, entity_tok: set[int]) -> int:
    """Index past a verb of saying at token k that gives a direction, or -1: the action
    opens right after it, or right after its addressee (entities and commas), with a
    word of ``task_openers`` ("nêu rõ tiếp tục ...", "nhấn mạnh Ban ... tiếp tục ...")."""
    j = lexicon("task_speech_cues", fold_case=True).match(a.toks, k)
    if j < 0 or j >= hi or not _whole_words(a, k, j):
        return -1
    if k > 0 and a.toks[k - 1].lower in ("đã", "được", "sự"):
        return -1  # a report, or a noun ("sự chỉ đạo")
    m = j
    while m < hi and (m in entity_tok or a.toks[m].text == ","):
        m += 1
    opener = lexicon("task_openers", fold_case=True).match(a.toks, m) if m < hi else -1
    return j if opener > 0 and _whole_words(a, m, opener) else -1


def _sentence_tasks(
    a: Analysis, items: list[tuple[int, int]], entity_tok: set[int], continuing: bool
) -> Iterator[Candidate]:
    """A sentence's tasks: after a cue, for a coming period, and the items that follow
    one (``continuing``: the sentence before had a task, so a sequel may go on with it)."""
    found = False
    last: Candidate | None = None  # the sentence's latest task, which an item may extend
    for n_item, (lo, hi) in enumerate(items):
        cue_end = _first_cue(a, lo, hi, entity_tok)
        period = _period_action(a, lo, hi, entity_tok) if cue_end < 0 and n_item == 0 else -1
        if cue_end > 0:
            start = _action_start(a, cue_end, hi, entity_tok)
            c = _span(a, start, hi, "task:cue", 0.75)
        elif period >= 0:
            c = _span(a, period, hi, "task:period", 0.65)
        elif found or (continuing and n_item == 0):
            start = lo
            seq = _starts_with(a, lo, hi, "task_sequels")
            if seq > 0:
                start = seq + 1 if seq < hi and a.toks[seq].text == "," else seq
            if found and _attribution(a, lo, hi):
                continue  # `", Tổng Bí thư nhấn mạnh.`: who said it, not one more task
            if found and _goes_on(a, lo, hi, entity_tok):
                # more of the item before (a list of bodies or places, "đặc biệt là
                # ..."), not one more task: the task before takes it in
                if last is not None:
                    more = _span(a, lo, hi, last.source, last.confidence)
                    if more is not None:
                        last = Candidate(last.start, more.end, "TASK", last.source, last.confidence)
                continue
            if not found and verb_at(a, start) < 0:
                break
            if not found and _reports(a, lo, hi):
                break  # "Bên cạnh đó, báo cáo ..., Phó Thủ tướng cho biết ..."
            c = _span(a, start, hi, "task:list" if found else "task:sequel", 0.65)
        else:
            continue
        if c:
            found = True
            if last is not None:
                yield last
            last = c
    if last is not None:
        yield last
