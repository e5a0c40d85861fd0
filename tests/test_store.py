"""The store: transactions, spans and their history, statuses, refusing bad files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.errors import StoreError
from annotator.migrations import APPLICATION_ID, latest_version
from annotator.model import InvalidSpan, Span, SpanState, Status
from annotator.store import NewArticle, Store
from annotator.text import article_id

from .conftest import VIET

DATA = Path(__file__).parent / "data"


def _article(text: str = VIET, **kw) -> NewArticle:
    return NewArticle(
        id=article_id(text), title=kw.pop("title", "t"), text=text, source="x", meta={}, import_info={}, **kw
    )


def _name_span() -> Span:
    s = VIET.index("Nguyễn")
    return Span(s, s + len("Nguyễn Văn Hòa"), "OFFICIAL")


def test_new_database_is_wal_with_foreign_keys_and_latest_schema(store):
    conn = store.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version == latest_version()
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_add_article_twice_is_a_noop(store):
    assert store.add_articles([_article(), _article()]) == [True, False]
    assert store.count_articles() == 1


def test_span_lifecycle_is_recorded_in_history(store):
    store.add_article(_article())
    aid = article_id(VIET)
    span = store.add_span(aid, "lan", _name_span())
    assert VIET[span.start : span.end] == "Nguyễn Văn Hòa"
    store.update_span(span.id, "lan", label="ORGANIZATION")
    store.update_span(span.id, "lan", state=SpanState.REJECTED)
    store.delete_span(span.id, "lan")
    assert store.spans(aid) == []
    actions = [(e.action, e.actor) for e in store.history(aid)]
    assert actions == [("create", "lan"), ("update", "lan"), ("update", "lan"), ("delete", "lan")]
    last = store.history(aid)[-1]
    assert last.before["label"] == "ORGANIZATION" and last.after is None


def test_history_is_append_only(store):
    store.add_article(_article())
    store.add_span(article_id(VIET), "lan", _name_span())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("UPDATE span_history SET actor = 'mallory'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.conn.execute("DELETE FROM span_history")


def test_restore_brings_back_an_annotators_work(store):
    store.add_article(_article())
    aid = article_id(VIET)
    first = store.add_span(aid, "lan", _name_span())
    s = VIET.index("Ban Tuyên giáo")
    store.add_span(aid, "lan", Span(s, s + len("Ban Tuyên giáo"), "ORGANIZATION"))
    checkpoint = store.history(aid)[-1].id
    # later, a mistaken session: relabel one, delete the other, add a wrong one
    store.update_span(first.id, "lan", label="DIRECTIVE")
    for sp in store.spans(aid, "lan"):
        if sp.label == "ORGANIZATION":
            store.delete_span(sp.id, "lan")
    store.add_span(aid, "lan", Span(0, 3, "TASK"))
    assert store.restore(aid, "lan", "reviewer", entry=checkpoint) == 3
    got = sorted((VIET[x.start : x.end], x.label) for x in store.spans(aid, "lan"))
    assert got == [("Ban Tuyên giáo", "ORGANIZATION"), ("Nguyễn Văn Hòa", "OFFICIAL")]
    assert store.history(aid)[-1].action == "restore"


def test_invalid_spans_cannot_be_stored(store):
    store.add_article(_article())
    aid = article_id(VIET)
    with pytest.raises(InvalidSpan, match="past the text"):
        store.add_span(aid, "lan", Span(0, len(VIET) + 1, "TASK"))
    with pytest.raises(InvalidSpan, match="unknown label"):
        Span(0, 3, "PERSON")
    with pytest.raises(InvalidSpan):
        Span(5, 5, "TASK")
    store.add_span(aid, "lan", _name_span())
    with pytest.raises(InvalidSpan, match="already has"):
        store.add_span(aid, "lan", _name_span())
    assert len(store.history(aid)) == 1  # failed writes left no trace


def test_failed_transaction_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("INSERT INTO annotators (name, kind, created_at) VALUES ('x', 'human', 'now')")
        raise RuntimeError("boom")
    assert store.annotators() == []


def test_status_and_progress(store):
    store.add_articles([_article(), _article(VIET + " Hết.")])
    aid = article_id(VIET)
    assert store.status(aid, "lan") == Status.TODO
    store.set_status(aid, "lan", "in_progress")
    store.set_status(aid, "lan", Status.DONE)
    assert store.status(aid, "lan") == Status.DONE
    p = store.progress("lan")
    assert (p["done"], p["todo"], p["total"]) == (1, 1, 2)


def test_data_survives_reopen(db_path):
    with Store(db_path) as s:
        s.add_article(_article())
        s.add_span(article_id(VIET), "lan", _name_span())
    with Store(db_path) as s:
        assert [x.label for x in s.spans(article_id(VIET))] == ["OFFICIAL"]
        assert s.integrity_problems() == []


def test_not_sqlite_file_is_refused(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database", encoding="utf-8")
    with pytest.raises(StoreError, match=r"notes\.db: not an SQLite database"):
        Store(bad)
    assert bad.read_text(encoding="utf-8") == "this is not a database"


def test_folder_and_missing_parent_are_refused(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "nope" / "x.db")


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program .*invoices"):
        Store(other)
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    # not even its journal mode was changed (it used to be switched to WAL)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not (tmp_path / "other.db-wal").exists()


def test_newer_schema_is_refused(db_path):
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer version of the annotator"):
        Store(db_path)


def test_corrupt_database_gets_a_clear_message(db_path):
    with Store(db_path) as s:
        s.add_articles([_article(VIET * 50 + str(i)) for i in range(50)])
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db_path.read_bytes())
    data[4096 : 8192 * 3] = b"\xde\xad\xbe\xef" * ((8192 * 3 - 4096) // 4)
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corpus.db"):
        with Store(db_path) as s:
            s.article_list()
            assert s.integrity_problems() == []


def test_locked_database_gets_a_clear_message(db_path):
    with Store(db_path) as s:
        s.add_article(_article())
    locker = sqlite3.connect(db_path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        with Store(db_path) as s, pytest.raises(StoreError, match="locked by another process"):
            s.add_article(_article(VIET + " mới"))
    finally:
        locker.execute("ROLLBACK")
        locker.close()


def test_migration_from_schema_1_keeps_data_and_writes_a_backup(tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(DATA / "schema_v1.db", old)
    with Store(old) as s:
        assert s.schema_version == latest_version()
        art = s.article("a" * 24)
        assert art.text.startswith("Phó Bí thư Tỉnh uỷ") and art.meta == {"k": 1}
        assert art.import_info == {} and art.external_id is None
        [span] = s.spans("a" * 24)
        assert art.text[span.start : span.end] == "Nguyễn Văn Hòa"
        assert [e.action for e in s.history("a" * 24)] == ["create"]
        # the new tables of schema 2 work on the upgraded file
        s.set_status("a" * 24, "lan", Status.DONE)
        assert s.progress("lan")["done"] == 1
    backup = tmp_path / "old.db.v1.bak"
    conn = sqlite3.connect(backup)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()
    # opening again does not migrate (or back up) a second time
    backup.unlink()
    Store(old).close()
    assert not backup.exists()


def test_every_migration_applies_in_order_from_empty(tmp_path):
    from annotator.migrations import migrations

    names = [m.name for m in migrations()]
    assert names[0] == "initial" and len(names) == latest_version()


OLD_VERSIONS = list(range(1, latest_version()))


def test_a_committed_database_exists_for_every_older_schema():
    assert sorted(int(p.stem.split("_v")[1]) for p in DATA.glob("schema_v*.db")) == OLD_VERSIONS


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_every_older_schema_upgrades_with_its_data(tmp_path, version):
    old = tmp_path / f"v{version}.db"
    shutil.copy(DATA / f"schema_v{version}.db", old)
    with Store(old) as s:
        assert s.schema_version == latest_version()
        art = s.article("a" * 24)
        [span] = s.spans("a" * 24)
        assert art.text[span.start : span.end] == "Nguyễn Văn Hòa"
        assert s.integrity_problems() == []
        # what the newest schema adds works on the upgraded file
        assert s.seed_layer("a" * 24, "minh") == 0
        s.set_status("a" * 24, "minh", Status.DONE)
    assert (tmp_path / f"v{version}.db.v{version}.bak").exists()


def test_gold_layer_records_the_adjudicator(tmp_path):
    """Schema 7: a gold annotator kind; gold spans remember who decided them, and a person
    cannot take the gold layer's name."""
    from annotator.model import GOLD

    with Store(tmp_path / "g.db") as s:
        s.add_articles([_article("Ông Nguyễn Văn A phát biểu.")])
        aid = s.article_ids()[0]
        undecided = s.add_span(aid, GOLD, Span(4, 16, "OFFICIAL", state=SpanState.PROPOSED), actor="reviewer")
        assert s.annotators(kind="gold") == [GOLD] and s.annotators(kind="human") == []
        assert s.span(undecided.id).adjudicator is None
        decided = s.update_span(undecided.id, "reviewer", state=SpanState.ACCEPTED)
        assert decided.adjudicator == "reviewer" and s.span(decided.id).adjudicator == "reviewer"
        mine = s.add_span(aid, "ann1", Span(4, 16, "OFFICIAL"))
        assert s.span(mine.id).adjudicator is None
        with pytest.raises(StoreError, match="gold layer"):
            s.add_annotator(GOLD)
        assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_the_label_set_is_recorded_and_a_file_with_an_unknown_label_says_so(tmp_path):
    """A file from a build with a fifth label: every command says so in one line (never a
    traceback), and the file is left as it was."""
    import sqlite3

    from .conftest import run_cli

    db = tmp_path / "newer.db"
    with Store(db) as s:
        assert set(s.labels()) == {"OFFICIAL", "ORGANIZATION", "DIRECTIVE", "TASK"}
        s.add_article(_article())
        aid = article_id(VIET)
    conn = sqlite3.connect(db)
    with conn:  # what a newer build writes: its label, and a span with it
        conn.execute("INSERT INTO labels (name, layer) VALUES ('EVENT', 'entity')")
        conn.execute(
            'INSERT INTO spans (article_id, annotator, start, "end", label, origin, state, created_at,'
            " updated_at) VALUES (?, 'lan', 0, 4, 'EVENT', 'human', 'accepted', 'x', 'x')",
            (aid,),
        )
    conn.close()
    before = db.read_bytes()
    for args in (["info"], ["restore", "--article", aid, "--annotator", "lan", "--entry", "1"], ["articles"]):
        r = run_cli(*args, "--db", str(db))
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert r.stderr.strip().splitlines() == [
            f"error: {db}: uses labels this version of the annotator does not know (EVENT); "
            "open it with the version that made it"
        ]
    assert db.read_bytes() == before


def test_search_uses_the_full_text_index_and_an_upgraded_file_catches_up(tmp_path):
    """A file from before the index (schema 9) is searched by scanning until the index is
    filled, with the same results; new articles are indexed as they are stored."""

    from annotator.importer import import_paths

    old = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema_v9.db", old)
    with Store(old) as s:
        assert s.count_articles() > 0 and not s.search_index_complete()
        queries = ["ha long", "Tỉnh ủy", "tinh uy", "bi thu", "05-CT/TW", "Nguyễn Văn", "xyzq"]
        scanned = {q: s.search(q) for q in queries}
        assert s.index_for_search(batch=1) == s.count_articles()
        assert s.search_index_complete()
        assert {q: s.search(q) for q in queries} == scanned
        assert scanned["tinh uy"] == scanned["Tỉnh ủy"] != set()
    new = tmp_path / "new.db"
    with Store(new) as s:
        assert s.search_index_complete()  # empty: nothing to catch up
        import_paths(s, [Path(__file__).parent / "data" / "dev_gold.jsonl"])
        assert s.search_index_complete()
        found = s.search("ban tuyen gi")  # the last word may be cut: it is a prefix
        assert found and all("ban tuyên giáo" in s.article(a).text.lower() for a in found)
        assert s.search("Hạ Long") == set()  # with marks: that spelling only


def test_span_totals_follow_every_change_without_counting_the_spans(tmp_path):
    """`info` reads span totals from counts the database keeps (schema 12): they match a
    count of the spans after adds, state changes, deletes and a whole article removed,
    and an upgraded file starts from its real counts."""
    old = tmp_path / "v11.db"
    shutil.copy(DATA / "schema_v11.db", old)

    def counted(s: Store) -> dict[str, int]:
        return dict(s.conn.execute("SELECT state, count(*) FROM spans GROUP BY state").fetchall())

    with Store(old) as s:
        assert s.span_totals() == counted(s) == {"accepted": 1}
        aid = "a" * 24
        one = s.add_span(aid, "minh", Span(0, 3, "OFFICIAL", state=SpanState.PROPOSED), actor="minh")
        two = s.add_span(aid, "minh", Span(4, 6, "OFFICIAL", state=SpanState.PROPOSED), actor="minh")
        s.update_span(one.id, "minh", state=SpanState.ACCEPTED)
        s.update_span(two.id, "minh", state=SpanState.REJECTED)
        assert s.span_totals() == counted(s) == {"accepted": 2, "rejected": 1}
        s.delete_span(two.id, "minh")
        assert s.span_totals() == counted(s) == {"accepted": 2}
        s.conn.execute("DELETE FROM articles WHERE id = ?", (aid,))  # cascades to its spans
        assert s.span_totals() == counted(s) == {}
