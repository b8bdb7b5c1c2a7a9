"""Template and extraction leftovers; advertising labels.

Removes: "%d bloggers like this:", "[email protected]", "Loading...",
"pic.twitter.com/..." lines, "Advertisement", "Anzeige".
Signals: whole-line labels and leak patterns.
Traps avoided: none of these wording occurs in prose.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class ArtifactsFilter(PhraseFilter):
    name = "artifacts"
    kind = "artifacts"
