"""Per-page scores and per corpus x mode summaries of one extractor."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpora import Page
from benchmarks.metrics import (
    ShingleScore,
    WordScore,
    mean_defined,
    shingle_corpus,
    shingle_score,
    snippet_rates,
    word_corpus,
    word_score,
)
from benchmarks.runner import Outcome, Status


def primary_metric(corpus: str) -> str:
    """``shingle`` for ScrapingHub (its own metric), ``word`` elsewhere."""
    return "shingle" if corpus == "scrapinghub" else "word"


@dataclass(frozen=True)
class PageResult:
    """Scores and timing of one extractor on one page."""

    page_id: str
    status: Status
    seconds: float
    input_bytes: int
    word: WordScore
    shingle: ShingleScore
    with_rate: float | None
    without_rate: float | None
    page_type: str | None
    error: str | None

    def f1(self, metric: str) -> float:
        """Per-page F1 under ``metric`` (``word`` or ``shingle``)."""
        return self.shingle.f1 if metric == "shingle" else self.word.f1

    def to_json(self) -> dict[str, Any]:
        """Compact JSON form (rounded)."""
        w, s = self.word, self.shingle
        return {
            "id": self.page_id,
            "status": self.status,
            "ms": round(self.seconds * 1000, 3),
            "bytes": self.input_bytes,
            "word": [round(w.precision, 4), round(w.recall, 4), round(w.f1, 4)],
            "shingle_tp_fp_fn": [s.tp, s.fp, s.fn],
            "shingle_f1": round(s.f1, 4),
            "with": self.with_rate,
            "without": self.without_rate,
            "page_type": self.page_type,
            "error": self.error,
        }


def input_size(page: Page) -> int:
    """Input size in bytes (UTF-8)."""
    return len(page.input) if isinstance(page.input, bytes) else len(page.input.encode("utf-8"))


def score_page(page: Page, outcome: Outcome) -> PageResult:
    """Score one extractor's output on ``page``."""
    with_, without = (None, None)
    if page.corpus == "wcxb":
        with_, without = snippet_rates(outcome.text, page.extra["with"], page.extra["without"])
    return PageResult(
        page.page_id,
        outcome.status,
        outcome.seconds,
        input_size(page),
        word_score(outcome.text, page.gold),
        shingle_score(outcome.text, page.gold),
        with_,
        without,
        page.extra.get("page_type"),
        outcome.error,
    )


@dataclass
class Summary:
    """Quality and speed of one extractor on one corpus x mode."""

    extractor: str
    metric: str
    pages: int
    precision: float
    recall: float
    f1: float
    f1_std: float
    other_f1: float
    with_rate: float | None
    without_rate: float | None
    by_type: dict[str, float]
    median_ms: float
    pages_per_s: float
    mb_per_s: float
    timeouts: int
    failures: int
    peak_rss_mb: float = 0.0
    idle_rss_mb: float = 0.0
    filters: dict[str, int] = field(default_factory=dict)


def summarize(extractor: str, metric: str, results: Sequence[PageResult]) -> Summary:
    """Aggregate per-page results into a ``Summary``."""
    word = word_corpus([r.word for r in results])
    shingle = shingle_corpus([r.shingle for r in results])
    main, other = (shingle, word) if metric == "shingle" else (word, shingle)
    seconds = sum(r.seconds for r in results) or float("nan")
    return Summary(
        extractor=extractor,
        metric=metric,
        pages=len(results),
        precision=main.precision,
        recall=main.recall,
        f1=main.f1,
        f1_std=main.f1_std,
        other_f1=other.f1,
        with_rate=mean_defined(r.with_rate for r in results),
        without_rate=mean_defined(r.without_rate for r in results),
        by_type=_by_type(results),
        median_ms=statistics.median(r.seconds for r in results) * 1000 if results else 0.0,
        pages_per_s=len(results) / seconds,
        mb_per_s=sum(r.input_bytes for r in results) / 1e6 / seconds,
        timeouts=sum(r.status == "timeout" for r in results),
        failures=sum(r.status == "error" for r in results),
    )


def _by_type(results: Sequence[PageResult]) -> dict[str, float]:
    """Mean word F1 per page type (pages without a type are left out)."""
    groups: defaultdict[str, list[float]] = defaultdict(list)
    for r in results:
        if r.page_type:
            groups[r.page_type].append(r.word.f1)
    return {t: statistics.fmean(v) for t, v in sorted(groups.items())}
