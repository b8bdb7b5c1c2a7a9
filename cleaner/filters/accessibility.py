"""Accessibility, JavaScript and no-script notices, skip links, screen-reader labels.

Removes: "Skip to main content", "Please ensure Javascript is enabled for
purposes of website accessibility", menu toggles, "Press Alt+1 for Screen
Reader Mode", read-aloud widget labels.
Signals: whole-line UI phrases in each language; the exact no-script and
widget wording as cues; fused notices are trimmed by the ``edges`` filter.
Traps avoided: articles about accessibility, screen readers and skip links
keep their sentences, since a cue must dominate its block and a label must be
the whole line.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class AccessibilityFilter(PhraseFilter):
    name = "accessibility"
    kind = "accessibility"
