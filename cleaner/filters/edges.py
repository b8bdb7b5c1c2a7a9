"""Boilerplate fused onto real text at the start or end of a block.

Removes (trims): a JavaScript notice, a "DONATE" button, "Read more", "(opens
in a new window)" or a photo credit glued to a title or a paragraph on the
same line, e.g. ``Please ensure Javascript is enabled ... <title> DONATE``.
Signals: every kind's ``[edge]`` vocabulary, matched only at the very start
or the very end of a block.
Traps avoided: the span is trimmed only when at least a few words of other
text remain, so a block that is nothing but the phrase is left to the kind's
own filter, and a word in the middle of a sentence is never touched.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import vocab
from ..filter import Filter
from ..model import Block, Decision, Document
from ..registry import register

MIN_WORDS_LEFT = 3


@register
class EdgesFilter(Filter):
    name = "edges"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for kind in vocab.kinds():
            pattern = vocab.matcher(kind, "edge", doc.languages)
            if pattern is None:
                continue
            for m in pattern.finditer(doc.text):
                block = doc.block_at(m.start())
                if block is None or not doc.alive(block.index) or m.end() > block.end:
                    continue
                start, end = m.start() - block.start, m.end() - block.start
                if (start == 0 or end == len(block.text)) and self._enough_left(doc, block, start, end):
                    yield self.trim(
                        block,
                        start,
                        end,
                        f"{kind} text fused at the block's {'start' if start == 0 else 'end'}",
                    )

    @staticmethod
    def _enough_left(doc: Document, block: Block, start: int, end: int) -> bool:
        spans = [*doc.trims.get(block.index, []), (start, end)]
        left = block.text
        for s, e in sorted(spans, reverse=True):
            left = left[:s] + " " + left[e:]
        return len(left.split()) >= MIN_WORDS_LEFT
