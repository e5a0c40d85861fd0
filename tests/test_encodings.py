"""Each encoding a Vietnamese file may come in is read as the same Unicode text."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from annotator.encodings import BinaryError, UndecodableError, decode, vietnamese_score

from .conftest import to_cp1258

UNICODE = ("Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc. "
           "Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị tổng kết công tác năm 2022.")
# The same sentence as legacy-font documents store it (bytes shown as CP1252 characters).
TCVN3 = ("Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. "
         "Ban Tuyªn gi¸o TØnh ñy tæ chøc héi nghÞ tæng kÕt c«ng t¸c n¨m 2022.")
VNI = ("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. "
       "Ban Tuyeân giaùo Tænh uûy toå chöùc hoäi nghò toång keát coâng taùc naêm 2022.")


@pytest.mark.parametrize("data, encoding", [
    (UNICODE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + UNICODE.encode("utf-8"), "utf-8-sig"),
    (UNICODE.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + UNICODE.encode("utf-16-be"), "utf-16"),
    (to_cp1258(UNICODE), "cp1258"),
    (TCVN3.encode("cp1252"), "tcvn3"),
    (VNI.encode("cp1252"), "vni"),
])
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
