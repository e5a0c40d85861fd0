"""Tokens and features the learned model sees: one feature list per token, per line.

Tokens are the lexical tokens of the folded key (:func:`annotator.nlp.lexicon.lex`):
syllables, codes such as ``05-CT/TW`` kept whole, single punctuation marks. Span
boundaries by the guidelines always fall on them, while underthesea's words sometimes
cross a boundary (``Nguyễn_Văn`` + ``Hòa``). Each line (paragraph) is one sequence:
entities never cross a line.

Features of a token: the token, its lower case, shape and case; the same for two
neighbours on each side and the bigrams around it (which carry what underthesea's word
segmentation would: "Ban_Tuyên_giáo" is three tokens and their bigrams); gazetteer hits
(surname, middle name, title, province, committee, ...) as B/I positions; and the entity
the rules propose there (``rule=B-ORGANIZATION``), so the model learns where the rules are
right and where this corpus differs.

No feature needs underthesea: the entity rules do not use its words or sentences, so an
article is analysed for training without it (:func:`annotator.learn.propose.features_of`), which is
what keeps training on a thousand long articles within a minute. Version 1 had the
token's position in underthesea's word as a feature; with the rules' entities as
features it changed no cross-validated score, and it doubled the analysis time. Version
3: tokens split at a hyphen between words ("Hinh-Phó"); the rules' entities changed. The
district, named-body, local-body and venue lists as features changed the
cross-validated entity F1 on the real articles by 0.002 and slowed training by a third,
so they are not features (the rules use them).
Qt-free, no database.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache

from annotator import bio
from annotator.model import entity_labels
from annotator.nlp.lexicon import Lexicon, Tok, lexicon, on_change
from annotator.proposals.analysis import Analysis, Candidate, memo

# Bump when features change: a model trained on other features cannot be used.
FEATURE_VERSION = 3
ENTITY_LABELS = entity_labels()  # from resources/labels.json
# Phrase lists from resources/proposals/ used as features (name -> feature prefix).
_GAZETTEERS = {
    "surnames": "sur",
    "middle_names": "mid",
    "titles": "title",
    "provinces": "prov",
    "person_cues": "cue",
    "committees": "comm",
    "directive_types": "dtype",
    "place_levels": "level",
    "org_standalone": "org",
}
_CAPITALISED = frozenset(("Xx", "X", "XX", "XxX"))
_CODE = re.compile(r"\d+[\w]*(?:[-/.]\w+)+$")


@dataclass(frozen=True, slots=True)
class Sequence:
    """One line: its tokens (key offsets) and a feature list per token."""

    tokens: tuple[Tok, ...]
    features: tuple[tuple[str, ...], ...]


@on_change
@cache
def _gazetteers() -> tuple[tuple[str, Lexicon], ...]:
    return tuple((prefix, lexicon(name)) for name, prefix in _GAZETTEERS.items())


@lru_cache(maxsize=1 << 16)
def shape(text: str) -> str:
    """Xxx, XX, xx, dd, or a compressed character-class shape for anything else (cached:
    both taggers ask for every token's, and words repeat)."""
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
        b, inside = f"{prefix}=B", f"{prefix}=I"
        for i, j in lex.find_all(toks):
            marks[i].append(b)
            for k in range(i + 1, j):
                marks[k].append(inside)
    return marks


def token_index(
    toks: list[Tok] | tuple[Tok, ...], start: int, end: int, starts: list[int] | None = None
) -> tuple[int, int] | None:
    """Token range ``[i, j)`` covering key range ``[start, end)`` exactly, or None.

    ``starts``: the tokens' start offsets, when the caller looks up many ranges.
    """
    if starts is None:
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


@memo
def lines_of(a: Analysis) -> list[tuple[int, int]]:
    """Token index ranges ``[i, j)`` of the text's lines (entities never cross a line)."""
    toks = a.toks
    lines: list[tuple[int, int]] = []
    first = 0
    for k in range(1, len(toks) + 1):
        if k == len(toks) or "\n" in a.key[toks[k - 1].end : toks[k].start]:
            if k > first:
                lines.append((first, k))
            first = k
    return lines


def featurize(a: Analysis, rules: list[Candidate]) -> list[Sequence]:
    """Feature sequences of an analysed text, one per line that has tokens.

    ``rules``: the rule entities the model sees as a feature
    (:func:`annotator.learn.propose.rule_feature`).
    """
    toks = a.toks
    starts = [t.start for t in toks]
    rule_tag: dict[int, str] = {}
    for c in rules:
        r = token_index(toks, c.start, c.end, starts)
        if r is not None:
            for k, mark in _bio_marks(toks, [r]).items():
                rule_tag[k] = f"{mark}-{c.label}"
    gaz = _gazetteer_marks(toks)
    edge = ["<edge>", "<edge>"]
    out = []
    for i, j in lines_of(a):
        n = j - i
        words = [t.text for t in toks[i:j]]
        lower = [w.lower() for w in words]
        shapes = [shape(w) for w in words]
        rtag = [rule_tag.get(k, "O") for k in range(i, j)]
        # padded so that the neighbour at distance d of token m is [m + 2 + d]
        lp, sp, rp = edge + lower + edge, edge + shapes + edge, edge + rtag + edge
        # one column per feature template, built a column at a time (this is the hot
        # loop of training): every token has each of these
        cols = [
            ["bias"] * n,
            ["w=" + x for x in lower],
            ["s=" + x for x in shapes],
            ["rule=" + x for x in rtag],
        ]
        for d in (-2, -1, 1, 2):
            cols.append([f"w[{d}]=" + x for x in lp[2 + d : 2 + d + n]])
            cols.append([f"s[{d}]=" + x for x in sp[2 + d : 2 + d + n]])
            cols.append([f"rule[{d}]=" + x for x in rp[2 + d : 2 + d + n]])
        cols.append([f"w[-1:0]={x}|{y}" for x, y in zip(lp[1 : 1 + n], lower, strict=True)])
        cols.append([f"w[0:1]={x}|{y}" for x, y in zip(lower, lp[3 : 3 + n], strict=True)])
        # and these only where they apply: the cased word of capitalised tokens, the
        # gazetteer hits of the token and of its direct neighbours
        extra: list[list[str]] = [list(gaz[k]) for k in range(i, j)]
        for m in range(n):
            if shapes[m] in _CAPITALISED:
                extra[m].append("W=" + words[m])
            if m > 0:
                extra[m].extend(g + "[-1]" for g in gaz[i + m - 1])
            if m + 1 < n:
                extra[m].extend(g + "[1]" for g in gaz[i + m + 1])
        rows = zip(*cols, strict=True)
        feats = tuple(row + tuple(x) for row, x in zip(rows, extra, strict=True))
        out.append(Sequence(tuple(toks[i:j]), feats))
    return out


def bio_tags(seq: Sequence, spans: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of a sequence for entity spans in key offsets (spans off tokens ignored)."""
    toks = seq.tokens
    if not toks:
        return []
    starts = [t.start for t in toks]
    first, last = toks[0].start, toks[-1].end
    ranges = []
    for start, end, label in spans:
        if end <= first or start >= last:
            continue
        r = token_index(toks, start, end, starts)
        if r is not None:
            ranges.append((*r, label))
    return bio.encode(len(toks), ranges)


def decode(tags: list[str]) -> list[tuple[int, int, str]]:
    """Token ranges ``(i, j, label)`` from BIO tags (:func:`annotator.bio.decode`)."""
    return bio.decode(tags)
