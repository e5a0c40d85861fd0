"""The learning curve: F1 of rules, model and combined as the training set grows.

K folds over the articles; for each fold the other articles, in a fixed shuffled order,
are the training pool, and models are trained on its first 1, 2, 4, ... articles (and on
all of it), each scored on the held-out fold. Counts are summed over the folds, so each
figure is a micro-average over every article once held out.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from annotator.errors import UserError
from annotator.learn.features import ENTITY_LABELS
from annotator.learn.train import MODES, Prepared, add_report, fit, fold_indices, score_mode
from annotator.proposals.evaluate import TASK_LABEL, Report


def sizes_up_to(n: int) -> list[int]:
    out, k = [], 1
    while k < n:
        out.append(k)
        k *= 2
    return [*out, n] if n else out


@dataclass
class CurvePoint:
    articles: int
    reports: dict[str, Report] = field(default_factory=dict)

    def f1(self, mode: str, label: str) -> float:
        r = self.reports[mode]
        s = r.entity_micro if label == "entity" else r.labels.get(label)
        return s.f1 if s else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            **{
                mode: {
                    label: round(self.f1(mode, label), 4) for label in (*ENTITY_LABELS, TASK_LABEL, "entity")
                }
                for mode in MODES
            },
        }


def learning_curve(
    prepared: list[Prepared], folds: int = 5, seed: int = 0, on_point: Callable[[int], None] | None = None
) -> list[CurvePoint]:
    """One point per training size; ``articles`` is the size of the training set."""
    splits = fold_indices(len(prepared), folds, seed)
    smallest_pool = len(prepared) - max(len(s) for s in splits)
    points = {n: CurvePoint(n) for n in sizes_up_to(smallest_pool)}
    for test_idx in splits:
        held = set(test_idx)
        pool = [p for i, p in enumerate(prepared) if i not in held]
        random.Random(seed + 1).shuffle(pool)
        test = [prepared[i] for i in test_idx]
        for n, point in points.items():
            try:
                _, model, _ = fit(pool[:n])
            except UserError:
                model = None  # no entity in these articles: the model proposes nothing
            for mode in MODES:
                scored = score_mode(model, test, mode) if model or mode == "rules" else Report()
                add_report(point.reports, mode, scored)
            if on_point:
                on_point(n)
    return list(points.values())


def table(points: list[CurvePoint]) -> list[str]:
    labels = (*ENTITY_LABELS, TASK_LABEL, "entity")
    head = f"{'articles':>8} {'source':<9} " + " ".join(
        f"{('entity micro' if x == 'entity' else x):>12}" for x in labels
    )
    out = [head]
    for p in points:
        for mode in MODES:
            row = " ".join(
                f"{p.f1(mode, x):>12.3f}" if not (mode == "model" and x == TASK_LABEL) else f"{'-':>12}"
                for x in labels
            )
            out.append(f"{p.articles:>8} {mode:<9} {row}")
    return out
