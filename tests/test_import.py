"""Importing articles: formats, encodings, normalization, site chrome, duplicates."""

from __future__ import annotations

import codecs
import json
import unicodedata

import pytest

from annotator.importer import import_paths
from annotator.store import Store
from annotator.text import article_id

from .conftest import DEV_GOLD, VIET, run_cli, to_cp1258, write_jsonl

BODY = "Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa dự hội nghị.\nĐồng chí đề nghị tiếp tục thực hiện."


def _texts(store: Store) -> list[str]:
    return [store.article(i).text for i in store.article_ids()]


def test_txt_first_nonempty_line_is_title(tmp_path, store):
    f = tmp_path / "a.txt"
    f.write_text("\n\nTiêu đề bài viết\n\n" + BODY + "\n", encoding="utf-8")
    report = import_paths(store, [f])
    assert (report.new, report.failed) == (1, 0)
    art = store.article(store.article_ids()[0])
    assert art.title == "Tiêu đề bài viết"
    assert art.text == "Tiêu đề bài viết\n\n" + BODY  # line breaks kept, edges trimmed
    assert art.source == str(f)
    assert art.id == article_id(art.text)


def test_folder_is_imported_recursively(tmp_path, store):
    (tmp_path / "in" / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "in" / "one.txt").write_text("Một\n" + BODY, encoding="utf-8")
    (tmp_path / "in" / "sub" / "two.txt").write_text("Hai\n" + BODY, encoding="utf-8")
    write_jsonl(tmp_path / "in" / "sub" / "deeper" / "three.jsonl", [{"text": "Ba\n" + BODY}])
    (tmp_path / "in" / "sub" / "image.png").write_bytes(b"\x89PNG\x00\x00")  # other types skipped
    report = import_paths(store, [tmp_path / "in"])
    assert (report.new, report.failed) == (3, 0)
    assert sorted(store.article(i).title for i in store.article_ids()) == ["Ba", "Hai", "Một"]


def test_jsonl_fields_and_spans_become_proposals(tmp_path, store):
    text = "Tiêu đề\n" + VIET
    s = text.index("Nguyễn")
    f = write_jsonl(
        tmp_path / "a.jsonl",
        [
            {
                "id": "bai-1",
                "title": "Tiêu đề riêng",
                "url": "https://baotinh.vn/bai-1",
                "meta": {"province": "Bắc Kạn"},
                "outlet": "Báo Bắc Kạn",
                "text": text,
                "spans": [{"start": s, "end": s + 14, "label": "OFFICIAL"}],
            }
        ],
    )
    report = import_paths(store, [f])
    assert report.ok and report.new == 1
    art = store.article(store.article_ids()[0])
    assert (art.title, art.source, art.external_id) == ("Tiêu đề riêng", "https://baotinh.vn/bai-1", "bai-1")
    assert art.meta == {"province": "Bắc Kạn", "outlet": "Báo Bắc Kạn"}  # unknown fields kept
    [span] = store.spans(art.id)
    assert art.text[span.start : span.end] == "Nguyễn Văn Hòa"
    assert (span.label, span.origin, span.state, span.annotator) == (
        "OFFICIAL",
        "import",
        "proposed",
        "import",
    )


def test_dev_gold_round_trips_every_span_exactly(store):
    report = import_paths(store, [DEV_GOLD])
    gold = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines()]
    assert report.new == len(gold) and report.failed == 0
    by_ext = {store.article(i).external_id: i for i in store.article_ids()}
    for g in gold:
        aid = by_ext[g["id"]]
        text = store.article(aid).text
        want = sorted((g["text"][x["start"] : x["end"]], x["label"]) for x in g["spans"])
        got = sorted((text[x.start : x.end], x.label) for x in store.spans(aid))
        assert got == want, g["id"]


def test_nfd_jsonl_spans_land_on_the_same_characters(tmp_path, store):
    nfd = unicodedata.normalize("NFD", VIET)
    name = unicodedata.normalize("NFD", "Nguyễn Văn Hòa")
    s = nfd.index(name)
    f = write_jsonl(
        tmp_path / "nfd.jsonl",
        [{"text": nfd, "spans": [{"start": s, "end": s + len(name), "label": "OFFICIAL"}]}],
    )
    import_paths(store, [f])
    art = store.article(store.article_ids()[0])
    assert art.text == VIET
    assert art.import_info["original_text"] == nfd
    assert "NFC" in art.import_info["normalization"]
    [span] = store.spans(art.id)
    assert art.text[span.start : span.end] == "Nguyễn Văn Hòa"


def test_nfc_and_nfd_copies_are_one_article(tmp_path, store):
    (tmp_path / "nfc.txt").write_text(VIET, encoding="utf-8")
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", VIET), encoding="utf-8")
    report = import_paths(store, [tmp_path / "nfc.txt", tmp_path / "nfd.txt"])
    assert (report.new, report.duplicates) == (1, 1)


def test_bom_and_zero_width_are_removed(tmp_path, store):
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF8 + "Tỉnh\u200b ủy\u200d Bắc Kạn".encode())
    import_paths(store, [tmp_path / "a.txt"])
    assert _texts(store) == ["Tỉnh ủy Bắc Kạn"]


def test_csv_with_text_column(tmp_path, store):
    f = tmp_path / "a.csv"
    f.write_text(
        'id,title,text,outlet\n1,Bài một,"' + VIET + '\nDòng hai, có dấu phẩy",Báo A\n'
        '2,,"Bài hai không tiêu đề",Báo B\n',
        encoding="utf-8",
    )
    report = import_paths(store, [f])
    assert (report.new, report.failed) == (2, 0)
    arts = [store.article(i) for i in store.article_ids()]
    assert arts[0].title == "Bài một" and arts[0].text.endswith("Dòng hai, có dấu phẩy")
    assert arts[0].meta == {"outlet": "Báo A"} and arts[0].external_id == "1"
    assert arts[1].title == "Bài hai không tiêu đề"


def test_csv_without_text_column_fails_clearly(tmp_path, store):
    f = tmp_path / "a.csv"
    f.write_text("title,body\nA,B\n", encoding="utf-8")
    report = import_paths(store, [f])
    assert report.failed == 1
    assert report.messages == [f"error: {f}: no 'text' column (columns: title, body)"]


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("Windows-1258", to_cp1258(VIET)),
        (
            "TCVN3 (ABC)",
            "Phã BÝ th­ TØnh ñy NguyÔn V¨n Hßa ®Ò nghÞ Ban Tuyªn gi¸o c¸c cÊp "
            "tiÕp tôc thùc hiÖn ChØ thÞ sè 05-CT/TW.".encode("cp1252"),
        ),
        (
            "VNI",
            "Phoù Bí thö Tænh uûy Nguyeãn Vaên Hoøa ñeà nghò Ban Tuyeân giaùo caùc caáp "
            "tieáp tuïc thöïc hieän Chæ thò soá 05-CT/TW.".encode("cp1252"),
        ),
        ("UTF-16", VIET.encode("utf-16")),
    ],
)
def test_legacy_encodings_are_converted_and_reported(tmp_path, store, encoding, data):
    f = tmp_path / "legacy.txt"
    f.write_bytes(data)
    report = import_paths(store, [f])
    assert report.ok and report.new == 1
    assert report.conversions == {str(f): encoding}
    assert f"{f}: converted from {encoding} to Unicode" in report.messages
    text = store.article(store.article_ids()[0]).text
    assert text.startswith("Phó Bí th") and "Nguyễn V" in text and "Chỉ thị số 05-CT/TW" in text


def test_site_chrome_removed_and_kept_in_metadata(tmp_path, store):
    page = (
        BODY + "\nChia sẻ\nFacebook Twitter Zalo\nLượt xem: 1.234\nThu Trang\n"
        "Nguồn: Báo Nghệ An\nTrả lời\nEmail của bạn sẽ không được hiển thị công khai.\n"
        "Có thể bạn quan tâm\nTin khác một\nTin khác hai"
    )
    (tmp_path / "page.txt").write_text(page, encoding="utf-8")
    import_paths(store, [tmp_path / "page.txt"])
    art = store.article(store.article_ids()[0])
    # bylines and source lines are not chrome: they stay (the guidelines exclude them from spans)
    assert art.text == BODY + "\nThu Trang\nNguồn: Báo Nghệ An"
    assert art.import_info["removed_lines"][:3] == ["Chia sẻ", "Facebook Twitter Zalo", "Lượt xem: 1.234"]
    assert art.import_info["removed_lines"][-1] == "Tin khác hai"


def test_keep_boilerplate_flag(tmp_path, db_path):
    (tmp_path / "page.txt").write_text(BODY + "\nTrả lời\n", encoding="utf-8")
    r = run_cli("import", str(tmp_path / "page.txt"), "--db", str(db_path), "--keep-boilerplate")
    assert r.returncode == 0, r.stderr
    with Store(db_path) as s:
        assert _texts(s) == [BODY + "\nTrả lời"]


def test_body_line_mentioning_comments_is_kept(tmp_path, store):
    line = "Bình luận của đồng chí về kết quả thực hiện Nghị quyết được đánh giá cao."
    (tmp_path / "a.txt").write_text(BODY + "\n" + line, encoding="utf-8")
    import_paths(store, [tmp_path / "a.txt"])
    assert _texts(store)[0].endswith(line)


def test_reimport_is_a_noop_and_summary_line(tmp_path, db_path):
    f = write_jsonl(tmp_path / "a.jsonl", [{"text": BODY}, {"text": VIET}])
    first = run_cli("import", str(f), "--db", str(db_path))
    assert first.returncode == 0
    assert first.stdout.strip().splitlines()[-1] == f"2 new, 0 duplicates, 0 failed -> {db_path}"
    with Store(db_path) as s:
        aid = s.article_ids()[0]
        s.set_status(aid, "lan", "done")
    again = run_cli("import", str(f), "--db", str(db_path))
    assert again.stdout.strip().splitlines()[-1] == f"0 new, 2 duplicates, 0 failed -> {db_path}"
    with Store(db_path) as s:
        assert s.count_articles() == 2 and s.status(aid, "lan") == "done"
