"""BIO tags: one per token, ``B-LABEL`` where a span starts, ``I-LABEL`` inside it, ``O``
outside. The one encoder and decoder for export (CoNLL, Hugging Face), agreement (kappa
and alpha over tokens) and the learned model (CRF training and prediction).

Callers map spans to token index ranges their own way (exactly, for an export that must
round-trip; by overlap, for agreement), then tag them here. Qt-free, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

OUTSIDE = "O"


def encode(count: int, ranges: Iterable[tuple[int, int, str]]) -> list[str]:
    """Tags for ``count`` tokens from token ranges ``(i, j, label)`` (tokens ``i`` to
    ``j - 1``). A token already tagged keeps its tag: the first range over it wins."""
    tags = [OUTSIDE] * count
    for i, j, label in ranges:
        first = True
        for k in range(max(i, 0), min(j, count)):
            if tags[k] == OUTSIDE:
                tags[k] = f"{'B' if first else 'I'}-{label}"
                first = False
    return tags


def decode(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token ranges ``(i, j, label)`` from tags; an ``I-`` without its ``B-`` (or after
    another label) starts a span, as CoNLL readers do. Files from other tools may use
    BIOES/BILOU: ``E-``/``L-`` continue and end a span, ``S-``/``U-`` are one token."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for k, tag in enumerate(tags):
        if tag == OUTSIDE:  # most tokens: close what is open
            if start >= 0:
                out.append((start, k, label))
                start = -1
            continue
        kind, _, name = tag.partition("-")
        goes_on = kind in ("I", "E", "L")
        if start >= 0 and (not goes_on or name != label):
            out.append((start, k, label))
            start = -1
        if start < 0:
            start, label = k, name
        if kind in ("E", "L", "S", "U"):
            out.append((start, k + 1, label))
            start = -1
    if start >= 0:
        out.append((start, len(tags), label))
    return out


def spans(tags: Sequence[str], starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, label)`` from tags and their tokens' offsets."""
    return [(starts[i], ends[j - 1], label) for i, j, label in decode(tags)]
