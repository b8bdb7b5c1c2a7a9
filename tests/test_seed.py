"""The page the project started from must come out exactly right."""

from __future__ import annotations

import cleaner
from cleaner import Action

from .conftest import FIXTURES

PAGE = FIXTURES / "seed" / "amnesty-russia-unhrc.txt"
GOLD = FIXTURES / "seed" / "amnesty-russia-unhrc.gold.txt"


def test_seed_page_equals_gold_exactly() -> None:
    assert cleaner.clean(PAGE.read_text(encoding="utf-8")) == GOLD.read_text(encoding="utf-8")


def test_seed_page_from_bytes_equals_gold() -> None:
    assert cleaner.clean(PAGE.read_bytes()) == GOLD.read_text(encoding="utf-8")


def test_every_removed_block_is_explained_by_a_named_filter() -> None:
    page = PAGE.read_text(encoding="utf-8")
    result = cleaner.clean_and_explain(page)
    gold_lines = set(GOLD.read_text(encoding="utf-8").splitlines())
    removed = {d.text for d in result.decisions if d.action is Action.DROP}
    for line in filter(None, page.splitlines()):
        if line not in gold_lines:
            assert any(line == text for text in removed) or _trimmed(result, line), line
    for d in result.decisions:
        assert d.filter in cleaner.available_filters()
        assert d.reason


def _trimmed(result: cleaner.Result, line: str) -> bool:
    return any(d.action is Action.TRIM and d.text and d.text in line for d in result.decisions)


def test_seed_explanation_names_the_expected_filters() -> None:
    result = cleaner.clean_and_explain(PAGE.read_text(encoding="utf-8"))
    by_text = {d.text: d.filter for d in result.decisions if d.action is Action.DROP}
    assert by_text["Take Action"] == "take_action"
    assert by_text["Privacy Overview"] == "consent"
    assert by_text["Agnès Callamard, Amnesty International’s Secretary General"] == "pull_quotes"
    trims = {d.text.strip() for d in result.decisions if d.action is Action.TRIM}
    assert "DONATE" in trims
