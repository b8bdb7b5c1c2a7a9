"""Menus, breadcrumbs, search and login labels, language switchers, pagination.

Removes: lines that are menu words ("Home", "Menu", "Search", "Back to top"),
language switchers ("Choose language", "English | Français"), and pagination
("Next page").
Signals: whole-line labels; menus without such words fall to ``main_body``,
which drops runs of short link-like lines outside the article.
Traps avoided: short section headings inside the article ("Background").
"""

from __future__ import annotations

from ..registry import register
from .phrases import PhraseFilter


@register
class NavigationFilter(PhraseFilter):
    name = "navigation"
    kind = "navigation"
