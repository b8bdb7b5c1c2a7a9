"""Whole pages: negative pages come out unchanged; gold pages stay above their floors.

Floors live in ``tests/data/floors.json``; they only ever go up, by a
deliberate edit after a measured improvement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner

from .conftest import CORPUS, FIXTURES, ROOT, as_paragraphs, needs_corpus, word_f1

FLOORS = json.loads((ROOT / "tests" / "data" / "floors.json").read_text(encoding="utf-8"))
NEGATIVE = sorted((FIXTURES / "negative").glob("*.txt"))
MULTILINGUAL = sorted(p for p in (FIXTURES / "multilingual").glob("*.txt") if not p.name.endswith(".gold.txt"))
NGO = sorted(p.name for p in (CORPUS / "ngo").glob("*") if p.is_dir()) if (CORPUS / "ngo").is_dir() else []


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_negative_page_comes_out_unchanged(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    result = cleaner.clean_and_explain(text)
    assert result.text == as_paragraphs(text), [(d.filter, d.reason, d.text) for d in result.decisions]


@pytest.mark.parametrize("path", MULTILINGUAL, ids=lambda p: p.stem)
def test_multilingual_page_above_floor(path: Path) -> None:
    gold = path.with_name(path.stem + ".gold.txt").read_text(encoding="utf-8")
    f1 = word_f1(cleaner.clean(path.read_text(encoding="utf-8")), gold)
    floor = FLOORS["multilingual"].get(path.stem, 0.0)
    assert f1 >= floor, f"{path.stem}: F1 {f1:.3f} < floor {floor:.3f}"


EXACT = [p for p in MULTILINGUAL if p.stem in FLOORS["multilingual_exact"]["pages"]]


@pytest.mark.parametrize("path", EXACT, ids=lambda p: p.stem)
def test_multilingual_page_comes_out_as_its_gold(path: Path) -> None:
    # the probe pages of six NGO sites' shapes: every boilerplate line goes, every article line stays
    gold = path.with_name(path.stem + ".gold.txt").read_text(encoding="utf-8")
    assert cleaner.clean(path.read_text(encoding="utf-8")) == gold


@pytest.mark.parametrize("slug", NGO or ["(absent)"])
def test_ngo_page_above_floor(slug: str) -> None:
    folder = needs_corpus("ngo") / slug
    text = (folder / "text.txt").read_text(encoding="utf-8")
    gold = (folder / "gold.txt").read_text(encoding="utf-8")
    f1 = word_f1(cleaner.clean(text, mode="text"), gold)
    floor = FLOORS["ngo"].get(slug, 0.0)
    assert f1 >= floor, f"{slug}: F1 {f1:.3f} < floor {floor:.3f}"


def test_ngo_average_above_floor() -> None:
    root = needs_corpus("ngo")
    scores = [
        word_f1(
            cleaner.clean((root / slug / "text.txt").read_text(encoding="utf-8"), mode="text"),
            (root / slug / "gold.txt").read_text(encoding="utf-8"),
        )
        for slug in NGO
    ]
    average = sum(scores) / len(scores)
    assert average >= FLOORS["ngo_average"], f"average F1 {average:.3f} < floor {FLOORS['ngo_average']:.3f}"


HTML_STRUCTURE = [key for key in FLOORS["html_structure"] if not key.startswith("_")]


@pytest.mark.parametrize("key", HTML_STRUCTURE)
def test_html_page_that_a_structural_rule_fixed_stays_above_floor(key: str) -> None:
    from benchmarks import corpora
    from benchmarks.metrics import shingle_score, word_score

    corpus, prefix = key.split("/")
    root = needs_corpus(corpora.corpus_dir(corpus, CORPUS).name).parent
    ids = [i for i in corpora.page_ids(corpus, root) if i.startswith(prefix)]
    page = next(corpora.iter_pages(corpus, "html", root, ids))
    out = cleaner.clean(page.input)
    f1 = (shingle_score if corpus == "scrapinghub" else word_score)(out, page.gold).f1
    assert f1 >= FLOORS["html_structure"][key], f"{key}: F1 {f1:.3f}"
    assert cleaner.clean(out) == out  # what the HTML pass kept, the text pass keeps


HTML_PAGES = [key for key in FLOORS["html_pages"] if not key.startswith("_")]


@pytest.mark.parametrize("stem", HTML_PAGES)
def test_html_page_comes_out_as_its_gold_or_above_floor(stem: str) -> None:
    # synthetic NGO pages in CMS markup (fixtures/html/README.md); floor 1.0 means exactly the gold
    page = (FIXTURES / "html" / f"{stem}.html").read_text(encoding="utf-8")
    gold = (FIXTURES / "html" / f"{stem}.gold.txt").read_text(encoding="utf-8")
    out = cleaner.clean(page)
    floor = FLOORS["html_pages"][stem]
    if floor == 1.0:
        assert out == gold
    else:
        assert word_f1(out, gold) >= floor, f"{stem}: F1 {word_f1(out, gold):.3f} < floor {floor:.3f}"
