"""Cheap per-block signals: length, shape and prose-likeness.

These are the cues that generalize across sites and languages: body text is
long, punctuated and full of function words; chrome is short, unpunctuated,
title-cased or imperative.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .memo import memo_by_text

WORD = regex.compile(r"\w+")
LINK_LINE = 0.5  # a line more linked than this (share of its text in links) is a link line
PROSE_MIN_WORDS = 8  # the fewest words of a block that reads as prose (`Shape.prose`)
CELL_SEPARATOR = " | "  # between the cells of a table row on one line, as text tables are written
_IDEOGRAPH = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")
_IDEOGRAPHIC_TOKEN = regex.compile(r"\w*[\p{Han}\p{Hiragana}\p{Katakana}]\w*")
_TERMINAL = regex.compile(r"""[.!?:;\u2026\u3002][\s"'\u201c\u201d\u2018\u2019\u00ab\u00bb)\]]*$""")


@dataclass(frozen=True, slots=True)
class Shape:
    words: int
    terminal: bool  # ends like a sentence
    stop_ratio: float  # share of words that are function words
    capital_ratio: float  # share of words that start with a capital letter

    @property
    def prose(self) -> bool:
        """Reads like a sentence of body text."""
        # punctuation carries pages in languages without a function-word list
        return (self.words >= PROSE_MIN_WORDS and self.terminal) or (self.words >= 15 and self.stop_ratio >= 0.2)

    @property
    def heading_like(self) -> bool:
        """Reads like a title or a label: short and not a finished sentence."""
        return 1 <= self.words <= 25 and not self.terminal


# past this many characters a block is no paragraph: it is measured on its start (and its end, for
# the final stop), and the filters that compare or search whole blocks skip it
LONG_BLOCK = 50_000


def _shape(text: str, stops: frozenset[str]) -> Shape:
    """Measure one block's text (past `LONG_BLOCK`, its start: every signal is settled by then,
    and a 10 MB line would take a second to count)."""
    end = text[-256:]
    text = text[:LONG_BLOCK]
    tokens = WORD.findall(text)
    n = len(tokens)
    if n == 0:
        return Shape(0, False, 0.0, 0.0)
    ideographs = len(_IDEOGRAPH.findall(text))
    if ideographs >= 4:  # Chinese and Japanese do not separate words with spaces
        n += (ideographs + 1) // 2 - len(_IDEOGRAPHIC_TOKEN.findall(text))
        n = max(n, 1)  # some ideographs (squared katakana) are not word characters
    stop = sum(1 for t in tokens if t.lower() in stops)
    caps = sum(1 for t in tokens if t[0].isupper())
    return Shape(n, bool(_TERMINAL.search(end)), stop / n, caps / n)


# memoized: main_body re-measures every block on each pass, and menus repeat across a site's pages
shape = memo_by_text(_shape)


_CLOCK_OR_DATE = regex.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")  # a year of the last two centuries
_NUMBER = regex.compile(r"\d+")


def dateline(text: str, s: Shape) -> bool:
    """A short line carrying a time or a date: a byline or a publication stamp."""
    if s.prose or s.words > 20:
        return False
    return bool(_CLOCK_OR_DATE.search(text)) or (bool(YEAR.search(text)) and len(_NUMBER.findall(text)) >= 2)


# a clock time ("9:02 AM", "01:41 PM IST"): a publication stamp, where a title's numbers are not
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")


def stamp(text: str, s: Shape) -> bool:
    """A date line stamped with a clock time: a line taken for the title that is the article's stamp."""
    return dateline(text, s) and bool(_CLOCK.search(text))


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return [t.lower() for t in WORD.findall(text)]
