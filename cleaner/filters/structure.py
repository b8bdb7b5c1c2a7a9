"""The page's element structure (HTML): the article's element and what lies around it.

The run of body-like blocks that `main_body` finds in the text is placed in
the DOM: the innermost element holding its prose is the article's element.
Helpers here widen the run over what that element and its siblings hold (link
lines between paragraphs, a thread's posts, a listing's entries, a closing
parts list), end it with the page's one ``<article>``, and find the lists of
teaser cards beside it.  Each reads the element map built once per page.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from ..model import Block, Document, Hints
from ..signals import LINK_LINE, Shape, dateline, tokens
from .cards import CARD_MIN, about_other_things

TITLE_MATCH = 0.8  # share of a linked title's words found in the page's <title>: it is the page's own
CONTAINER_SHARE = 0.9  # the article's element (HTML) holds this share of the run's prose words
ARTICLE_SHARE = 0.8  # ...and this share of the paragraphs' words beside a card list
CARD_HEADLINE_WORDS = 2  # a card's linked headline has this many words, at least
CARD_HEAD_WITHIN = 2  # the headline is a card's first line, or the second after a label
CARD_LEAD_MIN, CARD_LEAD_MAX = 0.1, 0.7  # share of a one-line card in its opening headline link
CARD_BLURB_WORDS = 5  # and the unlinked description below it
CARD_MAX_WORDS = 150  # a longer item is a section of text, not a card
CARD_SHARE = 2 / 3  # of a list's items with text, at least this share are cards
DOM_CORE_WORDS = 100  # distinct content words of the article beside a card list the DOM shows, at least
BRIDGE_MIN = 3.0  # prose in that element past a gap, this score at least, joins the run
GAP_COST = -0.1  # what a link line or a removed block inside that element costs the run
BRIDGE_ROUNDS = 20  # at most this many widenings (each finds the element of the widened run anew)
SIBLING_PROSE_WORDS = 10  # a sibling of the article's element with this many words of prose repeats it
SIBLING_MIN = 2  # siblings like that (besides the article's own) that make the text a sequence
SIBLING_SPREAD = 3  # a sibling this many times longer (in lines) than the median one is no repeat
SIBLING_LIKENESS = 0.5  # share of a sibling's inner tag paths found in the article's element, at least
ARTICLE_ELEMENT_SHARE = 0.3  # the page's one <article> holding this share of the run's prose is the article
LISTING_OUTWEIGH = 1.0  # the entries' description words, at least this times the run's prose words


MAIN_TAG = "main"  # the element a page marks as its main content


def in_main(block: Block) -> bool:
    return MAIN_TAG in block.hints.path


def lone_line_after_main(doc: Document, first: int, last: int) -> bool:
    """Whether the run is one block after every block of the page's ``<main>`` (HTML).

    A shop's text-message consent or sign-up notice below the content is often
    the longest sentence of a product page whose own words are short lines
    (names, specifications, a size table): the page's ``<main>`` says where its
    text is.  Several paragraphs after ``<main>`` (a category page's guide below
    its grid) are text the page put there.
    """
    inside = [b.index for b in doc.blocks if in_main(b)]
    return bool(inside) and first == last and first > inside[-1]


def container(doc: Document, shapes: list[Shape], indices: Iterable[int], share: float) -> tuple[int, int] | None:
    """The innermost element, as (depth, serial), that holds `share` of these blocks' words (HTML)."""
    words: dict[tuple[int, int], int] = {}
    total = 0
    for i in indices:
        n = shapes[i].words
        total += n
        for depth, node in enumerate(doc.blocks[i].hints.nodes):
            words[(depth, node)] = words.get((depth, node), 0) + n
    held = [key for key, n in words.items() if n >= share * total and key[0] > 0]
    return max(held) if total and held else None


def in_box(block: Block, box: tuple[int, int]) -> bool:
    nodes = block.hints.nodes
    return len(nodes) > box[0] and nodes[box[0]] == box[1]


Children = dict[int, list[Block]]  # child element (serial) -> its blocks, in order


def element_children(doc: Document) -> dict[tuple[int, int], Children]:
    """Each HTML element, as (depth, serial), with its child elements' blocks (once per page)."""
    cached = doc.cache.get("element_children")
    if isinstance(cached, dict):
        return cached
    tree: dict[tuple[int, int], Children] = {}
    for block in doc.timed(doc.blocks):
        nodes = block.hints.nodes
        for depth in range(len(nodes) - 1):
            tree.setdefault((depth, nodes[depth]), {}).setdefault(nodes[depth + 1], []).append(block)
    doc.cache["element_children"] = tree
    return tree


def paragraph(doc: Document, shapes: list[Shape], i: int) -> bool:
    """A kept block of prose that is not mostly a link."""
    return doc.alive(i) and shapes[i].prose and doc.blocks[i].hints.link_density <= LINK_LINE


def bridge(
    doc: Document, shapes: list[Shape], scores: list[float], first: int, last: int
) -> tuple[int, int, list[int]]:
    """Carry the run across link lines and removed chrome inside the article's own element.

    A table of contents, a "see also" line or a share bar between paragraphs scores as chrome and
    would end the run there; when prose of the same element follows (or precedes) the gap, the
    gap is part of the article. Prose outside that element (teasers after the article) is not.
    """
    gap: list[int] = []
    blocks = doc.blocks
    for _ in range(BRIDGE_ROUNDS):
        prose = [i for i in range(first, last + 1) if doc.alive(i) and shapes[i].prose]
        box = container(doc, shapes, prose, CONTAINER_SHARE)
        if box is None:
            break
        moved = False
        for step in (1, -1):
            edge = last if step == 1 else first
            total, best, best_at = 0.0, 0.0, edge
            j = edge + step
            while 0 <= j < len(blocks) and in_box(blocks[j], box):
                value = scores[j]
                if value < 0 and (j in doc.dropped or blocks[j].hints.link_density > LINK_LINE):
                    value = max(value, GAP_COST)
                total += value
                if total > best:
                    best, best_at = total, j
                j += step
            if best >= BRIDGE_MIN:
                lo, hi = sorted((edge, best_at))
                gap += [
                    i for i in range(lo, hi + 1) if blocks[i].hints.link_density > LINK_LINE and i not in doc.dropped
                ]
                if step == 1:
                    last = best_at
                else:
                    first = best_at
                moved = True
        if not moved:
            break
    return first, last, gap


def repeated_siblings(doc: Document, shapes: list[Shape], first: int, last: int) -> tuple[int, int]:
    """Carry the run over the siblings that repeat the article's element (HTML).

    A thread's posts and a listing's entries are elements of one tag side by
    side, each holding its own prose; chrome between them (a poster's profile
    box, a date, a reply link) ends the run after the first. When the element
    holding the run's prose (or an ancestor) has at least `SIBLING_MIN`
    same-tag siblings with prose of their own, built like it (half their inner
    tag paths occur in it) and not far longer than the median sibling (a
    comment section is), the run spans them all.  A run over several posts
    has their list as its element: the posts are then its children, and the
    run spans those children first (the first answer, cut off by its chrome).
    """
    prose = [i for i in range(first, last + 1) if paragraph(doc, shapes, i)]
    box = container(doc, shapes, prose, CONTAINER_SHARE)
    if box is None:
        return first, last
    chain = next(doc.blocks[i] for i in prose if in_box(doc.blocks[i], box)).hints
    if box[0] + 1 < len(chain.nodes):
        span = sibling_span(doc, shapes, chain, box[0] + 1)
        if span:
            first, last = min(first, span[0]), max(last, span[1])
    for d in range(box[0], 1, -1):
        span = sibling_span(doc, shapes, chain, d)
        if span:
            return min(first, span[0]), max(last, span[1])
    return first, last


def sibling_span(doc: Document, shapes: list[Shape], chain: Hints, d: int) -> tuple[int, int] | None:
    """The first and last block of the siblings that repeat the element at depth `d` of
    `chain` (see `repeated_siblings`), if there are at least `SIBLING_MIN`."""
    own, tag = chain.nodes[d], chain.path[d]
    children = element_children(doc)[(d - 1, chain.nodes[d - 1])]
    siblings = {n: c for n, c in children.items() if c[0].hints.path[d] == tag}
    inner = {n: {(*b.hints.path[d + 1 :], b.hints.tag) for b in c} for n, c in siblings.items()}
    sizes = sorted(len(c) for c in siblings.values())
    median = sizes[len(sizes) // 2]
    rich = [
        n
        for n, c in siblings.items()
        if n != own
        and sum(shapes[b.index].words for b in c if paragraph(doc, shapes, b.index)) >= SIBLING_PROSE_WORDS
        and len(c) <= SIBLING_SPREAD * median
        and len(inner[n] & inner[own]) >= SIBLING_LIKENESS * len(inner[n])
    ]
    if len(rich) < SIBLING_MIN:
        return None
    return min(siblings[n][0].index for n in rich), max(siblings[n][-1].index for n in rich)


def article_end(doc: Document, shapes: list[Shape], first: int, last: int) -> int:
    """End the run with the page's one ``<article>`` element (HTML).

    When the paragraphs of exactly one ``<article>`` are in the run, and they
    are at least `ARTICLE_ELEMENT_SHARE` of its prose, the prose after that
    element (a sales pitch, a form, a "more from" box) is outside the article
    the page marks.  Several articles (a thread's posts, review cards) say
    nothing of where the text ends.
    """
    prose = [i for i in range(first, last + 1) if paragraph(doc, shapes, i)]
    boxes: dict[tuple[int, int], int] = {}
    for i in prose:
        hints = doc.blocks[i].hints
        if "article" in hints.path:
            depth = hints.path.index("article")
            key = (depth, hints.nodes[depth])
            boxes[key] = boxes.get(key, 0) + shapes[i].words
    total = sum(shapes[i].words for i in prose)
    if len(boxes) != 1 or next(iter(boxes.values())) < ARTICLE_ELEMENT_SHARE * total:
        return last
    box = next(iter(boxes))
    return max(i for i in range(first, last + 1) if in_box(doc.blocks[i], box))


def listing_after(doc: Document, shapes: list[Shape], first: int, last: int) -> int:
    """Carry a short run over the listing that follows it (HTML).

    A listing page's run is its introduction: the entries below it (a name
    or linked title, a price or date, a one-sentence description) each score
    about nothing, so the run stops before them.  When an element after the
    run (no paragraph between) has at least `CARD_MIN` same-tag children built
    alike (half their inner tag paths occur in the next one, none far longer
    than the median) that each hold a description (an unlinked line, or a
    sentence even if the whole entry is a link), those descriptions outweigh
    the run's own prose, and the run is no full article on another topic (a
    short article's "more stories" below it), they are the page's text.
    """
    run_words = sum(shapes[i].words for i in range(first, last + 1) if paragraph(doc, shapes, i))
    groups: list[tuple[int, int, list[list[Block]]]] = []  # (first block, depth, same-tag children after the run)
    for (depth, _), children in element_children(doc).items():
        if depth < 1:
            continue
        by_tag: dict[str, list[list[Block]]] = {}
        for c in children.values():
            after = [b for b in c if b.index > last]
            if after:
                by_tag.setdefault(after[0].hints.path[depth + 1], []).append(after)
        groups += [(same[0][0].index, depth, same) for same in by_tag.values()]
    best, best_words = None, 0
    for _, d, entries in sorted(groups, key=lambda g: g[:2]):
        if len(entries) < CARD_MIN:
            continue
        items = [c for c in entries if any(doc.alive(b.index) and shapes[b.index].words for b in c)]
        if len(items) < CARD_MIN:
            continue
        sizes = sorted(len(c) for c in items)
        if sizes[-1] > SIBLING_SPREAD * sizes[len(sizes) // 2]:
            continue
        inner = [{(*b.hints.path[d + 2 :], b.hints.tag) for b in c} for c in items]
        if any(len(x & y) < SIBLING_LIKENESS * len(x) for x, y in pairwise(inner)):
            continue
        start = items[0][0].index
        between = range(last + 1, start)
        if any(doc.alive(i) and shapes[i].prose and shapes[i].words >= SIBLING_PROSE_WORDS for i in between):
            continue
        described = []
        for c in items:
            text = [
                shapes[b.index].words
                for b in c
                if doc.alive(b.index)
                and (b.hints.link_density <= 0.2 or shapes[b.index].prose)
                and not b.hints.heading
                and shapes[b.index].words >= CARD_BLURB_WORDS
            ]
            if text:
                described.append(sum(text))
        if len(described) < CARD_MIN or len(described) < CARD_SHARE * len(items):
            continue
        words = sum(described)
        if words < LISTING_OUTWEIGH * run_words or words <= best_words:
            continue
        run = [i for i in range(first, last + 1) if doc.alive(i)]
        if not about_other_things(doc, run, [b.index for c in items for b in c if doc.alive(b.index)], DOM_CORE_WORDS):
            best, best_words = items[-1][-1].index, words
    return last if best is None else max(last, best)


def own_tail(doc: Document, shapes: list[Shape], first: int, last: int) -> int:
    """Carry the run to the end of the article's own element (HTML).

    A catalogue's list of parts, a table of specifications or a closing list
    of sources after the last paragraph score as chrome, but the element that
    holds the run's prose holds them too: they are the article's, up to the
    first line another filter removed (a share bar, a related box), a link
    line or a date (a "previous article" teaser; -0.002 on ScrapingHub without
    these stops, whose news pages end the article's element with them).
    """
    prose = [i for i in range(first, last + 1) if paragraph(doc, shapes, i)]
    box = container(doc, shapes, prose, CONTAINER_SHARE)
    if box is None:
        return last
    box = one_paragraph_element(doc, prose, box)
    end = last
    while end + 1 < len(doc.blocks) and own_line(doc, shapes, doc.blocks[end + 1], box):
        end += 1
    return end


PAGE_TAGS = ("html", "body", "main")  # elements that hold the page, not one text


def one_paragraph_element(doc: Document, prose: list[int], box: tuple[int, int]) -> tuple[int, int]:
    """The article's element for a run of one paragraph: the element holding that paragraph and
    what follows it (a product's description, then its list of features, its details and care
    sections), not the paragraph's own element; the page's ``<main>`` or ``<body>`` is no
    article's element."""
    if len(prose) != 1 or prose[0] + 1 >= len(doc.blocks):
        return box
    block = doc.blocks[prose[0]]
    nodes, after = block.hints.nodes, doc.blocks[prose[0] + 1].hints.nodes
    shared = next(
        (d for d, (a, b) in enumerate(zip(nodes, after, strict=False)) if a != b), min(len(nodes), len(after))
    )
    depth = shared - 1
    if depth < 1 or depth >= box[0] or block.hints.path[depth] in PAGE_TAGS:
        return box
    return (depth, nodes[depth])


def own_line(doc: Document, shapes: list[Shape], block: Block, box: tuple[int, int]) -> bool:
    """A kept line of the article's element that is no link (a teaser's headline,
    a "previous article" link) and no date (a teaser's)."""
    s = shapes[block.index]
    return (
        in_box(block, box)
        and doc.alive(block.index)
        and block.hints.link_density <= LINK_LINE
        and not dateline(block.text, s)
    )


def _is_card(blocks: list[Block], shapes: list[Shape]) -> bool:
    """A teaser card: a linked headline first (a label may precede it), then an
    unlinked description, and little else.  A date or a name link opening a
    forum post is no headline."""
    if sum(shapes[b.index].words for b in blocks) > CARD_MAX_WORDS:
        return False
    texts = [b for b in blocks if shapes[b.index].words]
    if texts and _inline_card(texts[0], shapes[texts[0].index]):
        return True
    head = next(
        (
            k
            for k, b in enumerate(texts[:CARD_HEAD_WITHIN])
            if b.hints.link_density > LINK_LINE
            and shapes[b.index].words >= CARD_HEADLINE_WORDS
            and not dateline(b.text, shapes[b.index])
        ),
        None,
    )
    return head is not None and any(
        b.hints.link_density <= 0.2 and not b.hints.heading and shapes[b.index].words >= CARD_BLURB_WORDS
        for b in texts[head + 1 :]
    )


def _inline_card(block: Block, s: Shape) -> bool:
    """A card on one line: a headline link, then its unlinked blurb."""
    lead = block.hints.lead_link
    return (
        CARD_LEAD_MIN <= lead <= CARD_LEAD_MAX
        and block.hints.link_density - lead < 0.05
        and s.words * (1 - lead) >= CARD_BLURB_WORDS
    )


def _item_text(doc: Document, shapes: list[Shape], block: Block) -> bool:
    """Whether a block is text of a list item: the list's own heading and a removed
    "View all" link beside the items are no items."""
    return doc.alive(block.index) and shapes[block.index].words > 0 and not block.hints.heading


def dom_card_lists(doc: Document, shapes: list[Shape], first: int, last: int) -> list[int]:
    """The blocks of card lists beside the article (HTML only).

    A card list is an element whose children repeat the teaser card: a linked
    headline over a short unlinked description.  It goes when it lies outside
    the element that holds the article's paragraphs and is about other things;
    a list inside that element (product picks, sources) is the article's, and
    a page whose only prose is cards (a listing) has no article beside them.
    """
    lists: dict[int, list[Block]] = {}
    for (_, parent), all_children in element_children(doc).items():
        children = [[b for b in c if b.index >= first] for c in all_children.values()]
        children = [c for c in children if c]
        if len(children) < CARD_MIN:
            continue
        items = [c for c in children if any(_item_text(doc, shapes, b) for b in c)]
        cards = sum(_is_card(c, shapes) for c in items)
        if cards >= CARD_MIN and cards >= CARD_SHARE * len(items):
            lists[parent] = [b for c in children for b in c]
    if not lists:
        return []
    in_lists = {b.index for blocks in lists.values() for b in blocks}
    article = [i for i in range(first, last + 1) if i not in in_lists and paragraph(doc, shapes, i)]
    box = container(doc, shapes, article, ARTICLE_SHARE)
    if box is None:
        return []
    depth, node = box
    chain = next(doc.blocks[i].hints.nodes for i in article if in_box(doc.blocks[i], box))
    around = set(chain[: depth + 1])  # the article's element and its ancestors
    out: list[int] = []
    for parent, blocks in lists.items():
        if parent in around or node in blocks[0].hints.nodes:
            continue
        if about_other_things(doc, article, [b.index for b in blocks], DOM_CORE_WORDS):
            out += [b.index for b in blocks]
    return out


def teaser_link(doc: Document, block: Block) -> bool:
    """A linked headline that leads to another page: an item of a link list, or a link whose words
    are not the page's own title.  Related and most-read lists above the article are such links
    on its topic; a blog theme's linked post title is the page's title."""
    if block.hints.link_density <= LINK_LINE:
        return False
    if block.hints.list_item or not doc.title:
        return True
    own = set(tokens(doc.title))
    words = tokens(block.text)
    return sum(w in own for w in words) < TITLE_MATCH * len(words)
