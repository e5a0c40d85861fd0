"""Text from other people's files is data: never markup in a widget, never a path, never
Markdown in the dataset card."""

from __future__ import annotations

from annotator.model import Span, SpanState, Status
from annotator.store import NewArticle, Store
from annotator.text import article_id

from .conftest import run_cli

HOSTILE = '<img src="file:///dev/zero"> **[x](http://e)**'


def _db_with_hostile_names(path):  # type: ignore[no-untyped-def]
    text = "Phó Bí thư Tỉnh uỷ Nguyễn Văn Hòa dự hội nghị."
    with Store(path) as s:
        s.add_article(NewArticle(article_id(text), HOSTILE, text, HOSTILE, {}, {}))
        aid = article_id(text)
        i = text.index("Nguyễn")
        s.add_span(aid, HOSTILE, Span(i, i + 14, "OFFICIAL", state=SpanState.ACCEPTED))
        s.set_status(aid, HOSTILE, Status.DONE)
    return aid


def test_the_dataset_card_shows_names_as_text(tmp_path):
    db = tmp_path / "c.db"
    _db_with_hostile_names(db)
    out = tmp_path / "out"
    r = run_cli("export", "--db", str(db), "--format", "jsonl", "--out", str(out))
    assert r.returncode == 0, r.stderr
    card = (out / "README.md").read_text(encoding="utf-8")
    import re

    assert not re.search(r"(?<!\\)<img", card) and "](http" not in card
    assert "**[" not in card
    assert '\\<img src="file:///dev/zero"\\>' in card


def test_brat_file_names_never_leave_the_export_folder():
    from annotator.export.brat import safe_file_name

    assert safe_file_name("../../X") == "______X"
    assert safe_file_name("a1b2c3") == "a1b2c3"
    assert safe_file_name("") == "article"


def test_titles_sources_and_origins_are_plain_text_in_tooltips_and_labels(qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from annotator.ui.app import create_window

    db = tmp_path / "w.db"
    _db_with_hostile_names(db)
    w = create_window(db, "lan")
    qtbot.addWidget(w)
    tip = w.articles.data(w.articles.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tip and "<img" not in tip
    assert w.progress_label.textFormat() == Qt.TextFormat.PlainText
    span = Span(0, 3, "OFFICIAL", origin=HOSTILE)
    from annotator.ui.safe import plain_tip

    assert "<img" not in plain_tip(w.view.describe(span))
