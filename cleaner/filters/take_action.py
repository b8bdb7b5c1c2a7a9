""" "Take Action", petition and call-to-action blocks.

Removes: a marker heading ("Take Action", "Act now", "Agir") together with the
run of short imperative lines under it ("Tell Canada to ...!", "Demand an Arms
Embargo!") and their captions; "Sign the petition" buttons; petition counters.
Signals: marker headings that claim the following short lines until a real
paragraph; imperative call-to-action wording as cues.
Traps avoided: a story quoting an activist who says "take action", or
reporting that a petition was signed and delivered (past tense, third person,
inside a long paragraph).
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class TakeActionFilter(PhraseFilter):
    name = "take_action"
    kind = "action"
