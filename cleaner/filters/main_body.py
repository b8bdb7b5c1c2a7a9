"""Main-body localization: the longest coherent run of body-like blocks.

Removes: everything before and after the article's run of paragraphs: menus,
headline lists, teaser cards, footers, sidebars, even when no cue phrase
matches them.
Signals: each kept block scores by shape (long punctuated prose with function
words scores up; short, unpunctuated, link-like lines score down); the run
with the highest total (a maximum-sum segment) is the body; table rows are
neutral, and in HTML the run is carried across link lines and removed chrome
inside the article's own element (the bridged link lines go) and over the
same-tag siblings that repeat that element (a thread's posts; when the
element is their list, over its children), a short run over the listing
of described entries that follows it, and any run over the unlinked lines
that end the article's element (a catalogue's parts, a specification table);
it ends with the page's one ``<article>`` element when that holds its
paragraphs.  The title and
standfirst that lead into the run are added back: an ``<h1>``, else the
farthest title-like line above the run whose words recur in the opening
paragraphs; byline and date lines between title and text go; a
comment-section line ends the run, and so does a list of teaser cards after
the article (lone short blurbs between headline and date lines, about other
things than the article); a list or table that the run's last sentence
introduces ("Tour dates:") stays with it, and so does a schedule under a
subheading right after the run (lines with a figure, split alike: "June 9 –
City @ Venue").  In HTML, an element whose children
repeat the teaser card (a linked headline, then an unlinked blurb, on one line
or two) goes when it lies outside the element holding the article's
paragraphs and is about other things; inside that element a list is the
article's (product picks, sources).  (Halving every teaser card and
scoring repeated blocks as chrome were measured and left out: +0.016 on
ScrapingHub text, -0.045 on WCXB, whose documentation and service pages
repeat headings; the card list needs a full article above it, on another
topic, for the same reason.)
Traps avoided: short lines *inside* the run (subheadings, list items, a
dateline) are kept; a page without any prose run is left alone; a plain
text is cut only on a side of the run where other filters found chrome (a
text with none there is already cut: the HTML output, read again in the
next pass, keeps the lists and tables the DOM placed in the article); the
over-pruning guard can undo this filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import pairwise

import regex

from .. import vocab
from ..filter import Filter
from ..model import Block, Decision, Document, Hints
from ..registry import register
from ..rules import RULE_PREFIX
from ..signals import CELL_SEPARATOR, Shape, dateline, shape, tokens
from .phrases import page_matches

MIN_RUN_SCORE = 2.0
SHORT_LINE = -0.5  # the score of a short non-prose line
LEAD_WINDOW = 5  # kept blocks above the run searched for the title
MIN_TITLE_WORDS = 4
REMOVED = -1.0  # the score of a block an earlier filter removed
TITLE_MATCH = 0.8  # share of a linked title's words found in the page's <title>: it is the page's own
TITLE_OVERLAP = 0.3  # share of a title's content words found in the opening paragraphs
INTRO_MIN_WORDS = 5  # a line ending in ":" this long introduces what follows ("Tour dates for 2020:")
LIST_ITEM_MAX_WORDS = 30  # longer lines are paragraphs, not items of that list
FLAT_CELL_WORDS = 12  # a table flattened one cell per line: a name, a number, a short note per line
FLAT_COLUMNS = range(2, 13)  # the columns of such a table
FLAT_ROWS = 3  # rows that make the repeat a table
FLAT_MATCH = 0.9  # share of a column's cells that are bare numbers (or words), at least
NUMBER_CELL = regex.compile(r"[\d\s.,:;%‰°+±×/()$€£¥₹-]*\d[\d\s.,:;%‰°+±×/()$€£¥₹-]*")  # "5040", "85%", "$1.2"
LIST_MAX_GAP = 2  # removed blocks a list runs through (a link line between its items)
HEADED_LIST_MIN = 3  # items with a figure under a subheading that make a schedule ("Tour Dates", then dates)
SCHEDULE_SEPARATORS = (" – ", " — ", " - ", " @ ")  # what splits a schedule's lines into date and place
SCHEDULE_ITEM_MIN_WORDS = 3  # a date and a place at least; a follower counter ("299 FollowersFollow") is shorter
CARD_MIN = 3  # teaser cards (headline and date lines around a one-paragraph blurb) that make a list
CARD_BLURB_MAX_WORDS = 35  # the typical blurb is shorter: a longer paragraph is an article's
BYLINED_BLURB_MAX_WORDS = 60  # ...unless each card has two unfinished labels (a headline, a byline), as sections do not
CARD_CORE_WORDS = 200  # distinct content words of the article above the cards, at least
CARD_MAX_OVERLAP = 0.4  # share of the cards' words found in that article, at most
SHORT_CORE, SHORT_OVERLAP = 0.5, 0.15  # a shorter article (this share of those words) needs cards this far off topic
HEADLINE_MAX_WORDS = 15  # a line without a final stop up to this long is a headline, not a blurb
CARD_PAIR_SHARE = 0.25  # at most this share of the blurbs after the article stand in pairs
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
OWN_LINES = 5  # a plain text's lines beyond its run, no chrome among them, that are its own list, at least
MENU_RUN, MENU_WORDS = 5, 2  # ...unless, above the run, this many lines in a row of this many words at most: a menu
ARTICLE_ELEMENT_SHARE = 0.3  # the page's one <article> holding this share of the run's prose is the article
POST_LABELS = 3  # copies of a label that make it a control of each post (twice may frame one article)
POST_PARAGRAPH = 1.0  # the score of a paragraph (ten words of prose) between two posts' labels
LISTING_OUTWEIGH = 1.0  # the entries' description words, at least this times the run's prose words


def removed_score(doc: Document, block: Block) -> float:
    """Removed boilerplate still separates: it counts against a run across it.

    A user rule's removal is exact knowledge of one box, not a sign that the
    article ends there, so it does not count.
    """
    return 0.0 if doc.dropped[block.index].filter.startswith(RULE_PREFIX) else REMOVED


def score(block: Block, s: Shape) -> float:
    """How body-like a block is: positive for prose, negative for chrome."""
    if block.hints.link_density > 0.5:
        # a list of links inside the article (product picks, sources) must not split it
        return SHORT_LINE if block.hints.list_item else -1.0
    if s.prose:
        return min(s.words, 60) / 10
    # short lines cost half a point: a list or subheadings between paragraphs
    # must not split the article (-1 lost WCXB articles 0.017 for +0.004 on
    # ScrapingHub); a long block without a final stop is mildly body-like
    if s.words <= 3:
        return SHORT_LINE
    return max(SHORT_LINE, min(1.0, (s.words - 10) / 20))


def table_rows(blocks: list[Block]) -> set[int]:
    """The lines that are rows of a table: cells joined by `CELL_SEPARATOR` (as the HTML
    reader writes a row, and as text tables are written), next to a line of as many cells."""
    cells = [b.text.count(CELL_SEPARATOR) for b in blocks]
    rows: set[int] = set()
    for i in range(1, len(blocks)):
        if cells[i] and cells[i] == cells[i - 1]:
            rows.update((i - 1, i))
    return rows


def flat_table_cells(doc: Document, shapes: list[Shape]) -> set[int]:
    """The lines of tables flattened one cell per line, as a scraper hands over a page's text.

    Among consecutive short lines (`FLAT_CELL_WORDS` at most), a table repeats
    its columns: with some period of 2 to 12 lines, for `FLAT_ROWS` rows or
    more, each line is a bare number exactly when the line one row up is (one
    exception at a time: a header, a note in a number column), and some
    column holds numbers where another holds words.  A menu has no bare
    numbers, nor a list of dated headlines; an archive of years has nothing but.
    """
    alive = [i for i in range(len(doc.blocks)) if doc.alive(i)]
    digit = [bool(NUMBER_CELL.fullmatch(doc.blocks[i].text)) for i in alive]
    cells: set[int] = set()
    start = 0
    while start < len(alive):
        end = start
        while end < len(alive) and shapes[alive[end]].words <= FLAT_CELL_WORDS:
            end += 1
        for period in FLAT_COLUMNS:
            for lo, hi in _repeats(digit[start:end], period):
                cells.update(alive[start + lo : start + hi])
        start = end + 1
    return cells


def _repeats(digit: list[bool], period: int) -> Iterator[tuple[int, int]]:
    """The spans ``(lo, hi)`` of `digit` (bare numbers) that repeat with `period` for
    `FLAT_ROWS` rows, one mismatch at a time, with a column of numbers and a column of words."""
    lo = 0
    slips = 0
    for k in range(period, len(digit) + 1):
        if k < len(digit) and digit[k] == digit[k - period]:
            slips = 0
            continue
        slips += 1
        if k < len(digit) and slips == 1:
            continue  # one exception: the header row, a note in a number column
        hi = k if k == len(digit) else k - 1
        span = digit[lo:hi]
        if hi - lo >= FLAT_ROWS * period:
            share = [sum(span[c::period]) / len(span[c::period]) for c in range(period)]
            if max(share) >= FLAT_MATCH and min(share) <= 1 - FLAT_MATCH:
                yield max(0, lo - period), hi  # with the row before: the header, unlike the rows
        lo, slips = k - period, 0


def best_run(scores: list[float]) -> tuple[int, int, float]:
    """The maximum-sum segment ``(first, last, total)``; (0, -1, 0) if none."""
    best = (0, -1, 0.0)
    start, total = 0, 0.0
    for i, value in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += value
        if total > best[2]:
            best = (start, i, total)
    return best


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
    return doc.alive(i) and shapes[i].prose and doc.blocks[i].hints.link_density <= 0.5


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
                if value < 0 and (j in doc.dropped or blocks[j].hints.link_density > 0.5):
                    value = max(value, GAP_COST)
                total += value
                if total > best:
                    best, best_at = total, j
                j += step
            if best >= BRIDGE_MIN:
                lo, hi = sorted((edge, best_at))
                gap += [i for i in range(lo, hi + 1) if blocks[i].hints.link_density > 0.5 and i not in doc.dropped]
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
        span = repeats(doc, shapes, chain, box[0] + 1)
        if span:
            first, last = min(first, span[0]), max(last, span[1])
    for d in range(box[0], 1, -1):
        span = repeats(doc, shapes, chain, d)
        if span:
            return min(first, span[0]), max(last, span[1])
    return first, last


def repeats(doc: Document, shapes: list[Shape], chain: Hints, d: int) -> tuple[int, int] | None:
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
        if not _about_other_things(doc, run, [b.index for c in items for b in c if doc.alive(b.index)], DOM_CORE_WORDS):
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
    end = last
    while end + 1 < len(doc.blocks) and own_line(doc, shapes, doc.blocks[end + 1], box):
        end += 1
    return end


def own_line(doc: Document, shapes: list[Shape], block: Block, box: tuple[int, int]) -> bool:
    """A kept line of the article's element that is no link (a teaser's headline,
    a "previous article" link) and no date (a teaser's)."""
    s = shapes[block.index]
    return (
        in_box(block, box)
        and doc.alive(block.index)
        and block.hints.link_density <= 0.5
        and not dateline(block.text, s)
    )


def chrome_seen(doc: Document, shapes: list[Shape], side: list[int], head: bool) -> bool:
    """Whether this side of the run is page chrome to cut.

    In HTML the DOM placed the run, so both sides go.  A plain text is cut on
    a side only where an earlier filter removed something there: a page's
    header and footer always carry boilerplate those filters know (a menu
    label, a copyright line); a text without any beyond the run is already
    cut there (an extractor's output, or this library's own HTML output read
    again in the next pass), and its lines there (a catalogue's link lines, a
    listing's entries, a reference table) are its own.  Fewer than
    `OWN_LINES` lines there are a leftover widget's (a share line, a
    sign-up prompt) and go; so does the head of a text that opens with a menu
    in a language no vocabulary knows.
    """
    if doc.mode == "html" or any(i in doc.dropped for i in side):
        return True
    kept = [i for i in side if doc.alive(i)]
    return len(kept) < OWN_LINES or (head and menu_run(shapes, kept))


def menu_run(shapes: list[Shape], lines: list[int]) -> bool:
    """Whether `MENU_RUN` of `lines` in a row have `MENU_WORDS` words at most and no final stop."""
    streak = 0
    for i in lines:
        streak = streak + 1 if shapes[i].words <= MENU_WORDS and not shapes[i].terminal else 0
        if streak >= MENU_RUN:
            return True
    return False


def cut_at_comments(doc: Document, scores: list[float], first: int, last: int) -> int:
    """End the run before a comment-section line: comments read like prose but follow the article.

    A label repeated under several posts ("Reply" under each post, "Add a
    comment" under each answer) is a control of every post, not where a
    comment section starts: a thread's posts keep their followers.
    """
    lines = page_matches(doc).lines
    bars = sorted({i for section in vocab.WHOLE_LINE for i in lines.get(("comments", section), ())})
    controls = per_post_labels(doc, scores, bars)
    for bar in bars:
        if doc.blocks[bar].text.casefold() in controls:
            continue
        if first < bar <= last and sum(scores[first:bar]) >= MIN_RUN_SCORE:
            return first + best_run(scores[first:bar])[1]
    return last


def per_post_labels(doc: Document, scores: list[float], bars: list[int]) -> set[str]:
    """The labels among `bars` that recur under at least `POST_LABELS` posts: a paragraph
    between every two copies (a heading and its button side by side are one section's)."""
    at: dict[str, list[int]] = {}
    for i in bars:
        at.setdefault(doc.blocks[i].text.casefold(), []).append(i)
    return {
        label
        for label, places in at.items()
        if len(places) >= POST_LABELS
        and all(max(scores[a + 1 : b], default=0.0) >= POST_PARAGRAPH for a, b in pairwise(places))
    }


def is_blurb(s: Shape) -> bool:
    """A paragraph-like line: prose, or long enough to be a teaser's one-sentence blurb."""
    if not s.terminal and s.words <= HEADLINE_MAX_WORDS:
        return False  # an unfinished sentence this short is a headline: a card's label
    return s.prose or s.words >= 12


def card_list(doc: Document, shapes: list[Shape], scores: list[float], first: int, last: int) -> int | None:
    """Where a list of teaser cards that ends the run starts, if one does.

    Below an article, "more stories" lists repeat one card shape: short lines
    (a headline, a byline, a date) around a single short blurb.  An article's
    paragraphs follow each other; a card list's blurbs stand alone between
    labels, and they are about other things than the article above them.
    """
    alive = [i for i in range(first, last + 1) if doc.alive(i)]
    start = _card_zone(alive, shapes, scores, first)
    if start is None or not _about_other_things(doc, alive[:start], alive[start:]):
        return None
    return alive[start]


def _card_zone(alive: list[int], shapes: list[Shape], scores: list[float], first: int) -> int | None:
    """The earliest position in `alive` (a label right after a paragraph) after
    which at least `CARD_MIN` lone short blurbs, as many labels, and almost no
    paragraph pairs follow."""
    blurb = [is_blurb(shapes[i]) for i in alive]
    n = len(alive)
    paired = [blurb[k] and ((k > 0 and blurb[k - 1]) or (k + 1 < n and blurb[k + 1])) for k in range(n)]
    pairs = labels = lone = 0
    start = None
    for k in range(n - 1, 0, -1):
        if not blurb[k]:
            labels += 1
        elif paired[k]:
            pairs += 1
        else:
            lone += 1
        if blurb[k] or not blurb[k - 1]:
            continue
        if lone < CARD_MIN or labels < lone or pairs > CARD_PAIR_SHARE * (lone + pairs):
            continue
        if sum(scores[first : alive[k]]) >= MIN_RUN_SCORE and _first_cards(alive[k:], shapes, blurb[k:], paired[k:]):
            start = k
    return start


def _first_cards(zone: list[int], shapes: list[Shape], blurb: list[bool], paired: list[bool]) -> bool:
    """Whether the zone opens with `CARD_MIN` short lone blurbs before any two
    paragraphs in a row (those are the article's own next section).  A teaser's
    blurb is short; a longer one passes when each card also carries two
    unfinished labels (a headline and a byline or date), as a section does not."""
    words: list[int] = []
    unfinished = 0
    for i, is_blurb_, is_paired in zip(zone, blurb, paired, strict=True):
        if is_paired:
            return False
        if not is_blurb_:
            unfinished += not shapes[i].terminal
            continue
        words.append(shapes[i].words)
        if len(words) == CARD_MIN:
            bylined = unfinished >= 2 * CARD_MIN
            return max(words) <= (BYLINED_BLURB_MAX_WORDS if bylined else CARD_BLURB_MAX_WORDS)
    return False


def _about_other_things(doc: Document, article: list[int], cards: list[int], core_words: int = CARD_CORE_WORDS) -> bool:
    """A full article's vocabulary above, little of it shared by the cards below."""
    stops = vocab.function_words(doc.languages)
    core = {t for i in article for t in content_words(doc.blocks[i].text, stops)}
    words = [t for i in cards for t in content_words(doc.blocks[i].text, stops)]
    shared = sum(t in core for t in words)
    if len(core) >= core_words:
        return shared < CARD_MAX_OVERLAP * len(words)
    # a shorter article is judged too when the cards share next to nothing with it
    return len(core) >= SHORT_CORE * core_words and shared < SHORT_OVERLAP * len(words)


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
            if b.hints.link_density > 0.5
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
        if _about_other_things(doc, article, [b.index for b in blocks], DOM_CORE_WORDS):
            out += [b.index for b in blocks]
    return out


def introduced_list(doc: Document, shapes: list[Shape], last: int) -> list[int]:
    """The items of a list or table that the run's last sentence introduces.

    A schedule, a standings table or a list of offers is short lines, which
    score as chrome; "The tour dates:" ending the article says they are its
    text. The list ends at a long line or a gap of removed or link-dense
    lines (a link line between items is not an item).
    """
    blocks = doc.blocks
    intro = last
    if not blocks[last].text.rstrip().endswith(":"):
        after = next((b.index for b in blocks[last + 1 :] if doc.alive(b.index)), None)
        if after is None:
            return []
        if not blocks[after].text.rstrip().endswith(":") or shapes[after].words < INTRO_MIN_WORDS:
            return headed_schedule(doc, shapes, after)
        intro = after
    items, gap = [intro], 0
    for block in blocks[intro + 1 :]:
        if not doc.alive(block.index) or block.hints.link_density > 0.5:
            gap += 1
            if gap > LIST_MAX_GAP:
                break
        elif shapes[block.index].words > LIST_ITEM_MAX_WORDS:
            break
        else:
            items.append(block.index)
            gap = 0
    return items if intro != last else items[1:]


def headed_schedule(doc: Document, shapes: list[Shape], heading: int) -> list[int]:
    """A subheading right after the run and the schedule under it ("The Band Tour Dates").

    Dates, results or prices under their own subheading end an article with no
    sentence to introduce them; they stay when at least `HEADED_LIST_MIN`
    unlinked short lines follow the heading one after another, each with a
    figure and all split by one separator ("June 9 – City @ Venue").  Headlines
    below an article carry figures too (a year, a price), but no common
    separator; a social widget's counters are single words.
    """
    head = doc.blocks[heading]
    if not shapes[heading].heading_like or head.hints.link_density > 0.5:
        return []
    if any(sep in head.text for sep in SCHEDULE_SEPARATORS):
        return []  # the first date itself: no heading names the list
    items: list[int] = []
    shared = set(SCHEDULE_SEPARATORS)
    for block in doc.blocks[heading + 1 :]:
        i, text = block.index, block.text
        if not doc.alive(i) or block.hints.link_density > 0.5:
            break
        if not SCHEDULE_ITEM_MIN_WORDS <= shapes[i].words <= LIST_ITEM_MAX_WORDS or not any(c.isdigit() for c in text):
            break
        shared &= {sep for sep in SCHEDULE_SEPARATORS if sep in text}
        if not shared:
            break
        items.append(i)
    return [heading, *items] if len(items) >= HEADED_LIST_MIN else []


def teaser_link(doc: Document, block: Block) -> bool:
    """A linked headline that leads to another page: an item of a link list, or a link whose words
    are not the page's own title.  Related and most-read lists above the article are such links
    on its topic; a blog theme's linked post title is the page's title."""
    if block.hints.link_density <= 0.5:
        return False
    if block.hints.list_item or not doc.title:
        return True
    own = set(tokens(doc.title))
    words = tokens(block.text)
    return sum(w in own for w in words) < TITLE_MATCH * len(words)


def content_words(text: str, stops: frozenset[str]) -> list[str]:
    return [t for t in tokens(text) if t not in stops]


@register
class MainBodyFilter(Filter):
    name = "main_body"
    aggressive = True

    def __call__(self, doc: Document) -> Iterator[Decision]:
        stops = vocab.function_words(doc.languages)
        blocks = doc.blocks
        if len(doc.kept()) < 3:
            return
        shapes = [shape(" ".join(doc.remaining(b)), stops) for b in doc.timed(blocks)]
        pairs = zip(blocks, shapes, strict=True)
        scores = [removed_score(doc, b) if b.index in doc.dropped else score(b, s) for b, s in pairs]
        for i in table_rows(blocks) | (flat_table_cells(doc, shapes) if doc.mode == "text" else set()):
            # a table's rows are short lines, but the table is one piece of the text: neutral, so
            # that a long table inside the article does not split it (a link table still counts),
            # and a table alone never makes a run
            if i not in doc.dropped and blocks[i].hints.link_density <= 0.5 and not shapes[i].prose:
                scores[i] = 0.0
        first, last, total = best_run(scores)
        if total < MIN_RUN_SCORE:
            return
        first, last, gap = bridge(doc, shapes, scores, first, last)
        if doc.mode == "html":
            first, last = repeated_siblings(doc, shapes, first, last)
            last = article_end(doc, shapes, first, last)
        run_end, last = last, cut_at_comments(doc, scores, first, last)
        cards = card_list(doc, shapes, scores, first, last)
        ended = last < run_end or cards is not None  # by comments or teaser cards: what follows is chrome
        teasers = range(cards or 0, last + 1 if cards is not None else 0)
        if cards is not None:
            last = max(i for i in range(first, cards) if doc.alive(i))
        elif doc.mode == "html":
            last = listing_after(doc, shapes, first, last)
        if doc.mode == "html" and not ended:
            last = own_tail(doc, shapes, first, last)
        items = set(introduced_list(doc, shapes, last))
        for i in sorted(dom_card_lists(doc, shapes, first, last)) if doc.mode == "html" else ():
            if first <= i <= last and doc.alive(i) and i not in items:
                yield self.drop(blocks[i], "teaser card list beside the article")
        # else the lines above the run are the text's own, bylines too
        head = chrome_seen(doc, shapes, list(range(first)), head=True)
        top = self.lead_in(doc, shapes, first, stops) if head else 0
        for block in blocks[:top]:
            if doc.alive(block.index):
                yield self.drop(block, "before the main text")
        after = [i for i in range(last + 1, len(blocks)) if i not in items]  # an introduced list is the text's
        tail = blocks[last + 1 :] if ended or chrome_seen(doc, shapes, after, head=False) else []
        for block in tail:
            if doc.alive(block.index) and block.index not in items:
                why = "teaser list after the article" if block.index in teasers else "after the main text"
                yield self.drop(block, why)
        for i in dict.fromkeys(gap):  # a link line bridged in two rounds is listed twice
            # the bridged link lines go: a plain-text pass, blind to links, would split the run there again
            if first <= i <= last and doc.alive(i):
                yield self.drop(blocks[i], "link line between the article's paragraphs")
        if head:
            yield from self.datelines(doc, shapes, top, first)

    def datelines(self, doc: Document, shapes: list[Shape], top: int, first: int) -> Iterator[Decision]:
        """Byline and date lines between the title and the first paragraph."""
        between = [b for b in doc.blocks[top + 1 : first + 1] if doc.alive(b.index)][:LEAD_WINDOW]
        for block in between:
            s = shapes[block.index]
            if s.prose and s.words >= 15:
                break
            if (s.words <= 2 and not s.prose) or dateline(block.text, s):
                yield self.drop(block, "byline or date line under the title")

    @staticmethod
    def lead_in(doc: Document, shapes: list[Shape], first: int, stops: frozenset[str]) -> int:
        """Move the run's start up to the title that leads into it.

        An ``<h1>`` wins; otherwise the farthest title-like line whose content
        words recur in the opening paragraphs (a byline or a menu item does
        not), else the farthest title-like line.
        """
        alive = [i for i in range(first - 1, -1, -1) if doc.alive(i)][:LEAD_WINDOW]
        h1 = [i for i in alive if doc.blocks[i].hints.heading == 1]
        if h1:
            return h1[0]
        titles = [
            i
            for i in alive
            if shapes[i].heading_like and shapes[i].words >= MIN_TITLE_WORDS and not teaser_link(doc, doc.blocks[i])
        ]
        opening = [b for b in doc.blocks[first : first + 40] if doc.alive(b.index)][:4]
        body = {t for b in opening for t in tokens(b.text)}
        for i in reversed(titles):
            words = content_words(doc.blocks[i].text, stops)
            if words and sum(w in body for w in words) >= TITLE_OVERLAP * len(words):
                return i
        return titles[-1] if titles else first
