""" "Read more", "Continue reading" and other truncation links.

Removes: the link alone on a line ("Read more", "Lire la suite",
"Weiterlesen"); when glued to a teaser, the ``edges`` filter trims it.
Signals: whole-line phrases.
Traps avoided: "read more carefully" and "learn more about X" inside a
sentence.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class ReadMoreFilter(PhraseFilter):
    name = "read_more"
    kind = "readmore"
