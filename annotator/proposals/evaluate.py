"""Score predicted spans against gold, as the guidelines define it.

OFFICIAL, ORGANIZATION and DIRECTIVE match on exact character offsets. TASK spans match
one-to-one when their character intersection over union is at least 0.5 (greedy by IoU,
highest first). The micro-average is over the three entity labels.

Every error is also put in one of four kinds, counted per label (the gold span's label,
the predicted one's for spurious spans):

- **boundary**: a prediction of the same label overlaps the gold span, with other offsets
  (for TASK: overlaps it, but below the IoU threshold);
- **label**: a prediction overlaps the gold span with another label (whatever its
  offsets);
- **missing**: no prediction overlaps the gold span;
- **spurious**: a prediction that overlaps no gold span left unexplained.

A boundary or label error costs one false positive and one false negative; the kinds say
which fix would remove them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from annotator.model import SpanKey, entity_labels, task_label

ENTITY_LABELS = entity_labels()  # from resources/labels.json
TASK_LABEL = task_label()
TASK_IOU = 0.5
ERROR_KINDS = ("boundary", "label", "missing", "spurious")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    # error kinds (see the module's docstring)
    boundary: int = 0
    label: int = 0
    missing: int = 0
    spurious: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        """No gold span and no prediction: F1 means nothing here."""
        return self.tp + self.fp + self.fn == 0

    def add(self, other: Score) -> None:
        for name in ("tp", "fp", "fn", *ERROR_KINDS):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_json(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "errors": {k: getattr(self, k) for k in ERROR_KINDS},
        }


@dataclass
class Report:
    labels: dict[str, Score] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)  # per document: missed / spurious
    documents: int = 0

    @property
    def entity_micro(self) -> Score:
        total = Score()
        for label in ENTITY_LABELS:
            total.add(self.labels.get(label, Score()))
        return total

    def score(self, label: str) -> Score:
        """A label's score, or the entity micro-average for ``"entity"``."""
        return self.entity_micro if label == "entity" else self.labels.get(label, Score())

    def merge(self, other: Report) -> None:
        for label, s in other.labels.items():
            self.labels.setdefault(label, Score()).add(s)
        self.errors.extend(other.errors)
        self.documents += other.documents

    def to_json(self) -> dict:
        out = {label: self.labels.get(label, Score()).to_json() for label in (*ENTITY_LABELS, TASK_LABEL)}
        out["entity_micro"] = self.entity_micro.to_json()
        return out

    def table(self) -> str:
        rows = [
            f"{'label':<14} {'precision':>9} {'recall':>7} {'f1':>7} {'tp':>5} {'fp':>5} "
            f"{'fn':>5}   {'boundary':>8} {'label':>5} {'missing':>7} {'spurious':>8}"
        ]
        for label in (*ENTITY_LABELS, TASK_LABEL, "entity"):
            s = self.score(label)
            name = "entity micro" if label == "entity" else label
            rows.append(
                f"{name:<14} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f} "
                f"{s.tp:>5} {s.fp:>5} {s.fn:>5}   {s.boundary:>8} {s.label:>5} "
                f"{s.missing:>7} {s.spurious:>8}"
            )
        return "\n".join(rows)


def _iou(a: SpanKey, b: SpanKey) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def _overlap(a: SpanKey, b: SpanKey) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _classify(
    missed: list[SpanKey], spurious: list[SpanKey], scores: dict[str, Score], kinds: dict[SpanKey, str]
) -> None:
    """Sort the errors of one layer into boundary / label / missing / spurious.

    A gold span left unmatched is paired with an unmatched prediction that overlaps it,
    of its own label first (boundary), else of another (label); each prediction explains
    at most one gold span. The rest are missing and spurious.
    """
    free = list(spurious)
    for g in missed:
        rivals = [p for p in free if _overlap(g, p)]
        same = [p for p in rivals if p[2] == g[2]]
        pick = max(same or rivals, key=lambda p: _iou(g, p), default=None)
        if pick is None:
            kinds[g] = "missing"
            scores[g[2]].missing += 1
            continue
        free.remove(pick)
        kind = "boundary" if pick[2] == g[2] else "label"
        kinds[g] = kinds[pick] = kind
        setattr(scores[g[2]], kind, getattr(scores[g[2]], kind) + 1)
    for p in free:
        kinds[p] = "spurious"
        scores.setdefault(p[2], Score()).spurious += 1


def score_document(
    gold: Iterable[SpanKey], pred: Iterable[SpanKey]
) -> tuple[dict[str, Score], list[SpanKey], list[SpanKey], dict[SpanKey, str]]:
    """Per-label scores for one document, the missed and spurious spans, and the kind of
    each error (see the module's docstring)."""
    gold, pred = set(gold), set(pred)
    scores: dict[str, Score] = {}
    missed: list[SpanKey] = []
    spurious: list[SpanKey] = []
    kinds: dict[SpanKey, str] = {}
    for label in ENTITY_LABELS:
        g = {s for s in gold if s[2] == label}
        p = {s for s in pred if s[2] == label}
        scores[label] = Score(len(g & p), len(p - g), len(g - p))
        missed += sorted(g - p)
        spurious += sorted(p - g)
    _classify(missed, spurious, scores, kinds)
    g_tasks = sorted(s for s in gold if s[2] == TASK_LABEL)
    p_tasks = sorted(s for s in pred if s[2] == TASK_LABEL)
    pairs = sorted(
        ((_iou(g, p), gi, pi) for gi, g in enumerate(g_tasks) for pi, p in enumerate(p_tasks)), reverse=True
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    for iou, gi, pi in pairs:
        if iou < TASK_IOU:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
    scores[TASK_LABEL] = Score(len(used_g), len(p_tasks) - len(used_p), len(g_tasks) - len(used_g))
    t_missed = [g for i, g in enumerate(g_tasks) if i not in used_g]
    t_spurious = [p for i, p in enumerate(p_tasks) if i not in used_p]
    _classify(t_missed, t_spurious, scores, kinds)
    return scores, missed + t_missed, spurious + t_spurious, kinds


def evaluate(pairs: Iterable[tuple[str, str, list[SpanKey], list[SpanKey]]]) -> Report:
    """``pairs``: (doc id, text, gold spans, predicted spans) for each document."""
    report = Report()
    for doc_id, text, gold, pred in pairs:
        scores, missed, spurious, kinds = score_document(gold, pred)
        report.documents += 1
        for label, s in scores.items():
            report.labels.setdefault(label, Score()).add(s)
        if missed or spurious:
            report.errors.append(
                {
                    "id": doc_id,
                    "missed": [(s[2], text[s[0] : s[1]], s[0], s[1], kinds[s]) for s in missed],
                    "spurious": [(s[2], text[s[0] : s[1]], s[0], s[1], kinds[s]) for s in spurious],
                }
            )
    return report


_GITHUB = re.compile(r"^(?:github:)?([\w.-]+/[\w.-]+)@")
_TLD = re.compile(r"(?:\.(?:gov|org|com|edu|net|info|dcs))?\.vn$|\.(?:com|org|net|info)$")


def source_group(source: str) -> str:
    """The outlet a gold line's ``source`` names, to group articles by where they come from.

    A web address gives its host without ``www.`` and without the country or generic
    ending (``baothainguyen.org.vn`` and ``baothainguyen.vn`` are one outlet); a copy in a
    repository that names the article's address (``... (article: https://...)``) is
    grouped by that address; any other repository by ``owner/name``.
    """
    source = source.strip()
    m = re.search(r"\(article:\s*(\S+?)\)", source)
    url = m.group(1) if m else source
    g = _GITHUB.match(url)
    if g:
        return g.group(1)
    host = urlparse(url).hostname if "://" in url else None
    if not host:
        return url.split()[0] if url else "(no source)"
    host = re.sub(r"^www\.", "", host.lower())
    return _TLD.sub("", host) or host


def by_group(pairs: Iterable[tuple[str, str, str, list[SpanKey], list[SpanKey]]]) -> dict[str, Report]:
    """Reports per group: ``pairs`` are (group, doc id, text, gold, predicted)."""
    out: dict[str, Report] = {}
    for group, doc_id, text, gold, pred in pairs:
        out.setdefault(group, Report()).merge(evaluate([(doc_id, text, gold, pred)]))
    return out


def group_table(groups: dict[str, Report], total: Report) -> str:
    """One row per group: articles, F1 per label, entity micro-F1 (``-``: nothing there)."""
    labels = (*ENTITY_LABELS, "entity", TASK_LABEL)
    width = max([len(g) for g in groups] + [10])
    head = f"{'source':<{width}} {'articles':>8} " + " ".join(
        f"{('entity micro' if x == 'entity' else x):>12}" for x in labels
    )
    rows = [head]

    def row(name: str, r: Report) -> str:
        cells = [f"{'-':>12}" if r.score(x).empty else f"{r.score(x).f1:>12.3f}" for x in labels]
        return f"{name:<{width}} {r.documents:>8} " + " ".join(cells)

    for name in sorted(groups):
        rows.append(row(name, groups[name]))
    rows.append(row("all", total))
    return "\n".join(rows)


def read_jsonl(path: str | Path, warn: Callable[[str], None] | None = None) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each good line of a gold or prediction file.

    A bad line (not JSON, no string "text", spans that are not spans) is passed to
    ``warn`` as one sentence naming the file and line, and left out; without ``warn`` it
    is a :class:`UserError`.
    """
    for _, n, obj in _read_numbered(path, warn):
        yield n, obj


def _read_numbered(path: str | Path, warn: Callable[[str], None] | None) -> Iterator[tuple[int, int, dict]]:
    """(position among the non-blank lines, line number, object) of each good line."""
    from annotator import jsonl
    from annotator.errors import UserError

    for position, line in enumerate(jsonl.read(path, jsonl.parse_object)):
        problem = line.problem
        if problem is None:
            try:
                line.value["spans"] = _spans(line.value)
            except jsonl.BadLine as exc:
                problem = str(exc)
        if problem is None:
            yield position, line.number, line.value
        elif warn is None:
            raise UserError(f"{path}:{line.number}: {problem}")
        else:
            warn(f"{path}:{line.number}: {problem}; line left out")


def _spans(obj: dict) -> list[SpanKey]:
    from annotator.jsonl import BadLine

    spans = obj.get("spans") or []
    if not isinstance(spans, list):
        raise BadLine(f"field 'spans' must be a list, got {type(spans).__name__}")
    out = []
    for s in spans:
        try:
            start, end, label = s["start"], s["end"], s["label"]
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str)):
                raise TypeError
        except (KeyError, TypeError):
            raise BadLine(f"span without integer start/end and a label: {str(s)[:80]}") from None
        if not 0 <= start < end <= len(obj["text"]):
            raise BadLine(f"span [{start}, {end}) is outside the text ({len(obj['text'])} characters)")
        out.append((start, end, label))
    return out


def gold_and_predictions(
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    predict: Callable[[str], list[SpanKey]] | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[tuple[str, str, str, list[SpanKey], list[SpanKey]]]:
    """(source group, id, text, gold, predicted) for each good line of a gold JSONL file
    (bad lines go to ``warn``, see :func:`read_jsonl`).

    The predictions come from ``pred_path`` (matched by "id" when every line of both files
    has one, else line for line), else from ``predict(text)``, else from the proposer run
    now. Lines without a ``source`` are grouped as ``(no source)``.
    """
    from annotator.errors import UserError

    gold = list(_read_numbered(gold_path, warn))
    if pred_path is not None:
        preds = list(_read_numbered(pred_path, warn))
        by_id = all("id" in g for *_, g in gold) and all("id" in p for *_, p in preds)
        key = (lambda pos, g: str(g["id"])) if by_id else (lambda pos, g: pos)
        found = {key(pos, p): p["spans"] for pos, _, p in preds}
        missing = [n for pos, n, g in gold if key(pos, g) not in found]
        if missing:
            where = (
                f"{pred_path}: no prediction for line{'s' if len(missing) > 1 else ''} "
                f"{', '.join(map(str, missing[:10]))}{' …' if len(missing) > 10 else ''}"
                f" of {gold_path}"
            )
            if warn is None:
                raise UserError(where)
            warn(f"{where}; scored as proposing nothing")
        by_pos = [found.get(key(pos, g), []) for pos, _, g in gold]
    else:
        if predict is None:
            from annotator.proposals import propose

            def predict(text: str) -> list[SpanKey]:
                return [(p.start, p.end, p.label) for p in propose(text)]

        by_pos = [predict(g["text"]) for *_, g in gold]
    return [
        (
            source_group(str(g.get("source") or "")) if g.get("source") else "(no source)",
            str(g.get("id", n)),
            g["text"],
            g["spans"],
            pred,
        )
        for (_, n, g), pred in zip(gold, by_pos, strict=True)
    ]


def evaluate_files(
    gold_path: str | Path,
    pred_path: str | Path | None = None,
    predict: Callable[[str], list[SpanKey]] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Report:
    """Score a prediction file (or the proposer, run now) against a gold JSONL file."""
    rows = gold_and_predictions(gold_path, pred_path, predict, warn)
    return evaluate((doc_id, text, gold, pred) for _, doc_id, text, gold, pred in rows)
