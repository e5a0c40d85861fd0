"""Train/dev/test splits: by article, deterministic for a seed, near-duplicates together.

Near-duplicate articles (:mod:`annotator.export.neardup`) form one group, and a group is
placed whole. Groups are put in an order fixed by the seed (a SHA-256 of the seed and the
group's first article id, so it does not depend on Python's hash salt or on the order of
import), then each goes to the split furthest below its target share. The result depends
only on the set of articles, their texts and the seed.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Sequence

from annotator.errors import UserError

NO_SPLIT = "all"  # the one split's name when no --split is given
SPLIT_HELP = "train=0.8,dev=0.1,test=0.1"


def parse_split(spec: str | None) -> dict[str, float]:
    """``"train=0.8,dev=0.1,test=0.1"`` -> ordered {name: share}; shares must sum to 1."""
    if spec is None or not spec.strip():
        return {NO_SPLIT: 1.0}
    out: dict[str, float] = {}
    for part in spec.split(","):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UserError(f"--split {spec!r}: expected NAME=SHARE pairs like {SPLIT_HELP}")
        if not name.replace("-", "").replace("_", "").isalnum():
            raise UserError(
                f"--split {spec!r}: split name {name!r} must be letters, digits, "
                "- or _ (it becomes a file name)"
            )
        if name in out:
            raise UserError(f"--split {spec!r}: split {name!r} given twice")
        try:
            share = float(value)
        except ValueError:
            raise UserError(f"--split {spec!r}: {value.strip()!r} is not a number") from None
        if not 0 <= share <= 1 or math.isnan(share):
            raise UserError(f"--split {spec!r}: share {value.strip()} must be between 0 and 1")
        out[name] = share
    total = sum(out.values())
    if abs(total - 1.0) > 1e-6:
        raise UserError(f"--split {spec!r}: the shares sum to {total:g}, not 1")
    return out


def _order_key(seed: int, article_id: str) -> str:
    return hashlib.sha256(f"{seed}:{article_id}".encode()).hexdigest()


def assign(ids: Sequence[str], groups: Sequence[int], shares: dict[str, float], seed: int) -> dict[str, str]:
    """Article id -> split name. ``groups[i]`` is the group (any key) of ``ids[i]``."""
    names = list(shares)
    if len(names) == 1:
        return {aid: names[0] for aid in ids}
    members: dict[int, list[str]] = defaultdict(list)
    for aid, g in zip(ids, groups, strict=True):
        members[g].append(aid)
    ordered = sorted(members.values(), key=lambda m: _order_key(seed, min(m)))
    total = len(ids)
    counts = dict.fromkeys(names, 0)
    out: dict[str, str] = {}
    for group_ids in ordered:
        # the split with the largest shortfall against its target; ties go to the first named
        name = max(names, key=lambda n: (shares[n] * total - counts[n], -names.index(n)))
        counts[name] += len(group_ids)
        for aid in group_ids:
            out[aid] = name
    return out
