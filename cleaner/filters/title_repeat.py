"""The page title printed again at the top (header, breadcrumb, card and H1).

Removes: a block near the top whose text, after trims, equals a later block
near the top; the later copy (the H1 above the article) is the one kept.
Signals: case- and space-insensitive equality within the head zone.
Traps avoided: repeated lines further down (refrains, repeated quotes in a
press release) are left alone: only the head zone is looked at.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..filter import Filter
from ..model import Decision, Document
from ..registry import register

HEAD_ZONE = 40  # blocks
MAX_TITLE_WORDS = 30


def _key(pieces: list[str]) -> str:
    return " ".join(" ".join(pieces).casefold().split()).strip(" .:;|-\u2013\u2014")


@register
class TitleRepeatFilter(Filter):
    name = "title_repeat"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        head = [b for b in doc.blocks[:HEAD_ZONE] if doc.alive(b.index)]
        keys = [_key(doc.remaining(b)) for b in head]
        for i, block in enumerate(head):
            key = keys[i]
            if not key or len(key.split()) > MAX_TITLE_WORDS:
                continue
            if key in keys[i + 1 :]:
                yield self.drop(block, "title repeated below")
