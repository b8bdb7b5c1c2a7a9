"""Share bars, social-platform labels, print/e-mail buttons, "Topics:" and "Tags:".

Removes: "Share:", "Share this", "Facebook", "Tweet", "Print", "Topics:",
"Tags:", "Categories:" and the chips that follow such a label.
Signals: lines that are only a platform or widget label; label headings that
claim the short values under them.
Traps avoided: articles about social media, where Facebook or Twitter are the
subject of full sentences; a "Share" button under every post of a thread
(a question and its answers) is each post's control: the label goes, the
next post stays.
"""

from __future__ import annotations

from ..model import Block, Document
from ..registry import register
from .main_body import label_key, post_controls
from .phrases import PhraseFilter, line_matches


def per_post(doc: Document, kind: str, marker: Block) -> bool:
    """Whether `marker` is a label of `kind` repeated under the posts of a thread (cached per page)."""
    key = f"post controls {kind}"
    found = doc.cache.get(key)
    if not isinstance(found, set):
        found = post_controls(doc, line_matches(doc, kind, "marker"))
        doc.cache[key] = found
    return label_key(marker.text) in found


@register
class ShareTagsFilter(PhraseFilter):
    name = "share_tags"
    kind = "share"

    @staticmethod
    def claimed(doc: Document, marker: Block) -> list[Block]:
        """The chips under a share heading; a post's own "Share" button heads nothing."""
        return [] if per_post(doc, "share", marker) else PhraseFilter.claimed(doc, marker)
