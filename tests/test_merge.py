"""Merging annotators' databases into a review database."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.agreement import agreement
from annotator.importer import import_paths
from annotator.model import Span, SpanState, Status
from annotator.pipeline.batch import propose_store
from annotator.session import AnnotationSession
from annotator.store import NewArticle, Store
from annotator.team import assign

from .conftest import DEV_GOLD, run_cli

DATA = Path(__file__).parent / "data"


def _layer(path: Path, annotator: str) -> set[tuple]:
    with Store(path) as s:
        return {
            (aid, x.start, x.end, x.label, str(x.state))
            for aid in s.article_ids()
            for x in s.spans(aid, annotator)
        }


def _statuses(path: Path, annotator: str) -> dict[str, str]:
    with Store(path) as s:
        return {r["id"]: r["status"] for r in s.article_rows(annotator)}


def _annotate(path: Path, name: str, accept_every: int) -> None:
    """Open every article, accept some proposals, reject the others, add one span, done."""
    with Store(path) as s:
        session = AnnotationSession(s, name)
        for aid in s.article_ids():
            session.open(aid)
            spans = session.spans(aid)
            changes = [
                (x.id, {"state": SpanState.ACCEPTED if i % accept_every == 0 else SpanState.REJECTED})
                for i, x in enumerate(spans)
            ]
            if changes:
                session.update_many(changes)
            session.add(aid, Span(0, 3, "TASK"))
            session.set_status(aid, Status.DONE)


@pytest.fixture
def team(tmp_path):
    master = tmp_path / "master.db"
    with Store(master) as s:
        import_paths(s, [DEV_GOLD])
        propose_store(s, workers=1)
        assign(s, ["lan", "minh"], overlap=0.5, out_dir=tmp_path / "out", seed=1)
    lan, minh = tmp_path / "out" / "lan.db", tmp_path / "out" / "minh.db"
    _annotate(lan, "lan", accept_every=1)
    _annotate(minh, "minh", accept_every=2)
    return tmp_path, lan, minh


def test_merge_brings_in_every_annotators_work_and_is_idempotent(team):
    tmp_path, lan, minh = team
    review = tmp_path / "review.db"
    r = run_cli("merge", "--db", str(review), str(lan), str(minh))
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0] == "14 new articles"
    for name, path in (("lan", lan), ("minh", minh)):
        assert _layer(review, name) == _layer(path, name)  # no span of anyone dropped
        assert {k: v for k, v in _statuses(review, name).items() if v != "todo"} == {
            k: v for k, v in _statuses(path, name).items() if v != "todo"
        }
    with Store(review) as s:
        assert s.conn.execute("SELECT count(*) FROM merged_history").fetchone()[0] > 0
        [pair] = agreement(s)  # the overlap articles are ready for agreement
        assert pair.articles == 7
    before = {n: _layer(review, n) for n in ("lan", "minh")}
    with Store(review) as s:
        history = len(s.history())
    again = run_cli("merge", "--db", str(review), str(lan), str(minh))
    assert "lan: 0 articles updated" in again.stdout and "minh: 0 articles updated" in again.stdout
    with Store(review) as s:
        assert len(s.history()) == history
    assert {n: _layer(review, n) for n in ("lan", "minh")} == before


def test_later_edits_update_the_review_and_an_older_copy_changes_nothing(team):
    tmp_path, lan, minh = team
    review = tmp_path / "review.db"
    old_copy = tmp_path / "lan-old.db"
    shutil.copy(lan, old_copy)
    with Store(review) as s:
        from annotator.team import merge

        merge(s, [lan, minh])
    minh_before = _layer(review, "minh")
    with Store(lan) as s:  # lan keeps working after the first merge
        aid = s.article_ids()[0]
        victim = next(x for x in s.spans(aid, "lan") if x.label == "TASK")
        s.delete_span(victim.id, "lan")
        s.add_span(aid, "lan", Span(0, 5, "TASK"))
    r = run_cli("merge", "--db", str(review), str(lan))
    assert "lan: 1 articles updated, 1 spans added, 0 changed, 1 removed" in r.stdout
    assert _layer(review, "lan") == _layer(lan, "lan")
    assert _layer(review, "minh") == minh_before  # nobody else touched
    with Store(review) as s:
        actions = [e.action for e in s.history(aid, "lan")]
        assert actions[-2:] == ["delete", "create"] and "create" in actions[:-2]  # both kept
    newest = _layer(review, "lan")
    run_cli("merge", "--db", str(review), str(old_copy))
    assert _layer(review, "lan") == newest  # an older copy cannot roll work back


def test_bad_files_are_reported_the_rest_merged_and_nothing_modified(team):
    tmp_path, lan, _ = team
    newer = tmp_path / "newer.db"
    shutil.copy(lan, newer)
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    text = tmp_path / "notes.db"
    text.write_text("hello", encoding="utf-8")
    old = tmp_path / "old.db"
    shutil.copy(DATA / "schema_v1.db", old)
    real_id = _give_the_fixture_its_real_id(old)
    old_bytes = old.read_bytes()
    r = run_cli(
        "merge",
        "--db",
        str(tmp_path / "review.db"),
        str(newer),
        str(foreign),
        str(text),
        str(tmp_path / "missing.db"),
        str(old),
        str(lan),
    )
    assert r.returncode == 1
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 4 and all(e.startswith("error: ") for e in errors)
    assert "newer version of the annotator" in errors[0] and str(tmp_path) in errors[0]
    assert "another program" in errors[1] and "not an SQLite database" in errors[2]
    assert "no such file" in errors[3]
    assert "Traceback" not in r.stderr
    assert old.read_bytes() == old_bytes  # migrated on a copy, the file itself untouched
    assert not list(tmp_path.glob("old.db.v*.bak"))
    # lan's work arrived, and so did the old file's (its fixture was annotated by "lan" too,
    # on an article of its own), migrated from schema 1
    assert _layer(tmp_path / "review.db", "lan") == _layer(lan, "lan") | {
        (real_id, 19, 33, "OFFICIAL", "accepted")
    }


def _give_the_fixture_its_real_id(path) -> str:  # type: ignore[no-untyped-def]
    """The committed schema-1 file names its article "aaa…"; real files use the hash of
    the text, which merge checks."""
    from annotator.text import article_id

    conn = sqlite3.connect(path)
    text = conn.execute("SELECT text FROM articles").fetchone()[0]
    real = article_id(text)
    _rewrite_ids(conn, conn.execute("SELECT id FROM articles").fetchone()[0], real)
    conn.close()
    return real


def _rewrite_ids(conn, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Change an article's id everywhere in a file (history is append-only: its triggers
    are lifted for this and put back)."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'span_history'"
    ).fetchall()
    conn.execute("PRAGMA foreign_keys = OFF")
    for name, _sql in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table, column in (
        ("articles", "id"),
        ("spans", "article_id"),
        ("span_history", "article_id"),
        ("article_status", "article_id"),
        ("layer_seeds", "article_id"),
        ("proposal_runs", "article_id"),
        ("actions", "article_id"),
    ):
        if table in tables:
            conn.execute(f"UPDATE {table} SET {column} = ? WHERE {column} = ?", (new, old))
    for _name, sql in triggers:
        conn.execute(sql)
    conn.commit()


def test_an_article_whose_id_is_not_its_texts_hash_is_left_out(team):
    """A crafted annotator file: the id ../../X would have become a file name in a brat
    export. Merge leaves the article out with one line; the rest is merged."""
    tmp_path, lan, _ = team
    crafted = tmp_path / "crafted.db"
    shutil.copy(lan, crafted)
    conn = sqlite3.connect(crafted)
    _rewrite_ids(conn, conn.execute("SELECT id FROM articles LIMIT 1").fetchone()[0], "../../X")
    conn.close()
    r = run_cli("merge", "--db", str(tmp_path / "review.db"), str(crafted))
    assert "'../../X' left out: its id is not the hash of its text" in r.stderr + r.stdout
    assert "Traceback" not in r.stderr
    with Store(tmp_path / "review.db") as s:
        assert "../../X" not in s.article_ids() and len(s.article_ids()) > 0


def test_work_done_after_a_clock_was_corrected_is_merged(team, monkeypatch):
    """The issue's case: an edit made with the clock a day ahead, merged; the clock is put
    right and more work is done, with earlier times. Merge goes by the file's own order."""
    import annotator.store as store_module
    from annotator.model import now as real_now

    tmp_path, lan, _minh = team
    review = tmp_path / "review.db"
    with Store(lan) as s:
        aid = s.article_ids()[0]
        monkeypatch.setattr(store_module, "now", lambda: "2099-01-01T00:00:00.000Z")
        s.add_span(aid, "lan", Span(0, 2, "OFFICIAL"))
        monkeypatch.setattr(store_module, "now", real_now)
    with Store(review) as s:
        from annotator.team import merge

        merge(s, [lan])
    with Store(lan) as s:  # the clock is right again: these times are earlier
        s.add_span(aid, "lan", Span(4, 6, "OFFICIAL"))
    r = run_cli("merge", "--db", str(review), str(lan))
    assert "lan: 1 articles updated, 1 spans added" in r.stdout, r.stdout
    assert _layer(review, "lan") == _layer(lan, "lan")


def test_a_merge_interrupted_before_the_proposals_resumes_to_the_same_result(team):
    """The issue's case: articles stored, their proposals not yet (a kill between the two
    transactions); merging again gives what an uninterrupted merge gives."""
    from annotator.proposals import PROPOSER_NAME
    from annotator.team import merge

    tmp_path, lan, minh = team
    whole, broken = tmp_path / "whole.db", tmp_path / "broken.db"
    with Store(whole) as s:
        merge(s, [lan, minh])
    with Store(broken) as s:
        merge(s, [lan, minh])
        with s.transaction() as conn:  # as if killed before the proposals were written
            conn.execute("DELETE FROM spans WHERE annotator = ?", (PROPOSER_NAME,))
            conn.execute("DELETE FROM proposal_runs")
        assert len(s.articles_without_proposals(PROPOSER_NAME)) == 14
        merge(s, [lan, minh])
        assert s.articles_without_proposals(PROPOSER_NAME) == []
    assert _layer(broken, PROPOSER_NAME) == _layer(whole, PROPOSER_NAME)
    for name in ("lan", "minh"):
        assert _layer(broken, name) == _layer(whole, name)


def test_two_people_with_one_name_stay_two(team):
    """The issue's case: two people who chose the same name overwrote each other on merge
    (520 spans replaced, exit 0). Each person has a stable id; the name is a label."""
    tmp_path, lan, _minh = team
    other = tmp_path / "other-lan.db"  # someone else, who also calls herself "lan"
    with Store(lan) as s:
        texts = [s.article(a) for a in s.article_ids()[:2]]
    with Store(other) as s:
        for art in texts:
            s.add_article(NewArticle(art.id, art.title, art.text, "t", {}, {}))
            s.add_span(art.id, "lan", Span(0, 2, "OFFICIAL"))
            s.set_status(art.id, "lan", Status.DONE)
    review = tmp_path / "review.db"
    first = run_cli("merge", "--db", str(review), str(lan))
    assert first.returncode == 0
    theirs = _layer(review, "lan")
    r = run_cli("merge", "--db", str(review), str(other))
    assert "two people are named 'lan'" in r.stderr
    assert _layer(review, "lan") == theirs  # the first lan's work is untouched
    with Store(review) as s:
        [twin] = [n for n in s.annotators(kind="human") if n.startswith("lan#")]
    assert _layer(review, twin) == _layer(other, "lan")


def test_the_same_person_in_a_second_round_is_one_person(tmp_path):
    master = tmp_path / "master.db"
    with Store(master) as s:
        import_paths(s, [DEV_GOLD])
        first = assign(s, ["lan"], overlap=0.0, out_dir=tmp_path / "r1", seed=1)
    with Store(first.files["lan"]) as a, Store(master) as m:
        assert a.annotator_uid("lan") == m.annotator_uid("lan") is not None


def test_crafted_files_are_refused_or_left_out_in_parts(team, monkeypatch):
    """A view (its SQL would run inside our queries), a span the rules forbid, an article
    over the size limit: each is one line; the rest of the work is merged."""
    import annotator.importer as importer
    from annotator.team import merge

    tmp_path, lan, minh = team
    with_view = tmp_path / "view.db"
    shutil.copy(lan, with_view)
    conn = sqlite3.connect(with_view)
    conn.execute(
        "CREATE VIEW slow AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c"
    )
    conn.commit()
    conn.close()
    bad_span = tmp_path / "badspan.db"
    shutil.copy(minh, bad_span)
    conn = sqlite3.connect(bad_span)
    victim = conn.execute("SELECT article_id FROM spans WHERE annotator = 'minh' LIMIT 1").fetchone()[0]
    conn.execute("UPDATE spans SET label = 'PERSON' WHERE annotator = 'minh' AND article_id = ?", (victim,))
    conn.commit()
    conn.close()
    overlapping = tmp_path / "overlap.db"  # two accepted entities over each other
    shutil.copy(lan, overlapping)
    with Store(overlapping) as s:
        aid = s.article_ids()[1]
        s.add_span(aid, "lan", Span(0, 4, "OFFICIAL"))
        s.add_span(aid, "lan", Span(2, 6, "ORGANIZATION"))
    monkeypatch.setattr(importer, "MAX_ARTICLE_BYTES", 300)
    with Store(tmp_path / "review.db") as s:
        report = merge(s, [with_view, bad_span, overlapping])
    lines = "\n".join(report.lines())
    assert "view.db: contains SQL this program never writes (view slow)" in lines
    assert f"minh's work on article {victim} left out: unknown label 'PERSON'" in lines
    assert "million characters; the limit is" in lines
    assert f"lan's work on article {aid} left out: accepted OFFICIAL [0, 4) and " in lines
    assert report.per_annotator["minh"]["articles"] > 0  # the rest of minh's work arrived
