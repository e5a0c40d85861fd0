"""Every message the window can show (status bar, message boxes) is reached by a test.

Runs last (file order). The messages are the string literals given to ``tr`` inside the
arguments of a status-bar message, a message box or a refusal; the test suite records
every string the interface asked to translate (``tests/conftest.py``). Only meaningful
after the whole suite: with ``-k``, ``-m`` or a subset of files it is skipped.
"""

from __future__ import annotations

import ast

import pytest

from .conftest import REACHED, ROOT

SHOWN_BY = {
    "emit",
    "showMessage",
    "setInformativeText",
    "_failed",
    "critical",
    "warning",
    "message",
    "information",
    "question",
    "QMessageBox",
}


def _messages() -> dict[str, str]:
    """message -> where it is in the source."""
    found: dict[str, str] = {}
    refusals = {"edits.py", "i18n.py"}  # every marked string there is a message
    files = sorted((ROOT / "annotator" / "ui").glob("*.py")) + [ROOT / "annotator" / "edits.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = (
                node.func.attr
                if isinstance(node.func, ast.Attribute)
                else node.func.id
                if isinstance(node.func, ast.Name)
                else ""
            )
            whole = path.name in refusals and name in ("QT_TR_NOOP", "tr")
            if name not in SHOWN_BY and not whole:
                continue
            calls = (
                [node]
                if whole
                else [
                    n
                    for arg in [*node.args, *[k.value for k in node.keywords]]
                    for n in ast.walk(arg)
                    if isinstance(n, ast.Call)
                ]
            )
            for call in calls:
                callee = (
                    call.func.attr
                    if isinstance(call.func, ast.Attribute)
                    else call.func.id
                    if isinstance(call.func, ast.Name)
                    else ""
                )
                if (
                    callee in ("tr", "QT_TR_NOOP")
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                ):
                    text = call.args[0].value
                    found.setdefault(text, f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def test_the_messages_are_found():
    messages = _messages()
    assert "Undone: %1" in messages and "All articles are done" in messages
    assert any(m.startswith("It would overlap the accepted") for m in messages)


def test_every_message_the_window_can_show_is_reached_by_a_test(request):
    session = request.session
    opts = request.config.option
    # (the default run deselects only the app-folder build, which shows no message)
    if opts.keyword or opts.markexpr not in ("", "not app_build") or session.testscollected < 300:
        pytest.skip("checked after a full run of the suite only")
    unreached = {m: where for m, where in _messages().items() if m not in REACHED}
    assert unreached == {}, "messages no test reaches:\n" + "\n".join(
        f"  {where}: {m}" for m, where in sorted(unreached.items(), key=lambda x: x[1])
    )
