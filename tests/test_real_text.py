"""Proposals on real text: the classes of errors real articles showed, the measurement
(`evaluate --by source`, error kinds), the base model, and the user's own word lists.

Every sentence below was written for these tests after the class it exercises (a
construction, a spelling habit, an abbreviation), not copied from an article.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.learn.model import (
    base_model,
    load_model,
    model_for_database,
    model_path_for,
    task_path,
)
from annotator.nlp import wordlists
from annotator.pipeline import propose, proposer_version
from annotator.proposals import PROPOSER_VERSION
from annotator.proposals.evaluate import evaluate, score_document, source_group

from .conftest import ROOT, run_cli, write_jsonl

REAL = ROOT / "tests" / "data" / "real_dev.jsonl"


def entities(text: str) -> set[tuple[str, str]]:
    return {(p.label, p.text) for p in propose(text) if p.label != "TASK"}


def tasks(text: str) -> list[str]:
    return [p.text for p in propose(text) if p.label == "TASK"]


@pytest.mark.parametrize(
    "text, want, never",
    [
        # a name joined to its title by a hyphen
        (
            "Chủ trì có các đồng chí: Bùi Văn Khánh-Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh.",
            {("OFFICIAL", "Bùi Văn Khánh"), ("ORGANIZATION", "Tỉnh ủy")},
            {"Bùi Văn Khánh-Phó"},
        ),
        (
            "Dự có đồng chí Lê Văn Tùng-UVTV, Chủ tịch Ủy ban MTTQ huyện.",
            {("OFFICIAL", "Lê Văn Tùng")},
            {"Lê Văn Tùng-UVTV"},
        ),
        # a surname no list has, after a committee that also takes place names
        (
            "Đồng chí Bí thư Tỉnh ủy Chẩu Văn Tâm phát biểu.",
            {("ORGANIZATION", "Tỉnh ủy"), ("OFFICIAL", "Chẩu Văn Tâm")},
            {"Tỉnh ủy Chẩu Văn Tâm"},
        ),
        # a district name is a place, not a person
        ("Huyện ủy Định Hóa tổ chức hội nghị.", {("ORGANIZATION", "Huyện ủy Định Hóa")}, set()),
        # a member of the provincial committee is a title
        (
            "Đồng chí Trần Văn Hải, Tỉnh ủy viên, Phó Chủ tịch HĐND tỉnh.",
            {("OFFICIAL", "Trần Văn Hải"), ("ORGANIZATION", "HĐND tỉnh")},
            {"Tỉnh ủy"},
        ),
        # abbreviated cues and titles are never part of a name
        (
            "Đ/c Nguyễn Thị Hoa phát biểu; TS Lê Văn An trình bày.",
            {("OFFICIAL", "Nguyễn Thị Hoa"), ("OFFICIAL", "Lê Văn An")},
            set(),
        ),
        (
            "Phó chủ tịch UBND tỉnh Nghệ An Đầu Văn Tùng yêu cầu.",
            {("ORGANIZATION", "UBND tỉnh Nghệ An"), ("OFFICIAL", "Đầu Văn Tùng")},
            set(),
        ),
        # bodies in lower case when the name part keeps its capital
        ("lãnh đạo ủy ban MTTQ tỉnh dự.", {("ORGANIZATION", "ủy ban MTTQ tỉnh")}, set()),
        ("Bí thư huyện ủy Vị Xuyên dự.", {("ORGANIZATION", "huyện ủy Vị Xuyên")}, set()),
        # department names in official style: one capital
        (
            "Phó Vụ trưởng Vụ Hợp tác quốc tế; Phó Cục trưởng Cục Điều tra chống buôn lậu.",
            {("ORGANIZATION", "Vụ Hợp tác quốc tế"), ("ORGANIZATION", "Cục Điều tra chống buôn lậu")},
            set(),
        ),
        (
            "Cục Thống kê cho biết; Bộ Giao thông vận tải đề nghị.",
            {("ORGANIZATION", "Cục Thống kê"), ("ORGANIZATION", "Bộ Giao thông vận tải")},
            set(),
        ),
        (
            "Đại diện Sở Thông tin - Truyền thông dự.",
            {("ORGANIZATION", "Sở Thông tin - Truyền thông")},
            set(),
        ),
        # the central committee of the Party as a parent
        (
            "Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy.",
            {("ORGANIZATION", "BCH Trung ương Đảng"), ("ORGANIZATION", "Tỉnh ủy")},
            {"Đảng"},
        ),
        # a fused title gives its last word to the body
        (
            "Trưởng đoàn Đại biểu Quốc hội tỉnh Nguyễn Văn Bình phát biểu.",
            {("ORGANIZATION", "đoàn Đại biểu Quốc hội tỉnh"), ("OFFICIAL", "Nguyễn Văn Bình")},
            set(),
        ),
        # groups named with the body that sends them
        (
            "Đoàn kiểm tra của Ban Bí thư làm việc với Ban Thường vụ Tỉnh ủy.",
            {("ORGANIZATION", "Đoàn kiểm tra của Ban Bí thư"), ("ORGANIZATION", "Ban Thường vụ Tỉnh ủy")},
            {"Ban Bí thư"},
        ),
        # documents: codes typed apart, terms in parentheses, founding documents
        (
            "thực hiện Chỉ thị số 12- CT/TU và Công điện số 21 /CĐ-TTg.",
            {("DIRECTIVE", "Chỉ thị số 12- CT/TU"), ("DIRECTIVE", "Công điện số 21 /CĐ-TTg")},
            set(),
        ),
        (
            "gắn với Nghị quyết Hội nghị Trung ương 4 (khóa XI, khóa XII) về xây dựng Đảng.",
            {("DIRECTIVE", "Nghị quyết Hội nghị Trung ương 4 (khóa XI, khóa XII)")},
            set(),
        ),
        (
            "đúng Điều lệ Đảng và Hiến pháp năm 2013.",
            {("DIRECTIVE", "Điều lệ Đảng"), ("DIRECTIVE", "Hiến pháp")},
            set(),
        ),
        ("Kế hoạch 05 năm 2021-2025 của tỉnh.", set(), {"Kế hoạch 05"}),
        # sessions, congresses and anniversaries are events
        (
            "phát biểu tại kỳ họp thứ 8 Quốc hội khóa XV; Kỳ họp thứ Mười một, HĐND tỉnh khóa XV.",
            set(),
            {"Quốc hội", "HĐND tỉnh"},
        ),
        ("Đại hội đại biểu Đảng bộ huyện Kỳ Sơn diễn ra vào ngày 12/8.", set(), {"Đảng bộ huyện Kỳ Sơn"}),
        ("kỷ niệm 95 năm Ngày thành lập Hội Nông dân Việt Nam.", set(), {"Hội Nông dân Việt Nam"}),
        # a body named by its type alone in a plural list
        ("lãnh đạo HĐND, UBND các huyện, thành phố dự.", set(), {"HĐND", "UBND"}),
        ("chủ tịch HĐND, UBND xã, phường dự.", set(), {"HĐND", "UBND xã"}),
        # places named after people, streets, venues
        (
            "làm việc với Đảng ủy xã Nguyễn Việt Khái.",
            {("ORGANIZATION", "Đảng ủy xã Nguyễn Việt Khái")},
            {"Nguyễn Việt Khái"},
        ),
        (
            "nâng cấp đường Trường Chinh; tại Trụ sở Trung ương Đảng.",
            set(),
            {"Trường Chinh", "Trung ương Đảng"},
        ),
        # Party as a modifier of a generic, and the Party itself
        ("các cấp ủy Đảng, tổ chức Đảng phải quán triệt; lịch sử Đảng.", {("ORGANIZATION", "Đảng")}, set()),
        # photo credits, with or without a colon, are bylines
        (
            "Người dân tập trung trước cổng. Ảnh Tiền Phong\n\nĐồng chí Lê Văn Tám phát biểu.",
            {("OFFICIAL", "Lê Văn Tám")},
            {"Ảnh Tiền Phong", "Tiền Phong"},
        ),
    ],
)
def test_classes_of_real_text(text, want, never):
    got = entities(text)
    assert want <= got, got
    assert not {t for _, t in got} & never, got


def test_a_caption_that_names_people_is_annotated_like_body_text():
    text = (
        "Hội nghị diễn ra sáng nay.\n\nẢnh: Đồng chí Hoàng Văn Hưng, Phó Chủ tịch HĐND tỉnh "
        "trình bày báo cáo\n\nĐồng chí Lê Văn Nam dự."
    )
    assert {("OFFICIAL", "Hoàng Văn Hưng"), ("ORGANIZATION", "HĐND tỉnh")} <= entities(text)


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Thủ tướng yêu cầu:\n\nThứ hai, Bộ Công an chỉ đạo Công an tỉnh khẩn trương điều tra vụ việc.",
            ["chỉ đạo Công an tỉnh khẩn trương điều tra vụ việc"],
        ),
        ("Một là, đổi mới mạnh mẽ công tác lập pháp.", ["đổi mới mạnh mẽ công tác lập pháp"]),
        ("Nhiệm vụ thứ hai là thực hiện tốt chức năng giám sát.", ["thực hiện tốt chức năng giám sát"]),
        # a quotation ends before its attribution
        (
            '"Cần tiếp tục đổi mới tư duy, hành động quyết liệt hơn", Phó Thủ tướng nêu rõ.',
            ["tiếp tục đổi mới tư duy, hành động quyết liệt hơn"],
        ),
        # a report and the topics a request lists are no tasks
        ("Cử tri đã kiến nghị với HĐND tỉnh về các vấn đề: giao thông, thủy lợi, đất đai.", []),
        ("Tổng Bí thư tin tưởng Ban Kinh tế Trung ương sẽ tiếp tục hoàn thành tốt nhiệm vụ.", []),
    ],
)
def test_task_classes(text, want):
    assert tasks(text) == want


def test_evaluate_counts_errors_by_kind():
    gold = [(0, 10, "ORGANIZATION"), (20, 30, "OFFICIAL"), (40, 50, "DIRECTIVE"), (60, 70, "ORGANIZATION")]
    pred = [
        (0, 12, "ORGANIZATION"),  # other offsets: boundary
        (20, 30, "ORGANIZATION"),  # other label: label
        (80, 90, "OFFICIAL"),  # nothing there in the gold: spurious
        (60, 70, "ORGANIZATION"),
    ]  # right
    scores, missed, spurious, kinds = score_document(gold, pred)
    org, off, dire = scores["ORGANIZATION"], scores["OFFICIAL"], scores["DIRECTIVE"]
    assert (org.tp, org.boundary, off.label, off.spurious, dire.missing) == (1, 1, 1, 1, 1)
    assert kinds[(40, 50, "DIRECTIVE")] == "missing" and kinds[(0, 12, "ORGANIZATION")] == "boundary"
    report = evaluate([("d", "x" * 100, gold, pred)])
    assert report.entity_micro.tp == 1 and report.entity_micro.fp == 3


@pytest.mark.parametrize(
    "source, group",
    [
        ("https://www.baothainguyen.org.vn/a/b.html", "baothainguyen"),
        ("http://baothainguyen.vn/x", "baothainguyen"),
        ("http://tranvanthoi.camau.dcs.vn/x", "tranvanthoi.camau"),
        ("nguyenvulebinh/trends@b4236fb:_posts/x.md (article: https://vov.vn/chinh-tri/x.vov)", "vov"),
        ("github:owner/repo@1fd0aae:app/x.java (listDetailHome12)", "owner/repo"),
    ],
)
def test_sources_are_grouped_by_outlet(source, group):
    assert source_group(source) == group


def test_evaluate_by_source_on_the_real_articles(tmp_path):
    rows = [json.loads(x) for x in REAL.read_text(encoding="utf-8").splitlines()[:3]]
    gold = write_jsonl(tmp_path / "g.jsonl", rows)
    r = run_cli("evaluate", str(gold), "--by", "source", "--no-model")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split()[-4:] == ["boundary", "label", "missing", "spurious"]
    table = lines[lines.index("F1 by source:") + 1 :]
    assert table[0].split()[:2] == ["source", "articles"]
    assert {x.split()[0] for x in table[1:-1]} == {source_group(x["source"]) for x in rows}
    assert table[-1].split()[:2] == ["all", "3"]
    js = json.loads(run_cli("evaluate", str(gold), "--by", "source", "--json", "--no-model").stdout)
    assert sum(v["articles"] for v in js["by_source"].values()) == 3


def test_the_rules_on_the_real_check_half_stay_above_a_floor():
    """A regression guard, not the quality figure (that is tools/eval_real.py): the rules
    alone on the half of the real articles they were not written from."""
    from tools.eval_real import CHECK_HALF

    rows = [json.loads(x) for x in REAL.read_text(encoding="utf-8").splitlines()]
    report = evaluate(
        (
            r["id"],
            r["text"],
            [(s["start"], s["end"], s["label"]) for s in r["spans"]],
            [(p.start, p.end, p.label) for p in propose(r["text"])],
        )
        for r in rows
        if r["id"] in CHECK_HALF
    )
    assert report.entity_micro.f1 >= 0.86 and report.labels["TASK"].f1 >= 0.64


def test_the_base_model_ships_with_a_task_tagger_and_is_the_default(tmp_path):
    model = base_model()
    assert model is not None and model.base and model.task_tagger is not None
    meta = model.meta
    assert set(meta["training_files"]) >= {"tests/data/real_dev.jsonl"}
    # a database without a model of its own uses the base model; a broken one says so
    db = tmp_path / "c.db"
    assert model_for_database(db) == (model, None)
    model_path_for(db).write_bytes(b"garbage")
    got, problem = model_for_database(db)
    assert got is model and "base model" in problem and str(model_path_for(db)) in problem
    text = "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa đề nghị các cấp ủy tiếp tục thực hiện Chỉ thị số 05."
    found = {(p.label, p.text, p.source) for p in propose(text, model=model)}
    assert ("OFFICIAL", "Nguyễn Văn Hòa", "official:cue") in found  # the rule's name is kept
    assert any(label == "TASK" and source == "model" for label, _, source in found)
    assert proposer_version(model) == f"{PROPOSER_VERSION}+crf-{model.id}"


def test_your_own_word_lists_extend_remove_and_replace(tmp_path):
    text = "Chiều nay, Tổ hợp tác Cà Phê Chư Sê ký hợp đồng; đồng chí Đoàn Văn Nam dự."
    before = entities(text)
    assert not any("Tổ hợp tác" in t for _, t in before)
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "org_named.txt").write_text("# my corpus\nTổ hợp tác\n", encoding="utf-8")
    (rules / "person_cues.txt").write_text("-đồng chí\n", encoding="utf-8")
    (rules / "not_a_list.txt").write_text("x\n", encoding="utf-8")
    try:
        wordlists.set_rules_dir(rules)
        after = entities(text)
        assert ("ORGANIZATION", "Tổ hợp tác Cà Phê Chư Sê") in after
        assert wordlists.problems() == [
            f"{rules / 'not_a_list.txt'}: no word list is named 'not_a_list'; known: "
            + ", ".join(wordlists.shipped_names())
        ]
        version = proposer_version(None)
        assert version.startswith(PROPOSER_VERSION + "+user-") and len(version) > len(PROPOSER_VERSION)
        (rules / "org_named.txt").write_text("-*\nTổ hợp tác\n", encoding="utf-8")
        wordlists.set_rules_dir(rules)  # a changed file is read again
        assert wordlists.lines("org_named") == ("Tổ hợp tác",)
    finally:
        wordlists.set_rules_dir(None)
    assert entities(text) == before and proposer_version(None) == PROPOSER_VERSION


def test_a_word_list_in_nfd_with_a_broken_line_still_works(tmp_path):
    """A list saved by an editor that writes decomposed accents (NFD) matches the NFC
    articles; a line that is not UTF-8 is named and left out, the other lines are kept."""
    import unicodedata

    text = "Chiều nay, Tổ hợp tác Cà Phê Chư Sê ký hợp đồng."
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "org_named.txt").write_bytes(
        b"Nh\xf3m c\xe1\n" + unicodedata.normalize("NFD", "Tổ hợp tác\n").encode()
    )
    (rules / "titles.txt").write_bytes(b"\x00\x01binary")
    try:
        wordlists.set_rules_dir(rules)
        assert ("ORGANIZATION", "Tổ hợp tác Cà Phê Chư Sê") in entities(text)
        assert wordlists.problems() == [
            f"{rules / 'org_named.txt'}:1: not UTF-8 text; line ignored",
            f"{rules / 'titles.txt'}: binary data (NUL bytes), not a word list; ignored",
        ]
    finally:
        wordlists.set_rules_dir(None)


def test_the_cli_takes_a_rules_folder_and_the_data_folder_has_one(tmp_path, _isolated_home):
    src = write_jsonl(
        tmp_path / "in.jsonl", [{"id": "a", "text": "Sáng nay, Tổ hợp tác Cà Phê Chư Sê ký hợp đồng."}]
    )
    rules = tmp_path / "mine"
    rules.mkdir()
    (rules / "org_named.txt").write_text("Tổ hợp tác\n", encoding="utf-8")
    r = run_cli("--rules", str(rules), "propose", str(src), "--no-model")
    assert r.returncode == 0, r.stderr
    assert [s["text"] for s in json.loads(r.stdout)["spans"]] == ["Tổ hợp tác Cà Phê Chư Sê"]
    assert json.loads(run_cli("propose", str(src), "--no-model").stdout)["spans"] == []
    home_rules = Path(_isolated_home) / "rules"
    home_rules.mkdir(parents=True)
    (home_rules / "org_named.txt").write_text("Tổ hợp tác\n", encoding="utf-8")
    r = run_cli("propose", str(src), "--no-model")
    assert [s["text"] for s in json.loads(r.stdout)["spans"]] == ["Tổ hợp tác Cà Phê Chư Sê"]


def test_training_learns_tasks_and_keeps_what_the_base_corpus_taught(tmp_path):
    from annotator.learn.train import TrainDoc, train_docs

    docs = [TrainDoc(f"d{i}", t, spans) for i, (t, spans) in enumerate(_task_articles())]
    result = train_docs(docs, tmp_path / "m.crf", folds=0)
    model = load_model(tmp_path / "m.crf")
    assert model.task_tagger is not None and result.model.meta["task_tagger"] is True
    # too few tasks: no task tagger, the rules' tasks are kept
    few = train_docs(docs[:20], tmp_path / "few.crf", folds=0)
    assert few.model.task_tagger is None and not (tmp_path / "few.crf.task").exists()


def _task_articles() -> list[tuple[str, tuple[tuple[int, int, str], ...]]]:
    out = []
    for n in range(80):
        text = (
            f"Sáng {n + 1}/5, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị. Đồng chí Nguyễn Văn "
            f"Hòa đề nghị các cấp ủy tiếp tục nâng cao chất lượng công tác số {n}; "
            "kịp thời nắm bắt dư luận xã hội."
        )
        spans = []
        for piece in (f"tiếp tục nâng cao chất lượng công tác số {n}", "kịp thời nắm bắt dư luận xã hội"):
            s = text.index(piece)
            spans.append((s, s + len(piece), "TASK"))
        s = text.index("Ban Tuyên giáo Tỉnh ủy")
        spans.append((s, s + len("Ban Tuyên giáo Tỉnh ủy"), "ORGANIZATION"))
        s = text.index("Nguyễn Văn Hòa")
        spans.append((s, s + len("Nguyễn Văn Hòa"), "OFFICIAL"))
        out.append((text, tuple(spans)))
    return out


def test_a_large_database_trains_without_the_base_corpus_and_keeps_its_task_tagger(tmp_path, monkeypatch):
    from annotator.learn import train
    from annotator.store import Store

    from .test_learn import annotated_db

    db = annotated_db(tmp_path / "corpus.db", n=6)
    base = base_model()
    # entity-only annotation: the base model's TASK tagger is kept, whatever the size
    monkeypatch.setattr(train, "BASE_MAX_ARTICLES", 5)  # "large" without 500 articles
    with Store(db) as store:
        large = train.train_store(store, folds=0)
    assert "not the base corpus" in large.source and large.model.meta["training"]["base_articles"] == 0
    assert large.model.task_tagger is not None
    assert (tmp_path / "corpus.db.crf.task").read_bytes() == task_path(base.path).read_bytes()
    monkeypatch.setattr(train, "BASE_MAX_ARTICLES", 500)
    with Store(db) as store:
        small = train.train_store(store, folds=0)
    assert "articles of the base corpus" in small.source
    assert small.model.meta["training"]["base_articles"] == len(train.base_corpus())
