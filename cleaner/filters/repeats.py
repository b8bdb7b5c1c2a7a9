"""Paragraphs that the kept text repeats word for word.

Removes: a later copy of a kept paragraph (20 or more words ending like a
sentence; the same words, case and punctuation aside): a metadata dump that
repeats the standfirst, a duplicated teaser, a sticky box printed twice; and
a long block (100+ words) whose word 4-grams are mostly (80%) in the kept
text before it: the article's paragraphs run together again in one block;
in HTML, an element whose text is word for word its previous sibling's (10+
words): responsive layouts print a section once per screen size, flip cards
print their face twice.
Signals: repetition inside the kept text and between sibling elements; runs
after ``main_body``, so the copy that stays is the one in the article's run,
and a copy in a header teaser that ``main_body`` removed does not take the
article's paragraph with it.
Traps avoided: the first copy always stays; list items and labels repeat
legitimately (a meal plan's days, a documentation page's subheadings) and are
not candidates; a quotation set in a longer paragraph is the pull-quote
filter's; a sibling copy's block goes only while its twin in the element it
copies stays (a hidden mobile menu before the visible one takes nothing with
it).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..filter import Filter
from ..model import Block, Decision, Document
from ..registry import register
from ..signals import LONG_BLOCK
from .pull_quotes import block_key
from .structure import element_children

MIN_WORDS = 20  # a paragraph: shorter lines repeat legitimately
DUMP_MIN_WORDS = 100  # a block this long may be a copy of several kept paragraphs run together
DUMP_COVERED = 0.8  # share of its word 4-grams found in the kept text before it
SENTENCE_END = (".", "!", "?", "\u201d", '"')
COPY_MIN_WORDS = 10  # a sibling's copy this long is a second rendering; shorter twins (a price, a label) recur


def sibling_copies(doc: Document) -> list[Block]:
    """The blocks of elements that repeat their previous same-tag sibling word for word (HTML).

    A block goes only while its twin in the first rendering stays: when that
    one was removed (hidden, before the article), the copy is the page's.
    """
    out: list[Block] = []
    for (depth, _), children in element_children(doc).items():
        origin: dict[int, list[Block]] = {}  # a copy's first rendering
        for (before, first), (node, second) in pairwise(children.items()):
            if first[0].hints.path[depth + 1] != second[0].hints.path[depth + 1]:
                continue
            if [b.text for b in first] != [b.text for b in second] or sum(b.words for b in second) < COPY_MIN_WORDS:
                continue
            source = origin[node] = origin.get(before, first)
            out += [b for b, twin in zip(second, source, strict=True) if doc.alive(twin.index)]
    return out


def _grams(words: list[str]) -> list[tuple[str, ...]]:
    return list(zip(words, words[1:], words[2:], words[3:], strict=False))  # the word 4-grams, built in C


@register
class RepeatsFilter(Filter):
    name = "repeats"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        if doc.mode == "html":
            for block in sibling_copies(doc):
                if doc.alive(block.index):  # an element nested in a copy that went already
                    yield self.drop(block, "copy of the element before it")
        first: dict[str, int] = {}
        seen: set[tuple[str, ...]] = set()  # word 4-grams of the kept text so far
        for block in doc.timed(doc.kept()):
            text = block.text
            key = block_key(text[:LONG_BLOCK])
            grams = _grams(key.split())
            if block.words >= DUMP_MIN_WORDS and grams and sum(g in seen for g in grams) >= DUMP_COVERED * len(grams):
                # a metadata dump of the article body (the paragraphs run together)
                yield self.drop(block, "repeats the kept text before it")
                continue
            seen.update(grams)
            # a sentence's end, not Shape.terminal: a paragraph ending in ":" leads into a list
            if len(text) > LONG_BLOCK or not text.rstrip().endswith(SENTENCE_END) or block.words < MIN_WORDS:
                continue
            if key in first:  # (the whole text: longer blocks were skipped above)
                yield self.drop(block, f"repeats block {first[key]}")
            else:
                first[key] = block.index
