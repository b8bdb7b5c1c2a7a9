"""Page chrome that the HTML marks as such (HTML input only).

Removes: blocks that are hidden (the ``hidden`` attribute, ``<noscript>``,
screen-reader-only classes), photo captions (``<figure>``, ``<figcaption>``,
caption and credit classes), blocks inside ``<nav>``, ``<aside>``,
``<footer>`` or ``<dialog>``, inside a ``<header>`` that is not the article's
own, or inside an element whose class, id or role names a chrome region
(``data/dom_tokens.txt``: menus, consent managers, share bars, related lists,
newsletter and donation widgets, comments), alone or with an owner before it
and a region after it ("site-footer", "share-buttons"), or as the block of a
BEM class ("footer__disclaimer-text"), or as either name of a CSS-modules
class ("comments_reviews__glyp1"), its component name also glued from PascalCase
("DonateBox_box__h5jk8": owner, word and region without separators); customer reviews
and review apps (the "+" words of the data file) anywhere in a compound
("customer-reviews_feature_div", "averagecustomerreviews", "yotpo-main-widget"), and so do
consent managers' names (the "~" words: "onetrust-banner-sdk", "tarteaucitronroot"); a few words that name nothing else
(caption, related, newsletter, bio) count in any compound ("abn-image-caption",
"mm_related", "contributor-bio__bio"); a ``<p>`` of capitals that is one
link between paragraphs (an in-article promo: "GET THE APP BY CLICKING HERE").
Signals: DOM hints recorded by the HTML parser for each block.
Traps avoided: a ``<header>`` inside ``<article>`` holds the title and stays;
an ``<article>`` or ``<main>`` nested inside a chrome tag overrules it; a
chrome signal covering most of the page's paragraphs is wrong about that page
(an unclosed ``<header>``, streamed hidden content, a theme's odd class) and
is ignored there, except for footers and asides (small print) and customer reviews (they
outweigh a short product description); comment words are ignored on a page where a block
they mark sits in the same frame as an unmarked one (a forum's replies built like its
opening post, see `threads`); a bare "review" or "product-review" (an editorial
review, a review article's class) and WordPress's "category-"/"tag-" post classes count not;
other compounds are page-state classes (``modal-enabled``,
``pagination-first``, ``one-sidebar``) and do not match; class words come
from every ancestor but ``<body>`` (a comment section marked far above a
comment's text); a drawer or modal inside ``<main>`` (a class, id or role
naming a modal, overlay, pop-up or dialog) holds a product's description or
size guide, so its panel words and its ``<aside>``/``<dialog>`` are no chrome
there (hidden it still goes); plain-text input has no hints and is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from ..dom_words import dom_words
from ..filter import Filter
from ..model import Block, Decision, Document, Hints
from ..registry import register
from ..signals import LINK_LINE
from ..view import block_shape
from .recurrence import FIGURES

CHROME_TAGS = ("nav", "aside", "footer", "dialog")
SMALL_PRINT = ("footer", "aside")  # as tags or in class words: they may hold most of a short page
PARAGRAPH_WORDS = 25  # blocks this long are paragraphs, whose words say where the article is
WRAPPER_SHARE = 0.5  # a chrome signal covering more than this share of them is wrong about the page...
WRAPPER_PARAGRAPHS = 3  # ...and at least this many
# a chrome word may carry an owner before it ("site-footer", "post-share") and a
# region after it ("share-buttons", "related-posts"); other compounds are
# page-state classes ("modal-enabled", "pagination-first") and do not count
# Drupal names its page regions "region-footer", "region-sidebar-second"; ITCSS and atomic-design
# themes prefix components "o-footer", "m-newsletter" (objects, molecules). Not "sticky": Bootstrap's
# "sticky-footer" wraps the whole page (WCXB HTML 0641 F1 0.85 -> 0)
_OWNERS = (
    "site|main|page|post|entry|article|global|primary|top|bottom|header|footer|wp|block|td|jp|c|l|js|"
    "image|img|photo|media|figure|gallery|region|o|m"
)
_REGIONS = (
    "wrapper|wrap|container|area|bar|box|block|section|list|links|buttons|btns|icons|widget|menu|nav|"
    "posts|items|module|panel|banner|form|inner|outer|content|region|zone"
)


@cache
def token_words() -> tuple[str, ...]:
    """The words of ``data/dom_tokens.txt`` (a "+" or "~" before the ones that count in any compound)."""
    return tuple(word for _, word in dom_words())


@cache
def chrome_token() -> regex.Pattern[str]:
    words = [w for w in token_words() if not w.startswith(MARKS)]
    alternation = "|".join(regex.escape(w) for w in words)
    part = r"[-_]"
    return regex.compile(rf"(?:(?:{_OWNERS}){part})?(?:{alternation})(?:{part}(?:{_REGIONS}))?(?:{part}?\d+)?")


@cache
def glued_chrome_token() -> regex.Pattern[str]:
    """`chrome_token` with its parts glued: the component name of a CSS-modules class, lower-cased
    from PascalCase ("DonateBox_box__h5jk8" -> "donatebox", "SiteFooter", "ShareBar", "CookieBanner")."""
    return regex.compile(chrome_token().pattern.replace("[-_]", "[-_]?"))


# words that name chrome wherever they sit in a compound class token ("abn-image-caption",
# "caption-text", "wf_caption", "imageEmbedCaption" lower-cased by the parser; "mm_related",
# "wccf_related_post"): unlike "share" or "menu", no theme names its article column after them
COMPOUND_WORDS = frozenset(["related", "newsletter", "bio"])
CAPTION_WORD = "caption"  # also glued to another word ("imageembedcaption", "captiontext")
_TOKEN_PARTS = regex.compile(r"[-_:.]+")
PROMO_MIN_WORDS = 4  # a capitalised link line this long between paragraphs is a promo ("CLICK HERE TO GET THE APP")
PROMO_LINK_SHARE = 0.9  # ...and it is all link
PROMO_CAPITALS = 0.9  # share of its letters in capitals, at least ("... AT AMAs AMID FEUD")


COMPOUND_MARK = "+"  # a word of data/dom_tokens.txt that counts anywhere in a compound token
# ...and so does one with this mark, but it is no small print: a consent manager's name wrapping most
# of a page's paragraphs is its cookie policy ("cmplz-document"), which the wrapper guard keeps
VENDOR_MARK = "~"
MARKS = (COMPOUND_MARK, VENDOR_MARK)
# WordPress's post classes name the post's category and tags ("category-espresso-product-reviews"):
# the subject of the text, not a region of the page
TAXONOMY_PREFIXES = ("category-", "tag-")


@cache
def listed_compounds() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The compound words of ``data/dom_tokens.txt``, each with its parts ("customer-reviews" ->
    ("customer", "reviews"))."""
    words = [w[1:] for w in token_words() if w.startswith(MARKS)]
    return tuple((w, tuple(_TOKEN_PARTS.split(w))) for w in words)


@cache
def small_print_compounds() -> frozenset[str]:
    """The compound words that are small print (customer reviews, review apps: not the vendors)."""
    return frozenset(w[1:] for w in token_words() if w.startswith(COMPOUND_MARK))


def listed_compound(token: str, parts: list[str]) -> str | None:
    """The listed compound word (customer reviews, a review app) that `token` holds, as parts
    in a row or glued into one part, if any."""
    if token.startswith(TAXONOMY_PREFIXES):
        return None
    for word, pieces in listed_compounds():
        glued = "".join(pieces)
        if any(glued in part for part in parts):
            return word
        n = len(pieces)
        if n > 1 and any(tuple(parts[i : i + n]) == pieces for i in range(len(parts) - n + 1)):
            return word
    return None


def compound_word(token: str) -> str | None:
    """The chrome word that one part of a compound class/id token is, if any."""
    parts = _TOKEN_PARTS.split(token)
    if word := listed_compound(token, parts):
        return word
    for part in parts:
        if part in COMPOUND_WORDS:
            return part
        if part.startswith(CAPTION_WORD) or part.endswith(CAPTION_WORD):
            return CAPTION_WORD
    return None


# a CSS-modules class, as Next.js and other bundlers write them: file name, class name, build hash
_CSS_MODULE = regex.compile(r"([a-z][a-z0-9-]*)_([a-z][a-z0-9-]*)__[a-z0-9_-]{5}")


def css_module_names(token: str) -> tuple[str, ...]:
    """The two names of a CSS-modules class ("sitefooter_footer__pjq_u" -> "sitefooter", "footer";
    "comments_reviews__glyp1" -> "comments", "reviews"), or () for any other token."""
    match = _CSS_MODULE.fullmatch(token)
    return match.groups() if match else ()


def bem_block(token: str) -> str:
    """The block name of a BEM class ("footer__disclaimer-text", "menu--open" -> "footer", "menu"):
    an element or modifier of a chrome block is part of that chrome."""
    return token.split("__", 1)[0].split("--", 1)[0]


def inside(tag: str, path: tuple[str, ...]) -> bool:
    """Whether `tag` is an ancestor with no ``<article>`` or ``<main>`` inside it: the article
    nested in a ``<nav>`` is not the menu."""
    if tag not in path:
        return False
    last = len(path) - 1 - path[::-1].index(tag)
    return not any(t in ("article", "main") for t in path[last + 1 :])


# a drawer or modal *inside* <main> that the page marks as one (role="dialog", "overlay__modal",
# "sheet"+"dialog") holds the product's own words: its description, size guide, certification;
# site-wide pop-ups (sign-up, consent) sit outside <main>
PANEL_TAGS = ("aside", "dialog")
PANEL_WORDS = ("modal", "overlay", "popup", "dialog")


def panel_token(token: str) -> bool:
    """Whether a class/id/role token names a drawer, modal or overlay ("overlay__modal", "dialog")."""
    return any(word in token for word in PANEL_WORDS)


def main_panel(hints: Hints) -> bool:
    """Whether the block sits in a drawer or modal panel inside ``<main>``: a class/id/role
    names the panel and ``<main>`` is an ancestor (see `PANEL_WORDS`)."""
    return "main" in hints.path and panel_words(hints.tokens)


@lru_cache(maxsize=4096)  # blocks under the same ancestors share their words: read them once
def panel_words(tokens: frozenset[str]) -> bool:
    """Whether any of these class/id/role words names a drawer or modal panel."""
    return any(panel_token(t) for t in tokens)


def panel_tag(tag: str, path: tuple[str, ...]) -> bool:
    """Whether the innermost `tag` of `path` (an ``<aside>`` or ``<dialog>``) lies inside ``<main>``."""
    last = len(path) - 1 - path[::-1].index(tag)
    return tag in PANEL_TAGS and "main" in path[:last]


class Chrome(NamedTuple):
    """One reason the DOM gives for a block being chrome."""

    reason: str
    # a footer, an aside or customer reviews: chrome that can hold most of a page's long text
    # (a page of little article text; a short product description over its many reviews)
    small_print: bool = False
    comment: bool = False  # a class/id word of the comments family: a thread's replies may carry it


def chrome_reasons(block: Block) -> Iterator[Chrome]:
    """Every reason the DOM gives for this block being chrome, strongest first."""
    hints = block.hints
    panel = main_panel(hints)  # its panel words and <aside>/<dialog> are no chrome
    if hints.hidden:
        yield Chrome("hidden in the page")
    if hints.caption:
        yield Chrome("inside <figure>/<figcaption>")
    for tag in CHROME_TAGS:
        if inside(tag, hints.path) and not (panel and panel_tag(tag, hints.path)):
            yield Chrome(f"inside <{tag}>", tag in SMALL_PRINT)
    if "header" in hints.path and "article" not in hints.path and "main" not in hints.path:
        yield Chrome("inside the page <header>")
    yield from token_reasons(hints.tokens, panel)


@lru_cache(maxsize=4096)  # blocks under the same ancestors share their words: read them once
def token_reasons(tokens: frozenset[str], panel: bool) -> tuple[Chrome, ...]:
    """The reasons the class/id/role words of a block's ancestors give, in sorted word order
    (in a drawer or modal inside ``<main>``, its panel words give none)."""
    reasons = (token_reason(token, panel) for token in sorted(tokens))
    return tuple(reason for reason in reasons if reason is not None)


@lru_cache(maxsize=16384)  # nested elements' word sets differ by a word or two: read each word once
def token_reason(token: str, panel: bool) -> Chrome | None:
    """The reason one class/id/role word gives, if any (see `token_reasons`)."""
    pattern = chrome_token()
    names = (token, bem_block(token), *css_module_names(token))
    small = any(tag in token for tag in SMALL_PRINT)
    glued = any(glued_chrome_token().fullmatch(name) for name in css_module_names(token))
    if glued or any(pattern.fullmatch(name) for name in names):
        if panel and panel_token(token):
            return None  # a drawer's or modal's own words inside <main>
        return Chrome(f"inside an element marked {token!r}", small, any(w in token for w in COMMENT_WORDS))
    if word := compound_word(token):
        small = small or word in small_print_compounds()
        return Chrome(f"inside an element marked {token!r} ({word})", small)
    return None


def wrappers(blocks: list[Block]) -> frozenset[Chrome]:
    """The reasons that cover most of the page's paragraphs: chrome frames an article and is never
    most of its text, so on this page the signal is wrong. A ``<nav>`` or ``<header>`` left
    unclosed wraps everything after it; streaming renderers send the article in a hidden
    element; some themes mark the article's column 'sidebar-container' or wrap it in a
    ``<figure>``. Small print is the exception: a footer or an aside holding most of the long
    text is a page with little article text, and so are customer reviews (a product's short
    description over its many reviews)."""
    words: Counter[Chrome] = Counter()
    paragraphs: Counter[Chrome] = Counter()
    total = 0
    for block in blocks:
        n = block.words
        if n < PARAGRAPH_WORDS:
            continue
        total += n
        for chrome in set(chrome_reasons(block)):
            if not chrome.small_print:
                words[chrome] += n
                paragraphs[chrome] += 1
    return frozenset(
        chrome for chrome, n in words.items() if paragraphs[chrome] >= WRAPPER_PARAGRAPHS and n > WRAPPER_SHARE * total
    )


# a forum's replies are marked as comments (Discourse's itemprop="comment", phpBB and vBulletin
# themes) while its opening post is not: built alike, the two are one thread, not an article's
# comment section (whose comments are built unlike the article's paragraphs)
COMMENT_WORDS = ("comment",)
POST_WORDS = 10  # a block this long is a post's text, whose frame a reply may copy


@lru_cache(maxsize=4096)
def post_frame(tokens: frozenset[str], tail: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """Where a block sits, as two posts of a thread share it: its last two tags and the class/id
    words naming no chrome, figures masked ("post_1" and "post_2" alike)."""
    plain = frozenset(FIGURES.sub("#", t) for t in tokens if token_reason(t, False) is None)
    return tail, plain


def threads(blocks: list[Block], wrapping: frozenset[Chrome]) -> frozenset[Chrome]:
    """The comment reasons that mark a thread's replies: a reply whose only chrome is its comment
    words sits in the frame of an unmarked block (the opening post) of `POST_WORDS` or more."""
    posts: set[tuple[tuple[str, ...], frozenset[str]]] = set()
    replies: list[tuple[Block, list[Chrome]]] = []
    for block in blocks:
        if block.words < POST_WORDS:
            continue
        reasons = [c for c in chrome_reasons(block) if c not in wrapping]
        if not reasons:
            posts.add(post_frame(block.hints.tokens, block.hints.path[-2:]))
        elif all(c.comment for c in reasons):
            replies.append((block, reasons))
    found = (r for b, rs in replies if post_frame(b.hints.tokens, b.hints.path[-2:]) in posts for r in rs)
    return frozenset(found)


def chrome_reason(block: Block, wrapping: frozenset[Chrome] = frozenset()) -> str | None:
    """Why the DOM says this block is chrome (the first reason not void on this page), or None."""
    return next((c.reason for c in chrome_reasons(block) if c not in wrapping), None)


def shouted_link(doc: Document, block: Block) -> bool:
    """A paragraph (``<p>``) of capitals that is one link, between paragraphs of
    prose (other link lines aside): an in-article promo or teaser ("GET THE APP
    BY CLICKING HERE", a related headline in capitals).  A subheading is no
    link; a linked title in capitals is a heading, not a ``<p>``, and a link
    opening the article's text has its date line above it."""
    hints = block.hints
    if hints.link_density < PROMO_LINK_SHARE or hints.heading or not hints.path or hints.path[-1] != "p":
        return False
    letters = [c for c in block.text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < PROMO_CAPITALS * len(letters):
        return False
    if block_shape(doc, block).words < PROMO_MIN_WORDS:
        return False
    sides = (range(block.index - 1, -1, -1), range(block.index + 1, len(doc.blocks)))  # no list copies
    nearest = [
        next((doc.blocks[i] for i in side if doc.blocks[i].hints.link_density <= LINK_LINE), None) for side in sides
    ]
    return all(b is not None and block_shape(doc, b).prose for b in nearest)


@register
class DomStructureFilter(Filter):
    name = "dom_structure"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        if doc.mode != "html":
            return
        wrapping = wrappers(doc.blocks)
        wrapping |= threads(doc.blocks, wrapping)
        for block in doc.timed(doc.blocks):
            if doc.alive(block.index):
                reason = chrome_reason(block, wrapping)
                if reason:
                    yield self.drop(block, reason)
                elif shouted_link(doc, block):
                    yield self.drop(block, "capitalised link line between paragraphs (a promo)")
