"""Use the installed wheel as a user would, from outside the checkout (run by .ci/run).

Every step runs the installed ``annotator`` command (or its library) and checks the exit
status and the output: version, import of a folder of articles, proposals for a database
and for a JSONL file, evaluate, a finished article exported, a model trained, and the app
started offscreen on a fresh data folder for a few seconds.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(sys.argv[1])  # the checkout, for its sample articles and test data only
BIN = Path(sys.executable).parent
WORK = Path.cwd()


def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess:
    print("$ annotator", " ".join(args), flush=True)
    r = subprocess.run(
        [str(BIN / "annotator"), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600
    )
    if ok and r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {r.stderr.strip()}")
    return r


def main() -> None:
    import annotator

    assert ROOT not in Path(annotator.__file__).parents, "the checkout was imported, not the wheel"
    assert run("--version").stdout.startswith("annotator")
    articles = WORK / "articles"
    shutil.copytree(ROOT / "resources" / "samples", articles)
    assert "new" in run("import", str(articles), "--db", "corpus.db").stdout
    run("propose", "--db", "corpus.db", "--workers", "1")
    one = WORK / "one.jsonl"
    one.write_text(
        json.dumps(
            {
                "id": "a",
                "text": "Phó Bí thư Tỉnh ủy Nguyễn Văn Hòa đề nghị "
                "các cấp ủy tiếp tục thực hiện Chỉ thị số 05-CT/TW.",
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    r = run("propose", str(one), "-o", "out.jsonl")
    labels = {s["label"] for s in json.loads(Path("out.jsonl").read_text(encoding="utf-8"))["spans"]}
    assert {"OFFICIAL", "ORGANIZATION", "DIRECTIVE", "TASK"} <= labels, labels
    assert "base model" in r.stderr, r.stderr
    assert (
        "entity micro"
        in run("evaluate", str(ROOT / "tests" / "data" / "dev_gold.jsonl"), "--no-model").stdout
    )
    # an annotator accepts the proposals of one article and finishes it; export it
    from annotator.model import SpanState, Status
    from annotator.store import Store

    with Store(WORK / "corpus.db") as s:
        aid = s.article_ids()[0]
        for span in s.spans(aid, "proposer"):
            s.add_span(aid, "lan", span.__class__(span.start, span.end, span.label, state=SpanState.ACCEPTED))
        s.set_status(aid, "lan", Status.DONE)
    run("export", "--db", "corpus.db", "--format", "jsonl", "--out", "export")
    exported = (WORK / "export" / "all.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(exported) == 1 and json.loads(exported[0])["spans"]
    # `annotator train` on a tiny gold file: its spans accepted by one annotator, every
    # article finished; the model it writes loads and proposes
    run("import", str(ROOT / "tests" / "data" / "dev_gold.jsonl"), "--db", "gold.db", "-q")
    with Store(WORK / "gold.db") as s:
        for aid in s.article_ids():
            for span in s.spans(aid, "import"):
                s.add_span(
                    aid, "lan", span.__class__(span.start, span.end, span.label, state=SpanState.ACCEPTED)
                )
            s.set_status(aid, "lan", Status.DONE)
    out = run("train", "--db", "gold.db", "--no-base", "--folds", "2", "--workers", "1").stdout
    assert "gold.db.crf" in out, out
    from annotator.learn.model import load_model

    model = load_model(WORK / "gold.db.crf")
    print("trained", model.id)
    r = run("propose", str(one), "-o", "trained.jsonl", "--model", str(WORK / "gold.db.crf"))
    assert model.id in r.stderr, r.stderr
    # the app, offscreen, on a fresh data folder: it starts, imports the sample articles
    # into a new database and stays up (the name it would ask for on a first start is set)
    Path(os.environ["ANNOTATOR_SETTINGS"]).write_text("[annotator]\nname=ci\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen([str(BIN / "annotator-gui")], env=env, stdin=subprocess.DEVNULL)
    time.sleep(12)
    if app.poll() is not None:
        sys.exit(f"the app exited early with {app.returncode}")
    app.terminate()
    app.wait(timeout=30)
    assert (Path(os.environ["ANNOTATOR_HOME"]) / "annotations.db").exists(), "no database"
    print("wheel smoke test: passed")


if __name__ == "__main__":
    main()
