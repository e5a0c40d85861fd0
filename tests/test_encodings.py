"""Each encoding a Vietnamese file may come in is read as the same Unicode text."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from annotator.encodings import BinaryError, UndecodableError, decode, vietnamese_score

from .conftest import to_cp1258

UNICODE = (
    "Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. "
    "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2022."
)
# The same sentence as legacy-font documents store it (bytes shown as CP1252 characters).
TCVN3 = (
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. "
    "Ban Tuyªn gi¸o TØnh ñy tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2022."
)
VNI = (
    "Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. "
    "Ban Tuyeân giaùo Tænh uûy toå chöùc hoäi nghò toång keát coâng taùc naêm 2022."
)


@pytest.mark.parametrize(
    "data, encoding",
    [
        (UNICODE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + UNICODE.encode("utf-8"), "utf-8-sig"),
        (UNICODE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + UNICODE.encode("utf-16-be"), "utf-16"),
        (to_cp1258(UNICODE), "cp1258"),
        (TCVN3.encode("cp1252"), "tcvn3"),
        (VNI.encode("cp1252"), "vni"),
    ],
)
def test_every_encoding_reads_as_the_same_text(data, encoding):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert unicodedata.normalize("NFC", decoded.text) == UNICODE


def test_tcvn3_mojibake_saved_as_utf8_is_converted():
    decoded = decode(TCVN3.encode("utf-8"))
    assert decoded.encoding == "tcvn3" and decoded.text == UNICODE


def test_report_names():
    assert decode(TCVN3.encode("cp1252")).display == "TCVN3 (ABC)"
    assert decode(to_cp1258(UNICODE)).display == "Windows-1258"
    assert not decode(UNICODE.encode("utf-8")).converted


def test_plain_ascii_is_utf8():
    assert decode(b"Hello world").encoding == "utf-8"


def test_binary_is_refused():
    with pytest.raises(BinaryError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))


def test_undecodable_bytes_are_refused_with_position():
    junk = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 20) + b" abc \xff\xfe\xfd"
    with pytest.raises(UndecodableError, match="offset 0"):
        decode(b"x" + junk[1:] if False else junk)


def test_vietnamese_score_tells_text_from_mojibake():
    assert vietnamese_score(UNICODE) == 1.0
    assert vietnamese_score(TCVN3) < 0.5


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(codec):
    """The issue's case: it was called "binary"."""
    from annotator.encodings import decode

    text = "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa dự hội nghị.\nĐồng chí đề nghị tiếp tục."
    decoded = decode(text.encode(codec))
    assert decoded.text == text and decoded.encoding == codec
    assert "no byte-order mark" in decoded.display


def test_real_binary_is_still_binary():
    from annotator.encodings import BinaryError, decode

    with pytest.raises(BinaryError):
        decode(bytes(range(256)) * 10)


UTF8_ARTICLE = (
    "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa dự hội nghị.\n"
    "Đồng chí đề nghị tiếp tục thực hiện Chỉ thị số 05.\n"
    "Ban Tuyên giáo Tỉnh ủy họp bàn công tác tuyên truyền."
)


def test_one_bad_byte_in_a_utf8_file_spoils_nothing_else():
    """The issue's case: the whole file, title included, became VNI mojibake."""
    data = UTF8_ARTICLE.encode("utf-8").replace("thực".encode(), b"th\xffc")
    decoded = decode(data)
    lines = decoded.text.split("\n")
    assert decoded.encoding == "utf-8"
    assert lines[0] == UTF8_ARTICLE.split("\n")[0] and lines[2] == UTF8_ARTICLE.split("\n")[2]
    assert lines[1] == "Đồng chí đề nghị tiếp tục th\ufffdc hiện Chỉ thị số 05."
    assert decoded.repairs == ((2, "not UTF-8 in a UTF-8 file: 1 invalid byte sequence(s) replaced by �"),)
    assert bytes.fromhex(decoded.original_lines[0][1]).endswith(b"05.")  # the bytes kept


def test_a_paragraph_in_a_legacy_encoding_is_converted_alone():
    legacy = "Ban Tuyên giáo Tỉnh ủy họp bàn công tác tuyên truyền."
    data = (UTF8_ARTICLE.split("\n")[0] + "\n").encode("utf-8") + to_cp1258(legacy)
    decoded = decode(data)
    assert decoded.text == UTF8_ARTICLE.split("\n")[0] + "\n" + legacy
    assert decoded.repairs == ((2, "not UTF-8 in a UTF-8 file: converted from Windows-1258"),)


def test_a_file_cut_in_the_middle_of_a_character_keeps_the_rest():
    data = UTF8_ARTICLE.encode("utf-8")
    cut = data[: data.rindex("ề".encode()) + 1]  # the first byte of "ề" only
    decoded = decode(cut)
    assert decoded.text.startswith(UTF8_ARTICLE.split("\n")[0])
    assert decoded.text.endswith("\ufffd") and decoded.repairs[0][0] == 3


def test_import_says_which_line_was_repaired_and_keeps_its_bytes(tmp_path, db_path):
    from annotator.store import Store

    from .conftest import run_cli

    f = tmp_path / "bai.txt"
    f.write_bytes(UTF8_ARTICLE.encode("utf-8").replace("thực".encode(), b"th\xffc"))
    r = run_cli("import", str(f), "--db", str(db_path))
    assert r.returncode == 0
    said = r.stdout + r.stderr
    assert f"{f}:2: not UTF-8 in a UTF-8 file: 1 invalid byte sequence(s) replaced" in said
    assert "converted from VNI" not in said
    with Store(db_path) as s:
        art = s.article(s.article_ids()[0])
    assert art.title == UTF8_ARTICLE.split("\n")[0]
    [repair] = art.import_info["repaired_lines"]
    assert repair["line"] == 2 and b"\xff" in bytes.fromhex(repair["original_hex"])


def test_a_converted_file_keeps_its_original_bytes(tmp_path, db_path):
    import base64

    from annotator.store import Store

    from .conftest import run_cli

    raw = to_cp1258(UTF8_ARTICLE)
    f = tmp_path / "cu.txt"
    f.write_bytes(raw)
    assert run_cli("import", str(f), "--db", str(db_path)).returncode == 0
    with Store(db_path) as s:
        info = s.article(s.article_ids()[0]).import_info
    assert info["encoding"] == "Windows-1258"
    assert base64.b64decode(info["original_bytes_base64"]) == raw


def test_a_disk_that_fails_at_open_is_said_in_words(tmp_path):
    import sqlite3

    from annotator.migrations import friendly

    err = friendly(sqlite3.OperationalError("disk I/O error"), tmp_path / "a.db")
    assert str(err) == (
        f"{tmp_path / 'a.db'}: cannot read or write the disk (is it full, or "
        "the drive gone?); nothing was changed"
    )
    assert err.kind == "full"


def test_paragraphs_from_two_legacy_fonts_are_each_converted_from_their_own():
    """A file pasted together from a TCVN3 and a VNI document."""
    data = (TCVN3 + "\n" + TCVN3 + "\n" + VNI).encode("cp1252")
    decoded = decode(data)
    assert decoded.text == "\n".join([UNICODE] * 3)
    assert decoded.encoding == "tcvn3"
    assert decoded.repairs == ((3, "converted from VNI (the rest of the file is TCVN3 (ABC))"),)
    assert decoded.original == data
