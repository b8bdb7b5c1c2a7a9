"""Invariants over any input (hypothesis): no exception, idempotence, spans, order."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.normalize import normalize

# text that looks like pages: lines of words, blank lines, boilerplate-ish labels
WORDS = st.sampled_from(
    [
        "the",
        "a",
        "of",
        "and",
        "to",
        "in",
        "report",
        "said",
        "government",
        "people",
        "water",
        "children",
        "rights",
        "share",
        "donate",
        "cookies",
        "accept",
        "take",
        "action",
        "menu",
        "read",
        "more",
        "©",
        "photo:",
        "by",
        "privacy",
        "overview",
        "skip",
        "to",
        "main",
        "content",
        "Topics:",
        "Related",
        "news",
        ".",
        ",",
        "!",
        "?",
        "“",
        "”",
        "—",
        "DONATE",
        "Facebook",
        "2024",
    ]
)
LINE = st.lists(WORDS, min_size=0, max_size=40).map(" ".join)
PAGE = st.lists(st.one_of(LINE, st.just("")), min_size=0, max_size=40).map("\n".join)
ANY_TEXT = st.one_of(PAGE, st.text(max_size=2000))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_string(data: bytes) -> None:
    assert isinstance(cleaner.clean(data), str)


@SETTINGS
@given(ANY_TEXT)
def test_idempotent(page: str) -> None:
    once = cleaner.clean(page)
    assert cleaner.clean(once) == once


@SETTINGS
@given(ANY_TEXT)
def test_every_output_paragraph_is_a_span_of_the_normalized_input_in_order(page: str) -> None:
    source = normalize(page)
    pos = 0
    for paragraph in cleaner.clean(page, mode="text").split("\n\n"):
        paragraph = paragraph.strip("\n")
        if not paragraph:
            continue
        found = source.find(paragraph, pos)
        assert found >= 0, paragraph
        pos = found + len(paragraph)
