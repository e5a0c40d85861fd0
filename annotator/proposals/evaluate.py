"""Score predicted spans against gold, as the guidelines define it.

OFFICIAL, ORGANIZATION and DIRECTIVE match on exact character offsets. TASK spans match
one-to-one when their character intersection over union is at least 0.5 (greedy by IoU,
highest first). The micro-average is over the three entity labels.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_LABELS = ("OFFICIAL", "ORGANIZATION", "DIRECTIVE")
TASK_LABEL = "TASK"
TASK_IOU = 0.5

Span3 = tuple[int, int, str]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

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

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Report:
    labels: dict[str, Score] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)  # per document: missed / spurious

    @property
    def entity_micro(self) -> Score:
        total = Score()
        for label in ENTITY_LABELS:
            total.add(self.labels.get(label, Score()))
        return total

    def to_json(self) -> dict:
        out = {label: self.labels.get(label, Score()).to_json()
               for label in (*ENTITY_LABELS, TASK_LABEL)}
        out["entity_micro"] = self.entity_micro.to_json()
        return out

    def table(self) -> str:
        rows = [f"{'label':<14} {'precision':>9} {'recall':>7} {'f1':>7} {'tp':>5} {'fp':>5} "
                f"{'fn':>5}"]
        for label in (*ENTITY_LABELS, TASK_LABEL):
            s = self.labels.get(label, Score())
            rows.append(f"{label:<14} {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f} "
                        f"{s.tp:>5} {s.fp:>5} {s.fn:>5}")
        m = self.entity_micro
        rows.append(f"{'entity micro':<14} {m.precision:>9.3f} {m.recall:>7.3f} {m.f1:>7.3f} "
                    f"{m.tp:>5} {m.fp:>5} {m.fn:>5}")
        return "\n".join(rows)


def _iou(a: Span3, b: Span3) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def score_document(gold: Iterable[Span3], pred: Iterable[Span3]) -> tuple[dict[str, Score],
                                                                        list[Span3], list[Span3]]:
    """Per-label scores for one document, plus the missed and spurious spans."""
    gold, pred = set(gold), set(pred)
    scores: dict[str, Score] = {}
    missed: list[Span3] = []
    spurious: list[Span3] = []
    for label in ENTITY_LABELS:
        g = {s for s in gold if s[2] == label}
        p = {s for s in pred if s[2] == label}
        scores[label] = Score(len(g & p), len(p - g), len(g - p))
        missed += sorted(g - p)
        spurious += sorted(p - g)
    g_tasks = sorted(s for s in gold if s[2] == TASK_LABEL)
    p_tasks = sorted(s for s in pred if s[2] == TASK_LABEL)
    pairs = sorted(((_iou(g, p), gi, pi) for gi, g in enumerate(g_tasks)
                    for pi, p in enumerate(p_tasks)), reverse=True)
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
    missed += [g for i, g in enumerate(g_tasks) if i not in used_g]
    spurious += [p for i, p in enumerate(p_tasks) if i not in used_p]
    return scores, missed, spurious


def evaluate(pairs: Iterable[tuple[str, str, list[Span3], list[Span3]]]) -> Report:
    """``pairs``: (doc id, text, gold spans, predicted spans) for each document."""
    report = Report()
    for doc_id, text, gold, pred in pairs:
        scores, missed, spurious = score_document(gold, pred)
        for label, s in scores.items():
            report.labels.setdefault(label, Score()).add(s)
        if missed or spurious:
            report.errors.append({
                "id": doc_id,
                "missed": [(s[2], text[s[0]:s[1]], s[0], s[1]) for s in missed],
                "spurious": [(s[2], text[s[0]:s[1]], s[0], s[1]) for s in spurious],
            })
    return report



def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a bad line raises a UserError."""
    from annotator.errors import UserError

    try:
        fh = Path(path).open(encoding="utf-8-sig")
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UserError(f"{path}:{n}: malformed JSON ({exc.msg} at column {exc.colno})"
                                ) from None
            except UnicodeDecodeError:
                raise UserError(f"{path}:{n}: not valid UTF-8") from None
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                raise UserError(f"{path}:{n}: expected an object with a string field 'text'")
            yield n, obj


def _spans(obj: dict, where: str) -> list[Span3]:
    from annotator.errors import UserError

    out = []
    for s in obj.get("spans") or []:
        try:
            out.append((int(s["start"]), int(s["end"]), str(s["label"])))
        except (KeyError, TypeError, ValueError):
            raise UserError(f"{where}: span without integer start/end and a label: {s!r}") from None
    return out


def evaluate_files(gold_path: str | Path, pred_path: str | Path | None = None) -> Report:
    """Score a prediction file (or the proposer, run now) against a gold JSONL file."""
    from annotator.errors import UserError

    gold = list(read_jsonl(gold_path))
    if pred_path is not None:
        preds = list(read_jsonl(pred_path))
        if len(preds) != len(gold):
            raise UserError(f"{pred_path}: {len(preds)} lines, but {gold_path} has {len(gold)}")
        by_pos = [_spans(p, f"{pred_path}:{n}") for n, p in preds]
    else:
        from annotator.proposals import propose

        by_pos = [[(p.start, p.end, p.label) for p in propose(g["text"])] for _, g in gold]
    return evaluate(
        (str(g.get("id", n)), g["text"], _spans(g, f"{gold_path}:{n}"), pred)
        for (n, g), pred in zip(gold, by_pos, strict=True)
    )
