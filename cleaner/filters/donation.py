"""Donation banners and fundraising appeals.

Removes: DONATE buttons, "Give now", year-end and matched-gift appeals
("Double your impact ... by December 31st"), monthly-giving and tax-deduction
lines, amount pickers and bank-account blocks.
Signals: button labels as whole lines; appeal wording (second person,
imperative, a deadline, matching) as cues that must dominate a block.
Traps avoided: reports on humanitarian funding, donor governments and appeals
"30% funded", whose sentences carry amounts and the word "donation" but not
the imperative appeal wording.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class DonationFilter(PhraseFilter):
    name = "donation"
    kind = "donation"
