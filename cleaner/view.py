"""Compact views of a page's text for the vocabulary matchers.

A label, a heading or a banner is short; a long paragraph is never wholly a
"Share" button.  Matching whole-line and cue vocabularies only against the
page's shorter blocks, joined into one string, skips most of the bytes of a
page at no cost in recall.  A `View` maps its offsets back to blocks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from . import vocab
from .model import Block, Document
from .signals import Shape, shape

_WORD = regex.compile(r"\w+")
Word = tuple[str, int, int]  # lower-cased word, start, end (in the block's text)


@dataclass(frozen=True, slots=True)
class View:
    text: str
    starts: list[int]  # offset of each included block in `text`
    blocks: list[Block]

    def block_at(self, offset: int) -> tuple[Block, int] | None:
        """The block holding `offset`, with `offset` made relative to that block."""
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        relative = offset - self.starts[i]
        block = self.blocks[i]
        return (block, relative) if relative <= len(block.text) else None


def short_blocks(doc: Document, max_words: int) -> View:
    """The blocks of at most `max_words` words, one per line (cached per page)."""
    key = f"view:{max_words}"
    cached = doc.cache.get(key)
    if isinstance(cached, View):
        return cached
    parts: list[str] = []
    starts: list[int] = []
    blocks: list[Block] = []
    pos = 0
    for block in doc.blocks:
        if block.words <= max_words:
            starts.append(pos)
            blocks.append(block)
            parts.append(block.text)
            pos += len(block.text) + 1
    view = View("\n".join(parts), starts, blocks)
    doc.cache[key] = view
    return view


def block_words(doc: Document, block: Block) -> list[Word]:
    """The block's words with their spans (cached per page)."""
    memo = doc.cache.setdefault("words", {})
    assert isinstance(memo, dict)
    found = memo.get(block.index)
    if found is None:
        found = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(block.text)]
        memo[block.index] = found
    return found


def block_shape(doc: Document, block: Block) -> Shape:
    """The shape of the block's full text (cached per page: several filters ask)."""
    memo = doc.cache.setdefault("shapes", {})
    assert isinstance(memo, dict)
    found = memo.get(block.index)
    if found is None:
        found = shape(block.text, vocab.function_words(doc.languages))
        memo[block.index] = found
    return found
