"""``spacy``: a ``SPLIT.spacy`` DocBin per split, for ``spacy train``.

Each Doc is built from our own syllable tokens (no spaCy tokenizer, so no Vietnamese
language data or pyvi is needed): ``doc.text`` is the article text exactly, entities are
``doc.ents`` and tasks ``doc.spans["task"]``, sentence starts are set, and
``doc.user_data`` holds the article id and title. Tokens are cut at every span boundary,
and every span is placed with ``doc.char_span``: a span that does not align is an error
naming the article and span, never silently dropped.

spaCy is an optional dependency: ``pip install 'vn-entity-annotator[spacy]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from annotator.errors import UserError
from annotator.export.base import Context, ExportArticle
from annotator.export.tokens import Tokenized, tokenize
from annotator.model import SpanKey, layer_of_label

SPAN_KEY = "task"
INSTALL = "pip install 'vn-entity-annotator[spacy]'"


def require_spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise UserError(f"the spacy format needs spaCy, which is not installed: {INSTALL}") from None
    return spacy


def words_and_spaces(text: str, tok: Tokenized) -> tuple[list[str], list[bool], list[bool | int | None]]:
    """spaCy's view of the tokens: words, trailing-space flags and sentence starts.

    White space other than one space after a token becomes a token of its own (spaCy's
    convention), so the Doc's text is the article text character for character.
    """
    words: list[str] = []
    spaces: list[bool] = []
    sents: list[bool | int | None] = []

    def gap(piece: str) -> None:
        if not piece:
            return
        if words and piece.startswith(" ") and not spaces[-1]:
            spaces[-1] = True
            piece = piece[1:]
        if piece:
            words.append(piece)
            spaces.append(False)
            sents.append(False if words[:-1] else True)

    pos = 0
    for s, e, first in zip(tok.starts, tok.ends, tok.sentence_start, strict=True):
        gap(text[pos:s])
        words.append(text[s:e])
        spaces.append(False)
        sents.append(True if first or len(words) == 1 else False)
        pos = e
    gap(text[pos:])
    return words, spaces, sents


def to_doc(vocab: Any, article_id: str, title: str, text: str, spans: Sequence[SpanKey]) -> Any:
    """A spaCy Doc of one article; raises :class:`UserError` if a span does not align."""
    from spacy.tokens import Doc

    tok = tokenize(text, spans, "syllable")
    words, spaces, sents = words_and_spaces(text, tok)
    doc = Doc(vocab, words=words, spaces=spaces, sent_starts=sents)
    if doc.text != text:
        raise UserError(f"article {article_id}: spaCy's Doc does not reproduce the text")
    ents: list[Any] = []
    tasks: list[Any] = []
    for s, e, label in spans:
        span = doc.char_span(s, e, label=label, alignment_mode="strict")
        if span is None:
            raise UserError(
                f"article {article_id} ({title[:50]!r}): span {label} [{s}, {e}) "
                f"{text[s:e]!r} does not align with spaCy tokens"
            )
        (tasks if layer_of_label(label) == "task" else ents).append(span)
    doc.ents = ents
    doc.spans[SPAN_KEY] = tasks
    doc.user_data["id"] = article_id
    doc.user_data["title"] = title
    return doc


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    require_spacy()
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    vocab = Vocab()
    docbin = DocBin(attrs=["ORTH", "SPACY", "SENT_START", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for article in articles:
        e = article.entry
        docbin.add(to_doc(vocab, e.id, e.title, article.text, e.spans))
        ctx.tick()
    name = f"{split}.spacy"
    (ctx.folder / name).write_bytes(docbin.to_bytes())
    return [name]


def finish(ctx: Context) -> list[str]:
    return []
