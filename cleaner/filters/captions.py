"""Photo captions, credits and alt-text leaks.

Removes: credit lines ("© 2020 Name for Org", "Photo: Name/Agency"), captions
that end in a credit ("... Photo by Name/Org."), image file names, and a
short line that repeats its neighbour (alt text printed next to its caption).
Signals: credit patterns as labels and cues; exact neighbour repetition.
Traps avoided: articles about photography that mention photographers and
credits inside sentences; a © inside a long quoted paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from ..model import Decision, Document
from ..registry import register
from .phrases import PhraseFilter

MAX_CAPTION_WORDS = 40


@register
class CaptionsFilter(PhraseFilter):
    name = "captions"
    kind = "caption"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        yield from super().__call__(doc)
        yield from self.repeated_neighbours(doc)

    def repeated_neighbours(self, doc: Document) -> Iterator[Decision]:
        """A short line printed twice in a row is alt text beside its caption."""
        kept = doc.kept()
        for first, second in pairwise(kept):
            if first.words <= MAX_CAPTION_WORDS and _key(first.text) == _key(second.text):
                yield self.drop(first, "repeats the next line (alt text beside a caption)")


def _key(text: str) -> str:
    return " ".join(text.casefold().split())
