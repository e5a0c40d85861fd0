"""Prodigy's JSONL (``db-out`` of a ``ner`` or ``spans`` dataset): ``{"text", "spans":
[{"start", "end", "label", "token_start", "token_end"}], "tokens", "answer", "meta",
"_input_hash", "_task_hash"}``. Accepted examples are imported; rejected and ignored
ones are left out and counted. Offsets are Python string indices (code points)."""

from __future__ import annotations

from typing import Any

from annotator.readers.base import ReadContext

_MARKS = ("answer", "_input_hash", "_task_hash", "_view_id")


def matches(obj: dict[str, Any]) -> bool:
    return isinstance(obj.get("text"), str) and any(k in obj for k in _MARKS)


def to_record(obj: dict[str, Any], ctx: ReadContext) -> dict[str, Any] | None:
    """The object in our own JSONL shape, or None for an answer that is not "accept"."""
    answer = obj.get("answer", "accept")
    if answer != "accept":
        ctx.count(f"Prodigy examples answered {answer!r} (left out)")
        return None
    spans = [
        {k: s.get(k) for k in ("start", "end", "label")} if isinstance(s, dict) else s
        for s in obj.get("spans") or []
    ]
    record: dict[str, Any] = {"text": obj["text"], "spans": spans}
    meta = dict(obj.get("meta") or {}) if isinstance(obj.get("meta"), dict) else {}
    for key in ("_input_hash", "_task_hash", "_annotator_id", "_session_id"):
        if key in obj:
            meta[key] = obj[key]
    if meta:
        record["meta"] = meta
    for key in ("id", "title", "url"):
        if key in obj:
            record[key] = obj[key]
    return record
