"""underthesea tokens map back to exact offsets: NFC, NFD and old tone placement alike."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.nlp.fold import Doc, canon_word, fold_key, skeleton
from annotator.nlp.segment import segment

WORDS = [
    "Tỉnh uỷ",
    "Tỉnh ủy",
    "hoà",
    "hòa",
    "Thuỷ",
    "khoẻ",
    "quý",
    "Nguyễn Văn Hoà",
    "Bắc Kạn",
    "đề nghị",
    "tiếp tục",
    "Chỉ thị số 05-CT/TW",
    "9.000",
    "“về”",
    "(BTV)",
    ";",
    ",",
    ".",
    "…",
    "./.",
    "Đảng",
    "xã hội",
    "  ",
    "\n",
    "\n\n",
    "giữ",
    "Quảng Trị",
    "1234/QĐ-UBND",
]


def test_tone_placement_variants_share_a_key():
    assert canon_word("uỷ") == canon_word("ủy") == "ủy"
    assert canon_word("hoà") == canon_word("hòa") == "hòa"
    assert canon_word("Nguyễn") == "Nguyễn" and canon_word("quý") == "quý"
    assert fold_key("Tỉnh Uỷ") == fold_key("tỉnh ủy")


def test_doc_maps_nfd_key_positions_back_to_the_original():
    original = unicodedata.normalize("NFD", "Phó Bí thư Tỉnh uỷ Nguyễn Văn Hoà")
    doc = Doc.of(original)
    assert doc.key == "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa"
    k = doc.key.index("Nguyễn")
    s, e = doc.span(k, k + len("Nguyễn Văn Hòa"))
    assert unicodedata.normalize("NFC", original[s:e]) == "Nguyễn Văn Hoà"
    assert e == len(original)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    st.booleans(),
    st.sampled_from([" ", " ", "\u00a0"]),
)
def test_property_tokens_are_exact_substrings(words, nfd, sep):
    text = sep.join(words)
    if nfd:
        text = unicodedata.normalize("NFD", text)
    doc = Doc.of(text)
    last_end = 0
    for sentence in segment(doc.key):
        for tok in sentence.tokens:
            s, e = doc.span(tok.start, tok.end)
            assert 0 <= s < e <= len(text) and s >= last_end
            last_end = e
            piece = text[s:e]
            assert not unicodedata.combining(piece[0])
            assert e == len(text) or not unicodedata.combining(text[e])
            # the original characters, folded, are the token the tokenizer saw
            assert skeleton(unicodedata.normalize("NFC", piece)) == skeleton(doc.key[tok.start : tok.end])


def test_a_sentence_never_ends_inside_a_web_address():
    from annotator.nlp.segment import sentence_ranges

    def sentences(key: str) -> list[str]:
        return [key[s:e] for s, e in sentence_ranges(key)]

    assert sentences("Nguồn: kontumtv.vn. Đồng chí Nguyễn Văn An phát biểu.") == [
        "Nguồn: kontumtv.vn.",
        "Đồng chí Nguyễn Văn An phát biểu.",
    ]
    assert sentences("Xem tại https://baochinhphu.vn/abc.htm. Tiếp theo là hội nghị.") == [
        "Xem tại https://baochinhphu.vn/abc.htm.",
        "Tiếp theo là hội nghị.",
    ]
    assert (
        sentences("Liên hệ ban@tuyengiao.vn để biết thêm. Xong.")[0]
        == "Liên hệ ban@tuyengiao.vn để biết thêm."
    )
    # a missing space after a full stop is still a sentence end
    assert sentences("Hội nghị kết thúc.Tiếp theo là phần khác.") == [
        "Hội nghị kết thúc.",
        "Tiếp theo là phần khác.",
    ]
