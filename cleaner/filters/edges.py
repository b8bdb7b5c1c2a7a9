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
from functools import cache

from .. import vocab
from ..filter import Filter
from ..memo import memo_by_text
from ..model import Block, Decision, Document
from ..registry import register
from ..signals import LONG_BLOCK
from ..view import Word, lead, words

MIN_WORDS_LEFT = 3
WINDOW = 240  # characters at the end of a block that an edge phrase may span


@register
class EdgesFilter(Filter):
    name = "edges"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        order = {kind: i for i, kind in enumerate(vocab.kinds())}
        for block in doc.timed(doc.blocks):
            if doc.alive(block.index) and len(block.text) <= LONG_BLOCK:
                yield from self._peel(doc, block, order)

    def _peel(self, doc: Document, block: Block, order: dict[str, int]) -> Iterator[Decision]:
        """Trim edge phrases off both ends until none is left: a trim can uncover
        another ("... Read more DONATE"), and leaving it to the next pass would
        take one pass per phrase."""
        text = block.text
        lo, hi = 0, len(text)
        while lo < hi:
            at_edges = edge_hits(text[lo:hi], doc.languages)
            if not at_edges:
                return  # most blocks
            hits = sorted(at_edges, key=lambda h: order[h[0]])
            spans = [(kind, lo + s, lo + e) for kind, s, e in hits]
            found = next((h for h in spans if self._enough_left(doc, block, h[1], h[2])), None)
            if found is None:
                return
            kind, start, end = found
            where = "start" if start == lo else "end"
            yield self.trim(block, start, end, f"{kind} text fused at the block's {where}")
            lo, hi = (end, hi) if where == "start" else (lo, start)
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1

    @staticmethod
    def _enough_left(doc: Document, block: Block, start: int, end: int) -> bool:
        spans = [*doc.trims.get(block.index, []), (start, end)]
        left = block.text
        for s, e in sorted(spans, reverse=True):
            left = left[:s] + " " + left[e:]
        return len(left.split()) >= MIN_WORDS_LEFT


@memo_by_text
def edge_hits(text: str, languages: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    """``(kind, start, end)`` of every kind's edge entries at the text's ends."""
    found = words(text)
    return tuple(phrase_spans(text, found, edge_phrases(languages)) + regex_spans(text, found, vocab.gates(languages)))


Phrases = dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # a word -> (phrase, kind), longest first


@cache
def edge_phrases(languages: tuple[str, ...]) -> tuple[Phrases, Phrases]:
    """Every kind's plain edge phrases, indexed by their first word and by their last: a block
    is looked up by its own first and last word, not once per kind and phrase length."""
    first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in vocab.kinds():
        m = vocab.matcher(kind, "edge", languages)
        for phrase in m.phrases if m else ():
            first.setdefault(phrase[0], []).append((phrase, kind))
            last.setdefault(phrase[-1], []).append((phrase, kind))

    def longest_first(index: dict[str, list[tuple[tuple[str, ...], str]]]) -> Phrases:
        return {w: tuple(sorted(v, key=lambda p: -len(p[0]))) for w, v in index.items()}

    return longest_first(first), longest_first(last)


def phrase_spans(text: str, found: tuple[Word, ...], index: tuple[Phrases, Phrases]) -> list[tuple[str, int, int]]:
    """Where a plain edge phrase makes up the first or the last words of the text (not all of
    them): the longest of each kind at each end, kinds in `vocab.kinds` order, start before end."""
    n = len(found)
    if n < 2:
        return []
    heads: dict[str, int] = {}  # kind -> where its phrase at the start ends
    for phrase, kind in index[0].get(found[0][0], ()):
        k = len(phrase)
        if k < n and kind not in heads and all(found[j][0] == phrase[j] for j in range(1, k)):
            heads[kind] = found[k - 1][2]
    tails: dict[str, int] = {}  # kind -> where its phrase at the end starts
    for phrase, kind in index[1].get(found[-1][0], ()):
        k = len(phrase)
        if k < n and kind not in tails and all(found[n - k + j][0] == phrase[j] for j in range(k - 1)):
            tails[kind] = found[n - k][1]
    if not heads and not tails:
        return []  # most blocks
    hits: list[tuple[str, int, int]] = []
    for kind in vocab.kinds():
        if kind in heads:
            hits.append((kind, 0, heads[kind]))
        if kind in tails:
            hits.append((kind, tails[kind], len(text)))
    return hits


def regex_spans(text: str, found: tuple[Word, ...], gates: vocab.Gates) -> list[tuple[str, int, int]]:
    """The longest ``re:`` edge hit of each kind at the text's start and at its end."""
    best: dict[tuple[str, bool], tuple[int, int]] = {}
    for (kind, _), pattern in gates.edge_start.candidates(text, lead(text, found)):
        hit = pattern.match(text)
        if hit is not None and hit.end() > best.get((kind, True), (0, 0))[1]:
            best[kind, True] = hit.span()
    # only a block's last characters can hold an edge phrase: search just those
    window = max(0, len(text) - WINDOW)
    for (kind, _), pattern in gates.edge_end.candidates_from(text, window):
        hit = pattern.search(text, window)
        if hit is not None and hit.start() < best.get((kind, False), (len(text), 0))[0]:
            best[kind, False] = hit.span()
    return [(kind, start, end) for (kind, _), (start, end) in best.items()]
