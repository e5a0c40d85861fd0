"""Remove site chrome (comment forms, counters, share lines, related-article lists).

The patterns are data in ``resources/boilerplate.txt``. Only whole lines are removed, and
only lines that match a pattern from start to end, so body text that merely mentions
"bình luận" stays. Removed lines are returned so the importer can keep them in the
article's import record: nothing is thrown away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from annotator.resources import read_lines
from annotator.text import IDENTITY, OffsetMap, delete_lines


@dataclass(frozen=True)
class Patterns:
    line: re.Pattern[str]
    tail: re.Pattern[str]


@cache
def patterns() -> Patterns:
    line_parts: list[str] = []
    tail_parts: list[str] = []
    for raw in read_lines("boilerplate.txt"):
        if raw.startswith("tail:"):
            tail_parts.append(raw[len("tail:") :])
        else:
            line_parts.append(raw)
    return Patterns(
        re.compile("|".join(f"(?:{p})" for p in line_parts), re.IGNORECASE),
        re.compile("|".join(f"(?:{p})" for p in tail_parts), re.IGNORECASE),
    )


# Cheap pre-filter: a chrome line is short; body lines are skipped without regex work.
_MAX_CHROME_LINE = 80


def remove_boilerplate(text: str) -> tuple[str, OffsetMap, list[str]]:
    """Text without chrome lines, the offset map, and the removed lines in order."""
    pats = patterns()
    lines = text.split("\n")
    doomed: set[int] = set()
    for n, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or len(stripped) > _MAX_CHROME_LINE:
            continue
        if n > 0 and pats.tail.fullmatch(stripped):
            doomed.update(range(n, len(lines)))
            break
        if pats.line.fullmatch(stripped):
            doomed.add(n)
    if not doomed:
        return text, IDENTITY, []
    removed = [lines[n] for n in sorted(doomed) if lines[n].strip()]
    out, offsets = delete_lines(text, doomed)
    return out, offsets, removed
