"""``brat``: a ``.txt`` and a ``.ann`` per article, and ``annotation.conf``.

Files: ``SPLIT/ARTICLE_ID.txt`` (the text exactly, UTF-8, ``\\n`` line ends) and
``SPLIT/ARTICLE_ID.ann`` with one text-bound annotation per span:
``T1<TAB>OFFICIAL 10 24<TAB>Nguyễn Văn Hòa``. Offsets are character offsets into the
``.txt``, as brat counts them. A span that crosses a line break is written as fragments
(``0 5;6 9``), as brat requires. ``annotation.conf`` and ``visual.conf`` sit at the top;
brat looks for them in the parent folders.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from annotator.export.base import Context, ExportArticle, open_text
from annotator.export.tokens import trim
from annotator.model import label_defs

_LINE = re.compile(r"[^\n]+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span's pieces between line breaks, trimmed of white space."""
    out = []
    for m in _LINE.finditer(text, start, end):
        s, e = trim(text, m.start(), m.end())
        if s < e:
            out.append((s, e))
    return out


def ann(article: ExportArticle) -> str:
    text = article.text
    lines = []
    for n, (s, e, label) in enumerate(article.entry.spans, start=1):
        parts = fragments(text, s, e)
        where = ";".join(f"{a} {b}" for a, b in parts)
        shown = " ".join(text[a:b] for a, b in parts)
        lines.append(f"T{n}\t{label} {where}\t{shown}\n")
    return "".join(lines)


def safe_file_name(article_id: str) -> str:
    """A file name from an article id: letters, digits, "-" and "_" only, so an id can
    never point outside the export folder (ids are content hashes; this holds whatever a
    file says)."""
    return re.sub(r"[^0-9A-Za-z_-]", "_", article_id)[:80] or "article"


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    folder = ctx.folder / split
    folder.mkdir(exist_ok=True)
    names = []
    for article in articles:
        base = safe_file_name(article.entry.id)
        with open_text(folder / f"{base}.txt") as fh:
            fh.write(article.text)
        with open_text(folder / f"{base}.ann") as fh:
            fh.write(ann(article))
        names += [f"{split}/{base}.txt", f"{split}/{base}.ann"]
        ctx.tick()
    return names


def annotation_conf() -> str:
    entities = [d.name for d in label_defs() if d.layer == "entity"]
    tasks = [d.name for d in label_defs() if d.layer == "task"]
    ent, task = "|".join(entities), "|".join(tasks)
    return (
        "# Labels of the annotation guidelines. Entities never overlap each other;\n"
        "# a task may contain (or cross) entities.\n"
        "[entities]\n" + "".join(f"{n}\n" for n in entities + tasks) + "\n[relations]\n"
        f"<OVERLAP>\tArg1:{task}, Arg2:{ent}, <OVL-TYPE>:<ANY>\n"
        f"<OVERLAP>\tArg1:{ent}, Arg2:{task}, <OVL-TYPE>:<ANY>\n"
        "\n[events]\n\n[attributes]\n"
    )


def visual_conf() -> str:
    return (
        "[labels]\n"
        + "".join(f"{d.name} | {d.title['en']}\n" for d in label_defs())
        + "\n[drawing]\n"
        + "".join(f"{d.name}\tbgColor:{d.color}\n" for d in label_defs())
    )


def finish(ctx: Context) -> list[str]:
    for name, content in (("annotation.conf", annotation_conf()), ("visual.conf", visual_conf())):
        with open_text(ctx.folder / name) as fh:
            fh.write(content)
    return ["annotation.conf", "visual.conf"]
