"""Share bars, social-platform labels, print/e-mail buttons, "Topics:" and "Tags:".

Removes: "Share:", "Share this", "Facebook", "Tweet", "Print", "Topics:",
"Tags:", "Categories:" and the chips that follow such a label.
Signals: lines that are only a platform or widget label; label headings that
claim the short values under them.
Traps avoided: articles about social media, where Facebook or Twitter are the
subject of full sentences.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class ShareTagsFilter(PhraseFilter):
    name = "share_tags"
    kind = "share"
