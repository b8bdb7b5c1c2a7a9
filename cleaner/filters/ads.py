"""Advertising and sponsorship labels.

Removes: "Advertisement", "Anzeige", "Publicidad", "Sponsored" standing alone,
and ad-slot residue such as "Story continues below advertisement".
Signals: whole-line labels in each language.
Traps avoided: articles about advertising, where the words sit in sentences.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class AdsFilter(PhraseFilter):
    name = "ads"
    kind = "ads"
