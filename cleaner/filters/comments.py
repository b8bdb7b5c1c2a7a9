"""Comment sections and comment forms.

Removes: "Leave a Reply", "Post a Comment", "N Comments", "Your email address
will not be published", and the comment-form lines under such a heading.
Signals: comment-section headings as markers; form wording as cues.
Traps avoided: articles that quote public comments in prose.
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class CommentsFilter(PhraseFilter):
    name = "comments"
    kind = "comments"
