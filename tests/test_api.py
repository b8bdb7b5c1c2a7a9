"""The public API's contract: types, empty input, bytes, JSON."""

from __future__ import annotations

import json
import os
import time

import pytest

import cleaner
from cleaner import InputTooLarge

ARTICLE = (
    "Skip to main content\n\n"
    "Floods displace thousands in the river delta\n\n"
    "Heavy rains over the weekend forced more than ten thousand families to leave their homes, "
    "local officials said on Monday, as rivers rose above their banks.\n\n"
    "Aid groups are setting up shelters in schools and are distributing clean water and food "
    "to the families who arrived overnight.\n"
)


@pytest.mark.parametrize("page", [None, 42, 3.5, ["text"], {"a": 1}])
def test_wrong_types_raise_type_error_with_a_clear_message(page: object) -> None:
    with pytest.raises(TypeError, match="expects the page as str or bytes"):
        cleaner.clean(page)


def test_empty_string_gives_empty_string() -> None:
    assert cleaner.clean("") == ""
    assert cleaner.clean(b"") == ""
    assert cleaner.clean("   \n\n \t ") == ""


def test_random_binary_bytes_return_a_string() -> None:
    data = os.urandom(5000)
    assert isinstance(cleaner.clean(data), str)


def test_skip_link_is_removed_and_article_kept() -> None:
    out = cleaner.clean(ARTICLE)
    assert not out.startswith("Skip")
    assert out.startswith("Floods displace thousands")
    assert "clean water and food" in out


def test_bytes_with_bom_and_legacy_charsets() -> None:
    assert cleaner.clean(ARTICLE.encode("utf-8-sig")) == cleaner.clean(ARTICLE)
    assert cleaner.clean(ARTICLE.encode("utf-16")) == cleaner.clean(ARTICLE)
    latin = (
        "Caf\u00e9 owners protest new rules in the old town\n\n"
        "The owners of caf\u00e9s said the rules would hurt them badly this summer."
    )
    assert "Caf\u00e9 owners" in cleaner.clean(latin.encode("cp1252"))


def test_result_lists_decisions_and_converts_to_json() -> None:
    result = cleaner.clean_and_explain(ARTICLE)
    data = json.loads(result.to_json())
    assert data["text"] == result.text
    drops = [d for d in data["decisions"] if d["action"] == "drop"]
    assert drops[0]["filter"] == "accessibility"
    assert drops[0]["text"] == "Skip to main content"
    assert result.removals()["accessibility"] == 1


def test_explicit_text_mode_keeps_markup_as_text() -> None:
    page = "<p>Tags in text are just characters when the caller says so, and stay in place.</p>"
    assert "<p>" in cleaner.clean(page, mode="text")


def test_unknown_mode_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="mode must be one of"):
        cleaner.clean("x", mode="pdf")


def test_max_bytes_raises_input_too_large() -> None:
    with pytest.raises(InputTooLarge):
        cleaner.clean("a" * 1000, max_bytes=100)
    assert cleaner.clean("a" * 1000, max_bytes=None) == "a" * 1000 + "\n"


def test_output_paragraphs_are_spans_of_the_input() -> None:
    result = cleaner.clean_and_explain(ARTICLE)
    for paragraph in result.paragraphs:
        assert paragraph in ARTICLE
    for d in result.decisions:  # what a decision says it removed is text of the page
        assert d.text and d.text in ARTICLE


HTML = (
    "<html><head><title>Floods</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Floods in the delta</h1><p>Heavy rains forced more than ten thousand families to leave "
    "their homes, local officials said on Monday.</p><p>Aid groups set up shelters in schools and "
    "distributed clean water to the families who arrived overnight.</p></article></body></html>"
)


def test_html_is_detected_and_parsed_trees_are_accepted() -> None:
    import lxml.html
    from bs4 import BeautifulSoup

    out = cleaner.clean(HTML)
    assert out.startswith("Floods in the delta\n\nHeavy rains")
    assert "Home" not in out
    assert cleaner.clean(HTML.encode("utf-8")) == out
    assert cleaner.clean(BeautifulSoup(HTML, "lxml")) == out
    assert cleaner.clean(lxml.html.fromstring(HTML)) == out
    assert cleaner.clean_and_explain(HTML).mode == "html"


def test_html_entities_are_never_resolved() -> None:
    page = (
        b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b"<html><body><p>&e; an ordinary paragraph of text that stays.</p></body></html>"
    )
    out = cleaner.clean(page, mode="html")
    assert "root:" not in out
    assert "an ordinary paragraph of text that stays." in out


def test_the_time_budget_counts_work_not_waiting() -> None:
    # a loaded machine makes a page wait for the CPU; its result must not change with the load
    def waits(block: cleaner.Block, doc: cleaner.Document) -> None:
        if block.index == 0:
            time.sleep(0.3)  # no CPU spent, as when other processes hold it

    page = "Skip to main content\n\n" + "A paragraph of the article, long enough to read like prose.\n\n" * 20
    result = cleaner.clean_and_explain(
        page, pipeline=[cleaner.BlockFilter("waits", waits), "accessibility"], max_seconds=0.2
    )
    assert not result.timed_out
    assert "Skip to main content" not in result.text


def test_the_time_budget_stops_filters_and_says_so() -> None:
    page = "Skip to main content\n\n" + "A paragraph of the article, long enough to read like prose.\n\n" * 200
    spent = cleaner.clean_and_explain(page, max_seconds=0.0)
    notes = [d for d in spent.decisions if d.action is cleaner.Action.NOTE]
    assert spent.timed_out and notes and "time budget spent" in notes[0].reason
    assert "Skip to main content" in spent.text  # nothing ran: the text is the input's
    full = cleaner.clean_and_explain(page)
    assert not full.timed_out and "Skip to main content" not in full.text
    assert full.to_dict()["timed_out"] is False
