"""What filters read off a block's text, computed once and shared.

`block_shape` is cached per page (several filters ask); `words` splits a text
into lower-cased words with their spans; `memo_by_text` memoizes work that
depends only on a block's text, so the fixed-point pass (which sees the kept
blocks again) and a site's repeated menus cost a lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import TypeVar, cast

import regex

from . import vocab
from .model import Block, Document
from .signals import Shape, shape

_WORD = regex.compile(r"\w+")
Word = tuple[str, int, int]  # lower-cased word, start, end (in the text)

MEMO_MAX_CHARS = 1000  # texts up to this long are memoized...
MEMO_ENTRIES = 1 << 15  # ...this many per function (a few tens of MB at most)

F = TypeVar("F", bound=Callable[..., object])


def words(text: str) -> list[Word]:
    """The text's words, lower-cased, with their spans."""
    return [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]


def lead(text: str, found: list[Word]) -> range:
    """Where a whole-line entry may start: up to the first word (bullets and
    punctuation may come before it)."""
    return range(found[0][1] + 1 if found else len(text))


def memo_by_text(func: F) -> F:
    """Memoize `func(text, *hashable_args)` for short texts; long paragraphs
    rarely repeat and would make the memo large."""
    cached = lru_cache(maxsize=MEMO_ENTRIES)(func)

    def call(text: str, *args: Hashable) -> object:
        return (cached if len(text) <= MEMO_MAX_CHARS else func)(text, *args)

    call.__doc__ = func.__doc__
    return cast(F, call)


def block_shape(doc: Document, block: Block) -> Shape:
    """The shape of the block's full text (cached per page: several filters ask)."""
    memo = doc.cache.setdefault("shapes", {})
    assert isinstance(memo, dict)
    found = memo.get(block.index)
    if found is None:
        found = shape(block.text, vocab.function_words(doc.languages))
        memo[block.index] = found
    return found
