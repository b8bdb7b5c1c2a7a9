"""Scoring: ScrapingHub shingle metric, WCXB word metric, snippets, bootstrap.

Both metrics follow the corpus READMEs (and the upstream evaluation scripts):

* shingle metric (ScrapingHub): case-kept ``\\w+`` tokens, multisets of
  4-token shingles (a text of <= 4 tokens is one shorter shingle), per-page
  P/R; precision is averaged over pages with non-empty output, recall over
  pages with non-empty gold, corpus F1 = harmonic mean of the two averages.
* word metric (WCXB): lower-cased ``\\w+`` tokens as a bag of words, per-page
  P/R/F1 (empty gold: 1 if the output is empty too, else 0; empty output: 0);
  the set score is the mean per-page F1 (P and R averaged separately).

``±`` is the standard deviation of the corpus F1 over bootstrap resamples of
the pages (with replacement; fixed seed so runs are reproducible).
"""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

WORD_RE = re.compile(r"\w+")
SHINGLE_SIZE = 4
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 20200601

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class CorpusScore:
    """Set-level score: precision, recall, F1 and bootstrap std of the F1."""

    precision: float
    recall: float
    f1: float
    f1_std: float
    pages: int


# --------------------------------------------------------------- shingle metric


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """Multiset of ``size``-token shingles of ``text`` (case kept)."""
    tokens = WORD_RE.findall(text)
    if len(tokens) <= size:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(zip(*(tokens[i:] for i in range(size)), strict=False))


@dataclass(frozen=True)
class ShingleScore:
    """Shingle TP/FP/FN of one page; P is None for empty output, R for empty gold."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float | None:
        """TP / (TP + FP), or None when the output has no shingle."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """TP / (TP + FN), or None when the gold has no shingle."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float:
        """Per-page F1 (only for ranking pages): 1 if both empty, 0 if one is."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return 1.0
        return harmonic(p or 0.0, r or 0.0)


def shingle_score(output: str, gold: str) -> ShingleScore:
    """Compare the shingle multisets of ``output`` and ``gold``."""
    out, ref = shingles(output), shingles(gold)
    tp = sum((out & ref).values())
    return ShingleScore(tp, out.total() - tp, ref.total() - tp)


def _shingle_set_f1(ps: Sequence[float | None], rs: Sequence[float | None]) -> tuple[float, float, float]:
    """Average P over defined P, R over defined R; F1 = harmonic mean."""
    p = mean_defined(ps) or 0.0
    r = mean_defined(rs) or 0.0
    return p, r, harmonic(p, r)


def shingle_corpus(scores: Sequence[ShingleScore]) -> CorpusScore:
    """Corpus-level ScrapingHub score with bootstrap std of the F1."""
    ps = [s.precision for s in scores]
    rs = [s.recall for s in scores]
    p, r, f1 = _shingle_set_f1(ps, rs)
    pv, pm = _value_mask(ps)
    rv, rm = _value_mask(rs)

    def stat(pick: Callable[[Sequence[float]], Sequence[float]]) -> float:
        bp, br = _ratio(pick(pv), pick(pm)), _ratio(pick(rv), pick(rm))
        return harmonic(bp, br)

    return CorpusScore(p, r, f1, bootstrap_std(len(scores), stat), len(scores))


# ------------------------------------------------------------------ word metric


def words(text: str) -> list[str]:
    """Lower-cased ``\\w+`` tokens."""
    return WORD_RE.findall(text.lower())


@dataclass(frozen=True)
class WordScore:
    """Per-page bag-of-words precision, recall and F1 (WCXB rules)."""

    precision: float
    recall: float
    f1: float


def word_score(output: str, gold: str) -> WordScore:
    """WCXB word-level P/R/F1 of one page."""
    out, ref = words(output), words(gold)
    if not ref:
        return WordScore(1.0, 1.0, 1.0) if not out else WordScore(0.0, 0.0, 0.0)
    if not out:
        return WordScore(0.0, 0.0, 0.0)
    shared = sum((Counter(out) & Counter(ref)).values())
    p, r = shared / len(out), shared / len(ref)
    return WordScore(p, r, harmonic(p, r))


def word_corpus(scores: Sequence[WordScore]) -> CorpusScore:
    """Mean per-page P, R, F1 with bootstrap std of the mean F1."""
    if not scores:
        return CorpusScore(0.0, 0.0, 0.0, 0.0, 0)
    f1s = [s.f1 for s in scores]

    def stat(pick: Callable[[Sequence[float]], Sequence[float]]) -> float:
        return statistics.fmean(pick(f1s))

    return CorpusScore(
        statistics.fmean(s.precision for s in scores),
        statistics.fmean(s.recall for s in scores),
        statistics.fmean(f1s),
        bootstrap_std(len(scores), stat),
        len(scores),
    )


# --------------------------------------------------------------------- snippets


def normalize_space(text: str) -> str:
    """Lower-case and collapse every run of white space to one space."""
    return " ".join(text.lower().split())


def snippet_rates(output: str, with_: Sequence[str], without: Sequence[str]) -> tuple[float | None, float | None]:
    """Fractions of ``with`` / ``without`` snippets found (None: page has none)."""
    text = normalize_space(output)

    def rate(snippets: Sequence[str]) -> float | None:
        if not snippets:
            return None
        return sum(normalize_space(s) in text for s in snippets) / len(snippets)

    return rate(with_), rate(without)


# ---------------------------------------------------------------------- helpers


def harmonic(p: float, r: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def mean_defined(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None (None if there are none)."""
    defined = [v for v in values if v is not None]
    return statistics.fmean(defined) if defined else None


def _value_mask(values: Sequence[float | None]) -> tuple[list[float], list[float]]:
    """Split optional values into (value or 0, 1 if defined else 0)."""
    return [v or 0.0 for v in values], [0.0 if v is None else 1.0 for v in values]


def _ratio(values: Sequence[float], mask: Sequence[float]) -> float:
    """Mean of the defined values of a resample (0 if none is defined)."""
    n = sum(mask)
    return sum(values) / n if n else 0.0


def bootstrap_std(
    n: int,
    stat: Callable[[Callable[[Sequence[float]], Sequence[float]]], float],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
) -> float:
    """Std of ``stat`` over page resamples; ``stat`` gets a per-page picker."""
    if n < 2:
        return 0.0
    rng = random.Random(seed)
    population = range(n)
    values = []
    for _ in range(samples):
        pick = itemgetter(*rng.choices(population, k=n))
        values.append(stat(pick))
    return statistics.stdev(values)
