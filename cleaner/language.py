"""A cheap language guess from function-word profiles.

English interface strings are checked on every page; the guessed language adds
its own vocabularies.  The guess reads at most the first few thousand words.
"""

from __future__ import annotations

from collections import Counter

from .signals import tokens
from .vocab import LANGUAGES, stopwords

_SAMPLE_WORDS = 3000


def guess(text: str) -> str | None:
    """The most likely of the supported languages, or None when unsure."""
    words = tokens(text[: _SAMPLE_WORDS * 8])[:_SAMPLE_WORDS]
    if len(words) < 5:
        return None
    counts = Counter(words)
    # the words both hold (a set operation in C), rather than a Counter lookup per function word
    scores = {lang: sum(counts[w] for w in counts.keys() & stopwords(lang)) for lang in LANGUAGES}
    best = max(scores, key=lambda lang: scores[lang])
    if scores[best] < max(3, len(words) * 0.08):
        return None
    return best


def vocabulary_languages(text: str, forced: str | None = None) -> tuple[str, ...]:
    """Which vocabularies apply: English always, plus the page's language."""
    lang = forced or guess(text)
    if lang is None or lang == "en" or lang not in LANGUAGES:
        return ("en",)
    return ("en", lang)
