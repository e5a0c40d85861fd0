"""Label Studio's JSON export: a list of tasks, ``{"id", "data": {"text": ...},
"annotations": [{"result": [...], "was_cancelled"}], "predictions": [{"result": [...]}]}``,
each result of type ``labels`` holding ``value: {"start", "end", "labels": [L]}``.

The completed annotations are imported (the first one not cancelled; a task with several
is counted), or the predictions with ``--ls-source predictions``. Label Studio counts
offsets in UTF-16 units, as JavaScript does; they are turned into code points here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import ImportFailure
from annotator.readers.base import ReadContext, Reader, Source, convert_spans


def sniff(path: Path, head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")
    return path.suffix.lower() == ".json" and start.startswith("[") and '"data"' in head


def _text_of(data: dict[str, Any], results: list[Any]) -> tuple[str | None, str]:
    """The task's text and the data key it is under (the results' ``to_name`` names the
    object tag, whose value is usually the key itself)."""
    keys = [r.get("to_name") for r in results if isinstance(r, dict)] + ["text"]
    for key in keys:
        if isinstance(key, str) and isinstance(data.get(key), str):
            return data[key], key
    strings = [k for k, v in data.items() if isinstance(v, str)]
    if len(strings) == 1:
        return data[strings[0]], strings[0]
    return None, ""


def _results(task: dict[str, Any], prefer: str, where: str, ctx: ReadContext) -> list[Any]:
    if prefer == "predictions":
        preds = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        return list(preds[0].get("result") or []) if preds else []
    done = [
        a
        for a in task.get("annotations") or task.get("completions") or []
        if isinstance(a, dict) and not a.get("was_cancelled")
    ]
    if len(done) > 1:
        ctx.count("Label Studio tasks with several annotations (the first imported)")
    return list(done[0].get("result") or []) if done else []


def _task(task: Any, where: str, ctx: ReadContext) -> Source | ImportFailure:
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        return ImportFailure(where, "not a Label Studio task (no 'data' object)")
    results = _results(task, ctx.prefer, where, ctx)
    text, key = _text_of(task["data"], results)
    if text is None:
        return ImportFailure(where, "no text in the task's data")
    spans = []
    for r in results:
        value = r.get("value") if isinstance(r, dict) else None
        if not isinstance(value, dict) or "start" not in value:
            ctx.count("Label Studio results that are not text spans (not imported)")
            continue
        labels = value.get("labels") or value.get("hypertextlabels") or []
        if len(labels) != 1:
            ctx.warn(
                where,
                f"result at [{value.get('start')}, {value.get('end')})"
                f" has {len(labels)} labels; not imported",
            )
            continue
        spans.append({"start": value.get("start"), "end": value.get("end"), "label": labels[0]})
    meta = {k: v for k, v in task["data"].items() if k != key}
    if isinstance(task.get("meta"), dict) and task["meta"]:
        meta["label_studio_meta"] = task["meta"]
    ext = task["data"].get("id", task.get("id"))
    return Source(
        where,
        text,
        title=meta.pop("title", None) if isinstance(meta.get("title"), str) else None,
        meta=meta,
        external_id=None if ext is None else str(ext),
        spans=tuple(convert_spans(text, spans, ctx.offsets or "utf16")),
    )


def read(path: Path, ctx: ReadContext) -> Iterator[Source | ImportFailure]:
    try:
        tasks = json.loads(ctx.read_text(path))
    except json.JSONDecodeError as exc:
        raise ImportFailure(str(path), f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise ImportFailure(str(path), "JSON nested too deeply") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise ImportFailure(str(path), "not a Label Studio export (expected a list of tasks)")
    for n, task in enumerate(tasks, start=1):
        yield _task(task, f"{path}: task {n}", ctx)


READER = Reader("labelstudio", "Label Studio JSON", (".json",), sniff, read)
