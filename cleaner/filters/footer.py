"""Footers: copyright, charity and company numbers, policy links, "Powered by".

Removes: "© 2024 Org. All rights reserved.", "Registered charity number
...", "Privacy Policy", "Terms of use", "Sitemap", "Powered by WordPress".
Signals: legal and policy wording as cues and whole-line labels.
Traps avoided: articles about charity registration or copyright law, where
the words sit inside long sentences.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class FooterFilter(PhraseFilter):
    name = "footer"
    kind = "footer"
