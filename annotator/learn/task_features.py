"""Features for the learned TASK tagger: one feature list per token, per line.

A task is a clause: whether one starts here depends on what came before it in the
sentence (a cue such as "đề nghị" a few words back, a colon, a report's "đã") more than
on the word itself, and the rules already find most of them. So besides the token and its
neighbours, each token carries:

- the rules' TASK there (``tr=B``/``I``/``O``, and which rule: ``tsrc=task:cue``), and the
  rules' entity (``ent=B-ORG``), so the model learns where the rules are right;
- whether a task cue starts here, and how far back the last cue of the sentence is;
- whether an action word starts here or next;
- the state of the sentence so far: a colon seen, a report word ("đã", "vừa") seen, inside
  a quotation, the first word of an item (after ";", ":" or a list marker);
- the line: short and unpunctuated (a heading or a title), and whether the rules found a
  task in this sentence or the one before.

These need the analysis with underthesea's sentences and words (the task rules read
them), so they are computed from the same :class:`~annotator.proposals.analysis.Analysis`
the proposer makes. Qt-free, no database.
"""

from __future__ import annotations

import re

from annotator.learn.features import Sequence, lines_of, shape, token_index
from annotator.model import task_label
from annotator.nlp.lexicon import lexicon
from annotator.proposals.analysis import Analysis, Candidate
from annotator.proposals.tasks import verb_at

TASK_LABEL = task_label()  # from resources/labels.json
_HEADING_END = re.compile(r"[.!?:;…]\s*$")
_ITEM_MARKS = frozenset((";", ":", "-", "+", "•", "*"))
_REPORT = frozenset(("đã", "vừa", "từng"))
_QUOTES = frozenset(("“", "”", '"'))


def _bucket(d: int | None) -> str:
    """Distance to the last cue: 0, 1, 2-3, 4-7, 8-15, far, or none."""
    if d is None:
        return "none"
    for b in (0, 1, 3, 7, 15):
        if d <= b:
            return str(b)
    return "far"


def task_featurize(a: Analysis, cands: list[Candidate]) -> list[Sequence]:
    """Feature sequences for the TASK tagger (one per line), from an analysis with
    underthesea and the rules' candidates on it (entities and tasks)."""
    toks = a.toks
    n = len(toks)
    rule_task: dict[int, str] = {}
    rule_src: dict[int, str] = {}
    entity: dict[int, str] = {}
    starts = [t.start for t in toks]
    for c in cands:
        r = token_index(toks, c.start, c.end, starts)
        if r is None:
            continue
        i, j = r
        for k in range(i, j):
            mark = "B" if k == i else "I"
            if c.label == TASK_LABEL:
                rule_task[k], rule_src[k] = mark, c.source
            else:
                entity[k] = f"{mark}-{c.label[:3]}"
    sentence_of = [-1] * n
    for si, s in enumerate(a.sentences):
        for k in range(a.tok_index(s.start), a.tok_index(s.end)):
            sentence_of[k] = si
    task_sentences = {sentence_of[k] for k in rule_task}
    cue_at = {i: j for i, j in lexicon("task_cues", fold_case=True).find_all(toks)}
    verbs = [verb_at(a, k) > 0 for k in range(n)] + [False]
    tr = [rule_task.get(k, "O") for k in range(n)]
    out = []
    for lo, hi in lines_of(a):
        line = a.key[toks[lo].start : toks[hi - 1].end]
        heading = "heading=" + str(len(line.split()) <= 25 and not _HEADING_END.search(line))
        m = hi - lo
        lower = ["<edge>", "<edge>"] + [t.lower for t in toks[lo:hi]] + ["<edge>", "<edge>"]
        trp = ["<edge>"] + tr[lo:hi] + ["<edge>"]
        # the state of the sentence before each token (one pass), then one column per
        # feature template, built a column at a time as in features.featurize
        state: list[tuple[str, ...]] = []
        last_cue: int | None = None
        colon = report = item_first = False
        quote = 0
        sentence = None
        for k in range(lo, hi):
            t = toks[k]
            if sentence_of[k] != sentence:
                sentence = sentence_of[k]
                last_cue, colon, report, item_first = None, False, False, True
            f = [
                "cue_dist=" + _bucket(None if last_cue is None else k - last_cue),
                *_FLAGS[colon, report, item_first, quote % 2],
                *_SENTENCE[
                    sentence in task_sentences, sentence is not None and sentence - 1 in task_sentences
                ],
            ]
            if verbs[k]:
                f.append("verb")
            if verbs[k + 1]:
                f.append("verb[1]")
            cue_end = cue_at.get(k, -1)
            if cue_end > 0:
                f.append("cue=" + " ".join(x.lower for x in toks[k:cue_end]))
                last_cue = cue_end - 1
            state.append(tuple(f))
            colon = colon or t.text == ":"
            report = report or t.lower in _REPORT
            if t.text in _QUOTES:
                quote += 1
            item_first = t.text in _ITEM_MARKS
        cols = [
            ["bias"] * m,
            ["w=" + x for x in lower[2 : 2 + m]],
            ["s=" + shape(t.text) for t in toks[lo:hi]],
        ]
        for d in (-2, -1, 1, 2):
            cols.append([f"w[{d}]=" + x for x in lower[2 + d : 2 + d + m]])
        cols.append([f"w[-1:0]={x}|{y}" for x, y in zip(lower[1 : 1 + m], lower[2 : 2 + m], strict=True)])
        cols.append(["tr=" + x for x in tr[lo:hi]])
        cols.append(["tsrc=" + rule_src.get(k, "O") for k in range(lo, hi)])
        cols.append(["tr[-1]=" + x for x in trp[:m]])
        cols.append(["tr[1]=" + x for x in trp[2 : 2 + m]])
        cols.append(["ent=" + entity.get(k, "O") for k in range(lo, hi)])
        cols.append([heading] * m)
        feats = tuple(row + x for row, x in zip(zip(*cols, strict=True), state, strict=True))
        out.append(Sequence(tuple(toks[lo:hi]), feats))
    return out


# the flag features, by (colon, report, item_first, quote) and (sentence, previous)
_FLAGS = {
    (c, r, i, q): (f"colon={c}", f"report={r}", f"item_first={i}", f"quote={q}")
    for c in (False, True)
    for r in (False, True)
    for i in (False, True)
    for q in (0, 1)
}
_SENTENCE = {(s, p): (f"sent_task={s}", f"prev_sent_task={p}") for s in (False, True) for p in (False, True)}


def task_tags(seq: Sequence, spans: list[tuple[int, int]]) -> list[str]:
    """BIO tags of a sequence for TASK spans in key offsets: the tokens inside a span
    (a span need not start or end on a token boundary of ours)."""
    tags = ["O"] * len(seq.tokens)
    for start, end in spans:
        inside = [k for k, t in enumerate(seq.tokens) if t.start >= start and t.end <= end]
        for n, k in enumerate(inside):
            tags[k] = ("B-" if n == 0 else "I-") + TASK_LABEL
    return tags
