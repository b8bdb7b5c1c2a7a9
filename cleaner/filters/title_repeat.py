"""The page title printed again at the top (header, breadcrumb, card and H1).

Removes: a block near the top whose text, after trims, equals a later block
near the top; the later copy (the H1 above the article) is the one kept.
Signals: case- and space-insensitive equality within the head zone.
Traps avoided: repeated lines further down (refrains, repeated quotes in a
press release) are left alone: only the head zone is looked at; a head that
repeats more than eight different lines (a menu, a meal plan, a table) is a
page that repeats itself, not a title printed twice, and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..filter import Filter
from ..model import Decision, Document
from ..registry import register

HEAD_ZONE = 40  # blocks that stay
MIN_TITLE_WORDS = 2  # one-word lines repeated at the top are menus, left to the menu filters
MAX_TITLE_WORDS = 30
MAX_REPEATED_LINES = 8  # titles, site and section names: more repeats mean the page repeats itself
TITLE_MAX_CHARS = 1000  # longer blocks are no title (and a 10 MB line is not folded to find out)


def _key(pieces: list[str]) -> str:
    return " ".join(" ".join(pieces).casefold().split()).strip(" .:;|-\u2013\u2014")


def _title_like(key: str) -> bool:
    return MIN_TITLE_WORDS <= len(key.split()) <= MAX_TITLE_WORDS


@register
class TitleRepeatFilter(Filter):
    name = "title_repeat"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        alive = [b for b in doc.blocks if doc.alive(b.index)][: 2 * HEAD_ZONE]
        keys = [_key(doc.remaining(b)) if len(b.text) <= TITLE_MAX_CHARS else "" for b in alive]
        repeats = [_title_like(k) and k in keys[i + 1 :] for i, k in enumerate(keys)]
        # the zone is the first HEAD_ZONE blocks that stay, so dropping a repeat
        # does not pull a new line into it on the next pass (a fixed point)
        end, staying = len(alive), 0
        for i, repeat in enumerate(repeats):
            staying += not repeat
            if staying == HEAD_ZONE:
                end = i + 1
                break
        dropped = [i for i in range(end) if repeats[i] and keys[i] in keys[i + 1 : end]]
        if len({keys[i] for i in dropped}) > MAX_REPEATED_LINES:
            return  # a page that repeats itself (a menu, a plan, a table), not a title printed twice
        for i in dropped:
            yield self.drop(alive[i], "title repeated below")
