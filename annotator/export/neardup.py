"""Near-duplicate articles: the same story published by several sites.

Each text is reduced to a MinHash signature of its character shingles (32 bytes of the
lower-cased UTF-8 text with white space collapsed, so a changed byline, intro line, tone
placement or line breaks touch only the shingles around them). Articles whose signatures
share a band (locality-sensitive hashing) are compared, and pairs whose estimated Jaccard
similarity is at least :data:`THRESHOLD` are joined with union-find into groups.

Why not a library: ``datasketch`` hashes every shingle in Python (SHA-1 per shingle),
which costs seconds per thousand articles; here the shingle hashes are a polynomial
rolling hash computed with NumPy (already a dependency), about 0.2 ms per 5,000-character
article. Everything is deterministic (fixed seeds, no use of Python's salted ``hash``),
so the same texts always give the same groups.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

SHINGLE = 32  # bytes per shingle: about six syllables
PERMUTATIONS = 64
BANDS = 16  # of 4 rows: pairs at Jaccard 0.6 become candidates with probability 0.9
THRESHOLD = 0.6  # estimated Jaccard at or above which two articles are the same story
SAMPLE_MASK = np.uint64(7)  # keep an eighth of the shingles (Broder's mod-m sampling)

_U = np.uint64
_BASE = _U(0x100000001B3)
_MIX = _U(0x9E3779B97F4A7C15)
_rng = np.random.default_rng(20261123)
_A = _rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | _U(1)
_B = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_powers: np.ndarray = np.ones(1, dtype=np.uint64)
_inverses: np.ndarray = np.ones(1, dtype=np.uint64)


def _tables(n: int) -> tuple[np.ndarray, np.ndarray]:
    """BASE**i and BASE**-i modulo 2**64 for i < n (grown on demand)."""
    global _powers, _inverses
    if len(_powers) < n:
        size = max(n, 2 * len(_powers), 8192)
        with np.errstate(over="ignore"):
            _powers = np.concatenate([[_U(1)], np.cumprod(np.full(size - 1, _BASE))])
            inverse = _U(pow(int(_BASE), -1, 2**64))
            _inverses = np.concatenate([[_U(1)], np.cumprod(np.full(size - 1, inverse))])
    return _powers[:n], _inverses[:n]


def signature(text: str) -> np.ndarray:
    """MinHash signature (``PERMUTATIONS`` unsigned 64-bit values) of a text."""
    data = " ".join(text.lower().split()).encode("utf-8")
    b = np.frombuffer(data, dtype=np.uint8).astype(np.uint64)
    if len(b) < SHINGLE:
        b = np.pad(b, (0, SHINGLE - len(b)))
    n = len(b)
    powers, inverses = _tables(n)
    with np.errstate(over="ignore"):
        prefix = np.zeros(n + 1, dtype=np.uint64)
        np.cumsum(b * powers, out=prefix[1:])
        m = n - SHINGLE + 1
        # hash of b[i:i+SHINGLE] = (prefix[i+SHINGLE] - prefix[i]) * BASE**-i  (mod 2**64)
        h = (prefix[SHINGLE : SHINGLE + m] - prefix[:m]) * inverses[:m] * _MIX
        h ^= h >> _U(31)
        sampled = h[(h & SAMPLE_MASK) == 0]
        if len(sampled):
            h = sampled
        return (np.multiply.outer(_A, h) + _B[:, None]).min(axis=1)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group(signatures: list[np.ndarray], threshold: float = THRESHOLD) -> list[int]:
    """For each signature, the index of the first member of its near-duplicate group."""
    n = len(signatures)
    uf = _UnionFind(n)
    if n < 2:
        return list(range(n))
    sigs = np.stack(signatures)
    rows = PERMUTATIONS // BANDS
    for band in range(BANDS):
        keys = np.ascontiguousarray(sigs[:, band * rows : (band + 1) * rows])
        _, bucket = np.unique(
            keys.view(np.dtype((np.void, keys.itemsize * rows))).ravel(), return_inverse=True
        )
        order = np.argsort(bucket, kind="stable")
        cuts = np.flatnonzero(np.diff(bucket[order])) + 1
        for members in np.split(order, cuts):
            if len(members) > 1:
                _join_similar(uf, sigs, members, threshold)
    return [uf.find(i) for i in range(n)]


def _join_similar(uf: _UnionFind, sigs: np.ndarray, members: np.ndarray, threshold: float) -> None:
    """Union every pair of ``members`` whose signatures agree on ``threshold`` of the rows."""
    need = int(np.ceil(threshold * PERMUTATIONS))
    block = 256  # rows compared at once: memory stays at block * len(members) * 64 bytes
    for lo in range(0, len(members), block):
        rows = members[lo : lo + block]
        agree = (sigs[rows][:, None, :] == sigs[members][None, :, :]).sum(axis=2)
        for a, b in zip(*np.nonzero(agree >= need), strict=True):
            if lo + a < b:
                uf.union(int(rows[a]), int(members[b]))


def near_duplicate_groups(texts: Iterable[str]) -> list[int]:
    """Group index (first member) per text; see :func:`group`."""
    return group([signature(t) for t in texts])
