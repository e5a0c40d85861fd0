"""Exporting gold datasets: every format read back with the tools people train with.

The database is built through the real import and store APIs from the dev gold file:
its spans become the gold layer, decided by a reviewer, and every article is approved.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from annotator.export import conll as conll_format
from annotator.export.neardup import near_duplicate_groups
from annotator.export.tokens import spans_from_bio, tokenize
from annotator.importer import import_paths
from annotator.model import GOLD, Span, SpanState, Status
from annotator.store import Store

from .conftest import DEV_GOLD, run_cli, write_jsonl

REVIEWER = "hoa"


def make_gold(store: Store, only: list[str] | None = None) -> None:
    """Every imported span accepted into gold by the reviewer; the articles approved."""
    for aid in only or store.article_ids():
        for x in store.spans(aid, "import"):
            store.add_span(aid, GOLD, Span(x.start, x.end, x.label, state=SpanState.ACCEPTED), actor=REVIEWER)
        store.set_status(aid, GOLD, Status.DONE)


def gold_spans(path: Path) -> dict[str, set[tuple[int, int, str]]]:
    with Store(path) as s:
        return {
            aid: {(x.start, x.end, x.label) for x in s.spans(aid, GOLD, states=[SpanState.ACCEPTED])}
            for aid in s.article_ids()
            if s.status(aid, GOLD) == Status.DONE
        }


def texts(path: Path) -> dict[str, str]:
    with Store(path) as s:
        return {aid: s.article(aid).text for aid in s.article_ids()}


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gold") / "gold.db"
    with Store(path) as s:
        import_paths(s, [DEV_GOLD])
        make_gold(s)
    return path


def export(db: Path, out: Path, fmt: str, *args: str):  # type: ignore[no-untyped-def]
    r = run_cli("export", "--db", str(db), "--format", fmt, "--out", str(out), *args)
    assert r.returncode == 0, r.stderr
    return r


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- jsonl ---------------------------------------------------------------------------


def test_jsonl_round_trips_through_import(gold_db, tmp_path):
    out = tmp_path / "out"
    r = export(gold_db, out, "jsonl")
    assert "layer: gold" in r.stderr  # the default layer is said
    assert r.stdout.startswith("14 articles (all 14), 95 spans, layer gold")
    lines = [json.loads(x) for x in (out / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    first = lines[0]
    # imported_meta: the metadata the article came with (the dev gold's lines have some)
    assert set(first) <= {"id", "title", "text", "spans", "meta", "imported_meta"}
    assert first["meta"]["source"] and first["meta"]["adjudicators"] == [REVIEWER]
    assert first["meta"]["approved_at"] and first["meta"]["layer"] == "gold"
    for line in lines:
        for sp in line["spans"]:
            assert line["text"][sp["start"] : sp["end"]] == sp["text"]

    again = tmp_path / "again.db"
    r = run_cli("import", str(out / "all.jsonl"), "--db", str(again))
    assert r.returncode == 0, r.stderr
    with Store(again) as s:
        back = {aid: {(x.start, x.end, x.label) for x in s.spans(aid, "import")} for aid in s.article_ids()}
        titles = {aid: s.article(aid).title for aid in s.article_ids()}
    assert back == gold_spans(gold_db)  # same articles (same text, same id), same spans
    assert titles == {x["id"]: x["title"] for x in lines}


# -- conll ---------------------------------------------------------------------------


def _offsets(text: str, tokens: list[str], word_level: bool) -> list[tuple[int, int]]:
    """Find each token in the text, left to right, with only white space between."""
    pos, out = 0, []
    for token in tokens:
        pieces = token.split("_") if word_level and token != "_" else [token]
        start = None
        for piece in pieces:
            found = text.find(piece, pos)
            assert found >= 0 and not text[pos:found].strip(), (token, text[pos : found + 20])
            start = found if start is None else start
            pos = found + len(piece)
        out.append((start, pos))
    return out


def _conll_spans(path: Path, article_texts: list[str], word_level: bool) -> list[set]:
    articles = conll_format.read(path.read_text(encoding="utf-8").splitlines(keepends=True))
    assert len(articles) == len(article_texts)
    result = []
    for text, sentences in zip(article_texts, articles, strict=True):
        rows = [row for sentence in sentences for row in sentence]
        offsets = _offsets(text, [t for t, _, _ in rows], word_level)
        starts, ends = [s for s, _ in offsets], [e for _, e in offsets]
        spans = set()
        for sentence_rows in _per_sentence(sentences, starts, ends):
            tags, s_starts, s_ends = sentence_rows
            spans |= set(spans_from_bio([t[1] for t in tags], s_starts, s_ends))
            spans |= set(spans_from_bio([t[2] for t in tags], s_starts, s_ends))
        result.append(spans)
    return result


def _per_sentence(sentences, starts, ends):  # type: ignore[no-untyped-def]
    i = 0
    for sentence in sentences:
        yield sentence, starts[i : i + len(sentence)], ends[i : i + len(sentence)]
        i += len(sentence)


@pytest.mark.parametrize("level", ["syllable", "word"])
def test_conll_parsed_back_gives_the_same_spans(gold_db, tmp_path, level):
    out = tmp_path / "out"
    export(gold_db, out, "conll", "--level", level)
    assert sorted(files(out)) == [
        "README.md",
        f"all.{level}.conll",
        f"all.{level}.entities.conll",
        f"all.{level}.tasks.conll",
    ]
    content = (out / f"all.{level}.conll").read_text(encoding="utf-8")
    assert content.startswith("-DOCSTART- O O\n\n")
    assert content.count("-DOCSTART-") == 14
    assert all(len(line.split(" ")) == 3 for line in content.splitlines() if line)
    gold = gold_spans(gold_db)
    all_texts = texts(gold_db)
    ids = list(gold)
    parsed = _conll_spans(out / f"all.{level}.conll", [all_texts[a] for a in ids], level == "word")
    assert parsed == [gold[a] for a in ids]
    if level == "word":  # words are underthesea's, syllables joined with _
        assert "\nBan_Bí_thư B-ORGANIZATION O\n" in content
        assert "\nBí_thư O O\n" in content


def test_a_span_boundary_inside_a_word_splits_the_word(tmp_path):
    text = "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa chủ trì hội nghị."
    name = text.index("Nguyễn Văn Hòa")
    # an annotator marked only part of the word underthesea sees as one ("Nguyễn_Văn_Hòa")
    spans = ((name, name + len("Nguyễn Văn"), "OFFICIAL"),)
    tok = tokenize(text, spans, "word")
    forms = tok.forms(text, "word")
    assert "Nguyễn_Văn_Hòa" in tokenize(text, (), "word").forms(text, "word")
    i = forms.index("Nguyễn_Văn")
    assert forms[i + 1] == "Hòa" and tok.entity_tags[i : i + 2] == ["B-OFFICIAL", "O"]
    assert spans_from_bio(tok.entity_tags, tok.starts, tok.ends) == list(spans)

    db = tmp_path / "c.db"
    write_jsonl(
        tmp_path / "a.jsonl",
        [{"text": text, "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans]}],
    )
    with Store(db) as s:
        import_paths(s, [tmp_path / "a.jsonl"])
        make_gold(s)
    export(db, tmp_path / "out", "conll", "--level", "word")
    lines = (tmp_path / "out" / "all.word.conll").read_text(encoding="utf-8").splitlines()
    assert lines[lines.index("Nguyễn_Văn B-OFFICIAL O") + 1] == "Hòa O O"


# -- spaCy ---------------------------------------------------------------------------


def test_spacy_docbin_loads_with_entities_and_task_spans(gold_db, tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "out"
    export(gold_db, out, "spacy", "--split", "train=0.5,test=0.5")
    docs = []
    for name in ("train", "test"):
        docs += list(DocBin().from_disk(out / f"{name}.spacy").get_docs(spacy.blank("xx").vocab))
    assert len(docs) == 14
    gold, all_texts = gold_spans(gold_db), texts(gold_db)
    for doc in docs:
        aid = doc.user_data["id"]
        assert doc.text == all_texts[aid]
        ents = {(e.start_char, e.end_char, e.label_) for e in doc.ents}
        tasks = {(t.start_char, t.end_char, t.label_) for t in doc.spans["task"]}
        assert ents | tasks == gold[aid]
        assert all(label == "TASK" for _, _, label in tasks)
        assert list(doc.sents)  # sentence starts are set


# -- brat ----------------------------------------------------------------------------


def test_brat_offsets_match_the_text(gold_db, tmp_path):
    out = tmp_path / "out"
    export(gold_db, out, "brat")
    assert "[entities]\nOFFICIAL\nORGANIZATION\nDIRECTIVE\nTASK\n" in (out / "annotation.conf").read_text(
        encoding="utf-8"
    )
    gold = gold_spans(gold_db)
    found = {}
    for ann in sorted((out / "all").glob("*.ann")):
        text = ann.with_suffix(".txt").read_bytes().decode("utf-8")
        spans = set()
        for line in ann.read_text(encoding="utf-8").splitlines():
            tid, middle, shown = line.split("\t")
            label, offsets = middle.split(" ", 1)
            assert tid.startswith("T") and ";" not in offsets
            s, e = map(int, offsets.split())
            assert text[s:e] == shown
            spans.add((s, e, label))
        found[ann.stem] = spans
    assert found == gold


# -- Hugging Face --------------------------------------------------------------------


def test_hf_file_loads_with_datasets(gold_db, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    out = tmp_path / "out"
    export(gold_db, out, "hf", "--split", "train=0.8,dev=0.2")
    names = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    assert names["ner_tags"][:3] == ["O", "B-OFFICIAL", "I-OFFICIAL"]
    assert names["task_tags"] == ["O", "B-TASK", "I-TASK"]
    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "article_id": datasets.Value("string"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "ner_tags": datasets.Sequence(datasets.ClassLabel(names=names["ner_tags"])),
            "task_tags": datasets.Sequence(datasets.ClassLabel(names=names["task_tags"])),
        }
    )
    ds = datasets.load_dataset(
        "json",
        data_files={k: str(out / f"{k}.jsonl") for k in ("train", "dev")},
        features=features,
        cache_dir=str(tmp_path / "cache"),
    )
    assert set(ds) == {"train", "dev"}
    assert ds["train"].features["ner_tags"].feature.names == names["ner_tags"]
    # the labelled tokens spell out the gold spans, article by article
    all_texts, gold = texts(gold_db), gold_spans(gold_db)
    got: dict[str, set] = {}
    for split in ds.values():
        for row in split:
            idx = list(range(len(row["tokens"])))
            for column, labels in (("ner_tags", names["ner_tags"]), ("task_tags", names["task_tags"])):
                tags = [labels[t] for t in row[column]]
                for s, e, label in spans_from_bio(tags, idx, [i + 1 for i in idx]):
                    got.setdefault(row["article_id"], set()).add(("".join(row["tokens"][s:e]), label))
    want = {
        aid: {("".join(all_texts[aid][s:e].split()), label) for s, e, label in spans}
        for aid, spans in gold.items()
        if spans
    }
    assert got == want


# -- splits --------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_files(gold_db, tmp_path):
    for fmt in ("jsonl", "conll", "brat", "hf", "spacy"):
        a, b = tmp_path / f"{fmt}-a", tmp_path / f"{fmt}-b"
        export(gold_db, a, fmt, "--split", "train=0.6,dev=0.2,test=0.2", "--seed", "7")
        export(gold_db, b, fmt, "--split", "train=0.6,dev=0.2,test=0.2", "--seed", "7")
        assert files(a) == files(b), fmt


def _assignment(folder: Path) -> dict[str, str]:
    out = {}
    for path in folder.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            out[json.loads(line)["id"]] = path.stem
    return out


def test_splits_follow_the_shares_and_the_seed(gold_db, tmp_path):
    seen = []
    for seed in range(4):
        out = tmp_path / f"s{seed}"
        r = export(gold_db, out, "jsonl", "--split", "train=0.5,dev=0.25,test=0.25", "--seed", str(seed))
        assignment = _assignment(out)
        assert len(assignment) == 14
        sizes = {k: list(assignment.values()).count(k) for k in ("train", "dev", "test")}
        assert sizes == {"train": 7, "dev": 4, "test": 3} or sizes == {"train": 7, "dev": 3, "test": 4}, sizes
        assert f"(train 7, dev {sizes['dev']}, test {sizes['test']})" in r.stdout
        seen.append(assignment)
    assert len({tuple(sorted(a.items())) for a in seen}) > 1  # the seed matters


def near_duplicate(text: str) -> str:
    """The same story on another site: another intro line, a byline, a line break more."""
    lines = text.split("\n")
    return "\n".join(
        ["(Báo Kon Tum điện tử) - " + lines[0].split("– ", 1)[-1]] + lines[1:] + ["", "Thu Trang"]
    ).replace("\n\n", "\n\n\n", 1)


def test_near_duplicates_always_land_in_the_same_split(tmp_path):
    records = [json.loads(x) for x in DEV_GOLD.read_text(encoding="utf-8").splitlines()]
    copy = dict(records[0], id="000-copy", text=near_duplicate(records[0]["text"]), spans=[])
    db = tmp_path / "c.db"
    write_jsonl(tmp_path / "all.jsonl", [*records, copy])
    with Store(db) as s:
        import_paths(s, [tmp_path / "all.jsonl"])
        make_gold(s)
        ids = s.article_ids()
        original, dup = ids[0], ids[-1]
        assert s.article(dup).text != s.article(original).text
    for seed in range(6):
        out = tmp_path / f"s{seed}"
        export(db, out, "jsonl", "--split", "train=0.4,dev=0.3,test=0.3", "--seed", str(seed))
        assignment = _assignment(out)
        assert assignment[original] == assignment[dup], seed
        assert "1 groups of near-duplicate articles (2 articles" in (out / "README.md").read_text(
            encoding="utf-8"
        )


def test_near_duplicate_groups_join_only_the_same_story():
    records = [json.loads(x)["text"] for x in DEV_GOLD.read_text(encoding="utf-8").splitlines()]
    groups = near_duplicate_groups([*records, near_duplicate(records[0]), near_duplicate(records[1])])
    assert groups[-2] == groups[0] and groups[-1] == groups[1]
    assert len(set(groups[:14])) == 14  # the dev gold articles are all different stories


# -- validation ----------------------------------------------------------------------


def test_a_span_problem_stops_the_export_naming_article_and_span(tmp_path):
    db = tmp_path / "c.db"
    shutil.copy(DEV_GOLD, tmp_path / "gold.jsonl")
    with Store(db) as s:
        import_paths(s, [tmp_path / "gold.jsonl"])
        make_gold(s)
        aid = s.article_ids()[2]
        text = s.article(aid).text
        first = s.spans(aid, GOLD)[0]
        end = text.index(" ", first.end + 1)  # one word further
        # two overlapping entities: an adjudication gone wrong
        s.add_span(aid, GOLD, Span(first.start, end, "OFFICIAL", state=SpanState.ACCEPTED), actor=REVIEWER)
    out = tmp_path / "out"
    r = run_cli("export", "--db", str(db), "--format", "conll", "--out", str(out))
    assert r.returncode == 2
    assert r.stderr.count("\n") >= 2 and "Traceback" not in r.stderr
    assert "nothing was written" in r.stderr
    assert aid in r.stderr and "entities overlap" in r.stderr
    assert f"OFFICIAL [{first.start}, {end})" in r.stderr
    assert repr(text[first.start : first.end]) in r.stderr
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no leftovers


def test_a_span_with_white_space_at_its_end_is_refused(tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as s:
        write_jsonl(tmp_path / "a.jsonl", [{"text": "Ông Nguyễn Văn Hòa phát biểu."}])
        import_paths(s, [tmp_path / "a.jsonl"])
        aid = s.article_ids()[0]
        s.add_span(aid, GOLD, Span(4, 19, "OFFICIAL", state=SpanState.ACCEPTED), actor=REVIEWER)
        s.set_status(aid, GOLD, Status.DONE)
    out = tmp_path / "out"
    out.mkdir()  # an empty folder may be the target
    r = run_cli("export", "--db", str(db), "--format", "jsonl", "--out", str(out))
    assert r.returncode == 2
    assert f"article {aid}" in r.stderr
    assert "OFFICIAL [4, 19) 'Nguyễn Văn Hòa ' starts or ends with white space" in r.stderr
    assert list(out.iterdir()) == []


# -- layers and the card -------------------------------------------------------------


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    """Two annotators: both finished articles 0-3 (agreeing on 0-2, not on 3); lan alone 4-5."""
    db = tmp_path / "team.db"
    with Store(db) as s:
        import_paths(s, [DEV_GOLD])
        ids = s.article_ids()
        for name, done in (("lan", ids[:6]), ("minh", ids[:4])):
            for aid in done:
                for x in s.spans(aid, "import"):
                    s.add_span(aid, name, Span(x.start, x.end, x.label))
                s.set_status(aid, name, Status.DONE)
        extra = s.spans(ids[3], "import")[0]
        s.add_span(ids[3], "minh", Span(extra.start, extra.end, "TASK"))
    return db


def test_accepted_layer_leaves_out_disagreements_and_the_card_says_so(team_db, tmp_path):
    out = tmp_path / "out"
    r = run_cli("export", "--db", str(team_db), "--format", "jsonl", "--out", str(out))
    assert r.returncode == 0, r.stderr
    with Store(team_db) as s:
        ids = s.article_ids()
    assert "layer: accepted" in r.stderr  # nothing is approved in gold yet
    assert "warning: 1 articles left out" in r.stderr and ids[3] in r.stderr
    assert r.stdout.startswith("5 articles (all 5)")
    exported = _assignment(out)
    assert set(exported) == set(ids[:3]) | set(ids[4:6])
    card = (out / "README.md").read_text(encoding="utf-8")
    assert "## Left out" in card and f"- {ids[3]}: finished by lan, minh with different spans" in card
    assert "- lan: 5 articles" in card and "- minh: 3 articles" in card
    assert "| lan ~ minh | 4 |" in card  # agreement figures, from annotator.agreement
    row = next(line for line in card.splitlines() if line.startswith("| lan ~ minh"))
    assert float(row.split("|")[3]) < 1.0  # they disagree on one span

    one = tmp_path / "one"
    r = run_cli(
        "export", "--db", str(team_db), "--format", "jsonl", "--out", str(one), "--layer", "annotator:minh"
    )
    assert r.returncode == 0, r.stderr
    assert set(_assignment(one)) == set(ids[:4])


def test_finished_articles_are_read_a_page_at_a_time_with_each_article_whole(team_db):
    """An export holds one page of articles at a time; an article finished by several
    annotators is never cut between two pages, whatever the page size."""
    with Store(team_db) as s:
        whole = [row for rows, _ids in s.done_pages(None, articles=10_000) for row in rows]
        assert len(whole) == 10  # 6 articles: 4 finished by two annotators, 2 by one
        for size in (1, 2, 3):
            pages = list(s.done_pages(None, articles=size))
            assert [row for rows, _ids in pages for row in rows] == whole
            for rows, ids in pages:
                assert 1 <= len(ids) <= size and ids == list(dict.fromkeys(r[0] for r in rows))
        assert s.count_done(None) == 6 and s.count_done("minh") == 4


def test_card_counts_labels_per_split(gold_db, tmp_path):
    out = tmp_path / "out"
    export(gold_db, out, "brat", "--split", "train=0.5,test=0.5")
    card = (out / "README.md").read_text(encoding="utf-8")
    gold = gold_spans(gold_db)
    split_of = {p.stem: p.parent.name for p in out.glob("*/*.ann")}
    for name in ("train", "test"):
        ids = [a for a, s in split_of.items() if s == name]
        counts = {
            label: sum(1 for a in ids for x in gold[a] if x[2] == label)
            for label in ("OFFICIAL", "ORGANIZATION", "DIRECTIVE", "TASK")
        }
        row = f"| {name} | {len(ids)} | " + " | ".join(str(v) for v in counts.values())
        assert row + f" | {sum(counts.values())} |" in card
    assert "| **total** | 14 | 11 | 46 | 12 | 26 | 95 |" in card
    assert "| layer | `gold`" in card and "vn-entity-annotator 0.1.0" in card
    assert "GUIDELINES.md sha256 " in card and "labels.json version 1" in card
    assert f"Adjudicated (gold spans decided) by: {REVIEWER}" in card
    assert "data as of | 20" in card


# -- bad input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--split", "train=0.8,dev=0.1"], "the shares sum to 0.9, not 1"),
        (["--split", "train:0.8"], "expected NAME=SHARE pairs"),
        (["--layer", "annotator:nobody"], "has no annotator 'nobody'"),
        (["--layer", "silver"], "unknown layer"),
        (["--level", "word", "--format", "brat"], "--level applies to the conll and hf formats"),
    ],
)
def test_bad_options_give_one_clear_line(gold_db, tmp_path, args, message):
    fmt = [] if "--format" in args else ["--format", "jsonl"]
    r = run_cli("export", "--db", str(gold_db), "--out", str(tmp_path / "out"), *fmt, *args)
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists()


def test_output_path_problems(gold_db, tmp_path):
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    r = run_cli("export", "--db", str(gold_db), "--format", "jsonl", "--out", str(taken))
    assert r.returncode == 2 and "not empty" in r.stderr and "--force" in r.stderr
    assert (taken / "keep.txt").read_text() == "mine"
    r = run_cli("export", "--db", str(gold_db), "--format", "jsonl", "--out", str(taken), "--force")
    assert r.returncode == 0 and sorted(os.listdir(taken)) == ["README.md", "all.jsonl"]
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    r = run_cli("export", "--db", str(gold_db), "--format", "jsonl", "--out", str(a_file))
    assert r.returncode == 2 and "is not a folder" in r.stderr
    r = run_cli(
        "export", "--db", str(gold_db), "--format", "jsonl", "--out", str(tmp_path / "no" / "such" / "out")
    )
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_nothing_to_export_is_said(tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as s:
        import_paths(s, [DEV_GOLD])
    r = run_cli("export", "--db", str(db), "--format", "jsonl", "--out", str(tmp_path / "o"))
    assert r.returncode == 2
    assert "nothing to export in layer accepted (no annotator has marked an article done)" in r.stderr


def test_spacy_missing_names_the_extra(gold_db, tmp_path):
    blocker = tmp_path / "nospacy" / "spacy"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text("raise ImportError('No module named spacy')\n")
    r = run_cli(
        "export",
        "--db",
        str(gold_db),
        "--format",
        "spacy",
        "--out",
        str(tmp_path / "o"),
        env={"PYTHONPATH": str(blocker.parent)},
    )
    assert r.returncode == 2
    assert "pip install 'vn-entity-annotator[spacy]'" in r.stderr and "Traceback" not in r.stderr


def test_what_killed_exports_left_behind_is_cleaned_by_the_next_one(gold_db, tmp_path):
    """The issue's case: killed exports left hidden .partial folders (234 MB after 25
    kills). The next export to the same place removes those whose process is gone."""
    import subprocess
    import sys

    out = tmp_path / "dataset"
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    left = tmp_path / ".dataset.abc123.partial"
    left.mkdir()
    (left / ".owner").write_text(dead, encoding="ascii")
    (left / "all.jsonl").write_text("x" * 1000, encoding="utf-8")
    running = tmp_path / ".dataset.def456.partial"  # another export, still running (us)
    running.mkdir()
    (running / ".owner").write_text(str(__import__("os").getpid()), encoding="ascii")
    export(gold_db, out, "jsonl")
    assert not left.exists() and running.exists()
    assert not list(out.rglob(".owner"))  # the marker never reaches the dataset
