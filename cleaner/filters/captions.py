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

import regex

from ..model import Decision, Document
from ..registry import register
from ..signals import YEAR
from ..view import block_shape
from .phrases import PhraseFilter, line_matches, page_matches
from .tables import flat_table_cells

MAX_CAPTION_WORDS = 40
MAX_CREDIT_WORDS = 12  # a credit line on its own: "© Camille Roux / LSF", "Photo : AFP"
MAX_CAPTION_OVER_CREDIT_WORDS = 30
CAPTION_LOOKBACK = 8  # blocks above a credit searched for its caption and the paragraph before
# a credit line opens with the copyright sign or a photo word, in any of the six languages
_CREDIT = regex.compile(
    r"(©|\(c\)|copyright|(photo|foto|bild|image|imagen|imagem|immagine|crédit|credit|crédito)s?\b)", regex.IGNORECASE
)


@register
class CaptionsFilter(PhraseFilter):
    name = "captions"
    kind = "caption"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        yield from super().__call__(doc)
        yield from self.captions_over_credits(doc)
        yield from self.repeated_neighbours(doc)

    def captions_over_credits(self, doc: Document) -> Iterator[Decision]:
        """A short dated sentence right above a credit line, between paragraphs, is its caption.

        A figure flattened to text gives its caption, then its credit on a line of its own
        ("Des manifestants à Lyon, le 6 avril 2024." / "© Camille Roux / LSF"); the credit
        goes as a label, the caption would stay. It is taken when it is short, carries a
        year (where and when the photo was taken) and follows a paragraph or a byline: a
        one-line paragraph of the text above an uncaptioned photo rarely dates itself.
        """
        for credit in line_matches(doc, self.kind, "line"):
            dropped = doc.dropped.get(credit.index)
            if dropped is None or dropped.filter != self.name or credit.words > MAX_CREDIT_WORDS:
                continue
            if not _CREDIT.match(credit.text.strip()):
                continue  # a gallery's "1 / 5", an image file name: not a photo's credit
            window = doc.blocks[max(0, credit.index - CAPTION_LOOKBACK) : credit.index]
            above = [b for b in window if doc.alive(b.index)][-2:]
            if len(above) < 2 or above[1].index != credit.index - 1:
                continue
            paragraph, caption = above
            s = block_shape(doc, caption)
            if s.words > MAX_CAPTION_OVER_CREDIT_WORDS or not YEAR.search(caption.text):
                continue
            if block_shape(doc, paragraph).prose or _boilerplate_line(doc, paragraph.index):
                yield self.drop(caption, f"caption over the credit {credit.text.strip()[:40]!r}")

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


def _boilerplate_line(doc: Document, index: int) -> bool:
    """A line that some vocabulary names whole (a byline, a reading time), removed or not yet."""
    return any(index in blocks for blocks in page_matches(doc).lines.values())
