"""Page chrome that the HTML marks as such (HTML input only).

Removes: blocks that are hidden (the ``hidden`` attribute, ``<noscript>``,
screen-reader-only classes), photo captions (``<figure>``, ``<figcaption>``,
caption and credit classes), blocks inside ``<nav>``, ``<aside>``,
``<footer>`` or ``<dialog>``, inside a ``<header>`` that is not the article's
own, or inside an element whose class, id or role names a chrome region
(``data/dom_tokens.txt``: menus, consent managers, share bars, related lists,
newsletter and donation widgets, comments), alone or with an owner before it
and a region after it ("site-footer", "share-buttons").
Signals: DOM hints recorded by the HTML parser for each block.
Traps avoided: a ``<header>`` inside ``<article>`` holds the title and stays;
an ``<article>`` or ``<main>`` nested inside a chrome tag overrules it; a
``<header>`` or ``<nav>`` holding most of the page's paragraphs was left
unclosed and wraps the page, and hidden elements holding most of them are
streamed content a script reveals;
other compounds are page-state classes (``modal-enabled``,
``pagination-first``, ``one-sidebar``) and do not match; class words come
only from the four nearest ancestors, never from ``<body>``; plain-text input has
no hints and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources

import regex

from ..filter import Filter
from ..model import Block, Decision, Document
from ..registry import register

CHROME_TAGS = ("nav", "aside", "footer", "dialog")
PARAGRAPH_WORDS = 25  # blocks this long are paragraphs, whose words say where the article is
WRAPPER_SHARE = 0.5  # a page-top tag holding more than this share of them wraps the page...
WRAPPER_PARAGRAPHS = 3  # ...and at least this many
# a chrome word may carry an owner before it ("site-footer", "post-share") and a
# region after it ("share-buttons", "related-posts"); other compounds are
# page-state classes ("modal-enabled", "pagination-first") and do not count
_OWNERS = (
    "site|main|page|post|entry|article|global|primary|top|bottom|header|footer|wp|block|td|jp|c|l|js|"
    "image|img|photo|media|figure|gallery"
)
_REGIONS = (
    "wrapper|wrap|container|area|bar|box|block|section|list|links|buttons|btns|icons|widget|menu|nav|"
    "posts|items|module|panel|banner|form|inner|outer|content|region|zone"
)


@cache
def chrome_token() -> regex.Pattern[str]:
    path = resources.files("cleaner") / "data" / "dom_tokens.txt"
    words = [w.strip() for w in path.read_text(encoding="utf-8").splitlines()]
    alternation = "|".join(regex.escape(w) for w in words if w and not w.startswith("#"))
    part = r"[-_]"
    return regex.compile(rf"(?:(?:{_OWNERS}){part})?(?:{alternation})(?:{part}(?:{_REGIONS}))?(?:{part}?\d+)?")


def wrappers(blocks: list[Block]) -> frozenset[str]:
    """The page-top tags (``<header>``, ``<nav>``) and the ``hidden`` state that hold most of the
    page's paragraphs. Left unclosed, a header or nav wraps everything after it; streaming
    renderers send the article in a hidden element that a script reveals. Either way they are
    no longer chrome. (A footer or an aside holding most of the long text is a page with little
    article text, and stays chrome.)"""
    long = [b for b in blocks if len(b.text.split()) >= PARAGRAPH_WORDS]
    total = sum(len(b.text.split()) for b in long)
    found = []
    for name, held in (
        ("header", [b for b in long if "header" in b.hints.path]),
        ("nav", [b for b in long if "nav" in b.hints.path]),
        ("hidden", [b for b in long if b.hints.hidden]),
    ):
        if len(held) >= WRAPPER_PARAGRAPHS and sum(len(b.text.split()) for b in held) > WRAPPER_SHARE * total:
            found.append(name)
    return frozenset(found)


def inside(tag: str, path: tuple[str, ...]) -> bool:
    """Whether `tag` is an ancestor with no ``<article>`` or ``<main>`` inside it: the article
    nested in a ``<nav>`` is not the menu."""
    if tag not in path:
        return False
    last = len(path) - 1 - path[::-1].index(tag)
    return not any(t in ("article", "main") for t in path[last + 1 :])


def chrome_reason(block: Block, wrapping: frozenset[str] = frozenset()) -> str | None:
    """Why the DOM says this block is chrome, or None."""
    hints = block.hints
    if hints.hidden and "hidden" not in wrapping:
        return "hidden in the page"
    if hints.caption:
        return "inside <figure>/<figcaption>"
    for tag in CHROME_TAGS:
        if tag not in wrapping and inside(tag, hints.path):
            return f"inside <{tag}>"
    if "header" not in wrapping and "header" in hints.path and "article" not in hints.path and "main" not in hints.path:
        return "inside the page <header>"
    pattern = chrome_token()
    for token in sorted(hints.tokens):
        if pattern.fullmatch(token):
            return f"inside an element marked {token!r}"
    return None


@register
class DomStructureFilter(Filter):
    name = "dom_structure"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        if doc.mode != "html":
            return
        wrapping = wrappers(doc.blocks)
        for block in doc.timed(doc.blocks):
            if doc.alive(block.index):
                reason = chrome_reason(block, wrapping)
                if reason:
                    yield self.drop(block, reason)
