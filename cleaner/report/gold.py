"""Compare what was kept and removed with a gold (the expected article text).

A piece of text *is in* a text when most of its word trigrams occur there (at
least half of them), or, for a piece of one or two words, when it is a whole
line of it.  Kept text that is not in the gold **leaked**.  Removed text that
is in the part of the gold the output misses was **lost**: a removed pull
quote repeating a kept paragraph is not lost, its words are still there.
"""

from __future__ import annotations

from collections import Counter

from ..signals import tokens as words  # lower-cased word tokens, as the filters read them

N = 3  # words per shingle
SHARE = 0.5  # share of a piece's shingles found in the gold to count as "in the gold"


def shingles(tokens: list[str]) -> list[tuple[str, ...]]:
    """The word trigrams of a token list."""
    return [tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)]


def line_set(text: str) -> set[str]:
    """The text's non-empty lines as normalized word strings."""
    return {" ".join(words(line)) for line in text.splitlines() if words(line)}


class Gold:
    """A gold text and the output it is compared with, indexed for containment checks."""

    def __init__(self, text: str, output: str = "") -> None:
        tokens = words(text)
        self.bag = Counter(tokens)
        self.lines = line_set(text)
        self.shingles = set(shingles(tokens))
        self.missing_lines = self.lines - line_set(output)
        self.missing_shingles = self.shingles - set(shingles(words(output)))

    def contains(self, text: str) -> bool:
        """Whether `text` (a block or part of one) is part of the gold."""
        return _inside(text, self.lines, self.shingles, empty=True)

    def misses(self, text: str) -> bool:
        """Whether `text` is part of the gold that the output lacks."""
        return _inside(text, self.missing_lines, self.missing_shingles, empty=False)

    def score(self, output: str) -> tuple[float, float, float]:
        """Bag-of-words precision, recall and F1 of `output` against the gold."""
        out = Counter(words(output))
        common = sum((out & self.bag).values())
        if not common:
            empty = not out and not self.bag
            return (1.0, 1.0, 1.0) if empty else (0.0, 0.0, 0.0)
        p, r = common / sum(out.values()), common / sum(self.bag.values())
        return p, r, 2 * p * r / (p + r)


def _inside(text: str, lines: set[str], grams: set[tuple[str, ...]], *, empty: bool) -> bool:
    tokens = words(text)
    if not tokens:
        return empty  # punctuation alone is neither lost nor leaked
    if len(tokens) < N:
        return " ".join(tokens) in lines
    own = shingles(tokens)
    return sum(g in grams for g in own) >= SHARE * len(own)
