"""Measure the proposals on real text the way issue 12 asks: generalisation, not memory.

    python tools/eval_real.py [--gold tests/data/real_dev.jsonl] [--json OUT]

1. The real articles are grouped by outlet (``annotator.proposals.evaluate.source_group``)
   and split into two halves (``CHECK_HALF`` below): the rules were developed looking at
   the ``develop`` half only; the ``check`` half was only scored.
2. The rules alone on each half.
3. Cross-validation by source: for every outlet, the model is trained on everything the
   base model learns from (``tools/build_base_model.py``) except that outlet's articles,
   and rules, model and combined (what the app proposes) are scored on the held-out
   outlet. Totals over all outlets and over the check half, and a row per outlet.

Figures on the ``develop`` half, and the rules' figures on text they were written from,
measure memory; the check half under cross-validation is the figure for new text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.learn.train import MODES, docs_from_jsonl, fit, predict, prepare_all  # noqa: E402
from annotator.proposals.evaluate import (  # noqa: E402
    ENTITY_LABELS,
    TASK_LABEL,
    Report,
    evaluate,
    group_table,
    source_group,
)

# The articles of the check half, fixed before the rules were developed on the other
# half (groups by outlet, ordered by the SHA-256 of their names as computed then,
# alternately): the rules' authors never looked at these, only at their scores.
CHECK_HALF = frozenset(
    (
        "da01",
        "da02",
        "da03",
        "da04",
        "da06",
        "da10",
        "da12",
        "da13",
        "da14",
        "db04",
        "db07",
        "db08",
        "db09",
        "db10",
        "db12",
    )
)
OTHER_TRAINING = ("tests/data/extra_gold.jsonl", "tests/data/dev_gold.jsonl", "tests/data/heldout_gold.jsonl")
LABELS = (*ENTITY_LABELS, "entity", TASK_LABEL)


def row(name: str, r: Report) -> str:
    return f"{name:<24} " + " ".join(f"{r.score(x).f1:>12.3f}" for x in LABELS)


def head() -> str:
    return f"{'':<24} " + " ".join(f"{('entity micro' if x == 'entity' else x):>12}" for x in LABELS)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "tests/data/real_dev.jsonl"))
    ap.add_argument("--json", dest="json_out", help="also write the figures as JSON here")
    args = ap.parse_args()
    start = time.perf_counter()
    gold = Path(args.gold)
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups = [source_group(r.get("source") or "") for r in rows]
    half_of = {r["id"]: ("check" if r["id"] in CHECK_HALF else "develop") for r in rows}
    docs = docs_from_jsonl(gold)
    others = [d for name in OTHER_TRAINING for d in docs_from_jsonl(ROOT / name)]
    prepared = prepare_all(docs)
    prepared_others = prepare_all(others)
    print(
        f"{len(docs)} articles from {len(set(groups))} outlets in {gold}; "
        f"{sum(1 for r in rows if r['id'] in CHECK_HALF)} articles in the check half"
    )
    out: dict[str, dict[str, Report]] = {}
    per_source: dict[str, Report] = {}

    def add(part: str, mode: str, r: Report) -> None:
        out.setdefault(part, {}).setdefault(mode, Report()).merge(r)

    for g in sorted(set(groups)):
        test = [p for p, gg in zip(prepared, groups, strict=True) if gg == g]
        train = [p for p, gg in zip(prepared, groups, strict=True) if gg != g] + prepared_others
        _, model, _ = fit(train)
        for p in test:
            part = half_of[p.doc.id]
            for mode in MODES:
                r = evaluate([(p.doc.id, p.doc.text, list(p.doc.spans), predict(model, p, mode))])
                add(f"cv {part}", mode, r)
                add("cv all", mode, r)
                if mode == "combined":
                    per_source.setdefault(g, Report()).merge(r)
                if mode == "rules":
                    add(f"rules {part}", "rules", r)
    print("\nThe rules alone (F1):")
    print(head())
    for part in ("develop", "check"):
        print(row(f"{part} half", out[f"rules {part}"]["rules"]))
    print("\nCross-validated by source (F1; the model never saw the outlet it is scored on):")
    print(head())
    for part in ("check", "develop", "all"):
        for mode in MODES:
            print(row(f"{part}: {mode}", out[f"cv {part}"][mode]))
    print("\nErrors by kind, check half, combined (cross-validated):")
    print(out["cv check"]["combined"].table())
    print("\nCombined (what the app proposes), per outlet held out:")
    total = Report()
    for r in per_source.values():
        total.merge(r)
    print(group_table(per_source, total))
    print(f"\n{time.perf_counter() - start:.0f} s", file=sys.stderr)
    if args.json_out:
        Path(args.json_out).write_text(
            json.dumps(
                {k: {m: r.to_json() for m, r in v.items()} for k, v in out.items()}
                | {"by_source": {g: r.to_json() for g, r in per_source.items()}},
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
