"""What the entity rules share: the patterns of numbers, the small phrase sets from
``resources/proposals/`` (read once, again when the rules folder changes) and the text of
a run of tokens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annotator.nlp import wordlists
from annotator.nlp.lexicon import Lexicon, on_change
from annotator.proposals.analysis import Analysis

DOC_ID = re.compile(r"\d+[\w]*(?:[-/.][\w]+)*$")
NUMBER = re.compile(r"\d+$")
YEAR = re.compile(r"(?:19|20)\d\d$")
ROMAN = re.compile(r"[IVXLC]+$|\d+$")
# The rules' small phrase sets, from resources/proposals/ (a user's rules folder can
# change them): read once, again when the rules folder changes.


@dataclass(frozen=True)
class Phrases:
    named_body_heads: frozenset[str]
    committees_taking_names: frozenset[str]
    committee_heads: frozenset[str]
    familiar_cues: frozenset[str]
    locatives: frozenset[str]
    needs_qualifier: frozenset[str]
    takes_nothing: frozenset[str]
    central_modifiers: frozenset[str]
    party_modifiers: frozenset[str]
    shared_office: frozenset[str]
    never_in_names: frozenset[str]
    party_next_block: frozenset[str]
    canon_cores: dict[str, str]  # the body heads by their lower case, to compare any case


@on_change
@cache
def phrases() -> Phrases:
    sets = {
        name: frozenset(wordlists.lines(name))
        for name in (
            "named_body_heads",
            "committees_taking_names",
            "committee_heads",
            "familiar_cues",
            "locatives",
            "needs_qualifier",
            "takes_nothing",
            "central_modifiers",
            "party_modifiers",
            "shared_office",
            "never_in_names",
            "party_next_block",
        )
    }
    cores = {
        x.lower(): x
        for name in (
            "committees_taking_names",
            "needs_qualifier",
            "committee_heads",
            "named_body_heads",
            "takes_nothing",
        )
        for x in sets[name]
    }
    return Phrases(**sets, canon_cores=cores)


def span_text(a: Analysis, i: int, j: int) -> str:
    return " ".join(t.text for t in a.toks[i:j])


@cache
def one_phrase(text: str) -> Lexicon:
    return Lexicon([text])


def canon_core(text: str) -> str:
    """A core's text with the capitals the lists use ("ủy ban nhân dân" -> "Ủy ban nhân
    dân", "Đảng ủy khối" -> "Đảng ủy Khối"), for checks against the sets below."""
    return phrases().canon_cores.get(text.lower(), text[:1].upper() + text[1:])
