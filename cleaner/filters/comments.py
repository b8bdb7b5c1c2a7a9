"""Comment sections and comment forms.

Removes: "Leave a Reply", "Post a Comment", "N Comments", "Your email address
will not be published", and the comment-form lines under such a heading.
Signals: comment-section headings as markers; form wording as cues.
Traps avoided: articles that quote public comments in prose; a "Leave a
comment" link in the post's meta line above the text is a link to the form,
not its heading, and claims nothing under it (HTML); a label under every post
of a thread ("Add a comment" under each answer) is that post's button: the
label goes, the next post stays.
"""

from __future__ import annotations

from ..model import Block, Document
from ..registry import register
from ..signals import LINK_LINE
from .phrases import PhraseFilter
from .share_tags import per_post


@register
class CommentsFilter(PhraseFilter):
    name = "comments"
    kind = "comments"

    @staticmethod
    def claimed(doc: Document, marker: Block) -> list[Block]:
        """The form's lines under a comment heading; a link to the form (a post's
        "Leave a comment" meta link, above the article) heads nothing, and nor does
        an "Add a comment" button under every answer of a thread."""
        if marker.hints.link_density > LINK_LINE or per_post(doc, "comments", marker):
            return []
        return PhraseFilter.claimed(doc, marker)
