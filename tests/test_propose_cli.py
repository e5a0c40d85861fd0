"""`annotator propose` on JSONL files and databases, and `annotator evaluate --pred`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from annotator.importer import import_paths
from annotator.pipeline.batch import propose_store
from annotator.proposals import PROPOSER_NAME, PROPOSER_VERSION
from annotator.store import Store

from .conftest import DEV_GOLD, VIET, run_cli, write_jsonl

DATA = Path(__file__).parent / "data"


def test_jsonl_in_jsonl_out_with_exact_offsets_and_passthrough(tmp_path):
    src = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "outlet": "Báo X", "text": VIET},
            {"id": "b", "title": "không có text"},
            "{broken",
            {"id": "c", "text": ""},
        ],
    )
    out = tmp_path / "out.jsonl"
    r = run_cli("propose", str(src), "-o", str(out), "--workers", "1")
    assert r.returncode == 1  # two bad lines were reported
    assert f"warning: {src}:2: no string field 'text'" in r.stderr
    assert f"error: {src}:3: malformed JSON" in r.stderr
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a", "b", "c"]
    assert rows[0]["outlet"] == "Báo X" and rows[1]["spans"] == [] and rows[2]["spans"] == []
    for span in rows[0]["spans"]:
        assert VIET[span["start"] : span["end"]] == span["text"]
        assert span["source"] and 0 < span["confidence"] <= 1
    assert ("OFFICIAL", "Nguyễn Văn Hòa") in {(s["label"], s["text"]) for s in rows[0]["spans"]}
    # a shard is written whole or not at all: nothing but the output beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_predictions_file_scores_like_the_live_proposer(tmp_path):
    pred = tmp_path / "pred.jsonl"
    assert run_cli("propose", str(DEV_GOLD), "-o", str(pred)).returncode == 0
    live = json.loads(run_cli("evaluate", str(DEV_GOLD), "--json").stdout)
    saved = json.loads(run_cli("evaluate", str(DEV_GOLD), "--pred", str(pred), "--json").stdout)
    assert live == saved
    text = run_cli("evaluate", str(DEV_GOLD), "--errors").stdout
    assert text.splitlines()[0].split() == [
        "label",
        "precision",
        "recall",
        "f1",
        "tp",
        "fp",
        "fn",
        "boundary",
        "label",
        "missing",
        "spurious",
    ]


def test_db_fills_missing_proposals_and_is_resumable(db_path):
    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
        stop_after = {"n": 0}

        def cancelled() -> bool:
            stop_after["n"] += 1
            return stop_after["n"] >= 5

        done, _ = propose_store(s, workers=1, cancelled=cancelled)
        assert done == 5
        assert len(s.articles_without_proposals(PROPOSER_NAME)) == 14 - 5
    r = run_cli("propose", "--db", str(db_path), "--workers", "1", "--no-model")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("9 articles,")
    again = run_cli("propose", "--db", str(db_path), "--no-model")
    assert "every article already has proposals" in again.stdout
    with Store(db_path) as s:
        assert s.articles_without_proposals(PROPOSER_NAME) == []
        aid = next(i for i in s.article_ids() if s.article(i).external_id == "s03.txt")
        spans = s.spans(aid, PROPOSER_NAME)
        text = s.article(aid).text
        got = {(text[x.start : x.end], x.label) for x in spans}
        assert ("Trần Văn Sơn", "OFFICIAL") in got and ("UBND tỉnh Quảng Trị", "ORGANIZATION") in got
        assert all(x.state == "proposed" and x.origin.startswith("proposer:") and x.confidence for x in spans)
        runs = list(s.db.query("SELECT version, count(*) AS n FROM proposal_runs GROUP BY version"))
        assert runs == [{"version": PROPOSER_VERSION, "n": 14}]


def test_rerun_keeps_spans_a_person_already_decided(db_path):
    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
        propose_store(s, workers=1)
        aid = s.article_ids()[2]
        first = s.spans(aid, PROPOSER_NAME)[0]
        s.update_span(first.id, "lan", state="accepted")
        propose_store(s, workers=1, redo=True)  # same version: nothing to redo
        s.conn.execute("UPDATE proposal_runs SET version = 'old'")
        n, _ = propose_store(s, workers=1, redo=True)
        assert n == 14
        kept = [x for x in s.spans(aid, PROPOSER_NAME) if x.id == first.id]
        assert kept and kept[0].state == "accepted"
        keys = [(x.start, x.end, x.label) for x in s.spans(aid, PROPOSER_NAME)]
        assert len(keys) == len(set(keys))


def test_migration_from_schema_2(tmp_path):
    old = tmp_path / "v2.db"
    shutil.copy(DATA / "schema_v2.db", old)
    with Store(old) as s:
        assert s.schema_version >= 3
        assert s.articles_without_proposals(PROPOSER_NAME) == ["a" * 24]
        propose_store(s, workers=1)
        assert s.articles_without_proposals(PROPOSER_NAME) == []
        assert [x.label for x in s.spans("a" * 24, "lan")] == ["OFFICIAL"]  # old work intact
    assert (tmp_path / "v2.db.v2.bak").exists()


def test_without_a_model_of_its_own_a_database_proposes_with_the_base_model(db_path):
    from annotator.learn.model import base_model

    with Store(db_path) as s:
        import_paths(s, [DEV_GOLD])
    r = run_cli("propose", "--db", str(db_path), "--workers", "1")
    assert r.returncode == 0, r.stderr
    base = base_model()
    assert f"model {base.id}" in r.stderr and "the base model" in r.stderr
    with Store(db_path) as s:
        runs = list(s.db.query("SELECT version, count(*) AS n FROM proposal_runs GROUP BY version"))
    assert runs == [{"version": f"{PROPOSER_VERSION}+crf-{base.id}", "n": 14}]
