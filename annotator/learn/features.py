"""Tokens and features the learned model sees: one feature list per token, per line.

Tokens are the lexical tokens of the folded key (:func:`annotator.nlp.lexicon.lex`):
syllables, codes such as ``05-CT/TW`` kept whole, single punctuation marks. Span
boundaries by the guidelines always fall on them, while underthesea's words sometimes
cross a boundary (``Nguyễn_Văn`` + ``Hòa``); so the words come in as a feature (the
token's position inside its word) rather than as the unit. Each line (paragraph) is one
sequence: entities never cross a line.

Features of a token: the token, its lower case, shape and case; the same for two
neighbours on each side and the bigrams around it; its position in underthesea's word;
gazetteer hits (surname, middle name, title, province, committee, ...) as B/I positions;
and the entity the rules propose there (``rule=B-ORGANIZATION``), so the model learns
where the rules are right and where this corpus differs. Qt-free, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annotator.nlp.lexicon import Lexicon, Tok, lexicon
from annotator.proposals.analysis import Analysis, Candidate

# Bump when features change: a model trained on other features cannot be used.
FEATURE_VERSION = 1
ENTITY_LABELS = ("OFFICIAL", "ORGANIZATION", "DIRECTIVE")
# Phrase lists from resources/proposals/ used as features (name -> feature prefix).
_GAZETTEERS = {"surnames": "sur", "middle_names": "mid", "titles": "title",
               "provinces": "prov", "person_cues": "cue", "committees": "comm",
               "directive_types": "dtype", "place_levels": "level", "org_standalone": "org"}
_CODE = re.compile(r"\d+[\w]*(?:[-/.]\w+)+$")


@dataclass(frozen=True, slots=True)
class Sequence:
    """One line: its tokens (key offsets) and a feature list per token."""

    tokens: tuple[Tok, ...]
    features: tuple[tuple[str, ...], ...]


@cache
def _gazetteers() -> tuple[tuple[str, Lexicon], ...]:
    return tuple((prefix, lexicon(name)) for name, prefix in _GAZETTEERS.items())


def shape(text: str) -> str:
    """Xxx, XX, xx, dd, or a compressed character-class shape for anything else."""
    if text.isdigit():
        return "dd"
    if _CODE.match(text):
        return "code"
    if not text[:1].isalnum():
        return "punct"
    if text.isupper():
        return "XX" if len(text) > 1 else "X"
    if text[:1].isupper():
        return "Xx" if text[1:].islower() or len(text) == 1 else "XxX"
    if text.islower():
        return "xx"
    return "mixed"


def _bio_marks(toks: list[Tok], spans: list[tuple[int, int]]) -> dict[int, str]:
    """Token index -> "B"/"I" for spans given as token index ranges."""
    out: dict[int, str] = {}
    for i, j in spans:
        out[i] = "B"
        for k in range(i + 1, j):
            out[k] = "I"
    return out


def _gazetteer_marks(toks: list[Tok]) -> list[list[str]]:
    marks: list[list[str]] = [[] for _ in toks]
    for prefix, lex in _gazetteers():
        i = 0
        while i < len(toks):
            j = lex.match(toks, i)
            if j > i:
                marks[i].append(f"{prefix}=B")
                for k in range(i + 1, j):
                    marks[k].append(f"{prefix}=I")
            i += 1
    return marks


def token_index(toks: list[Tok], start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[i, j)`` covering key range ``[start, end)`` exactly, or None."""
    from bisect import bisect_left

    starts = [t.start for t in toks]
    i = bisect_left(starts, start)
    if i >= len(toks) or toks[i].start != start:
        return None
    j = i
    while j < len(toks) and toks[j].end < end:
        j += 1
    if j >= len(toks) or toks[j].end != end:
        return None
    return i, j + 1


def featurize(a: Analysis, rules: list[Candidate]) -> list[Sequence]:
    """Feature sequences of an analysed text, one per line that has tokens.

    ``rules``: the rule entities the model sees as a feature
    (:func:`annotator.learn.propose.rule_feature`).
    """
    toks = a.toks
    rule_tag: dict[int, str] = {}
    for c in rules:
        r = token_index(toks, c.start, c.end)
        if r is not None:
            for k, mark in _bio_marks(toks, [r]).items():
                rule_tag[k] = f"{mark}-{c.label}"
    gaz = _gazetteer_marks(toks)
    seg = []
    for t in toks:
        if t.start in a.word_starts:
            seg.append("B" if t.end in a.word_ends else "B+")
        else:
            seg.append("I" if t.end in a.word_ends else "M")
    # lines: token index ranges
    lines: list[tuple[int, int]] = []
    first = 0
    for k in range(1, len(toks) + 1):
        if k == len(toks) or "\n" in a.key[toks[k - 1].end:toks[k].start]:
            if k > first:
                lines.append((first, k))
            first = k
    out = []
    for i, j in lines:
        words = [t.text for t in toks[i:j]]
        lower = [w.lower() for w in words]
        shapes = [shape(w) for w in words]
        feats = []
        for n in range(j - i):
            k = i + n
            f = ["bias", f"w={lower[n]}", f"s={shapes[n]}", f"seg={seg[k]}",
                 f"rule={rule_tag.get(k, 'O')}", *gaz[k]]
            if shapes[n] in ("Xx", "X", "XX", "XxX"):
                f.append(f"W={words[n]}")
            for d in (-2, -1, 1, 2):
                m = n + d
                if 0 <= m < j - i:
                    f.append(f"w[{d}]={lower[m]}")
                    f.append(f"s[{d}]={shapes[m]}")
                    f.append(f"rule[{d}]={rule_tag.get(i + m, 'O')}")
                    if abs(d) == 1:
                        f.extend(f"{g}[{d}]" for g in gaz[i + m])
                else:
                    f.append(f"w[{d}]=<edge>")
            if n > 0:
                f.append(f"w[-1:0]={lower[n - 1]}|{lower[n]}")
            if n + 1 < j - i:
                f.append(f"w[0:1]={lower[n]}|{lower[n + 1]}")
            feats.append(tuple(f))
        out.append(Sequence(tuple(toks[i:j]), tuple(feats)))
    return out


def bio_tags(seq: Sequence, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of a sequence for entity spans in key offsets (spans off tokens ignored)."""
    toks = list(seq.tokens)
    tags = ["O"] * len(toks)
    for start, end, label in spans:
        r = token_index(toks, start, end)
        if r is None:
            continue
        i, j = r
        tags[i] = f"B-{label}"
        for k in range(i + 1, j):
            tags[k] = f"I-{label}"
    return tags


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token ranges ``(i, j, label)`` from BIO tags; a stray I- starts an entity."""
    out: list[tuple[int, int, str]] = []
    cur: list = []  # [i, label]
    for k, tag in enumerate([*tags, "O"]):
        kind, _, label = tag.partition("-")
        if cur and (kind != "I" or label != cur[1]):
            out.append((cur[0], k, cur[1]))
            cur = []
        if kind == "B" or (kind == "I" and not cur):
            cur = [k, label]
    return out
