"""What filters read off a block's text, computed once and shared.

`block_shape` is cached per page (several filters ask); `words` splits a text
into lower-cased words with their spans.
"""

from __future__ import annotations

from . import vocab
from .memo import memo_by_text
from .model import Block, Document
from .signals import WORD, Shape, shape

Word = tuple[str, int, int]  # lower-cased word, start, end (in the text)


def _words(text: str) -> tuple[Word, ...]:
    return tuple([(m.group().lower(), m.start(), m.end()) for m in WORD.finditer(text)])


words = memo_by_text(_words, entries=4096)
"""The text's words, lower-cased, with their spans (memoized: the phrase and edge filters read the same blocks)."""


def lead(text: str, found: tuple[Word, ...]) -> range:
    """Where a whole-line entry may start: up to the first word (bullets and
    punctuation may come before it)."""
    return range(found[0][1] + 1 if found else len(text))


def block_shape(doc: Document, block: Block) -> Shape:
    """The shape of the block's full text (cached per page: several filters ask)."""
    memo = doc.cache.setdefault("shapes", {})
    assert isinstance(memo, dict)
    found = memo.get(block.index)
    if found is None:
        found = shape(block.text, vocab.function_words(doc.languages))
        memo[block.index] = found
    return found
