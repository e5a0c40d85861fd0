"""Training data, training, cross-validation and the learning curve. Qt-free.

Training data from a database: the gold layer's accepted spans on the articles a
reviewer approved, plus, for articles without approved gold, the human annotators'
accepted spans on the articles they marked done (an article two annotators finished
differently is left out until it is reviewed, as in the export). From a file: the
``spans`` of a gold JSONL file.

Each article is analysed once (:class:`Prepared`): features do not depend on the
training set, so cross-validation and the learning curve train many models on the same
features.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

from annotator.errors import UserError
from annotator.learn.combine import combine
from annotator.learn.features import (
    ENTITY_LABELS,
    FEATURE_VERSION,
    Sequence,
    bio_tags,
)
from annotator.learn.model import (
    FORMAT,
    TASK_ITERATIONS,
    EntityModel,
    from_trained,
    model_path_for,
    train_tagger,
)
from annotator.learn.propose import features_of
from annotator.model import SpanKey
from annotator.proposals.analysis import Analysis, Candidate, analyse
from annotator.proposals.evaluate import TASK_LABEL, Report, evaluate

MODES = ("rules", "model", "combined")


@dataclass(frozen=True)
class TrainDoc:
    """An article with its gold spans (original offsets, any label)."""

    id: str
    text: str
    spans: tuple[SpanKey, ...]


@dataclass
class Prepared:
    """An analysed article: feature sequences with gold tags; the rules' proposals and
    the full analysis are computed when first asked for (cross-validation only).

    ``task_sequences``/``task_tags``: the TASK tagger's features and gold tags, for the
    articles it is trained or scored on (they need underthesea's analysis); empty for the
    others.
    """

    doc: TrainDoc
    sequences: list[Sequence]
    tags: list[list[str]]
    misaligned: int = 0  # gold entities whose ends are not token boundaries (not learned)
    _a: Analysis | None = None
    _rules: list[Candidate] | None = None
    task_sequences: list[Sequence] = field(default_factory=list)
    task_tags: list[list[str]] = field(default_factory=list)

    @property
    def a(self) -> Analysis:
        """The analysis the proposal pipeline makes (with underthesea's words)."""
        if self._a is None:
            self._a = analyse(self.doc.text)
        return self._a

    @property
    def rules(self) -> list[Candidate]:
        """The full rule pipeline (with underthesea's NER and tasks), key offsets."""
        if self._rules is None:
            from annotator.proposals import propose_analysis

            self._rules = propose_analysis(self.a, use_ner=True)
        return self._rules


def _key_maps(a: Analysis) -> tuple[dict[int, int], dict[int, int]] | None:
    """Original offset -> key offset, for span starts and ends (None: the text is NFC and
    offsets are the same)."""
    if a.doc.nfc:
        return None
    return (
        {a.doc.start(k): k for k in range(len(a.key) - 1, -1, -1)},
        {a.doc.end(k): k for k in range(1, len(a.key) + 1)},
    )


def _to_key(
    maps: tuple[dict[int, int], dict[int, int]] | None, start: int, end: int
) -> tuple[int, int] | None:
    if maps is None:
        return start, end
    starts, ends = maps
    if start in starts and end in ends:
        return starts[start], ends[end]
    return None


def _interned(sequences: list[Sequence]) -> list[Sequence]:
    return [Sequence(seq.tokens, tuple(tuple(map(intern, f)) for f in seq.features)) for seq in sequences]


def prepare(doc: TrainDoc, tasks: bool = False) -> Prepared:
    """Features and gold BIO tags of one article (no underthesea: see ``features_of``);
    with ``tasks``, also the TASK tagger's (with underthesea's analysis, which is then
    kept for scoring the rules on this article).

    Feature strings are interned, so a batch of articles sent back from a worker process
    pickles each distinct string once, and the trainer's input shares them.
    """
    a, sequences = features_of(doc.text)
    sequences = _interned(sequences)
    gold_key = []
    misaligned = 0
    maps = _key_maps(a)
    for s, e, label in doc.spans:
        if label not in ENTITY_LABELS:
            continue
        k = _to_key(maps, s, e)
        if k is None:
            misaligned += 1
        else:
            gold_key.append((k[0], k[1], label))
    tags = [bio_tags(seq, gold_key) for seq in sequences]
    found = sum(t.startswith("B-") for ts in tags for t in ts)
    misaligned += len(gold_key) - found
    p = Prepared(doc, sequences, tags, misaligned)
    if tasks:
        from annotator.learn.task_features import task_featurize, task_tags

        p.task_sequences = _interned(task_featurize(p.a, p.rules))
        full_maps = _key_maps(p.a)
        gold_tasks = [
            k
            for k in (_to_key(full_maps, s, e) for s, e, label in doc.spans if label == TASK_LABEL)
            if k is not None
        ]
        p.task_tags = [task_tags(seq, gold_tasks) for seq in p.task_sequences]
    return p


def _prepare_with_tasks(doc: TrainDoc) -> Prepared:
    return prepare(doc, tasks=True)


def _prepare_for_training(item: tuple[TrainDoc, bool]) -> Prepared:
    """:func:`prepare` without the tokens, which only prediction needs: a worker sends
    back features and tags, a third of the bytes to pickle."""
    doc, tasks = item
    p = prepare(doc, tasks)
    return Prepared(
        p.doc,
        [Sequence((), s.features) for s in p.sequences],
        p.tags,
        p.misaligned,
        task_sequences=[Sequence((), s.features) for s in p.task_sequences],
        task_tags=p.task_tags,
    )


def _uses_pool(workers: int, articles: int) -> bool:
    """Whether preparing runs on a process pool (below 64 articles starting one costs more
    than it saves)."""
    return workers > 1 and articles >= 64


def prepare_all(
    docs: list[TrainDoc],
    workers: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    tokens: bool = True,
    tasks: set[int] | bool = True,
) -> list[Prepared]:
    """Prepare every article (on ``workers`` processes when there are many).

    ``tokens=False``: the articles are for training only (no prediction on them), so
    workers need not send their tokens back. ``tasks``: which articles (indices, or all)
    get the TASK tagger's features too.
    """
    out: list[Prepared] = []
    with_tasks = [tasks is True or (tasks is not False and i in tasks) for i in range(len(docs))]
    if _uses_pool(workers, len(docs)):
        from annotator import procs

        # a killed `train` takes its workers with it (they watch their parent)
        with procs.pool(workers) as pool:
            if tokens:
                jobs = pool.imap(_prepare_pair, list(zip(docs, with_tasks, strict=True)), chunksize=16)
            else:
                jobs = pool.imap(
                    _prepare_for_training, list(zip(docs, with_tasks, strict=True)), chunksize=16
                )
            for p in jobs:
                out.append(p)
                if on_progress:
                    on_progress(len(out), len(docs))
        return out
    for d, t in zip(docs, with_tasks, strict=True):
        out.append(prepare(d, t))
        if on_progress:
            on_progress(len(out), len(docs))
    return out


def _prepare_pair(item: tuple[TrainDoc, bool]) -> Prepared:
    return prepare(*item)


def _cross_validate_docs(
    docs: list[TrainDoc], k: int, base: list[TrainDoc] | None = None
) -> dict[str, Report]:
    """Cross-validation of articles not yet prepared (in its own process)."""
    reuse = _base_task_tagger(docs)
    return cross_validate(
        prepare_all(docs),
        k,
        base=prepare_all(base or [], tasks=reuse is None),
        task_tagger=reuse[0] if reuse else None,
    )


def docs_from_jsonl(path: str | Path, warn: Callable[[str], None] | None = None) -> list[TrainDoc]:
    """Articles and spans of a gold JSONL file; a bad line goes to ``warn`` and is left
    out (without ``warn`` it is a one-line UserError)."""
    from annotator.proposals.evaluate import read_jsonl

    return [
        TrainDoc(str(obj.get("id", n)), obj["text"], tuple(obj["spans"])) for n, obj in read_jsonl(path, warn)
    ]


MAX_TRAINING_ARTICLES = 300  # about 2 MB of features each while training: ~600 MB at most


def docs_from_store(store: Any, cap: int = MAX_TRAINING_ARTICLES) -> tuple[list[TrainDoc], str]:
    """Training articles of a database, and a line saying where they came from (see
    :func:`training_docs`)."""
    docs, line, _ = training_docs(store, cap)
    return docs, line


def training_docs(store: Any, cap: int = MAX_TRAINING_ARTICLES) -> tuple[list[TrainDoc], str, int]:
    """Training articles of a database, a line saying where they came from, and how many
    articles there were to learn from before the cap.

    Gold first, then the articles annotators finished, the most recently changed first, up
    to ``cap`` articles: training memory is bounded by the cap, not the corpus (a team
    corpus of 100,000 finished articles trains on its newest 300)."""
    from annotator.layers import collect

    gold = collect(store, "gold").entries
    have = {e.id for e in gold}
    accepted = [e for e in collect(store, "accepted").entries if e.id not in have]
    newest_first = sorted(gold, key=lambda e: e.last_change or "", reverse=True) + sorted(
        accepted, key=lambda e: e.last_change or "", reverse=True
    )
    entries = newest_first[:cap]
    order = {e.id: n for n, e in enumerate(gold + accepted)}
    entries.sort(key=lambda e: order[e.id])  # the training order stays the documents' order
    docs = [
        TrainDoc(e.id, text, tuple(e.spans))
        for e, (_, text) in zip(entries, store.article_texts([e.id for e in entries]), strict=True)
    ]
    line = f"{len(gold)} articles approved in gold, {len(accepted)} finished by annotators"
    if len(gold) + len(accepted) > cap:
        line += f" (the newest {cap} used: the training set is capped)"
    return docs, line, len(gold) + len(accepted)


# A TASK tagger is trained when the data has this many TASK spans: with fewer it places
# tasks worse than the rules (on the real articles, trained on 4 to 24 of them without
# the base corpus, TASK F1 0.64-0.71 against the rules' 0.74), and annotators who label
# only entities would teach it that there are none. The base corpus alone has about 330.
# At most this many articles train it (each needs underthesea's sentences).
MIN_TASK_SPANS = 150
TASK_MAX_ARTICLES = 300


def fit(prepared: list[Prepared], meta: dict[str, Any] | None = None) -> tuple[Any, EntityModel, Any]:
    """Train on prepared articles; returns (entity CRFModel, loaded model, task CRFModel
    or None) — the task tagger only where the articles have TASK features and enough
    TASK spans."""
    examples = [(seq, tags) for p in prepared for seq, tags in zip(p.sequences, p.tags, strict=True)]
    examples = [(s, t) for s, t in examples if s.features]
    if not any(t != "O" for _, tags in examples for t in tags):
        raise UserError(
            "no entity spans to learn from: accept or approve some spans in finished articles first"
        )
    crf = train_tagger(examples)
    task_examples = [
        (seq, tags)
        for p in prepared
        for seq, tags in zip(p.task_sequences, p.task_tags, strict=True)
        if seq.features
    ]
    task_spans = sum(t == f"B-{TASK_LABEL}" for _, tags in task_examples for t in tags)
    task_crf = train_tagger(task_examples, TASK_ITERATIONS) if task_spans >= MIN_TASK_SPANS else None
    return crf, from_trained(crf, meta or {}, task_crf), task_crf


def predict(model: EntityModel | None, p: Prepared, mode: str) -> list[SpanKey]:
    """Spans (original offsets) of ``rules``, ``model`` alone or ``combined``."""
    if mode == "rules" or model is None:
        cands = p.rules
    else:
        found = model.predict(p.sequences)
        if mode == "model":
            cands = found + model.predict_tasks(p.task_sequences, p.a.key)
        else:
            cands = combine(
                p.a,
                p.rules,
                found,
                model.predict_tasks(p.task_sequences, p.a.key) if model.task_tagger is not None else None,
            )
    out = []
    for c in cands:
        s, e = p.a.doc.span(c.start, c.end)
        out.append((s, e, c.label))
    return out


def score_mode(model: EntityModel | None, test: Iterable[Prepared], mode: str) -> Report:
    """Precision and recall of ``mode`` ("rules", "model", "combined") on ``test``."""
    return evaluate((p.doc.id, p.doc.text, list(p.doc.spans), predict(model, p, mode)) for p in test)


def fold_indices(n: int, k: int, seed: int = 0) -> list[list[int]]:
    """``k`` folds of article indices, shuffled by ``seed``; raises if ``k`` is unusable."""
    if k < 2:
        raise UserError(f"--folds {k}: need at least 2 folds")
    if n < k:
        raise UserError(
            f"{n} article(s) with gold spans: too few for {k} folds (use --folds {max(2, n)} or fewer)"
            if n >= 2
            else f"{n} article(s) with gold spans: need at least 2 to cross-validate"
        )
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def add_report(into: dict[str, Report], mode: str, r: Report) -> None:
    """Add one fold's counts to ``mode``'s running total in ``into``."""
    total = into.setdefault(mode, Report())
    for label, s in r.labels.items():
        total.labels.setdefault(label, type(s)()).add(s)


def cross_validate(
    prepared: list[Prepared],
    k: int,
    seed: int = 0,
    base: list[Prepared] | None = None,
    task_tagger: Any = None,
) -> dict[str, Report]:
    """Scores of rules, model and combined over ``k`` held-out folds (summed counts).

    ``base``: articles always in the training part (the base corpus), never scored.
    ``task_tagger``: the TASK tagger every fold uses instead of training its own.
    """
    out: dict[str, Report] = {}
    for test_idx in fold_indices(len(prepared), k, seed):
        held = set(test_idx)
        train = [p for i, p in enumerate(prepared) if i not in held] + list(base or [])
        test = [prepared[i] for i in test_idx]
        if task_tagger is not None:
            train = [Prepared(p.doc, p.sequences, p.tags, p.misaligned) for p in train]
        try:
            _, model, _ = fit(train)
        except UserError:
            model = None  # a fold without entities: the model proposes nothing
        if model is not None and task_tagger is not None:
            model.task_tagger = task_tagger
        for mode in MODES:
            usable = bool(model) or mode == "rules"  # without a model, its modes score nothing
            scored = score_mode(model, test, mode) if usable else score_mode(None, [], mode)
            add_report(out, mode, scored)
    return out


# Cross-validation scores the model on a sample of at most this many articles and
# characters: enough for stable F1 figures, and it keeps the scoring of a large corpus
# (which runs the full rule pipeline, underthesea's NER included, on every held-out
# article and trains one model per fold) within the time the final model takes.
CV_MAX_ARTICLES, CV_MAX_CHARS = 200, 100_000


def cv_sample(docs: list[TrainDoc], folds: int, seed: int = 0) -> list[int]:
    """Indices of the articles cross-validation uses: all of them when the corpus is
    within the caps, else a sample fixed by ``seed`` (at least ``folds`` articles)."""
    if len(docs) <= CV_MAX_ARTICLES and sum(len(d.text) for d in docs) <= CV_MAX_CHARS:
        return list(range(len(docs)))
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    out: list[int] = []
    chars = 0
    for i in order:
        if len(out) >= folds and (len(out) >= CV_MAX_ARTICLES or chars + len(docs[i].text) > CV_MAX_CHARS):
            break
        out.append(i)
        chars += len(docs[i].text)
    return sorted(out)


def scores_json(report: Report) -> dict[str, Any]:
    return {
        label: report.labels[label].to_json()
        for label in (*ENTITY_LABELS, TASK_LABEL)
        if label in report.labels
    }


@dataclass
class TrainResult:
    path: Path
    model: EntityModel
    articles: int
    spans: dict[str, int]
    cv: dict[str, Report] = field(default_factory=dict)
    seconds: float = 0.0
    source: str = ""
    misaligned: int = 0
    article_ids: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        n = sum(self.spans.values())
        out = [
            f"training data: {self.articles} articles, {n} entity spans "
            f"({', '.join(f'{k} {v}' for k, v in sorted(self.spans.items()))}); {self.source}"
        ]
        if self.misaligned:
            out.append(
                f"warning: {self.misaligned} span(s) do not start and end on token "
                "boundaries and were not learned"
            )
        if self.cv:
            n_cv = self.model.meta.get("cv_articles", self.articles)
            on = "" if n_cv >= self.articles else f" on a sample of {n_cv} articles"
            out.append(f"cross-validated F1 ({self.model.meta.get('folds')} folds{on}):")
            out.append(f"  {'label':<14} {'rules':>7} {'model':>7} {'combined':>9}")
            for label in (*ENTITY_LABELS, "entity micro", TASK_LABEL):

                def f1(mode: str, width: int, label: str = label) -> str:
                    r = self.cv[mode]
                    s = r.entity_micro if label == "entity micro" else r.labels.get(label)
                    if s is None or s.tp + s.fn == 0:
                        return f"{'-':>{width}}"  # no such span in the data: no score
                    return f"{s.f1:>{width}.3f}"

                out.append(f"  {label:<14} {f1('rules', 7)} {f1('model', 7)} {f1('combined', 9)}")
        if self.model.task_tagger is None:
            out.append(f"no TASK tagger (fewer than {MIN_TASK_SPANS} TASK spans): tasks come from the rules")
        steps = self.model.meta.get("seconds_by_step") or {}
        by_step = f" ({', '.join(f'{k} {v:.1f} s' for k, v in steps.items())})" if steps else ""
        out.append(f"model {self.model.id} trained in {self.seconds:.1f} s{by_step} -> {self.path}")
        return out


def task_sample(docs: list[TrainDoc], base: int = 0, seed: int = 0) -> set[int]:
    """Indices of the articles the TASK tagger trains on: the last ``base`` (the base
    corpus) always, then the others up to ``TASK_MAX_ARTICLES`` (a sample fixed by
    ``seed`` when there are more) — but none of the others when none of them has a TASK
    span: a team that annotates entities only must not teach the tagger there are none."""
    n = len(docs) - base
    own = list(range(n))
    if not any(label == TASK_LABEL for d in docs[:n] for _, _, label in d.spans):
        own = []
    elif len(own) > TASK_MAX_ARTICLES:
        random.Random(seed).shuffle(own)
    return set(range(n, len(docs))) | set(own[: max(0, TASK_MAX_ARTICLES - base)])


def _base_task_tagger(docs: list[TrainDoc]) -> tuple[Any, Any] | None:
    """The base model's TASK tagger (tagger, and a saver for its file) when the
    database's own articles have no TASK span: they would teach it nothing (with the
    base corpus it would learn again what the base model learned; without it, that there
    are no tasks), and retraining it is the slowest part of training a large corpus."""
    if any(label == TASK_LABEL for d in docs for _, _, label in d.spans):
        return None
    from annotator.learn.model import base_model, task_path

    model = base_model()
    if model is None or model.task_tagger is None or model.path is None:
        return None
    return model.task_tagger, _CopiedCRF(task_path(model.path))


class _CopiedCRF:
    """A trained CRF file that ``EntityModel.save`` copies instead of writing anew."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def save(self, target: str) -> None:
        Path(target).write_bytes(self.path.read_bytes())


def train_docs(
    docs: list[TrainDoc],
    path: Path,
    folds: int = 5,
    source: str = "",
    workers: int = 1,
    extra: dict[str, Any] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    base: list[TrainDoc] | None = None,
) -> TrainResult:
    """Prepare, cross-validate (``folds`` >= 2; 0 skips it), train on all and save.

    ``extra``: more entries for the model's description (``finished_articles``).
    ``on_progress(done, total)``: articles analysed so far.
    ``base``: articles the model always learns from besides ``docs`` (the base corpus
    the shipped model was trained on), never scored in the cross-validation.

    With ``workers`` > 1 the articles are analysed on that many processes, and the
    cross-validation runs in its own process while this one trains the final model.
    """
    from annotator.model import now

    start = time.perf_counter()
    docs = [d for d in docs if d.text.strip()]
    if not docs:
        raise UserError("no training data: no article is approved in gold or marked done with accepted spans")
    if folds:
        fold_indices(len(docs), folds)  # fail before the slow part
    parallel = _uses_pool(workers, len(docs))
    spans: dict[str, int] = {}
    for d in docs:
        for _, _, label in d.spans:
            if label in ENTITY_LABELS:
                spans[label] = spans.get(label, 0) + 1
    base = [d for d in (base or []) if d.text.strip()]
    sample = cv_sample(docs, folds) if folds else []
    meta: dict[str, Any] = {
        "format": FORMAT,
        "feature_version": FEATURE_VERSION,
        "created": now(),
        "labels": [*ENTITY_LABELS, TASK_LABEL],
        "folds": folds,
        "cv_articles": len(sample),
        "training": {"articles": len(docs), "spans": spans, "source": source, "base_articles": len(base)},
        **(extra or {}),
    }
    everything = docs + base
    parts: dict[str, float] = {}
    cv: dict[str, Report] = {}
    with ExitStack() as stack:
        job = None
        if folds and parallel:  # cross-validation in its own process, from the start
            from annotator import procs

            pool = stack.enter_context(procs.executor(1))
            job = pool.submit(_cross_validate_docs, [docs[i] for i in sample], folds, base)
        # without TASK spans the database's articles add nothing to what the base model
        # learned of tasks: its TASK tagger is kept, and no article needs its features
        reuse = _base_task_tagger(docs)
        with_tasks = task_sample(everything, len(base)) if reuse is None else set()
        if folds and job is None:
            with_tasks |= set(sample)  # scored articles need the TASK features too
        prepared = prepare_all(everything, workers, on_progress, tokens=not parallel, tasks=with_tasks)
        parts["analysis"] = time.perf_counter() - start
        if folds and job is None:
            t = time.perf_counter()
            cv = cross_validate(
                [prepared[i] for i in sample],
                folds,
                base=prepared[len(docs) :],
                task_tagger=reuse[0] if reuse else None,
            )
            parts["cross-validation"] = time.perf_counter() - t
        t = time.perf_counter()
        if reuse is not None:
            for p in prepared:
                p.task_sequences, p.task_tags = [], []
        crf, model, task_crf = fit(prepared, meta)
        if reuse is not None:
            model.task_tagger, task_crf = reuse
        parts["training"] = time.perf_counter() - t
        if job is not None:
            t = time.perf_counter()
            cv = job.result()
            parts["waiting for cross-validation"] = time.perf_counter() - t
    meta["scores"] = {mode: scores_json(r) for mode, r in cv.items()}
    meta["task_tagger"] = task_crf is not None
    meta["seconds"] = round(time.perf_counter() - start, 2)
    meta["seconds_by_step"] = {k: round(v, 2) for k, v in parts.items()}
    model.meta = meta
    model.save(path, crf, task_crf)
    return TrainResult(
        path,
        model,
        len(docs),
        spans,
        cv,
        meta["seconds"],
        source,
        sum(p.misaligned for p in prepared[: len(docs)]),
        tuple(d.id for d in docs),
    )


def base_corpus() -> list[TrainDoc]:
    """The annotated articles the base model learned from (``resources/models/``), or none
    in a build without them."""
    from annotator.resources import MissingResource, resource_path

    try:
        path = resource_path("models/base_corpus.jsonl")
    except MissingResource:
        return []
    return docs_from_jsonl(path)


# The base corpus joins the training data of a database with fewer training articles
# than this. It is what a model trained on a few dozen articles of one corpus needs; a
# corpus of hundreds has its own, and the base corpus's hand-annotated real articles
# beside a large corpus's make the trainer work longer for a tenth of the data (1,000
# articles of 5,000 characters: 113 s with it, 84 s without, on 2 cores).
BASE_MAX_ARTICLES = 500


def train_store(
    store: Any,
    folds: int = 5,
    path: Path | None = None,
    workers: int = 1,
    on_progress: Callable[[int, int], None] | None = None,
    fewer_folds: bool = False,
    base: bool | None = None,
) -> TrainResult:
    """Train the model of a database from its gold and finished articles and save it.

    The description records how many articles were finished then, which is what the app
    counts newly finished articles from (so the count survives closing the app).
    ``fewer_folds``: with fewer articles than ``folds``, use one fold per article (none
    below two) instead of refusing. ``base``: learn from the base corpus too (the
    articles the shipped model learned from), so a model trained on a few dozen articles
    of one corpus does not lose what the base model knew; the cross-validation scores
    the database's articles only. ``None``: when the database has fewer than
    ``BASE_MAX_ARTICLES`` training articles.
    """
    finished = store.finished_articles()
    docs, source, available = training_docs(store)
    if fewer_folds:
        folds = min(folds, len(docs)) if len(docs) >= 2 else 0
    if base is None:
        base = available < BASE_MAX_ARTICLES
        if not base:
            source += f"; not the base corpus (left out from {BASE_MAX_ARTICLES} articles on; --base adds it)"
    extra_docs = base_corpus() if base else []
    if extra_docs:
        source += f"; and the {len(extra_docs)} articles of the base corpus"
    return train_docs(
        docs,
        path or model_path_for(store.path),
        folds,
        source,
        workers,
        extra={"finished_articles": finished},
        on_progress=on_progress,
        base=extra_docs,
    )
