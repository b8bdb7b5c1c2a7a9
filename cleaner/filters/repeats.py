"""Paragraphs that the kept text repeats word for word.

Removes: a later copy of a kept paragraph (20 or more words ending like a
sentence; the same words, case and punctuation aside): a metadata dump that
repeats the standfirst, a duplicated teaser, a sticky box printed twice.
Signals: repetition inside the kept text; runs after ``main_body``, so the
copy that stays is the one in the article's run, and a copy in a header teaser
that ``main_body`` removed does not take the article's paragraph with it.
Traps avoided: the first copy always stays; list items and labels repeat
legitimately (a meal plan's days, a documentation page's subheadings) and are
not candidates; a quotation set in a longer paragraph is the pull-quote
filter's.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..filter import Filter
from ..model import Decision, Document
from ..registry import register
from ..signals import LONG_BLOCK
from .pull_quotes import block_key

MIN_WORDS = 20  # a paragraph: shorter lines repeat legitimately
SENTENCE_END = (".", "!", "?", "\u201d", '"')


@register
class RepeatsFilter(Filter):
    name = "repeats"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        first: dict[str, int] = {}
        for block in doc.timed(doc.kept()):
            text = block.text
            # a sentence's end, not Shape.terminal: a paragraph ending in ":" leads into a list
            if len(text) > LONG_BLOCK or not text.rstrip().endswith(SENTENCE_END) or block.words < MIN_WORDS:
                continue
            key = block_key(text)
            if key in first:
                yield self.drop(block, f"repeats block {first[key]}")
            else:
                first[key] = block.index
