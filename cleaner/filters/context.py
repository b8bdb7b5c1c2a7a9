"""A second look at each block by its neighbours (after jusText's context pass).

Revises: a short block dropped by a structural filter is restored when the
kept blocks on both sides of it are prose (a subheading or a one-line
paragraph inside the article); a short kept line whose neighbours on both
sides were removed as boilerplate is dropped with them (a slogan inside a
banner, a headline inside a widget).
Signals: neighbour decisions and block shape only.
Traps avoided: prose blocks are never dropped here, nor a title-like line
that leads into a kept paragraph; blocks removed by a cue phrase are never
restored here (their evidence is specific).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..filter import Filter
from ..model import Decision, Document
from ..registry import is_aggressive as _aggressive
from ..registry import register
from ..signals import Shape
from ..view import block_shape

SHORT_WORDS = 12
TITLE_WORDS = 4
LEAD_IN_BLOCKS = 6  # blocks after a title read for the paragraph it leads into (plain text)
HTML_LEAD_IN_BLOCKS = 3  # the same in HTML


@register
class ContextFilter(Filter):
    name = "context"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        blocks = doc.blocks

        def prose_kept(i: int) -> bool:
            return 0 <= i < len(blocks) and doc.alive(i) and block_shape(doc, blocks[i]).prose

        def removed_by_cue(i: int) -> bool:
            d = doc.dropped.get(i)
            return d is not None and not _aggressive(d.filter)

        for i, block in enumerate(doc.timed(blocks)):
            s = block_shape(doc, block)
            if s.words > SHORT_WORDS:
                continue
            dropped = doc.dropped.get(i)
            if dropped is not None:
                if _aggressive(dropped.filter) and prose_kept(i - 1) and prose_kept(i + 1):
                    yield self.keep(block, "short line between two kept paragraphs")
            elif self._orphan(doc, i, s) and removed_by_cue(i - 1) and removed_by_cue(i + 1):
                yield self.drop(block, "short line between removed boilerplate")

    def _orphan(self, doc: Document, i: int, s: Shape) -> bool:
        """A short non-prose line inside the page that is not a title leading into text."""
        if s.prose or not 0 < i < len(doc.blocks) - 1:
            return False
        return not (s.heading_like and s.words >= TITLE_WORDS and self._leads_into_prose(doc, i))

    @staticmethod
    def _leads_into_prose(doc: Document, i: int) -> bool:
        """A title-like line whose next kept block is prose: a title after its chrome.

        In plain text up to `LEAD_IN_BLOCKS` blocks are read: a byline, a date, a reading
        time and a read-aloud button, all removed, may part a title from its text. In HTML
        three (`HTML_LEAD_IN_BLOCKS`): there the article's own element and its heading mark
        the title for `main_body`, and a wider look kept headlines of the page's chrome
        (ScrapingHub HTML 0.9687 -> 0.9682).
        """
        reach = LEAD_IN_BLOCKS if doc.mode == "text" else HTML_LEAD_IN_BLOCKS
        following = [b for b in doc.blocks[i + 1 : i + 1 + reach] if doc.alive(b.index)]
        return bool(following) and block_shape(doc, following[0]).prose
