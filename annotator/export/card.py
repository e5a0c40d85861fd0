"""The dataset card: a ``README.md`` written next to the exported data.

It says what the data is and how it was made: format, layer, counts per label and
split, annotators and adjudicators, articles left out and why, agreement figures where
two annotators finished the same articles, the tool and guidelines versions, and how to
load the files. It contains no clock time, so the same database and options give a
byte-identical card: its date is that of the newest change in the exported data.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator import __version__
from annotator.layers import Entry
from annotator.model import label_defs
from annotator.resources import load_json, resource_path

LAYER_MEANING = {
    "gold": "accepted spans of the gold layer, on the articles a reviewer approved",
    "accepted": "accepted spans of the human annotators, on the articles they marked done "
    "(articles where annotators who finished them disagree are left out)",
}

LOADING = {
    "jsonl": "One article per line: `id`, `title`, `text`, `spans` (`start`, `end`, `label`, "
    "`text`; offsets are Python string indices into `text`), `meta` (where the work comes "
    "from) and `imported_meta` (what the article was imported with).\n"
    "`annotator import SPLIT.jsonl` reads it back with the same spans.",
    "conll": "CoNLL-2003 style: `TOKEN ENTITY-TAG TASK-TAG` per line (BIO), a blank line "
    "after each sentence, `-DOCSTART- O O` before each article. Word-level tokens "
    "join syllables with `_` (VLSP style). Beside each, `SPLIT.LEVEL.entities.conll` and "
    "`SPLIT.LEVEL.tasks.conll` hold one tag column each (`TOKEN<TAB>TAG`, no `-DOCSTART-`), "
    "for `spacy convert -c ner`, doccano and INCEpTION's CoNLL 2002 reader.",
    "spacy": 'spaCy DocBin files: entities in `doc.ents`, tasks in `doc.spans["task"]`, '
    "article id and title in `doc.user_data`.\n\n"
    "```python\nimport spacy\nfrom spacy.tokens import DocBin\n"
    'docs = list(DocBin().from_disk("train.spacy").get_docs(spacy.blank("xx").vocab))\n'
    "```",
    "brat": "brat standoff: `SPLIT/ID.txt` and `SPLIT/ID.ann` (`T` lines, character "
    "offsets into the `.txt`); `annotation.conf` and `visual.conf` at the top.",
    "doccano": "doccano sequence labelling: `SPLIT.doccano.jsonl`, one article per line, "
    "`text` and `label` (`[[start, end, LABEL]]`, code points). Tasks contain entities: "
    "turn on *Allow overlapping spans* in the doccano project.",
    "labelstudio": "Label Studio: `SPLIT.labelstudio.json`, tasks with their annotations "
    "(offsets in UTF-16 units, as Label Studio counts); create the project with "
    "`label_config.xml`, then import the tasks.",
    "prodigy": "Prodigy: `SPLIT.prodigy.jsonl` (entities, for a `ner` dataset) and "
    "`SPLIT.prodigy.tasks.jsonl` (tasks, for a `spans` dataset), accepted examples with "
    "`tokens` and `spans`: `prodigy db-in DATASET SPLIT.prodigy.jsonl`.",
    "hf": "One sentence per line: `tokens`, integer BIO `ner_tags` (entities) and "
    "`task_tags` (tasks); the label lists are in `labels.json`.\n\n"
    "```python\nimport json\nfrom datasets import ClassLabel, Features, Sequence, Value, "
    'load_dataset\nnames = json.load(open("labels.json"))\n'
    'features = Features({"id": Value("string"), "article_id": Value("string"),\n'
    '    "tokens": Sequence(Value("string")),\n'
    '    "ner_tags": Sequence(ClassLabel(names=names["ner_tags"])),\n'
    '    "task_tags": Sequence(ClassLabel(names=names["task_tags"]))})\n'
    'ds = load_dataset("json", data_files={SPLIT: f"{SPLIT}.jsonl" for SPLIT in '
    "SPLITS}, features=features)\n```",
}


def guidelines_version() -> str:
    """The guidelines the labels follow: a digest of GUIDELINES.md and labels.json's version.

    The guidelines carry no version number of their own, so the digest identifies the
    exact text; any edit to them changes it.
    """
    digest = hashlib.sha256(resource_path("GUIDELINES.md").read_bytes()).hexdigest()[:12]
    return f"GUIDELINES.md sha256 {digest}, labels.json version {load_json('labels.json')['version']}"


@dataclass
class Tally:
    """What the card counts about the exported articles, added up as they are written."""

    articles: Counter  # split -> articles
    labels: dict[str, Counter]  # split -> label -> spans
    annotators: Counter = field(default_factory=Counter)  # name -> articles
    adjudicators: Counter = field(default_factory=Counter)
    newest: str | None = None  # newest change of the exported spans and statuses

    @classmethod
    def of(cls, splits: Iterable[str]) -> Tally:
        names = list(splits)
        return cls(Counter(dict.fromkeys(names, 0)), {name: Counter() for name in names})

    def add(self, split: str, entry: Entry) -> None:
        self.articles[split] += 1
        self.labels[split].update(label for _s, _e, label in entry.spans)
        self.annotators.update(entry.annotators)
        self.adjudicators.update(entry.adjudicators)
        if entry.last_change and (self.newest is None or entry.last_change > self.newest):
            self.newest = entry.last_change

    def spans(self) -> int:
        return sum(sum(c.values()) for c in self.labels.values())


@dataclass
class CardData:
    database: str
    format: str
    levels: tuple[str, ...]
    layer: str
    shares: dict[str, float]
    seed: int
    tally: Tally
    left_out: dict[str, str] = field(default_factory=dict)
    near_duplicates: list[list[str]] = field(default_factory=list)  # groups of 2 or more
    agreement: list[dict[str, Any]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def render(d: CardData) -> str:
    labels = [x.name for x in label_defs()]
    t = d.tally
    articles = sum(t.articles.values())
    newest = t.newest or "unknown"
    meaning = LAYER_MEANING.get(d.layer) or (
        f"accepted spans of {d.layer.split(':', 1)[1]}, on the articles they marked done"
    )
    split_line = ", ".join(f"{k}={v:g}" for k, v in d.shares.items())
    fmt = d.format + (f" ({', '.join(d.levels)} level)" if d.format in ("conll", "hf") else "")
    out = [
        f"# Dataset card: {d.database}",
        "",
        "Officials, organizations, directives and tasks in Vietnamese political news.",
        "",
        "| | |",
        "|---|---|",
        f"| format | {fmt} |",
        f"| layer | `{d.layer}`: {meaning} |",
        f"| articles | {articles} |",
        f"| spans | {t.spans()} |",
        f"| splits | {split_line} (by article, seed {d.seed}; near-duplicates in one split) |",
        f"| data as of | {newest} (newest change of the exported spans and statuses) |",
        f"| tool | vn-entity-annotator {__version__} |",
        f"| guidelines | {guidelines_version()} |",
        "",
        "## Counts",
        "",
        "| split | articles | " + " | ".join(labels) + " | spans |",
        "|---|---:|" + "---:|" * len(labels) + "---:|",
    ]
    total: Counter = Counter()
    for name, c in t.labels.items():
        total.update(c)
        out.append(
            f"| {name} | {t.articles[name]} | "
            + " | ".join(str(c[x]) for x in labels)
            + f" | {sum(c.values())} |"
        )
    if len(t.labels) > 1:
        out.append(
            f"| **total** | {articles} | "
            + " | ".join(str(total[x]) for x in labels)
            + f" | {sum(total.values())} |"
        )
    annotators, adjudicators = t.annotators, t.adjudicators
    out += ["", "## Annotators", ""]
    if annotators:
        out += [f"- {_md(name)}: {n} articles" for name, n in sorted(annotators.items())]
    else:
        out.append("- none recorded (no annotator marked these articles done)")
    if adjudicators:
        out += [
            "",
            "Adjudicated (gold spans decided) by: "
            + ", ".join(f"{_md(name)} ({n} articles)" for name, n in sorted(adjudicators.items())),
        ]
    if d.near_duplicates:
        out += [
            "",
            "## Near-duplicates",
            "",
            f"{len(d.near_duplicates)} groups of near-duplicate articles "
            f"({sum(len(g) for g in d.near_duplicates)} articles; the same story on several "
            "sites), each kept whole in one split.",
        ]
    if d.left_out:
        out += ["", "## Left out", "", f"{len(d.left_out)} articles were left out:", ""]
        out += [f"- {_md(aid)}: {_md(why)}" for aid, why in sorted(d.left_out.items())]
    out += ["", "## Agreement", ""]
    if d.agreement:
        out += [
            "Inter-annotator agreement over the articles both annotators finished (`annotator agreement`):",
            "",
            "| pair | articles | F1 exact | F1 overlap | kappa | alpha |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for p in d.agreement:
            out.append(
                f"| {_md(p['a'])} ~ {_md(p['b'])} | {p['articles']} | "
                f"{_f(p['span_f1_exact'].get('overall', {}).get('f1'))} | "
                f"{_f(p['span_f1_overlap'].get('overall', {}).get('f1'))} | "
                f"{_f(p['kappa'].get('overall'))} | {_f(p['alpha'].get('overall'))} |"
            )
    else:
        out.append("No figures: no two annotators finished the same article.")
    out += ["", "## Labels", ""]
    out += [f"- `{x.name}` ({x.layer}): {x.description['en']}" for x in label_defs()]
    out += ["", "## Files", "", LOADING[d.format].replace("SPLITS", repr(list(t.labels))), ""]
    out += [f"- `{name}`" for name in d.files]
    return "\n".join(out) + "\n"


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")


def _md(text: object) -> str:
    """Text from people's files (names, ids) as Markdown that shows it literally: one line,
    every Markdown and HTML character escaped (no links, images or tags)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(text).split()))
