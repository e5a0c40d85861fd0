"""Inter-annotator agreement over the articles two annotators both finished. Qt-free.

For every pair of annotators, per label and overall:

- span F1, exact (same offsets and label) and overlap (one-to-one matching of spans with
  the same label that share at least one character);
- Cohen's kappa over tokens, each token tagged BIO in two sequences: entities (OFFICIAL,
  ORGANIZATION, DIRECTIVE) and tasks (a task may contain entities);
- Krippendorff's alpha (nominal) over the same token tags, from the pooled coincidence
  matrix (:class:`TagAgreement`; equal to the ``krippendorff`` package's, which the tests
  check), counted article by article so memory does not grow with the corpus;
- counts of disagreement kinds: same span with another label, overlapping spans with
  other boundaries, a span only one annotator has.

Tokens are syllables and punctuation marks (:class:`annotator.session.Words`), cut again
at any span boundary that falls inside one; this is deterministic and needs no model.
Only accepted spans count.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from annotator import bio
from annotator.errors import Cancelled
from annotator.model import SpanKey, SpanState, Status, label_defs
from annotator.nlp.tokens import Words
from annotator.store import Store

KINDS = ("label", "boundary", "only_one")


def layers() -> dict[str, tuple[str, ...]]:
    """Label names per layer: {"entity": (...), "task": (...)}."""
    out: dict[str, list[str]] = {}
    for d in label_defs():
        out.setdefault(d.layer, []).append(d.name)
    return {k: tuple(v) for k, v in out.items()}


@dataclass
class Counts:
    """Matches and totals for span F1."""

    matched: int = 0
    a: int = 0
    b: int = 0

    @property
    def f1(self) -> float | None:
        return 2 * self.matched / (self.a + self.b) if self.a + self.b else None

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.a += other.a
        self.b += other.b


def _overlap(x: SpanKey, y: SpanKey) -> int:
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def span_counts(a: Iterable[SpanKey], b: Iterable[SpanKey], exact: bool) -> dict[str, Counts]:
    """Per label: spans matched one-to-one, and each side's total."""
    a, b = sorted(set(a)), sorted(set(b))
    out: dict[str, Counts] = {}
    for label in {s[2] for s in a} | {s[2] for s in b}:
        la = [s for s in a if s[2] == label]
        lb = [s for s in b if s[2] == label]
        if exact:
            matched = len(set(la) & set(lb))
        else:
            pairs = sorted(
                (
                    (_overlap(x, y), i, j)
                    for i, x in enumerate(la)
                    for j, y in enumerate(lb)
                    if _overlap(x, y) > 0
                ),
                reverse=True,
            )
            used_a: set[int] = set()
            used_b: set[int] = set()
            for _, i, j in pairs:
                if i not in used_a and j not in used_b:
                    used_a.add(i)
                    used_b.add(j)
            matched = len(used_a)
        out[label] = Counts(matched, len(la), len(lb))
    return out


def split_at(words: Words, cuts: Iterable[int]) -> Words:
    """The tokens, cut again wherever a span starts or ends inside one (a boundary inside
    "72/2013/NĐ-CP" must count as a disagreement, not vanish inside the token)."""
    points = sorted(set(cuts))
    ranges: list[tuple[int, int]] = []
    for start, end in zip(words.starts, words.ends, strict=True):
        lo = bisect_right(points, start)
        for cut in points[lo:]:
            if cut >= end:
                break
            ranges.append((start, cut))
            start = cut
        ranges.append((start, end))
    return Words.of(ranges, from_segmenter=words.from_segmenter)


def bio_tags(words: Words, spans: Iterable[SpanKey], labels: Sequence[str]) -> list[str]:
    """One tag per token: B-LABEL, I-LABEL or O, for the spans whose label is in ``labels``."""
    ranges = []
    for start, end, label in sorted(s for s in spans if s[2] in labels):
        i = bisect_right(words.ends, start)  # first token ending after the span starts
        j = bisect_left(words.starts, end)  # first token starting at or after its end
        ranges.append((i, j, label))
    return bio.encode(len(words.starts), ranges)


@dataclass
class TagAgreement:
    """Cohen's kappa and Krippendorff's alpha (nominal, two coders) from the counts of tag
    pairs, gathered article by article: memory is the number of distinct pairs (a few
    dozen), not the number of tokens.

    Alpha comes from the pooled coincidence matrix: each token with tags (p, q) adds one
    to o[p, q] and one to o[q, p]; with n_c the row sums and N their total,
    alpha = 1 - (N - 1) * sum_{c!=k} o[c, k] / sum_{c!=k} n_c * n_k. It equals
    ``krippendorff.alpha`` on the whole sequences (checked by the tests).
    """

    pairs: Counter = field(default_factory=Counter)  # (tag of a, tag of b) -> tokens

    def add(self, x: Sequence[str], y: Sequence[str]) -> None:
        self.pairs.update(zip(x, y, strict=True))

    @property
    def tokens(self) -> int:
        return sum(self.pairs.values())

    def kappa(self) -> float | None:
        n = self.tokens
        if n == 0:
            return None
        observed = sum(v for (p, q), v in self.pairs.items() if p == q) / n
        cx: Counter = Counter()
        cy: Counter = Counter()
        for (p, q), v in self.pairs.items():
            cx[p] += v
            cy[q] += v
        expected = sum(cx[t] * cy[t] for t in cx.keys() | cy.keys()) / (n * n)
        if expected == 1.0:
            return 1.0 if observed == 1.0 else None
        return (observed - expected) / (1 - expected)

    def alpha(self) -> float | None:
        if self.tokens == 0:
            return None
        coincidences: Counter = Counter()
        for (p, q), v in self.pairs.items():
            coincidences[p, q] += v
            coincidences[q, p] += v
        totals: Counter = Counter()
        for (c, _), v in coincidences.items():
            totals[c] += v
        if len(totals) < 2:
            return 1.0  # every coder put the same single tag everywhere: perfect, not undefined
        n = sum(totals.values())
        observed = sum(v for (c, k), v in coincidences.items() if c != k)
        expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
        return 1.0 - (n - 1) * observed / expected


def cohen_kappa(x: Sequence[str], y: Sequence[str]) -> float | None:
    """Cohen's kappa of two equally long tag sequences (None when undefined)."""
    if len(x) != len(y):
        return None
    tags = TagAgreement()
    tags.add(x, y)
    return tags.kappa()


def krippendorff_alpha(sequences: Sequence[Sequence[str]]) -> float | None:
    """Krippendorff's alpha, nominal, of two coders' tag sequences (rows: coders)."""
    if len(sequences) != 2 or not sequences[0]:
        return None
    tags = TagAgreement()
    tags.add(sequences[0], sequences[1])
    return tags.alpha()


def disagreement_kinds(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> Counter:
    """Count kinds of disagreement between two annotators' spans of one layer."""
    a, b = set(a), set(b)
    kinds: Counter = Counter()
    only_a, only_b = a - b, b - a
    for x in only_a:
        same_range = [y for y in only_b if (y[0], y[1]) == (x[0], x[1])]
        if same_range:
            kinds["label"] += 1
        elif any(_overlap(x, y) for y in only_b):
            kinds["boundary"] += 1
        else:
            kinds["only_one"] += 1
    for y in only_b:  # conflicts with a's spans were counted once, from a's side
        if not any(_overlap(x, y) for x in only_a):
            kinds["only_one"] += 1
    return kinds


@dataclass
class PairAgreement:
    a: str
    b: str
    articles: int = 0
    exact: dict[str, Counts] = field(default_factory=dict)
    overlap: dict[str, Counts] = field(default_factory=dict)
    kappa: dict[str, float | None] = field(default_factory=dict)
    alpha: dict[str, float | None] = field(default_factory=dict)
    kinds: Counter = field(default_factory=Counter)

    def to_json(self) -> dict:
        def counts(d: dict[str, Counts]) -> dict:
            return {
                k: {"f1": None if v.f1 is None else round(v.f1, 4), "matched": v.matched, "a": v.a, "b": v.b}
                for k, v in sorted(d.items())
            }

        def rounded(d: dict[str, float | None]) -> dict:
            return {k: None if v is None else round(v, 4) for k, v in sorted(d.items())}

        return {
            "a": self.a,
            "b": self.b,
            "articles": self.articles,
            "span_f1_exact": counts(self.exact),
            "span_f1_overlap": counts(self.overlap),
            "kappa": rounded(self.kappa),
            "alpha": rounded(self.alpha),
            "disagreements": {k: self.kinds.get(k, 0) for k in KINDS},
        }


def _accepted(store: Store, article_id: str, annotator: str) -> list[SpanKey]:
    return [
        (s.start, s.end, s.label) for s in store.spans(article_id, annotator, states=[SpanState.ACCEPTED])
    ]


def pair_agreement(
    store: Store, a: str, b: str, article_ids: Iterable[str], cancelled: Callable[[], bool] | None = None
) -> PairAgreement:
    """Agreement of annotators ``a`` and ``b`` over the given articles."""
    result = PairAgreement(a, b)
    groups = layers()
    all_labels = [d.name for d in label_defs()]
    # tag pairs counted per article: memory stays flat however many articles are shared
    tags = {key: TagAgreement() for key in ["overall", *groups, *all_labels]}
    for article_id in article_ids:
        if cancelled is not None and cancelled():
            raise Cancelled("agreement cancelled")
        result.articles += 1
        sa, sb = _accepted(store, article_id, a), _accepted(store, article_id, b)
        words = split_at(Words.simple(store.article(article_id).text), [x for s in sa + sb for x in s[:2]])
        for mode, target in ((True, result.exact), (False, result.overlap)):
            for label, c in span_counts(sa, sb, exact=mode).items():
                target.setdefault(label, Counts()).add(c)
        for layer, labels in groups.items():
            ta, tb = bio_tags(words, sa, labels), bio_tags(words, sb, labels)
            tags[layer].add(ta, tb)
            tags["overall"].add(ta, tb)
            result.kinds.update(
                disagreement_kinds([s for s in sa if s[2] in labels], [s for s in sb if s[2] in labels])
            )
        for label in all_labels:
            tags[label].add(bio_tags(words, sa, [label]), bio_tags(words, sb, [label]))
    for counts in (result.exact, result.overlap):
        per_label = dict(counts)
        for name, labels in [("overall", tuple(per_label)), *groups.items()]:
            total = Counts()
            for label in labels:
                if label in per_label:
                    total.add(per_label[label])
            counts[name] = total
    for key, counted in tags.items():
        result.kappa[key] = counted.kappa()
        result.alpha[key] = counted.alpha()
    return result


def finished_by(store: Store, annotator: str) -> set[str]:
    return {r["id"] for r in store.article_rows(annotator) if r["status"] == Status.DONE}


def agreement(
    store: Store,
    cancelled: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[PairAgreement]:
    """Every pair of human annotators over the articles both marked done (``cancelled``:
    checked before each article; true stops with :class:`~annotator.errors.Cancelled`;
    ``on_progress`` hears (articles read, to read) every 100 articles)."""
    humans = store.working_annotators()
    done = {name: finished_by(store, name) for name in humans}
    pairs = [(a, b, sorted(done[a] & done[b])) for a, b in itertools.combinations(humans, 2)]
    total = sum(len(shared) for _a, _b, shared in pairs)
    read = 0

    def before_each() -> bool:  # checked before each article: count it, and maybe stop
        nonlocal read
        read += 1
        if on_progress is not None and (read % 100 == 0 or read == total):
            on_progress(read, total)
        return bool(cancelled and cancelled())

    return [pair_agreement(store, a, b, shared, before_each) for a, b, shared in pairs if shared]


METRICS = ("exact", "overlap", "kappa", "alpha")


def summary(pairs: Sequence[PairAgreement]) -> dict[str, dict[str, float | None]]:
    """Figures per label (and per layer, and overall) over all pairs: span F1 from the
    pooled counts of every pair, kappa and alpha as the mean over pairs weighted by the
    articles each pair shares."""
    keys = [d.name for d in label_defs()] + list(layers()) + ["overall"]
    out: dict[str, dict[str, float | None]] = {}
    for key in keys:
        row: dict[str, float | None] = {}
        for metric in ("exact", "overlap"):
            total = Counts()
            for p in pairs:
                total.add(getattr(p, metric).get(key, Counts()))
            row[metric] = total.f1
        for metric in ("kappa", "alpha"):
            vals = [(getattr(p, metric).get(key), p.articles) for p in pairs]
            vals = [(v, n) for v, n in vals if v is not None]
            weight = sum(n for _, n in vals)
            row[metric] = sum(v * n for v, n in vals) / weight if weight else None
        out[key] = row
    return out


def annotator_progress(store: Store) -> list[dict[str, int | str]]:
    """Per annotator (reviewers who only looked are not counted): articles assigned (by
    ``annotator assign``, or else every article), done, in progress and skipped of those."""
    out: list[dict[str, int | str]] = []
    for name in store.working_annotators():
        p = store.progress(name)
        out.append(
            {
                "annotator": name,
                "assigned": p["total"],
                "done": p[Status.DONE],
                "in_progress": p[Status.IN_PROGRESS],
                "skipped": p[Status.SKIPPED],
            }
        )
    return out
