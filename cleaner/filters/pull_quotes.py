"""Pull quotes that repeat a body sentence, with their attribution line.

Removes: a standalone block whose text (quotes and punctuation aside) is
contained in a longer block nearby, and the short attribution line right
after it ("Agnès Callamard, Amnesty International's Secretary General").
Signals: repetition inside the page (containment, within a window of blocks);
an attribution is short, unpunctuated or dash-led, and follows the quote.
Traps avoided: the title and the standfirst that repeat the first paragraph
are kept (the first blocks are never candidates); quotations that appear once
are body.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..filter import Filter
from ..memo import memo_by_text
from ..model import Block, Decision, Document
from ..registry import register
from ..signals import LONG_BLOCK

WINDOW = 8  # blocks either side in which the source paragraph must stand
MIN_WORDS = 6
MAX_SHARE = 0.85  # a pull quote is shorter than its source paragraph
ATTRIBUTION_MAX_WORDS = 12
HEAD_BLOCKS = 3  # the title and standfirst live here and may repeat the body
_NON_WORD = regex.compile(r"[\W_]+")


@memo_by_text  # the next pass reads the same blocks
def block_key(text: str) -> str:
    """A block's words, case and punctuation aside: what repetition is judged on."""
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _is_attribution(block: Block) -> bool:
    text = block.text.strip()
    if block.words > ATTRIBUTION_MAX_WORDS or not text:
        return False
    dash_led = text[0] in "-\u2013\u2014\u2015~"
    return dash_led or (text[0].isupper() and text[-1] not in '.!?:\u201d"')


@register
class PullQuotesFilter(Filter):
    name = "pull_quotes"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        kept = doc.kept()
        keys = [block_key(b.text) if len(b.text) <= LONG_BLOCK else "" for b in doc.timed(kept)]
        for i, block in enumerate(doc.timed(kept)):
            if i < HEAD_BLOCKS or not keys[i] or block.words < MIN_WORDS or not doc.alive(block.index):
                continue
            source = self._source(kept, keys, i)
            if source is None:
                continue
            yield self.drop(block, f"pull quote repeating block {source.index}")
            nxt = kept[i + 1] if i + 1 < len(kept) else None
            if nxt is not None and nxt is not source and _is_attribution(nxt):
                yield self.drop(nxt, f"attribution of the pull quote in block {block.index}")

    @staticmethod
    def _source(kept: list[Block], keys: list[str], i: int) -> Block | None:
        key = keys[i]
        for j in range(max(0, i - WINDOW), min(len(kept), i + WINDOW + 1)):
            other = keys[j]
            if j == i or len(key) > MAX_SHARE * len(other) or key not in other:
                continue
            return kept[j]
        return None
