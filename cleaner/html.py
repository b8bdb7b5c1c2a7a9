"""HTML to blocks with DOM hints, parsed safely with lxml.

The page is rendered the way a browser's ``innerText`` would lay it out (one
line per block element or ``<br>``), and each line remembers where it came
from: its element, ancestors, class/id/role tokens, hidden state, link
density, heading level, list, quote and caption membership.  Filters read
those hints; the text filters run on the same lines, so one explanation
covers both.

Safety: the parser never touches the network, resolves no entities and
recovers from broken markup; the walk is iterative, so nesting depth cannot
exhaust the Python stack.  libxml2 gives up on a document nested deeper than
its limit (2048 with ``huge_tree``) and drops everything after that point, so
such a page is parsed again with the excess tags removed: elements past
`SAFE_DEPTH` open tags lose their tags but keep their text, as browsers attach
elements past their own depth limit flat.  ``huge_tree`` lifts libxml2's 10 MB
text-node limit only; the HTML parser expands no entities with or without it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, NamedTuple

import regex
from lxml import etree

from .decode import decode
from .dom_words import family_words
from .language import vocabulary_languages
from .model import Block, Document, Hints
from .normalize import strip_invisible
from .signals import CELL_SEPARATOR

SKIP = frozenset(
    [
        "script",
        "style",
        "template",
        "svg",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "object",
        "embed",
        "param",
        "source",
        "track",
        "math",
        "iframe",
        "canvas",
        "map",
        "button",
        "select",
        "option",
        "input",
        "textarea",
    ]
)
BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "noscript",
        "ol",
        "optgroup",
        "p",
        "plaintext",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "xmp",
        "video",
        "audio",
        "frame",
        "noframes",
    ]
)
FIGURE_CONTENT = frozenset(["blockquote", "table", "pre"])
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_WS_CHARS = " \t\r\n\f\v\u0085\u00a0\u200b\u2028\u2029\ufeff"
_WS = regex.compile(f"[{_WS_CHARS}]+")


def _one_space(s: str) -> str:
    """`s` with each run of white space as one space.

    Most pieces need no regex, checked in C: the white space between tags is
    all white space, and every character `_WS` finds but the plain space is
    unprintable, so a printable piece without a double space is already right.
    """
    if not s.strip(_WS_CHARS):
        return " " if s else s
    if s.isprintable() and "  " not in s:
        return s
    return _WS.sub(" ", s)


class Frame(NamedTuple):
    """What an element inherits from its ancestors.

    A named tuple, not a frozen dataclass: one is built for most elements of a
    page, and a tuple builds in half the time.
    """

    tag: str = ""
    path: tuple[str, ...] = ()
    nodes: tuple[int, ...] = ()  # a serial number for each element of `path`: which element it is
    # class/id/role words of every ancestor below <body>: a comment section or a product's reviews
    # marked far up still mark a review's text many wrappers deeper.  <body> classes are page state
    # ("one-sidebar", "cookies-not-set"); a wrapper's class covering most of the text is voided by
    # dom_structure.  (The four nearest ancestors alone missed such sections: WCXB HTML F1 -0.0055
    # on the 400-page sample, `cleaner` alone.)
    tokens: frozenset[str] = frozenset()
    hidden: bool = False
    heading: int = 0
    list_item: bool = False
    quote: bool = False
    caption: bool = False
    link: bool = False


_TAG_NAMES: dict[str, str] = {}  # raw tag -> its local name, lower-cased (bounded by `_TAG_NAMES_KEPT`)
_TAG_NAMES_KEPT = 4096


def _tag(el: Any) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None
    name = _TAG_NAMES.get(tag)  # a page has a few dozen tag names over hundreds of elements
    if name is None:
        name = tag.rsplit("}", 1)[-1].lower()
        if len(_TAG_NAMES) < _TAG_NAMES_KEPT:
            _TAG_NAMES[tag] = name
    return name


def _own_tokens(attrib: Any) -> set[str]:
    # landmark tags are read from the path, where an <article> nested inside one can overrule them
    get = attrib.get  # spelled out, not a generator over the names: this runs for most elements
    raw = f"{get('class', '')} {get('id', '')} {get('role', '')} {get('itemprop', '')}".lower()
    return set(raw.split())


# tags that change a frame by themselves; any other element changes it only by its attributes
_FRAME_TAGS = BLOCK | FIGURE_CONTENT | frozenset(HEADINGS)
_FRAME_TAGS |= {"li", "dd", "dt", "blockquote", "q", "figcaption", "figure", "noscript", "html", "body", "a"}


def _child_frame(parent: Frame, el: Any, tag: str, serial: int) -> Frame:
    attrib = el.attrib  # read through one proxy; many inline elements have no attribute at all
    tokens = _own_tokens(attrib) if attrib else set()
    # inline display:none and aria-hidden also wrap article text that scripts reveal,
    # so only the hidden attribute and <noscript> count
    hidden = parent.hidden or (bool(attrib) and "hidden" in attrib)
    hidden = hidden or tag == "noscript"
    if tag not in _FRAME_TAGS and hidden == parent.hidden and tokens <= parent.tokens:
        # an inline wrapper adding no new words (most <span>s, <em>s) inherits the frame unchanged:
        # share it rather than build an equal one (frames are immutable)
        return parent
    return Frame(
        tag=tag if tag in BLOCK else parent.tag,
        path=(*parent.path, tag) if tag in BLOCK else parent.path,
        nodes=(*parent.nodes, serial) if tag in BLOCK else parent.nodes,
        tokens=(parent.tokens | tokens if not tokens <= parent.tokens else parent.tokens)
        if tag not in ("html", "body")
        else frozenset(),
        hidden=hidden,
        heading=HEADINGS.get(tag, parent.heading),
        list_item=parent.list_item or tag in ("li", "dd", "dt"),
        quote=parent.quote or tag in ("blockquote", "q"),
        # a quote, table or code block in a <figure> is content that the figure frames, not a caption
        caption=tag in ("figcaption", "figure") or (parent.caption and tag not in FIGURE_CONTENT),
        link=parent.link or (tag == "a" and "href" in attrib),
    )


class _Lines:
    """Accumulates text pieces into lines, each with its frame and link share."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, Frame, float, float, bool]] = []
        self._pieces: list[str] = []
        self._frame: Frame | None = None
        self._link_chars = 0
        self._lead_chars = 0  # characters of the links that open the line, before any other text
        self._unlinked = False
        self._para_start = True
        self._held: list[tuple[str, Frame]] = []  # unseen inline text before any seen text of the line

    def unseen(self, s: str, frame: Frame) -> None:
        """Text never seen (screen-reader-only, hidden): dropped from a line with seen text."""
        if self._frame is None and s.strip():
            self._held.append((s, frame))

    def text(self, s: str, frame: Frame, pre: bool) -> None:
        if not pre:
            s = _one_space(s)
        if not s:
            return
        stripped = s.strip()
        if self._frame is None and stripped:
            self._frame = frame
            self._held = []
        self._pieces.append(s)
        if frame.link:
            self._link_chars += len(stripped)
            if not self._unlinked:
                self._lead_chars += len(stripped)
        elif stripped:
            self._unlinked = True

    def started(self) -> bool:
        """Whether the line in progress has text."""
        return self._frame is not None  # set by the line's first text

    def newline(self) -> None:
        if self._held and self._frame is None:  # a line of unseen text alone keeps it, and its frame
            self._pieces = [s for s, _ in self._held]
            self._frame = self._held[0][1]
        self._held = []
        if not self._pieces:
            return  # nothing since the last line (most block boundaries): no state to reset
        # control and format characters go, as in plain text (`normalize`): a later pass reads the
        # output as text, and must find the same lines
        line = strip_invisible("".join(self._pieces)).strip()
        if line and self._frame is not None:
            share = min(1.0, self._link_chars / max(1, len(line)))
            lead = min(1.0, self._lead_chars / max(1, len(line)))
            self.lines.append((_one_space(line), self._frame, share, lead, self._para_start))
            self._para_start = False
        self._pieces, self._frame, self._link_chars = [], None, 0
        self._lead_chars, self._unlinked = 0, False

    def block(self) -> None:
        self.newline()
        self._para_start = True


# the class words that hide text from sight ("sr-only", "visually-hidden"), a family of data/dom_tokens.txt
SCREEN_READER_FAMILY = "screen-reader-only text"


def _unseen_inline(el: Any, tag: str) -> bool:
    """Whether an inline element's text is never seen: the ``hidden`` attribute or a screen-reader-only
    class ("<span class='sr-only'>Quote: </span>" opening a paragraph). Its text is no part of the
    line, and must not give the line its frame: the paragraph around it is seen."""
    if tag in _FRAME_TAGS:  # blocks among them
        return False
    attrib = el.attrib
    if not attrib:
        return False
    classes = attrib.get("class", "").lower().split()
    return "hidden" in attrib or not family_words(SCREEN_READER_FAMILY).isdisjoint(classes)


CELLS = ("td", "th")
# a <button> holding one of these is a parse artefact (an unclosed <button> swallowing the page), not a control
PAGE_STRUCTURE = ("p", "main", "article", "h1", "h2", "h3")


def _flat_cells(root: Any) -> set[Any]:
    """The cells of table rows that hold only inline content: such a row is one line of text.

    A row whose cells hold paragraphs, lists or nested tables is layout, and its cells stay blocks.
    """
    cells: set[Any] = set()
    for row in root.iter("tr"):
        row_cells = [c for c in row if _tag(c) in CELLS]
        if len(row_cells) < 2:
            continue
        if all(_tag(d) not in BLOCK for c in row_cells for d in c.iterdescendants()):
            cells.update(row_cells)
    return cells


def _swallowed(el: Any) -> bool:
    """Whether a <button> holds the page's structure: libxml2 leaves a button open that a stray
    end tag should have closed, and the rest of the page ends up inside it."""
    return next(el.iter(*PAGE_STRUCTURE), None) is not None


def _walk(root: Any) -> list[tuple[str, Frame, float, float, bool]]:
    out = _Lines()
    flat = _flat_cells(root)
    # iterative depth-first walk: (element, frame, pre, None) to enter it, or with the tag
    # it was entered as to close it (read once: a flat cell closes as the "span" it opened as)
    stack: list[tuple[Any, Frame, bool, str | None]] = [(root, Frame(), False, None)]
    serial = 0
    while stack:
        el, frame, pre, closing = stack.pop()
        if closing is not None:
            if closing in BLOCK:
                out.block()
            tail = el.tail  # read once: lxml builds a new string at every read
            if tail:
                out.text(tail, frame, pre)
            continue
        tag = _tag(el)
        if tag is not None and _unseen_inline(el, tag):
            # held aside: it goes if seen text shares its line, and is the line (as before) if none does
            out.unseen(_one_space("".join(el.itertext())), _child_frame(frame, el, tag, serial))
            tail = el.tail
            if tail:
                out.text(tail, frame, pre)
            continue
        if tag is None or (tag in SKIP and not (tag == "button" and _swallowed(el))):
            tail = el.tail
            if tail:
                out.text(tail, frame, pre)
            continue
        if tag == "br":
            out.newline()
            tail = el.tail
            if tail:
                out.text(tail, frame, pre)
            continue
        if el in flat:
            # a cell of a flat row: the row is one line, its cells joined as text tables join them
            if out.started():
                out.text(CELL_SEPARATOR, frame, False)
            tag = "span"
        serial += 1
        inner = _child_frame(frame, el, tag, serial)
        inner_pre = pre or tag in ("pre", "listing", "plaintext", "xmp")
        if tag in BLOCK:
            out.block()
        text = el.text
        if text:
            out.text(text, inner, inner_pre)
        stack.append((el, frame, pre, tag))
        for child in reversed(el):
            stack.append((child, inner, inner_pre, None))
    out.block()
    return out.lines


# elements kept when a page nests too deep for libxml2 (see the module docstring)
SAFE_DEPTH = 256
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_SURROGATES = regex.compile(r"[\ud800-\udfff]")
# a DOCTYPE with an internal subset ("<!DOCTYPE html [ <!ENTITY ...> ]>") in the prolog:
# the HTML parser ends it at the first ">" and would show the rest, "]>", as text
_SUBSET_START = regex.compile(r"\A((?:\s++|<\?[^>]*+>|<!--(?:[^-]++|-(?!->))*+-->)*+)<!DOCTYPE\b[^\[>]*+\[", regex.I)
_SUBSET_SPECIAL = regex.compile(r"""[\]"'<]""")
_SUBSET_CLOSE = regex.compile(r"\]\s*+>")
PROLOG_MAX = 65536  # characters searched for that DOCTYPE: subsets are short
_TAG = regex.compile(r"<(/?)([A-Za-z][^\s/>]*+)[^>]*+>")


def _subset_end(text: str, pos: int, limit: int) -> int | None:
    """Where the internal subset opened before `pos` ends (after its "]>"), skipping quotes and comments.

    Linear: each step jumps to the next special character or past a quoted
    string or comment, and gives up when one is not closed before `limit`.
    """
    while True:
        special = _SUBSET_SPECIAL.search(text, pos, limit)
        if special is None:
            return None
        pos, char = special.start(), special.group()
        if char == "]":
            close = _SUBSET_CLOSE.match(text, pos, limit)
            if close:
                return close.end()
            pos += 1
            continue
        opener, closer = (char, char) if char != "<" else ("<!--", "-->")
        if not text.startswith(opener, pos):
            pos += 1
            continue
        found = text.find(closer, pos + len(opener), limit)
        if found < 0:
            return None
        pos = found + len(closer)


def _prepare(text: str) -> str:
    """The page as the parser should see it: encodable, without a DTD subset."""
    start = _SUBSET_START.match(text, 0, PROLOG_MAX)
    end = _subset_end(text, start.end(), PROLOG_MAX) if start else None
    if start and end:
        text = f"{start.group(1)}<!DOCTYPE html>{text[end:]}"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from a str page: replace them, as bad bytes are
        text = _SURROGATES.sub("\ufffd", text)
    return text


def cap_depth(text: str, limit: int = SAFE_DEPTH) -> str:
    """Remove the tags of elements opened past `limit` open elements, keeping all text.

    One linear pass over the tags: a start tag when `limit` elements are open is
    removed, and so is the end tag that closes it.
    """
    out: list[str] = []
    pos = 0
    stack: list[str] = []
    open_names: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for match in _TAG.finditer(text):
        name = match.group(2).lower()
        if name in VOID:
            continue
        if not match.group(1) and len(stack) >= limit:
            dropped[name] += 1
        elif not match.group(1):
            stack.append(name)
            open_names[name] += 1
            continue
        elif dropped[name]:
            dropped[name] -= 1
        else:
            _close(stack, open_names, name)
            continue
        out.append(text[pos : match.start()])
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def _close(stack: list[str], open_names: Counter[str], name: str) -> None:
    """Pop open elements up to the innermost `name`, if one is open."""
    if not open_names[name]:
        return
    while stack:
        top = stack.pop()
        open_names[top] -= 1
        if top == name:
            return


def _parse_text(text: str) -> tuple[Any, bool]:
    """The lxml root (None if unparsable) and whether libxml2 hit its depth limit."""
    # plain lxml elements: lxml.html's element classes add nothing read here, and cost a Python
    # class lookup for every element the walk touches
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)  # None for a page with no elements
    except (etree.ParserError, ValueError):
        root = None
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, too_deep


def _parse(page: str | bytes) -> Any:
    text = _prepare(page if isinstance(page, str) else decode(page))
    root, too_deep = _parse_text(text)
    if too_deep:
        root, _ = _parse_text(cap_depth(text))
    return root


def _title(root: Any) -> str | None:
    for path in ('.//meta[@property="og:title"]', ".//title"):
        found = root.find(path)
        if found is not None:
            text = found.get("content") if found.tag == "meta" else "".join(found.itertext())
            if text and text.strip():
                return " ".join(text.split())
    return None


def _root_of(page: Any) -> Any:
    """An lxml root for any accepted input: str, bytes, BeautifulSoup, lxml."""
    module = type(page).__module__
    if module.startswith("bs4"):
        return _parse(str(page))
    if module.startswith("lxml"):
        return page.getroottree().getroot() if hasattr(page, "getroottree") else page
    return _parse(page)


def html_document(page: Any, url: str | None = None, lang: str | None = None) -> Document:
    """Parse HTML into a `Document` whose blocks carry DOM hints."""
    root = _root_of(page)
    if root is None:
        return Document("", [], "html", url, ("en",))
    body = root.find("body") if _tag(root) == "html" else None
    lines = _walk(body if body is not None else root)
    blocks: list[Block] = []
    parts: list[str] = []
    pos = 0
    for text, frame, link_share, lead_share, para_start in lines:
        if blocks:
            sep = "\n\n" if para_start else "\n"
            parts.append(sep)
            pos += len(sep)
        hints = Hints(
            para_start=para_start,
            tag=frame.tag,
            path=frame.path,
            nodes=frame.nodes,
            tokens=frame.tokens,
            hidden=frame.hidden,
            link_density=link_share,
            lead_link=lead_share,
            heading=frame.heading,
            list_item=frame.list_item,
            quote=frame.quote,
            caption=frame.caption,
        )
        blocks.append(Block(len(blocks), text, pos, pos + len(text), hints))
        parts.append(text)
        pos += len(text)
    text = "".join(parts)
    doc = Document(text, blocks, "html", url, vocabulary_languages(text, lang))
    doc.title = _title(root)
    return doc
