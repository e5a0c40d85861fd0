"""The learned model: training from a database, proposing with it, falling back to rules.

Real SQLite, real underthesea and a real CRF; the corpus is small (tests/learn_data.py:
cooperative groups, "Tổ hợp tác ...", an organization pattern the rules do not know), so
training takes well under a second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.importer import import_paths
from annotator.learn.model import (
    ModelError,
    load_if_present,
    load_model,
    meta_path,
    model_path_for,
    task_path,
)
from annotator.learn.train import TrainDoc, docs_from_jsonl, docs_from_store, train_docs
from annotator.model import GOLD, Span, SpanState, Status
from annotator.pipeline import propose
from annotator.proposals import PROPOSER_VERSION
from annotator.store import Store

from .conftest import DEV_GOLD, run_cli, write_jsonl
from .learn_data import cooperative_articles

NEW = (
    "Chiều 5/4, Tổ hợp tác Cà Phê Chư Sê ký hợp đồng tiêu thụ sản phẩm. Đồng chí Đỗ Văn "
    "Chiến, Bí thư Tỉnh ủy, phát biểu."
)
COOP = "Tổ hợp tác Cà Phê Chư Sê"


def annotated_db(path: Path, n: int = 9, annotator: str = "lan") -> Path:
    """Import the cooperative articles; ``annotator`` accepts the gold spans and finishes."""
    arts = cooperative_articles(n)
    src = write_jsonl(
        path.parent / "coops.jsonl", [{"id": f"c{i}", "text": t} for i, (t, _) in enumerate(arts)]
    )
    with Store(path) as s:
        import_paths(s, [src])
        by_text = {s.article(aid).text: aid for aid in s.article_ids()}
        for text, spans in arts:
            aid = by_text[text]
            for start, end, label in spans:
                s.add_span(aid, annotator, Span(start, end, label, state=SpanState.ACCEPTED))
            s.set_status(aid, annotator, Status.DONE)
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with finished articles and the model trained on it (by the CLI)."""
    db = annotated_db(tmp_path_factory.mktemp("learn") / "corpus.db")
    r = run_cli("train", "--db", str(db), "--folds", "3")
    assert r.returncode == 0, r.stderr
    (db.parent / "train.out").write_text(r.stdout, encoding="utf-8")
    assert "analysing articles" in r.stderr and "training the model" in r.stderr
    return db


def test_rules_never_propose_the_cooperative():
    assert not any(COOP in p.text or p.text in COOP and p.label == "ORGANIZATION" for p in propose(NEW))


def test_trained_model_proposes_an_organization_the_rules_never_proposed(trained):
    model = load_model(model_path_for(trained))
    found = {(p.label, p.text): p for p in propose(NEW, model=model)}
    coop = found[("ORGANIZATION", COOP)]
    assert coop.source == "model" and 0.5 <= coop.confidence <= 1.0
    # the rules' own proposals stay as they were
    assert found[("OFFICIAL", "Đỗ Văn Chiến")].source == "official:cue"
    assert found[("ORGANIZATION", "Tỉnh ủy")].source != "model"


def test_train_command_prints_size_scores_time_and_path(trained):
    out = (trained.parent / "train.out").read_text(encoding="utf-8")
    assert "training data: 9 articles, 24 entity spans" in out
    assert "0 articles approved in gold, 9 finished by annotators" in out
    assert "cross-validated F1 (3 folds)" in out
    row = next(x.split() for x in out.splitlines() if x.strip().startswith("ORGANIZATION"))
    rules, model, combined = map(float, row[1:4])
    assert rules < 1.0 and combined > rules  # the rules miss every cooperative
    # no directive in these articles: no score rather than a misleading 0.000
    assert next(x.split() for x in out.splitlines() if x.strip().startswith("DIRECTIVE"))[1:] == [
        "-",
        "-",
        "-",
    ]
    path = model_path_for(trained)
    assert f"-> {path}" in out
    meta = json.loads(meta_path(path).read_text(encoding="utf-8"))
    assert meta["training"]["articles"] == 9 and meta["training"]["spans"]["ORGANIZATION"] == 18
    assert meta["id"] in out
    assert abs(meta["scores"]["combined"]["ORGANIZATION"]["f1"] - combined) < 0.0006
    assert {
        "created",
        "feature_version",
        "format",
        "sha256",
        "seconds",
        "folds",
        "cv_articles",
        "seconds_by_step",
        "finished_articles",
    } <= set(meta)
    assert meta["cv_articles"] == 9 and meta["finished_articles"] == 9


def test_propose_db_uses_the_model_and_records_its_version(trained, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(trained.read_bytes())
    for suffix in (".crf", ".crf.task", ".crf.json"):
        if Path(str(trained) + suffix).exists():
            Path(str(db) + suffix).write_bytes(Path(str(trained) + suffix).read_bytes())
    src = write_jsonl(tmp_path / "new.jsonl", [{"id": "new", "text": NEW}])
    with Store(db) as s:
        import_paths(s, [src])
    r = run_cli("propose", "--db", str(db), "--workers", "1")
    assert r.returncode == 0, r.stderr
    model = load_model(model_path_for(db))
    assert f"model {model.id}" in r.stderr
    with Store(db) as s:
        aid = next(a for a in s.article_ids() if s.article(a).text == NEW)
        version = s.conn.execute("SELECT version FROM proposal_runs WHERE article_id = ?", (aid,)).fetchone()[
            0
        ]
        assert version == f"{PROPOSER_VERSION}+crf-{model.id}"
        spans = {(NEW[x.start : x.end], x.origin) for x in s.spans(aid, "proposer")}
    assert (COOP, "proposer:model") in spans
    rules_only = run_cli("propose", "--db", str(db), "--redo", "--no-model", "--workers", "1")
    assert rules_only.returncode == 0 and "model" not in rules_only.stderr


def test_training_data_prefers_gold_over_annotators(tmp_path):
    db = annotated_db(tmp_path / "c.db", n=3)
    with Store(db) as s:
        aid = s.article_ids()[0]
        text = s.article(aid).text
        s.add_span(aid, GOLD, Span(0, 4, "ORGANIZATION", state=SpanState.ACCEPTED), actor="hoa")
        s.set_status(aid, GOLD, Status.DONE)
        docs, source = docs_from_store(s)
    assert len(docs) == 3 and source.startswith("1 articles approved in gold, 2 finished")
    assert next(d for d in docs if d.id == aid).spans == ((0, 4, "ORGANIZATION"),)
    assert text


@pytest.mark.parametrize("damage", ["missing", "garbage", "truncated", "no-sidecar", "foreign"])
def test_a_broken_model_falls_back_to_rules_with_one_line(trained, tmp_path, damage):
    path = tmp_path / "m.db.crf"
    path.write_bytes(model_path_for(trained).read_bytes())
    meta_path(path).write_bytes(meta_path(model_path_for(trained)).read_bytes())
    if task_path(model_path_for(trained)).exists():
        task_path(path).write_bytes(task_path(model_path_for(trained)).read_bytes())
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"not a model at all" * 20)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "no-sidecar":
        meta_path(path).unlink()
    else:
        meta = json.loads(meta_path(path).read_text(encoding="utf-8"))
        meta_path(path).write_text(json.dumps({**meta, "feature_version": 999}), encoding="utf-8")
    with pytest.raises(ModelError) as err:
        load_model(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)
    model, message = load_if_present(path, explicit=True)
    assert model is None and message and message.endswith("proposing with the rules only")
    # the CLI: one warning line, the rules' proposals, exit 0
    src = write_jsonl(tmp_path / "in.jsonl", [{"text": NEW}])
    r = run_cli("propose", str(src), "--model", str(path), "--workers", "1")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    assert [x for x in r.stderr.splitlines() if x.startswith("warning:")] == [f"warning: {message}"]
    spans = json.loads(r.stdout)["spans"]
    assert spans == [p.to_json() for p in propose(NEW)]


def test_no_model_yet_is_quiet_and_uses_rules(tmp_path):
    model, message = load_if_present(tmp_path / "none.db.crf")
    assert model is None and message is None


def test_train_errors_are_one_line(tmp_path):
    empty = tmp_path / "empty.db"
    from annotator.store import Store

    Store(empty).close()
    r = run_cli("train", "--db", str(empty))
    assert r.returncode == 2 and r.stderr.startswith("error: no training data")
    assert len(r.stderr.strip().splitlines()) == 1
    db = annotated_db(tmp_path / "few.db", n=2)
    r = run_cli("train", "--db", str(db), "--folds", "5")
    assert r.returncode == 2
    assert r.stderr.strip() == (
        "error: 2 article(s) with gold spans: too few for 5 folds (use --folds 2 or fewer)"
    )
    assert not model_path_for(db).exists()


def test_learning_curve_command(tmp_path):
    arts = cooperative_articles(8, offset=3)
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            {"id": f"g{i}", "text": t, "spans": [{"start": a, "end": b, "label": c} for a, b, c in s]}
            for i, (t, s) in enumerate(arts)
        ],
    )
    r = run_cli("learning-curve", str(gold), "--folds", "2", "--json")
    assert r.returncode == 0, r.stderr
    curve = json.loads(r.stdout)
    assert [p["articles"] for p in curve["points"]] == [1, 2, 4]
    last = curve["points"][-1]
    assert last["combined"]["ORGANIZATION"] > last["rules"]["ORGANIZATION"]
    text = run_cli("learning-curve", str(gold), str(DEV_GOLD), "--folds", "3").stdout
    assert text.splitlines()[1].split()[:3] == ["articles", "source", "OFFICIAL"]
    assert {x.split()[1] for x in text.splitlines()[2:]} == {"rules", "model", "combined"}
    bad = run_cli("learning-curve", str(tmp_path / "nope.jsonl"))
    assert bad.returncode == 2 and bad.stderr.startswith("error: ") and "cannot read" in bad.stderr


def test_train_docs_ignores_tasks_and_counts_entities(tmp_path):
    ((text, spans),) = cooperative_articles(1)
    docs = [TrainDoc("a", text, (*spans, (0, 8, "TASK"))), TrainDoc("b", text, tuple(spans))]
    result = train_docs(docs, tmp_path / "x.crf", folds=0)
    assert sum(result.spans.values()) == 2 * len(spans) and "TASK" not in result.spans
    assert load_model(tmp_path / "x.crf").meta["training"]["articles"] == 2


def test_cross_validation_of_a_large_corpus_uses_a_fixed_sample():
    from annotator.learn.train import CV_MAX_ARTICLES, CV_MAX_CHARS, cv_sample

    small = [TrainDoc(f"s{i}", "x" * 400, ()) for i in range(150)]
    assert cv_sample(small, 5) == list(range(150))  # within the caps: every article
    many = [TrainDoc(f"m{i}", "x" * 400, ()) for i in range(1000)]
    picked = cv_sample(many, 5)
    assert len(picked) == CV_MAX_ARTICLES and picked == cv_sample(many, 5)
    assert picked != list(range(CV_MAX_ARTICLES))  # a shuffled sample, not the first ones
    long = [TrainDoc(f"l{i}", "x" * 5000, ()) for i in range(1000)]
    picked = cv_sample(long, 5)
    assert sum(len(long[i].text) for i in picked) <= CV_MAX_CHARS and len(picked) >= 5
    huge = [TrainDoc(f"h{i}", "x" * CV_MAX_CHARS, ()) for i in range(10)]
    assert len(cv_sample(huge, 3)) == 3  # at least one article per fold


def test_training_on_two_processes_gives_the_same_model_and_scores(tmp_path):
    """Over 64 articles, training analyses on a process pool and cross-validates in its own
    process beside the final training; the result is the one a single process gives."""
    docs = [TrainDoc(f"c{i}", t, tuple(s)) for i, (t, s) in enumerate(cooperative_articles(70))]
    one = train_docs(docs, tmp_path / "one.crf", folds=3, workers=1)
    two = train_docs(docs, tmp_path / "two.crf", folds=3, workers=2)
    assert "waiting for cross-validation" in two.model.meta["seconds_by_step"]
    assert "cross-validation" in one.model.meta["seconds_by_step"]
    assert two.model.meta["scores"] == one.model.meta["scores"]
    assert two.model.meta["scores"]["combined"]["ORGANIZATION"]["f1"] == 1.0
    # the same model (CRFsuite files differ in byte order between any two runs, so
    # compare what they do)
    from annotator.learn.propose import features_of

    for text in (NEW, docs[0].text, docs[1].text):
        seqs = features_of(text)[1]
        a, b = one.model.predict(seqs), two.model.predict(seqs)
        assert [(c.start, c.end, c.label) for c in b] == [(c.start, c.end, c.label) for c in a]
        assert [c.confidence for c in b] == pytest.approx([c.confidence for c in a], abs=1e-6)
    assert "trained in" in two.lines()[-1] and "analysis" in two.lines()[-1]


def test_features_without_underthesea_are_the_features_at_proposing_time():
    """Training analyses articles without underthesea (twice as fast); that is only right
    while the entity rules and the features read neither its words nor its sentences."""
    from annotator.learn.features import featurize
    from annotator.learn.propose import features_of, rule_feature
    from annotator.proposals import propose_analysis
    from annotator.proposals.analysis import analyse

    for doc in docs_from_jsonl(DEV_GOLD):
        full = analyse(doc.text)
        at_proposing = featurize(full, rule_feature(propose_analysis(full, use_ner=False)))
        assert features_of(doc.text)[1] == at_proposing, doc.id


def test_the_training_set_of_a_large_database_is_capped_newest_first(tmp_path):
    from annotator.importer import Importer, ImportOptions
    from annotator.learn.train import docs_from_store
    from annotator.store import Store

    from .conftest import DEV_GOLD

    with Store(tmp_path / "t.db") as store:
        Importer(store, options=ImportOptions(as_="accepted", annotator="lan", done=True)).run([DEV_GOLD])
        everything, line = docs_from_store(store)
        assert len(everything) == 14 and "capped" not in line
        few, line = docs_from_store(store, cap=3)
        assert len(few) == 3 and "(the newest 3 used: the training set is capped)" in line
        assert {d.id for d in few} <= {d.id for d in everything}
