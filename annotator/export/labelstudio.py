"""``labelstudio``: Label Studio tasks with their annotations, importable into a project
whose labelling config is ``label_config.xml`` (written beside them).

``SPLIT.labelstudio.json`` is a list of ``{"data": {"text", "id", "title", ...},
"annotations": [{"result": [{"from_name": "label", "to_name": "text", "type": "labels",
"value": {"start", "end", "text", "labels": [L]}}]}]}``. Label Studio counts offsets in
UTF-16 units, as JavaScript does; they are written so (the same numbers as code points
for text without characters beyond the BMP, such as emoji).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.export.base import Context, ExportArticle, open_text
from annotator.model import label_defs
from annotator.text import unit_offsets


def task(article: ExportArticle, number: int) -> dict[str, Any]:
    """The article as task ``number`` of the file (Label Studio's own exports number
    their tasks; its converter needs the ``id``)."""
    e, text = article.entry, article.text
    units = unit_offsets(text, "utf16")
    result = [
        {
            "id": f"s{n}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": units[s], "end": units[t], "text": text[s:t], "labels": [label]},
        }
        for n, (s, t, label) in enumerate(e.spans, start=1)
    ]
    data = {k: v for k, v in article.meta.items() if k not in ("text", "id", "title")}
    data.update(text=text, id=e.id, title=e.title)
    return {
        "id": number,
        "data": data,
        "annotations": [{"id": number, "result": result, "was_cancelled": False}],
    }


def write(ctx: Context, split: str, articles: Iterable[ExportArticle]) -> list[str]:
    name = f"{split}.labelstudio.json"
    with open_text(ctx.folder / name) as fh:
        fh.write("[\n")
        for n, article in enumerate(articles):
            fh.write(("" if n == 0 else ",\n") + json.dumps(task(article, n + 1), ensure_ascii=False))
            ctx.tick()
        fh.write("\n]\n")
    return [name]


def config() -> str:
    """The labelling config of a Label Studio project for these labels."""
    labels = "\n".join(
        f"    <Label value={quoteattr(d.name)} background={quoteattr(d.color)}/>" for d in label_defs()
    )
    return (
        "<View>\n"
        '  <Labels name="label" toName="text">\n'
        f"{labels}\n"
        "  </Labels>\n"
        '  <Text name="text" value="$text"/>\n'
        "</View>\n"
    )


def finish(ctx: Context) -> list[str]:
    with open_text(ctx.folder / "label_config.xml") as fh:
        fh.write(config())
    return ["label_config.xml"]
