"""Main-body localization: the longest coherent run of body-like blocks.

Removes: everything before and after the article's run of paragraphs: menus,
headline lists, teaser cards, footers, sidebars, even when no cue phrase
matches them.
Signals: each kept block scores by shape (long punctuated prose with function
words scores up; short, unpunctuated, link-like lines score down); the run
with the highest total (a maximum-sum segment) is the body.  The title and
standfirst that lead into the run are added back: the most title-like line
(an ``<h1>`` when the input was HTML) within a few blocks above it.
Traps avoided: short lines *inside* the run (subheadings, list items, a
dateline) are kept; a page without any prose run is left alone; the
over-pruning guard can undo this filter.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import vocab
from ..filter import Filter
from ..model import Block, Decision, Document
from ..registry import register
from ..signals import Shape, shape

MIN_RUN_SCORE = 2.0
LEAD_WINDOW = 5  # kept blocks above the run searched for the title
MIN_TITLE_WORDS = 4
REMOVED = -1.0  # the score of a block an earlier filter removed


def score(block: Block, s: Shape) -> float:
    """How body-like a block is: positive for prose, negative for chrome."""
    if block.hints.link_density > 0.5:
        return -1.0
    if s.prose:
        return min(s.words, 60) / 10
    if s.words <= 3:
        return -1.0
    # a long block without a final stop (a list item, a quote) is mildly body-like
    return max(-0.5, min(1.0, (s.words - 10) / 20))


def best_run(scores: list[float]) -> tuple[int, int, float]:
    """The maximum-sum segment ``(first, last, total)``; (0, -1, 0) if none."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, value in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += value
        if total > best[2]:
            best = (start, i, total)
    return best


@register
class MainBodyFilter(Filter):
    name = "main_body"
    aggressive = True

    def __call__(self, doc: Document) -> Iterator[Decision]:
        stops = frozenset().union(*(vocab.stopwords(lang) for lang in doc.languages))
        blocks = doc.blocks
        if len(doc.kept()) < 3:
            return
        shapes = [shape(" ".join(doc.remaining(b)), stops) for b in blocks]
        # removed boilerplate still separates: it counts against a run across it
        scores = [score(b, s) if doc.alive(b.index) else REMOVED for b, s in zip(blocks, shapes, strict=True)]
        first, last, total = best_run(scores)
        if total < MIN_RUN_SCORE:
            return
        first = self.lead_in(doc, shapes, first)
        for block in blocks[:first]:
            if doc.alive(block.index):
                yield self.drop(block, "before the main text")
        for block in blocks[last + 1 :]:
            if doc.alive(block.index):
                yield self.drop(block, "after the main text")

    @staticmethod
    def lead_in(doc: Document, shapes: list[Shape], first: int) -> int:
        """Move the run's start up to the title that leads into it."""
        alive = [i for i in range(first - 1, -1, -1) if doc.alive(i)][:LEAD_WINDOW]
        h1 = [i for i in alive if doc.blocks[i].hints.heading == 1]
        if h1:
            return h1[0]
        # the farthest title-like line: a byline or date line sits between title and text
        titles = [i for i in alive if shapes[i].heading_like and shapes[i].words >= MIN_TITLE_WORDS]
        return titles[-1] if titles else first
