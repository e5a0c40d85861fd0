"""Text normalization keeps every offset exact: NFC/NFD, invisible characters, line breaks."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.boilerplate import remove_boilerplate
from annotator.text import article_id, delete_lines, first_line, normalize, strip_blank_edges

from .conftest import VIET


def test_nfc_text_is_returned_unchanged():
    n = normalize(VIET)
    assert n.text == VIET and not n.changed


def test_nfd_becomes_nfc_and_spans_follow():
    nfd = unicodedata.normalize("NFD", VIET)
    assert len(nfd) > len(VIET)
    n = normalize(nfd)
    assert n.text == VIET
    assert "NFC" in n.changes
    name = "Nguyễn Văn Hòa"
    s = nfd.index(unicodedata.normalize("NFD", name))
    e = s + len(unicodedata.normalize("NFD", name))
    assert n.text[n.offsets.start(s) : n.offsets.end(e)] == name


def test_tone_placement_is_kept_as_written():
    # "uỷ" (old placement) and "ủy" (new) are both NFC; the stored text keeps what was written.
    assert normalize("Tỉnh uỷ và Tỉnh ủy").text == "Tỉnh uỷ và Tỉnh ủy"


def test_invisible_characters_and_crlf_removed_with_exact_offsets():
    raw = "\ufeffBan\u200b Tuyên giáo\r\nTỉnh ủy\u00ad Bắc Kạn\rhết"
    n = normalize(raw)
    assert n.text == "Ban Tuyên giáo\nTỉnh ủy Bắc Kạn\nhết"
    s = raw.index("Tỉnh")
    e = raw.index("Kạn") + 3
    assert n.text[n.offsets.start(s) : n.offsets.end(e)] == "Tỉnh ủy Bắc Kạn"


def test_offset_inside_a_combining_sequence_snaps_outward():
    nfd = unicodedata.normalize("NFD", "Hòa")  # H o ̀ a
    n = normalize(nfd)
    # an end between "o" and its grave accent snaps after the composed "ò"
    assert n.offsets.end(2) == 2 and n.offsets.start(2) == 1


def test_delete_lines_maps_kept_lines_linearly():
    text = "một\nhai ba\nbốn\nnăm"
    out, m = delete_lines(text, {1})
    assert out == "một\nbốn\nnăm"
    s = text.index("bốn")
    assert out[m.start(s) : m.end(s + 3)] == "bốn"
    assert out[m.start(text.index("ộ")) : m.end(text.index("ộ") + 1)] == "ộ"


def test_deleting_last_line_leaves_no_dangling_break():
    out, _ = delete_lines("a\nb\nTrả lời", {2})
    assert out == "a\nb"


def test_strip_blank_edges():
    out, m = strip_blank_edges("\n\n  Tiêu đề\nthân bài  \n")
    assert out == "Tiêu đề\nthân bài"
    assert m.start(4) == 0


def test_article_id_is_stable_and_content_based():
    assert article_id(VIET) == article_id(str(VIET))
    assert len(article_id(VIET)) == 24
    assert article_id(VIET) != article_id(VIET + " ")


def test_first_line_skips_blank_lines_and_truncates():
    assert first_line("\n\n  Tiêu đề  \nthân") == "Tiêu đề"
    assert len(first_line("x" * 500)) == 200


WORDS = [
    "Tỉnh uỷ",
    "Hòa",
    "Nguyễn",
    "đề nghị",
    "Chỉ thị",
    "05-CT/TW",
    "Trả lời",
    "Lượt xem: 12",
    "\u200b",
    "\r\n",
    "\n",
    " ",
    ";",
    "Bắc Kạn",
    "quán triệt",
    "Đảng",
]


@st.composite
def texts_with_spans(draw):
    pieces = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
    nfd = draw(st.booleans())
    pieces = [unicodedata.normalize("NFD", p) if nfd else p for p in pieces]
    # spans are whole pieces, so their text is well defined in both forms
    bounds, pos = [], 0
    for p in pieces:
        bounds.append((pos, pos + len(p)))
        pos += len(p)
    idx = draw(st.lists(st.integers(0, len(pieces) - 1), max_size=5, unique=True))
    return "".join(pieces), [bounds[i] for i in idx]


def _visible(s: str) -> str:
    return normalize(s).text.strip()


@settings(max_examples=300, deadline=None)
@given(texts_with_spans())
def test_property_spans_survive_normalization_and_chrome_removal(case):
    raw, spans = case
    n = normalize(raw)
    assert unicodedata.is_normalized("NFC", n.text)
    text, chrome, _ = remove_boilerplate(n.text)
    text, edges = strip_blank_edges(text)
    m = n.offsets.then(chrome).then(edges)
    for s, e in spans:
        want = _visible(raw[s:e])
        a, b = m.start(s), m.end(e)
        assert 0 <= a <= b <= len(text)
        got = text[a:b].strip()
        # A piece either survives exactly or was dropped with its chrome line.
        if want:
            assert got in (want, "")
        if a < len(text):
            assert not unicodedata.combining(text[a])
