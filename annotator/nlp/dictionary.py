"""Vietnamese words of more than one syllable, to tell where a word written with one
capital goes on in lower case ("Cục Thống kê", "Bộ Giao thông vận tải").

The list is the Viet74K dictionary that underthesea installs with itself
(``underthesea/corpus/data/Viet74K.txt``); nothing is downloaded. Without it (another
version of underthesea) the set is empty and names stop at their last capital, as before.
Qt-free, no database.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from annotator.nlp.fold import canon
from annotator.nlp.lexicon import Tok

MAX_SYLLABLES = 4


@cache
def words() -> frozenset[str]:
    """Lower-case words of two to four syllables, in the folded spelling of the key."""
    # find the file without importing underthesea (its import takes half a second)
    spec = importlib.util.find_spec("underthesea")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "corpus" / "data" / "Viet74K.txt"
        try:
            text = path.read_text(encoding="utf-8")
            break
        except OSError:
            continue
    else:
        return frozenset()
    return frozenset(
        w
        for w in (line.strip() for line in canon(text.lower()).splitlines())
        if " " in w and w.count(" ") < MAX_SYLLABLES
    )


def word_end(toks: list[Tok] | tuple[Tok, ...], i: int) -> int:
    """Index past the longest dictionary word of two or more syllables starting at token
    i (the tokens separated by single spaces), or -1."""
    vocab = words()
    if not vocab:
        return -1
    best = -1
    parts = [toks[i].lower]
    for j in range(i + 1, min(len(toks), i + MAX_SYLLABLES)):
        if toks[j].start != toks[j - 1].end + 1 or not toks[j].word:
            break
        parts.append(toks[j].lower)
        if " ".join(parts) in vocab:
            best = j + 1
    return best
