"""Related, latest and popular news lists, read-next and previous/next links.

Removes: a heading such as "Related news", "Latest news", "Lire aussi",
"Mehr zum Thema" with the headline lines under it.
Signals: list headings as markers that claim the following short lines
(headlines, dates, teaser cut-offs) until a real paragraph.
Traps avoided: timelines and in-article lists, which have no such heading and
are made of sentences.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class RelatedFilter(PhraseFilter):
    name = "related"
    kind = "related"
