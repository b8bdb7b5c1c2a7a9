"""Lines that recur down a page: a thread's per-post lines, a catalogue's entry labels.

Both are short lines whose copies, figures aside, part the page into posts
or entries; what tells them apart is what sits between the copies (a
paragraph in most gaps: posts) and how regular the pace is.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from itertools import accumulate, pairwise

import regex

from ..model import Block
from ..signals import Shape

POST_PARAGRAPH = 1.0  # the score of a paragraph (ten words of prose) between two copies of a line
POST_SHARE = 0.75  # share of the gaps between a line's copies that hold a paragraph, at least
FIGURES = regex.compile(r"\d+")


def masked(text: str) -> str:
    """A line's form with its figures masked: "Posts: 9179" and "Posts: 13", "EUR 34.42" and
    "EUR 17.07" are one line each."""
    return FIGURES.sub("#", " ".join(text.casefold().split()))


def short_line_places(blocks: Sequence[Block], shapes: list[Shape], most_words: int) -> dict[str, list[int]]:
    """Where each short line (up to `most_words` words, no sentence) stands, by its `masked` form."""
    at: dict[str, list[int]] = {}
    for block in blocks:
        s = shapes[block.index]
        if 1 <= s.words <= most_words and not s.prose:
            at.setdefault(masked(block.text), []).append(block.index)
    return at


def usual_gap(places: list[int]) -> float:
    """The median distance between two copies of a line."""
    return statistics.median(b - a for a, b in pairwise(places))


def posts_between(scores: list[float], places: list[int]) -> bool:
    """Whether a paragraph (a post) sits between two copies of a line in `POST_SHARE` of the gaps."""
    held = sum(max(scores[a + 1 : b], default=0.0) >= POST_PARAGRAPH for a, b in pairwise(places))
    return held >= POST_SHARE * (len(places) - 1)


def best_prefix(scores: list[float]) -> int:
    """How many of `scores` to take for the highest sum (the fewest on a tie; 0 when none adds)."""
    sums = list(accumulate(scores, initial=0.0))
    return max(range(len(sums)), key=lambda k: (sums[k], -k))
