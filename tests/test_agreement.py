"""Agreement figures, checked against values computed by hand.

The worked example: "Ông Nguyễn Văn A gặp Ban Tuyên giáo Tỉnh ủy." has 11 tokens
(Ông, Nguyễn, Văn, A, gặp, Ban, Tuyên, giáo, Tỉnh, ủy, .). Annotator a marks OFFICIAL
"Nguyễn Văn A" and ORGANIZATION "Ban Tuyên giáo Tỉnh ủy"; b marks the same OFFICIAL and
ORGANIZATION "Ban Tuyên giáo".

Entity tags  a: O B-OFF I-OFF I-OFF O B-ORG I-ORG I-ORG I-ORG I-ORG O
             b: O B-OFF I-OFF I-OFF O B-ORG I-ORG I-ORG O     O     O

- exact span F1: 1 match of 2 + 2 spans: 2*1/4 = 0.5 (OFFICIAL 1.0, ORGANIZATION 0.0)
- overlap span F1: both match: 1.0
- Cohen's kappa: observed 9/11; expected (3*5 + 1*1 + 2*2 + 1*1 + 4*2)/121 = 29/121;
  kappa = (99 - 29) / (121 - 29) = 70/92 = 0.76087
- Krippendorff's alpha (nominal): D_o = 4/22; marginals O 8, B-OFF 2, I-OFF 4, B-ORG 2,
  I-ORG 6 of 22, D_e = (484 - 124) / (22 * 21) = 360/462; alpha = 1 - (4/22)/(360/462)
  = 23/30 = 0.76667
- disagreement kinds: one boundary disagreement
"""

from __future__ import annotations

import json

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.agreement import (
    agreement,
    bio_tags,
    cohen_kappa,
    disagreement_kinds,
    krippendorff_alpha,
    span_counts,
)
from annotator.model import Span, Status
from annotator.nlp.tokens import Words
from annotator.store import NewArticle, Store
from annotator.text import article_id

from .conftest import run_cli

TEXT = "Ông Nguyễn Văn A gặp Ban Tuyên giáo Tỉnh ủy."
OFF = (4, 16, "OFFICIAL")
ORG_LONG = (21, 43, "ORGANIZATION")
ORG_SHORT = (21, 35, "ORGANIZATION")
A = [OFF, ORG_LONG]
B = [OFF, ORG_SHORT]
ENTITIES = ("OFFICIAL", "ORGANIZATION", "DIRECTIVE")


def test_worked_example_spans():
    assert TEXT[4:16] == "Nguyễn Văn A" and TEXT[21:43] == "Ban Tuyên giáo Tỉnh ủy"
    exact = span_counts(A, B, exact=True)
    assert (exact["OFFICIAL"].f1, exact["ORGANIZATION"].f1) == (1.0, 0.0)
    assert sum(c.matched for c in exact.values()) == 1
    overlap = span_counts(A, B, exact=False)
    assert all(c.f1 == 1.0 for c in overlap.values())


def test_worked_example_tags_kappa_and_alpha():
    words = Words.simple(TEXT)
    ta, tb = bio_tags(words, A, ENTITIES), bio_tags(words, B, ENTITIES)
    assert ta == [
        "O",
        "B-OFFICIAL",
        "I-OFFICIAL",
        "I-OFFICIAL",
        "O",
        "B-ORGANIZATION",
        "I-ORGANIZATION",
        "I-ORGANIZATION",
        "I-ORGANIZATION",
        "I-ORGANIZATION",
        "O",
    ]
    assert tb[8:] == ["O", "O", "O"]
    assert cohen_kappa(ta, tb) == pytest.approx(70 / 92)
    assert cohen_kappa(ta, tb) == pytest.approx(cohen_kappa_score(ta, tb))
    assert krippendorff_alpha([ta, tb]) == pytest.approx(23 / 30)


def test_kappa_matches_the_reference_implementation_on_random_tags():
    import random

    rng = random.Random(3)
    for _ in range(50):
        n = rng.randint(2, 60)
        x = [rng.choice("OBI") for _ in range(n)]
        y = [t if rng.random() < 0.7 else rng.choice("OBI") for t in x]
        if len(set(x) | set(y)) > 1:
            assert cohen_kappa(x, y) == pytest.approx(cohen_kappa_score(x, y))


def test_disagreement_kinds():
    assert disagreement_kinds(A, B) == {"boundary": 1}
    relabel = [(4, 16, "ORGANIZATION"), ORG_LONG]
    assert disagreement_kinds(A, relabel) == {"label": 1}
    assert disagreement_kinds(A, [OFF]) == {"only_one": 1}
    assert disagreement_kinds(A, A) == {}


def test_perfect_agreement_and_empty_layers():
    words = Words.simple(TEXT)
    t = bio_tags(words, A, ENTITIES)
    assert cohen_kappa(t, t) == 1.0 and krippendorff_alpha([t, t]) == 1.0
    empty = bio_tags(words, [], ("TASK",))
    assert cohen_kappa(empty, empty) == 1.0 and krippendorff_alpha([empty, empty]) == 1.0


def test_agreement_over_a_database_and_the_cli(db_path):
    other = "Bài khác: Đồng chí Lê Văn B dự."
    with Store(db_path) as s:
        for text in (TEXT, other):
            s.add_article(NewArticle(article_id(text), text[:10], text, "t", {}, {}))
        aid = article_id(TEXT)
        for name, spans in (("a", A), ("b", B)):
            for start, end, label in spans:
                s.add_span(aid, name, Span(start, end, label))
            s.set_status(aid, name, Status.DONE)
        # an article only one of them finished does not count
        s.add_span(article_id(other), "a", Span(19, 27, "OFFICIAL"))
        s.set_status(article_id(other), "a", Status.DONE)
        [pair] = agreement(s)
    assert (pair.a, pair.b, pair.articles) == ("a", "b", 1)
    r = run_cli("agreement", "--db", str(db_path), "--json")
    assert r.returncode == 0, r.stderr
    [got] = json.loads(r.stdout)["pairs"]
    assert got["span_f1_exact"]["overall"]["f1"] == 0.5
    assert got["span_f1_overlap"]["overall"]["f1"] == 1.0
    assert got["span_f1_exact"]["entity"]["f1"] == 0.5 and got["span_f1_exact"]["task"]["f1"] is None
    assert got["kappa"]["entity"] == pytest.approx(70 / 92, abs=1e-4)
    assert got["alpha"]["entity"] == pytest.approx(23 / 30, abs=1e-4)
    assert got["disagreements"] == {"label": 0, "boundary": 1, "only_one": 0}
    table = run_cli("agreement", "--db", str(db_path)).stdout
    assert "a ~ b" in table and "0.761" in table


def test_a_boundary_inside_a_token_still_counts():
    """ "Nghị định số 72/2013/NĐ-CP" against "Nghị định số 72/2013": the code is one token,
    but the shorter span leaves part of it out, so the tags must differ there."""
    from annotator.agreement import split_at

    text = "Thực hiện Nghị định số 72/2013/NĐ-CP của Chính phủ."
    start = text.index("Nghị")
    full = (start, text.index(" của"), "DIRECTIVE")
    short = (start, text.index("/NĐ"), "DIRECTIVE")
    words = split_at(Words.simple(text), [*full[:2], *short[:2]])
    ta, tb = bio_tags(words, [full], ["DIRECTIVE"]), bio_tags(words, [short], ["DIRECTIVE"])
    assert ta != tb and cohen_kappa(ta, tb) < 1.0
    assert "".join(text[s:e] for s, e in zip(words.starts, words.ends, strict=True)) == "".join(text.split())


def test_alpha_counted_article_by_article_equals_the_krippendorff_package():
    """The streamed alpha (pooled coincidences, added per article) against
    ``krippendorff.alpha`` on the whole sequences at once."""
    import random

    import krippendorff
    import numpy as np

    from annotator.agreement import TagAgreement

    rng = random.Random(11)
    tags = ["O", "B-OFFICIAL", "I-OFFICIAL", "B-TASK", "I-TASK"]
    for _ in range(40):
        articles = [
            [
                (t, t if rng.random() < 0.8 else rng.choice(tags))
                for t in rng.choices(tags, k=rng.randint(1, 30))
            ]
            for _ in range(rng.randint(1, 6))
        ]
        counted = TagAgreement()
        for art in articles:
            counted.add([a for a, _ in art], [b for _, b in art])
        xa = [a for art in articles for a, _ in art]
        xb = [b for art in articles for _, b in art]
        codes = {t: i for i, t in enumerate(tags)}
        if len(set(xa) | set(xb)) < 2:
            continue
        data = np.array([[codes[t] for t in xa], [codes[t] for t in xb]], dtype=float)
        reference = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert counted.alpha() == pytest.approx(reference)
        assert counted.kappa() == pytest.approx(cohen_kappa_score(xa, xb))
