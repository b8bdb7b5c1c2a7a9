"""Photo captions, credits and alt-text leaks.

Removes: credit lines ("© 2020 Name for Org", "Photo: Name/Agency"), captions
that end in a credit ("... Photo by Name/Org."), image file names, and a
short line of words that repeats its neighbour (alt text printed next to its
caption; a figure repeated is a table's cells).
Signals: credit patterns as labels and cues; exact neighbour repetition.
Traps avoided: articles about photography that mention photographers and
credits inside sentences; a © inside a long quoted paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..model import Decision, Document
from ..registry import register
from ..view import block_shape
from .phrases import PhraseFilter
from .tables import flat_table_cells

MAX_CAPTION_WORDS = 40


@register
class CaptionsFilter(PhraseFilter):
    name = "captions"
    kind = "caption"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        yield from super().__call__(doc)
        yield from self.repeated_neighbours(doc)

    def repeated_neighbours(self, doc: Document) -> Iterator[Decision]:
        """A short line printed twice in a row is alt text beside its caption.

        Alt text is words: a figure twice in a row ("0" / "0") inside a table
        flattened one cell per line (a standings table as a scraper hands it
        over) is two of its cells, not alt text.
        """
        kept = doc.kept()
        cells: set[int] | None = None
        for first, second in pairwise(kept):
            if first.words <= MAX_CAPTION_WORDS and _key(first.text) == _key(second.text):
                if doc.mode == "text" and not any(c.isalpha() for c in first.text):
                    cells = table_cells(doc) if cells is None else cells
                    if first.index in cells:
                        continue
                yield self.drop(first, "repeats the next line (alt text beside a caption)")


def table_cells(doc: Document) -> set[int]:
    """The lines of the page's tables flattened one cell per line."""
    return flat_table_cells(doc, [block_shape(doc, b) for b in doc.blocks])


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
