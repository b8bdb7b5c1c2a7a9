"""Newsletter, e-mail and SMS sign-up prompts, survey and feedback widgets.

Removes: "Sign up for our newsletter", "Subscribe", "* indicates required",
"By completing this form, I agree to receive ...", "Was this page helpful?".
Signals: sign-up wording as cues and labels; a sign-up heading claims the
form residue under it.
Traps avoided: articles about e-mail campaigns or data collection, where
"subscribe" and "e-mail" appear inside sentences.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class NewsletterFilter(PhraseFilter):
    name = "newsletter"
    kind = "newsletter"
