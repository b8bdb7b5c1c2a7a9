"""A second look at each block by its neighbours (after jusText's context pass).

Revises: a short block dropped by a structural filter is restored when the
kept blocks on both sides of it are prose (a subheading or a one-line
paragraph inside the article); a short kept line whose neighbours on both
sides were removed as boilerplate is dropped with them (a slogan inside a
banner, a headline inside a widget).
Signals: neighbour decisions and block shape only.
Traps avoided: prose blocks are never dropped here, and blocks removed by a
cue phrase are never restored here (their evidence is specific).
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import vocab
from ..filter import Filter
from ..model import Decision, Document
from ..registry import is_aggressive as _aggressive
from ..registry import register
from ..signals import shape

SHORT_WORDS = 12


@register
class ContextFilter(Filter):
    name = "context"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        stops = frozenset().union(*(vocab.stopwords(lang) for lang in doc.languages))
        blocks = doc.blocks

        def prose_kept(i: int) -> bool:
            return 0 <= i < len(blocks) and doc.alive(i) and shape(blocks[i].text, stops).prose

        def removed_by_cue(i: int) -> bool:
            d = doc.dropped.get(i)
            return d is not None and not _aggressive(d.filter)

        for i, block in enumerate(blocks):
            s = shape(block.text, stops)
            if s.words > SHORT_WORDS:
                continue
            dropped = doc.dropped.get(i)
            if dropped is not None:
                if _aggressive(dropped.filter) and prose_kept(i - 1) and prose_kept(i + 1):
                    yield self.keep(block, "short line between two kept paragraphs")
            elif not s.prose and 0 < i < len(blocks) - 1 and removed_by_cue(i - 1) and removed_by_cue(i + 1):
                yield self.drop(block, "short line between removed boilerplate")
