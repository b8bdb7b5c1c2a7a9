"""Cookie and privacy-consent banners and consent-manager dialogs.

Removes: one-line banners ("This website uses cookies ... Accept"), button
rows ("Accept all", "Reject all", "Manage consent"), and a consent manager's
"Privacy Overview"-style section, which runs to the end of the page.
Signals: consent-manager wording as cues (dominance: the wording must cover
most of a block, or two distinct cues must meet in a short block); button
labels as whole lines; tail headings that claim the rest of the page only when
little body text follows them.
Traps avoided: an article about cookie-consent law or ad tracking, which uses
"cookies", "consent" and "third parties" in argued prose.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class ConsentFilter(PhraseFilter):
    name = "consent"
    kind = "consent"
