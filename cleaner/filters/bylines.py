"""Bylines, date lines, reading time, press-release furniture and media contacts.

Removes: "By Name Surname", "Published: 25 January 2021", "5 min read",
"FOR IMMEDIATE RELEASE", "ENDS", "###", "For media inquiries contact ...".
Signals: whole-line byline and date shapes in each language; press-office
wording as cues.
Traps avoided: sentences that begin with "By" ("By the end of the year ...")
are longer than a byline shape allows; datelines inside the first paragraph
stay.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class BylinesFilter(PhraseFilter):
    name = "bylines"
    kind = "byline"
