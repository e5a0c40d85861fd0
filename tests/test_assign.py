"""Assigning articles to annotators: overlap, balance, determinism, rounds."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from annotator.errors import UserError
from annotator.importer import import_paths
from annotator.pipeline.batch import propose_store
from annotator.proposals import PROPOSER_NAME
from annotator.store import Store
from annotator.team import plan

from .conftest import DEV_GOLD, run_cli

NAMES = ["lan", "minh", "hoa"]


def test_plan_overlap_is_exact_and_spread_over_pairs():
    ids = [f"a{i}" for i in range(50)]
    shares = plan(ids, NAMES, overlap=0.2, seed=7)
    holders = Counter(a for got in shares.values() for a in got)
    assert set(holders) == set(ids)  # every article handed out
    assert Counter(holders.values()) == {1: 40, 2: 10}  # 20 % to exactly two annotators
    per_pair = Counter(
        tuple(sorted(n for n in NAMES if a in shares[n])) for a, k in holders.items() if k == 2
    )
    assert set(per_pair) == set(itertools.combinations(sorted(NAMES), 2))
    assert max(per_pair.values()) - min(per_pair.values()) <= 1
    loads = [len(v) for v in shares.values()]
    assert max(loads) - min(loads) <= 1  # balanced


def test_plan_is_deterministic_for_a_seed():
    ids = [f"a{i}" for i in range(30)]
    assert plan(ids, NAMES, 0.3, seed=1) == plan(ids, NAMES, 0.3, seed=1)
    assert plan(ids, NAMES, 0.3, seed=1) != plan(ids, NAMES, 0.3, seed=2)


@pytest.mark.parametrize(
    "names, overlap, message",
    [
        (["lan"], 0.2, "at least two annotators"),
        (["lan", "lan"], 0.0, "each annotator once"),
        (NAMES, 1.5, "between 0 and 1"),
    ],
)
def test_plan_refuses_impossible_requests(names, overlap, message):
    with pytest.raises(UserError, match=message):
        plan(["a"], names, overlap, 0)


def test_assign_writes_a_database_per_annotator_with_proposals(tmp_path, db_path):
    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
        propose_store(s, workers=1)
    out = tmp_path / "out"
    r = run_cli(
        "assign",
        "--db",
        str(db_path),
        "--annotators",
        "lan,minh,hoa",
        "--overlap",
        "0.2",
        "--out",
        str(out),
        "--seed",
        "3",
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "round 1: 14 articles, 3 of them to two annotators"
    total = 0
    for name in NAMES:
        with Store(out / f"{name}.db") as s:
            ids = s.article_ids()
            total += len(ids)
            assert name in s.annotators(kind="human")
            assert s.articles_without_proposals(PROPOSER_NAME) == []  # proposals came along
            some = ids[0]
            assert s.spans(some, PROPOSER_NAME) or s.spans(some, "import")
    assert total == 14 + 3

    # new articles later: only they are handed out, added to the same files
    extra = tmp_path / "extra.txt"
    extra.write_text("Bài mới\nĐồng chí Lê Văn A đề nghị tiếp tục thực hiện.", encoding="utf-8")
    with Store(db_path) as s:
        import_paths(s, [extra])
    again = run_cli(
        "assign", "--db", str(db_path), "--annotators", "lan,minh,hoa", "--overlap", "0", "--out", str(out)
    )
    assert again.stdout.splitlines()[0] == "round 2: 1 articles, 0 of them to two annotators"
    with Store(db_path) as s:
        assert s.conn.execute("SELECT count(DISTINCT article_id) FROM assignments").fetchone()[0] == 15
