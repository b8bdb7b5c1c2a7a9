"""The over-pruning guard: never return almost nothing from a page with text.

Revises: when fewer than a handful of words would remain of a page that has
real prose, every drop made by a structural (``aggressive``) filter is undone
and the result keeps only what cue phrases removed.  The explanation records
each restored block, and ``Result.fallback`` is set.
Signals: word counts of the kept blocks and of the page's prose.
Traps avoided: a page that is genuinely all boilerplate (only cue-matched
banners) still comes out empty.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..filter import Filter
from ..model import Decision, Document
from ..registry import is_aggressive as _aggressive
from ..registry import register
from ..view import block_shape

MIN_KEPT_WORDS = 15
MIN_PAGE_PROSE_WORDS = 50


@register
class GuardFilter(Filter):
    name = "guard"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        kept_words = sum(len(p.split()) for p in doc.output())
        if kept_words >= MIN_KEPT_WORDS:
            return
        prose_words = sum(s.words for s in (block_shape(doc, b) for b in doc.timed(doc.blocks)) if s.prose)
        if prose_words < MIN_PAGE_PROSE_WORDS:
            return
        reason = f"over-pruning guard: only {kept_words} words would remain of {prose_words} words of prose"
        for index, decision in sorted(doc.dropped.items()):
            if _aggressive(decision.filter):
                yield self.keep(doc.blocks[index], reason)
