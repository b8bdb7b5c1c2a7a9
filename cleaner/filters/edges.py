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
from functools import lru_cache

from .. import vocab
from ..filter import Filter
from ..gate import starts
from ..model import Block, Decision, Document
from ..registry import register
from ..view import _WORD, Word

MIN_WORDS_LEFT = 3
WINDOW = 240  # characters at the end of a block that an edge phrase may span


@register
class EdgesFilter(Filter):
    name = "edges"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        found = [edge_hits(b.text, doc.languages) if doc.alive(b.index) else () for b in doc.timed(doc.blocks)]
        for kind in vocab.kinds():  # kind by kind, as the filters that follow
            for block, hits in zip(doc.blocks, found, strict=True):
                for hit_kind, start, end in hits:
                    if hit_kind == kind and doc.alive(block.index) and self._enough_left(doc, block, start, end):
                        where = "start" if start == 0 else "end"
                        yield self.trim(block, start, end, f"{kind} text fused at the block's {where}")

    @staticmethod
    def _enough_left(doc: Document, block: Block, start: int, end: int) -> bool:
        spans = [*doc.trims.get(block.index, []), (start, end)]
        left = block.text
        for s, e in sorted(spans, reverse=True):
            left = left[:s] + " " + left[e:]
        return len(left.split()) >= MIN_WORDS_LEFT


@lru_cache(maxsize=1 << 16)
def edge_hits(text: str, languages: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """``(kind, start, end)`` of every kind's edge entries at the text's ends
    (memoized by text: the fixed-point pass sees the kept blocks again)."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _WORD.finditer(text)]
    hits: list[tuple[str, int, int]] = []
    for kind in vocab.kinds():
        m = vocab.matcher(kind, "edge", languages)
        if m is not None:
            hits.extend((kind, start, end) for start, end in phrase_spans(text, words, m))
    return tuple(hits + regex_spans(text, words, vocab.gates(languages)))


def phrase_spans(text: str, words: list[Word], m: vocab.Matcher) -> Iterator[tuple[int, int]]:
    """Where a plain edge phrase makes up the first or the last words of the text."""
    n = len(words)
    for k in m.lengths:
        if k < n and tuple(w for w, _, _ in words[:k]) in m.phrases:
            yield 0, words[k - 1][2]
            break
    for k in m.lengths:
        if k < n and tuple(w for w, _, _ in words[n - k :]) in m.phrases:
            yield words[n - k][1], len(text)
            break


def regex_spans(text: str, words: list[Word], gates: vocab.Gates) -> list[tuple[str, int, int]]:
    """The longest ``re:`` edge hit of each kind at the text's start and at its end."""
    best: dict[tuple[str, bool], tuple[int, int]] = {}
    lead = range(words[0][1] + 1 if words else len(text))
    for (kind, _), pattern in gates.edge_start.candidates(text, lead):
        hit = pattern.match(text)
        if hit is not None and hit.end() > best.get((kind, True), (0, 0))[1]:
            best[kind, True] = hit.span()
    # only a block's last characters can hold an edge phrase: search just those
    window = max(0, len(text) - WINDOW)
    for (kind, _), pattern in gates.edge_end.candidates(text, starts(text, window)):
        hit = pattern.search(text, window)
        if hit is not None and hit.start() < best.get((kind, False), (len(text), 0))[0]:
            best[kind, False] = hit.span()
    return [(kind, start, end) for (kind, _), (start, end) in best.items()]
