"""doccano's JSONL (sequence labelling): ``{"text", "label": [[start, end, "LABEL"]]}``
or ``{"text", "entities": [{"start_offset", "end_offset", "label"}]}``; every other key
(doccano's ``id``, ``Comments``, your own columns) is kept as the article's metadata.
Offsets are Python string indices (code points)."""

from __future__ import annotations

from typing import Any

_OWN = {"text", "label", "labels", "entities", "relations", "id"}


def matches(obj: dict[str, Any]) -> bool:
    if "spans" in obj or not isinstance(obj.get("text"), str):
        return False
    label = obj.get("label", obj.get("labels"))
    if isinstance(label, list) and all(isinstance(x, list) for x in label) and label:
        return True
    entities = obj.get("entities")
    return isinstance(entities, list) and all(isinstance(x, dict) and "start_offset" in x for x in entities)


def to_record(obj: dict[str, Any]) -> dict[str, Any]:
    """The object in our own JSONL shape (text, id, meta, spans)."""
    spans: list[Any] = []
    label = obj.get("label", obj.get("labels"))
    if isinstance(label, list):
        for item in label:
            if isinstance(item, list) and len(item) == 3:
                spans.append({"start": item[0], "end": item[1], "label": item[2]})
            elif isinstance(item, str):
                continue  # a text-classification label, not a span
            else:
                spans.append(item)  # the importer names it as malformed
    for item in obj.get("entities") or []:
        if isinstance(item, dict):
            spans.append(
                {"start": item.get("start_offset"), "end": item.get("end_offset"), "label": item.get("label")}
            )
        else:
            spans.append(item)
    record: dict[str, Any] = {"text": obj["text"], "spans": spans}
    if obj.get("id") is not None:
        record["id"] = obj["id"]
    meta = {k: v for k, v in obj.items() if k not in _OWN}
    if meta:
        record["meta"] = meta
    return record
