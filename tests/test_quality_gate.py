"""Quality gate: ``cleaner``'s F1 on fixed corpus subsets must stay at or above
the floors in ``benchmarks/floors.json`` (floors only go up, by a deliberate edit).

Runs ``cleaner`` alone, in-process, with the benchmark's own loaders and metrics;
skips when the corpus folder is absent (set ``CLEANER_CORPUS`` to its location).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
try:
    import benchmarks  # noqa: F401
except ImportError:  # plain `pytest` does not put the repository root on sys.path
    sys.path.insert(0, str(REPO))

from benchmarks import corpora  # noqa: E402
from benchmarks.metrics import shingle_corpus, shingle_score, word_corpus, word_score  # noqa: E402
from benchmarks.scoring import primary_metric  # noqa: E402

FLOORS: dict[str, Any] = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))
GATES = [key for key in FLOORS if not key.startswith("_")]


def _subset(corpus: str, pages: int | str, root: Path) -> list[str]:
    """Page ids of the gate: all, or the first N in sorted order."""
    ids = corpora.page_ids(corpus, root)
    return ids if pages == "all" else ids[: int(pages)]


def _f1(metric: str, outputs: list[str], golds: list[str]) -> float:
    """Corpus F1 of ``outputs`` under the corpus's metric."""
    if metric == "shingle":
        return shingle_corpus([shingle_score(o, g) for o, g in zip(outputs, golds, strict=True)]).f1
    return word_corpus([word_score(o, g) for o, g in zip(outputs, golds, strict=True)]).f1


@pytest.mark.parametrize("gate", GATES)
def test_quality_floor(gate: str) -> None:
    corpus, mode = gate.split("/", 1)
    root = corpora.corpus_root()
    folder = corpora.corpus_dir(corpus, root)
    if not folder.is_dir():
        pytest.skip(f"corpus folder {folder} not found (set CLEANER_CORPUS to the corpus root)")
    import cleaner

    pages = list(corpora.iter_pages(corpus, mode, root, _subset(corpus, FLOORS[gate]["pages"], root)))
    outputs = [cleaner.clean(p.input, mode=corpora.api_mode(p.mode)) for p in pages]
    f1 = _f1(primary_metric(corpus), outputs, [p.gold for p in pages])
    floor = round(float(FLOORS[gate]["f1"]), 3)
    assert f1 >= floor, f"{gate}: F1 {f1:.3f} is below the floor {floor:.3f} ({len(pages)} pages)"
