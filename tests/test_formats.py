"""Annotations in from the tools users come from, datasets out to the tools they train
with: every format read and written, round trips through each, and the consumers that
are pip packages (spaCy's CoNLL converter, datasets) loading what we write.

The articles are the dev gold's (real provincial news, tasks containing entities) plus
one written in NFD with an emoji before its spans, so that code points, UTF-16 units and
normalization all differ."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from annotator.export import ExportOptions, export
from annotator.importer import Importer, ImportOptions
from annotator.model import GOLD, IMPORT, SpanState, Status
from annotator.store import Store

from .conftest import DEV_GOLD, run_cli, write_jsonl

ODD = unicodedata.normalize(
    "NFD", "😀 Chiều 5/3, Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa yêu cầu Sở Y tế khẩn trương rà soát."
)


def _spans_of(text: str, *pairs: tuple[str, str]) -> list[dict]:
    form = "NFD" if unicodedata.is_normalized("NFD", text) else "NFC"
    out = []
    for needle, label in pairs:
        written = unicodedata.normalize(form, needle)
        i = text.index(written)
        out.append({"start": i, "end": i + len(written), "label": label})
    return out


def _source_file(tmp_path: Path) -> Path:
    lines = [json.loads(x) for x in DEV_GOLD.read_text(encoding="utf-8").splitlines()[:5]]
    for n, line in enumerate(lines):
        line["meta"] = {"outlet": f"outlet {n}", "tags": ["a", n]}
    lines.append(
        {
            "id": "odd",
            "text": ODD,
            "meta": {"outlet": "nfd"},
            "spans": _spans_of(
                ODD,
                ("Tỉnh ủy", "ORGANIZATION"),
                ("Nguyễn Văn Hòa", "OFFICIAL"),
                ("Sở Y tế", "ORGANIZATION"),
                ("khẩn trương rà soát", "TASK"),
            ),
        }
    )
    return write_jsonl(tmp_path / "source.jsonl", lines)


def _import(db: Path, *paths: Path, **options) -> Importer:
    with Store(db) as store:
        importer = Importer(store, options=ImportOptions(**options))
        importer.run(paths)
    return importer


def _articles(db: Path, layer: str) -> dict[str, tuple[str, set]]:
    """text -> (title, spans as (start, end, label)) of a layer, by the article's text."""
    with Store(db) as store:
        out = {}
        for aid in store.article_ids():
            art = store.article(aid)
            spans = {(s.start, s.end, s.label) for s in store.spans(aid, layer)}
            out[art.text] = (art.meta, spans)
        return out


@pytest.fixture
def gold_db(tmp_path: Path) -> Path:
    """The articles imported straight into gold, approved (a team bringing its gold)."""
    db = tmp_path / "gold.db"
    imp = _import(db, _source_file(tmp_path), as_="gold", done=True, annotator="thu")
    assert imp.report.ok and imp.report.new == 6
    return db


def _export(db: Path, fmt: str, out: Path, **kw) -> Path:
    with Store(db) as store:
        export(store, ExportOptions(format=fmt, out=out, layer="gold", **kw))
    return out


def test_importing_as_gold_gives_approved_gold_with_the_adjudicator(gold_db):
    with Store(gold_db) as store:
        for aid in store.article_ids():
            assert store.status(aid, GOLD) == Status.DONE
            spans = store.spans(aid, GOLD)
            assert spans and all(s.state == SpanState.ACCEPTED and s.adjudicator == "thu" for s in spans)
            assert store.spans(aid, IMPORT) == []
    # the NFD article is stored in NFC, its spans on the same words
    texts = _articles(gold_db, GOLD)
    odd = next(t for t in texts if t.startswith("😀"))
    found = {odd[s:e] for s, e, _ in texts[odd][1]}
    assert found == {"Tỉnh ủy", "Nguyễn Văn Hòa", "Sở Y tế", "khẩn trương rà soát"}


@pytest.mark.parametrize(
    ("fmt", "pattern"),
    [
        ("jsonl", "all.jsonl"),
        ("doccano", "all.doccano.jsonl"),
        ("labelstudio", "all.labelstudio.json"),
        ("brat", "all"),
    ],
)
def test_export_then_import_gives_the_same_text_spans_and_metadata(gold_db, tmp_path, fmt, pattern):
    out = _export(gold_db, fmt, tmp_path / fmt)
    again = tmp_path / f"again-{fmt}.db"
    imp = _import(again, out / pattern, as_="gold", done=True, annotator="thu")
    assert imp.report.ok and imp.report.new == 6 and imp.report.refused_spans == 0, imp.report.messages
    before, after = _articles(gold_db, GOLD), _articles(again, GOLD)
    assert set(after) == set(before)
    for text, (meta, spans) in before.items():
        assert after[text][1] == spans, text[:40]
        if fmt != "brat":  # brat has no place for metadata
            assert {k: after[text][0].get(k) for k in meta} == meta


def test_prodigy_examples_come_back_and_load_tokens_that_match_the_text(gold_db, tmp_path):
    out = _export(gold_db, "prodigy", tmp_path / "prodigy")
    for line in (out / "all.prodigy.jsonl").read_text(encoding="utf-8").splitlines():
        ex = json.loads(line)
        tokens = ex["tokens"]
        assert all(ex["text"][t["start"] : t["end"]] == t["text"] for t in tokens)
        for s in ex["spans"]:
            assert tokens[s["token_start"]]["start"] == s["start"]
            assert tokens[s["token_end"]]["end"] == s["end"]
            assert s["label"] != "TASK"
    ents, tasks = tmp_path / "ents.db", tmp_path / "tasks.db"
    _import(ents, out / "all.prodigy.jsonl", as_="gold")
    _import(tasks, out / "all.prodigy.tasks.jsonl", as_="gold")
    before = _articles(gold_db, GOLD)
    got_ents, got_tasks = _articles(ents, GOLD), _articles(tasks, GOLD)
    for text, (_, spans) in before.items():
        assert got_ents[text][1] == {s for s in spans if s[2] != "TASK"}
        assert got_tasks[text][1] == {s for s in spans if s[2] == "TASK"}


def test_rejected_and_ignored_prodigy_answers_are_left_out_and_counted(db_path, tmp_path):
    text = "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa phát biểu."
    lines = [
        {
            "text": text + f" ({answer} {n})",
            "spans": _spans_of(text, ("Tỉnh ủy", "ORG")),
            "answer": answer,
            "_input_hash": n,
        }
        for n, answer in enumerate(["accept", "reject", "ignore", "accept"])
    ]
    imp = _import(db_path, write_jsonl(tmp_path / "p.jsonl", lines), label_map={"ORG": "ORGANIZATION"})
    assert imp.report.new == 2 and imp.report.spans == 2
    assert imp.report.left_out == {
        "Prodigy examples answered 'reject' (left out)": 1,
        "Prodigy examples answered 'ignore' (left out)": 1,
    }


def test_conll_round_trip_keeps_every_span_on_the_same_words(gold_db, tmp_path):
    out = _export(gold_db, "conll", tmp_path / "conll", level="syllable")
    again = tmp_path / "again.db"
    imp = _import(again, out / "all.syllable.conll", as_="gold")
    assert imp.report.ok and imp.report.new == 6, imp.report.messages

    def words(text: str, spans: set) -> list[tuple[str, str]]:
        return sorted((" ".join(text[s:e].split()), label) for s, e, label in spans)

    before = sorted(words(t, sp) for t, (_, sp) in _articles(gold_db, GOLD).items())
    after = sorted(words(t, sp) for t, (_, sp) in _articles(again, GOLD).items())
    assert after == before


def test_spacy_convert_reads_the_entity_column_file_with_every_entity(gold_db, tmp_path):
    from spacy.training.converters import conll_ner_to_docs

    out = _export(gold_db, "conll", tmp_path / "conll", level="syllable")
    two_col = (out / "all.syllable.entities.conll").read_text(encoding="utf-8")
    assert all(len(line.split("\t")) == 2 for line in two_col.splitlines() if line)  # doccano, INCEpTION
    docs = conll_ner_to_docs(two_col, n_sents=1, no_print=True)
    entities = sum(len(d.ents) for d in docs)
    with Store(gold_db) as store:
        expected = sum(
            len([s for s in store.spans(a, GOLD) if s.label != "TASK"]) for a in store.article_ids()
        )
    assert entities == expected
    assert {e.label_ for d in docs for e in d.ents} <= {"OFFICIAL", "ORGANIZATION", "DIRECTIVE"}
    tasks = conll_ner_to_docs(
        (out / "all.syllable.tasks.conll").read_text(encoding="utf-8"), n_sents=1, no_print=True
    )
    assert {e.label_ for d in tasks for e in d.ents} == {"TASK"}


def test_label_studio_offsets_count_utf16_units_and_predictions_can_be_chosen(db_path, tmp_path):
    text = "😀 Ông Lê Văn Tám dự."
    start = len("😀 Ông ".encode("utf-16-le")) // 2
    result = [
        {"type": "labels", "to_name": "text", "value": {"start": start, "end": start + 10, "labels": ["PER"]}}
    ]
    task = {
        "id": 3,
        "data": {"text": text, "source": "tv"},
        "annotations": [{"result": result}],
        "predictions": [{"result": []}],
    }
    f = tmp_path / "ls.json"
    f.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    imp = _import(db_path, f, label_map={"PER": "OFFICIAL"}, as_="accepted", annotator="lan")
    assert imp.report.spans == 1
    with Store(db_path) as store:
        (aid,) = store.article_ids()
        (span,) = store.spans(aid, "lan")
        assert text[span.start : span.end] == "Lê Văn Tám" and span.state == SpanState.ACCEPTED
        assert store.article(aid).meta == {"source": "tv"}
    other = tmp_path / "pred.db"
    assert _import(other, f, prefer="predictions").report.spans == 0


def test_brat_discontinuous_spans_are_refused_one_by_one_and_the_rest_imported(db_path, tmp_path):
    text = "Ban Tuyên giáo Tỉnh ủy và Sở Y tế\nphối hợp."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        "T1\tORGANIZATION 0 22\tBan Tuyên giáo Tỉnh ủy\n"
        "T2\tORGANIZATION 0 3;15 22\tBan Tỉnh ủy\n"
        "T3\tTASK 26 33;34 42\tSở Y tế phối hợp\n"
        "R1\tPart Arg1:T1 Arg2:T2\n",
        encoding="utf-8",
    )
    imp = _import(db_path, tmp_path / "a.ann")
    assert imp.report.spans == 2 and imp.report.refused_spans == 0
    assert any("a.ann:2: discontinuous span 0 3;15 22 refused" in m for m in imp.report.messages)
    assert imp.report.left_out == {"brat relations (not imported)": 1}
    with Store(db_path) as store:
        (aid,) = store.article_ids()
        got = {(text[s.start : s.end], s.label) for s in store.spans(aid, IMPORT)}
    # a span across a line break, written as two fragments, is one span again
    assert got == {("Ban Tuyên giáo Tỉnh ủy", "ORGANIZATION"), ("Sở Y tế\nphối hợp", "TASK")}


def test_webanno_tsv_from_inception_is_read_with_its_text_and_spans(db_path, tmp_path):
    tsv = (
        "#FORMAT=WebAnno TSV 3.3\n"
        "#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\n\n"
        "#Text=Phó Bí thư Nguyễn Văn Hòa\n"
        "1-1\t0-3\tPhó\t_\t_\t\n1-2\t4-6\tBí\t_\t_\t\n1-3\t7-10\tthư\t_\t_\t\n"
        "1-4\t11-17\tNguyễn\t_\tPER[1]\t\n1-5\t18-21\tVăn\t_\tPER[1]\t\n1-6\t22-25\tHòa\t_\tPER[1]\t\n\n"
        "#Text=Sở Y tế họp .\n"
        "2-1\t26-28\tSở\t_\tORG[2]|LOC[3]\t\n2-2\t29-30\tY\t_\tORG[2]|LOC[3]\t\n2-3\t31-33\ttế\t_\tORG[2]|LOC[3]\t\n"
        "2-4\t34-37\thọp\t_\t_\t\n2-5\t38-39\t.\t_\t_\t\n"
    )
    f = tmp_path / "doc.tsv"
    f.write_text(tsv, encoding="utf-8")
    imp = _import(db_path, f, label_map={"PER": "OFFICIAL", "ORG": "ORGANIZATION"})
    assert imp.report.spans == 2 and imp.report.unmapped == {"LOC": 1}
    with Store(db_path) as store:
        (aid,) = store.article_ids()
        text = store.article(aid).text
        assert text == "Phó Bí thư Nguyễn Văn Hòa\nSở Y tế họp ."
        assert {(text[s.start : s.end], s.label) for s in store.spans(aid, IMPORT)} == {
            ("Nguyễn Văn Hòa", "OFFICIAL"),
            ("Sở Y tế", "ORGANIZATION"),
        }


def test_doccano_both_shapes_and_overlaps_refused_for_accepted_work(db_path, tmp_path):
    text = "Ban Thường vụ Tỉnh ủy chỉ đạo."
    lines = [
        {"text": text, "label": [[0, 21, "ORGANIZATION"], [14, 21, "ORGANIZATION"], [22, 29, "TASK"]]},
        {
            "text": text + " Hết.",
            "entities": [{"start_offset": 0, "end_offset": 21, "label": "ORGANIZATION"}],
        },
    ]
    imp = _import(
        db_path, write_jsonl(tmp_path / "d.jsonl", lines), as_="accepted", annotator="lan", done=True
    )
    assert imp.report.new == 2 and imp.report.spans == 3 and imp.report.refused_spans == 1
    overlap = [m for m in imp.report.messages if "overlaps" in m]
    assert len(overlap) == 1 and "d.jsonl:1" in overlap[0] and "[14, 21)" in overlap[0]
    with Store(db_path) as store:
        assert all(store.status(a, "lan") == Status.DONE for a in store.article_ids())


def test_work_for_an_article_already_here_is_attached_once(db_path, tmp_path):
    text = "Sở Y tế khẩn trương rà soát."
    plain = write_jsonl(tmp_path / "plain.jsonl", [{"text": text}])
    work = write_jsonl(tmp_path / "work.jsonl", [{"text": text, "label": [[0, 7, "ORGANIZATION"]]}])
    _import(db_path, plain)
    imp = _import(db_path, work, as_="accepted", annotator="lan")
    assert imp.report.duplicates == 1 and imp.report.attached == 1 and imp.report.spans == 1
    again = _import(db_path, work, as_="accepted", annotator="lan")
    assert again.report.attached == 0 and any("left as it was" in m for m in again.report.messages)


def test_cli_refuses_what_no_reader_knows_and_maps_labels(tmp_path):
    db = tmp_path / "c.db"
    odd = tmp_path / "notes.xml"
    odd.write_text("<doc>Phó Bí thư</doc>", encoding="utf-8")
    r = run_cli("import", str(odd), "--db", str(db))
    assert r.returncode == 1
    assert f"error: {odd}: not a format this tool reads (formats: jsonl, doccano" in r.stderr
    conll = tmp_path / "x.conll"
    conll.write_text("Sở\tB-ORG\nY\tI-ORG\ntế\tI-ORG\nhọp\tO\n.\tO\n", encoding="utf-8")
    r = run_cli("import", str(conll), "--db", str(db), "--map", "ORG=ORGANIZATION", "--as", "gold", "--done")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith(f"1 new, 0 duplicates, 0 failed, 1 spans as gold, approved -> {db}")
    r = run_cli("import", str(conll), "--db", str(db), "--as", "accepted")
    assert r.returncode == 2 and "--as accepted needs --annotator NAME" in r.stderr
    r = run_cli("import", str(conll), "--db", str(db), "--map", "ORG=ORGANISATION")
    assert r.returncode == 2 and "ORGANISATION is not a label here" in r.stderr


def test_label_studio_own_converter_reads_our_tasks_and_we_read_its_conll(gold_db, tmp_path):
    from label_studio_converter import Converter

    out = _export(gold_db, "labelstudio", tmp_path / "ls")
    conv = Converter(
        config=str(out / "label_config.xml"), project_dir=str(tmp_path), download_resources=False
    )
    items = list(conv.iter_from_json_file(str(out / "all.labelstudio.json")))
    before = _articles(gold_db, GOLD)
    assert len(items) == len(before) == 6
    for item in items:
        text = item["input"]["text"]
        results = next(iter(item["output"].values()))
        got = {(r["start"], r["end"], r["labels"][0]) for r in results}  # the values, typed
        units = [0]
        for ch in text:
            units.append(units[-1] + (2 if ord(ch) > 0xFFFF else 1))
        assert got == {(units[s], units[e], label) for s, e, label in before[text][1]}
    # its CoNLL 2003 file (token -X- _ tag; it keeps one label per token, so the tasks
    # that contain entities lose them) comes back in through our CoNLL reader
    conv.convert_to_conll2003(str(out / "all.labelstudio.json"), str(tmp_path / "lsconll"), is_dir=False)
    again = tmp_path / "again.db"
    imp = _import(again, tmp_path / "lsconll" / "result.conll")
    assert imp.report.ok and imp.report.new == 6 and imp.report.spans > 0, imp.report.messages


def test_seqeval_reads_the_same_entities_from_our_two_column_file(gold_db, tmp_path):
    from seqeval.metrics.sequence_labeling import get_entities

    out = _export(gold_db, "conll", tmp_path / "conll", level="word")
    sentences, tags = [], []
    for line in (out / "all.word.entities.conll").read_text(encoding="utf-8").splitlines() + [""]:
        if line:
            tags.append(line.split("\t")[1])
        elif tags:
            sentences.append(tags)
            tags = []
    found = sum(len(get_entities(t)) for t in sentences)
    with Store(gold_db) as store:
        expected = sum(
            len([s for s in store.spans(a, GOLD) if s.label != "TASK"]) for a in store.article_ids()
        )
    assert found == expected


def test_byte_offsets_and_a_label_map_file(db_path, tmp_path):
    text = "Ông Lê Văn Tám, Bí thư Đảng ủy xã, phát biểu."
    start = len(text[: text.index("Lê")].encode("utf-8"))
    end = start + len("Lê Văn Tám".encode())
    f = write_jsonl(
        tmp_path / "b.jsonl", [{"text": text, "spans": [{"start": start, "end": end, "label": "PER"}]}]
    )
    mapping = tmp_path / "labels.json"
    mapping.write_text('{"PER": "OFFICIAL"}', encoding="utf-8")
    r = run_cli("import", str(f), "--db", str(db_path), "--offsets", "bytes", "--map", str(mapping))
    assert r.returncode == 0 and "1 spans as proposals" in r.stdout, r.stderr
    with Store(db_path) as store:
        (aid,) = store.article_ids()
        (span,) = store.spans(aid, IMPORT)
        assert (text[span.start : span.end], span.label) == ("Lê Văn Tám", "OFFICIAL")
