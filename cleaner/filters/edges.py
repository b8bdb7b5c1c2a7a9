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
from ..view import block_words

MIN_WORDS_LEFT = 3
WINDOW = 240  # characters at each end of a block that an edge phrase may span


def _edge_windows(block: Block) -> list[tuple[int, int]]:
    n = len(block.text)
    if n <= 2 * WINDOW:
        return [(0, n)]
    return [(0, WINDOW), (n - WINDOW, n)]


@register
class EdgesFilter(Filter):
    name = "edges"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for kind in vocab.kinds():
            m = vocab.matcher(kind, "edge", doc.languages)
            if m is None:
                continue
            for block in doc.blocks:
                if not doc.alive(block.index):
                    continue
                for start, end in self.spans(doc, block, m):
                    if self._enough_left(doc, block, start, end):
                        where = "start" if start == 0 else "end"
                        yield self.trim(block, start, end, f"{kind} text fused at the block's {where}")

    @staticmethod
    def spans(doc: Document, block: Block, m: vocab.Matcher) -> Iterator[tuple[int, int]]:
        """Where an edge entry stands at the very start or end of the block."""
        words = block_words(doc, block)
        n, text = len(words), block.text
        for k in m.lengths:
            if k < n and tuple(w for w, _, _ in words[:k]) in m.phrases:
                yield 0, words[k - 1][2]
                break
        for k in m.lengths:
            if k < n and tuple(w for w, _, _ in words[n - k :]) in m.phrases:
                yield words[n - k][1], len(text)
                break
        if m.pattern is None:
            return
        # only a block's ends can hold an edge phrase: search just those
        for lo, hi in _edge_windows(block):
            hit = m.pattern.search(text, lo, hi)
            if hit is not None and (hit.start() == 0 or hit.end() == len(text)):
                yield hit.start(), hit.end()

    @staticmethod
    def _enough_left(doc: Document, block: Block, start: int, end: int) -> bool:
        spans = [*doc.trims.get(block.index, []), (start, end)]
        left = block.text
        for s, e in sorted(spans, reverse=True):
            left = left[:s] + " " + left[e:]
        return len(left.split()) >= MIN_WORDS_LEFT
