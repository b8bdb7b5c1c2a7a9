"""Main-body localization: the longest coherent run of body-like blocks.

Removes: everything before and after the article's run of paragraphs: menus,
headline lists, teaser cards, footers, sidebars, even when no cue phrase
matches them.
Signals: each kept block scores by shape (long punctuated prose with function
words scores up; short, unpunctuated, link-like lines score down, and an
unfinished sentence of up to 30 words is a headline, not a paragraph); the run
with the highest total (a maximum-sum segment) is the body; table rows are
neutral (cells split by " | ", one cell per line, or one row per line split
by spaces), and in HTML the run is carried across link lines and removed chrome
inside the article's own element (the bridged link lines go) and over the
same-tag siblings that repeat that element (a thread's posts; when the
element is their list, over its children), a short run over the listing
of described entries that follows it, and any run over the unlinked lines
that end the article's element (a catalogue's parts, a specification table;
for a one-paragraph run, the element holding it and the line after it);
it ends with the page's one ``<article>`` element when that holds its
paragraphs; a run of one block after the page's ``<main>`` (a shop's
consent notice) gives way to the best run inside ``<main>``.  In plain
text, a run that is one post of a forum thread (its posts parted by the same
short lines each time, at a regular pace: "Posts: 120", "Quote", "#4", or
under the same share or comment button: "Share", "Add a comment")
widens over all the posts.  In either mode, a run past the last of a share
or comment button repeated under five posts (a list of related questions)
gives way to the thread, a run that opens with such a thread ends after
its last post, and in HTML a run over all its posts but the first (the
answers' elements, not the question's) starts again at that first post.
In both modes a run that is no article (a listing's intro) widens over the
catalogue whose entries repeat a short line (see `cards.catalogue_span`).  The title and
standfirst that lead into the run are added back (not a "Latest headlines"
box flattened one card per line, a title-case headline glued to its blurb,
or a ticker's headlines run into their stories' datelines: such cards score
as chrome when a page has several): an ``<h1>``, else the
farthest title-like line above the run whose words recur in the opening
paragraphs; byline and date lines between title and text go; a
comment-section line ends the run, and so does a related-list heading over
lone blurbs parted by removed lines (cards with long excerpts), and a list of teaser cards after
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
The run's scoring and its text-side edges live here; the widening over the
DOM in `structure`, the teaser-card list after the article in `cards`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

import regex

from .. import vocab
from ..filter import Filter
from ..model import Block, Decision, Document
from ..registry import register
from ..rules import RULE_PREFIX
from ..signals import LINK_LINE, Shape, dateline, shape, stamp, tokens
from ..view import block_shape
from .cards import card_list, catalogue_span, content_words, headline_blurbs, is_blurb
from .phrases import page_matches
from .recurrence import FIGURES, POST_PARAGRAPH, best_prefix, masked, posts_between, short_line_places, usual_gap
from .structure import (
    article_end,
    bridge,
    dom_card_lists,
    in_main,
    listing_after,
    lone_line_after_main,
    own_tail,
    repeated_siblings,
    teaser_link,
)
from .tables import flat_table_cells, spaced_rows, table_rows

MIN_RUN_SCORE = 2.0
SHORT_LINE = -0.5  # the score of a short non-prose line
LEAD_WINDOW = 5  # kept blocks above the run searched for the title
MIN_TITLE_WORDS = 4
HEADLINE_WORDS = 30  # an unfinished sentence up to this long reads as a headline or a teaser's blurb, not a paragraph
REMOVED = -1.0  # the score of a block an earlier filter removed
TITLE_OVERLAP = 0.3  # share of a title's content words found in the opening paragraphs
INTRO_MIN_WORDS = 5  # a line ending in ":" this long introduces what follows ("Tour dates for 2020:")
LIST_ITEM_MAX_WORDS = 30  # longer lines are paragraphs, not items of that list
LIST_MAX_GAP = 2  # removed blocks a list runs through (a link line between its items)
_NUMBERED = regex.compile(r"\s*\d{1,3}[.)]\s")  # a numbered list's item: "1) ...", "12. ..."
LIST_HEAD_ITEMS = 2  # the run may end on this many of an introduced list's first items (next to their intro)
HEADED_LIST_MIN = 3  # items with a figure under a subheading that make a schedule ("Tour Dates", then dates)
SCHEDULE_SEPARATORS = (" – ", " — ", " - ", " @ ")  # what splits a schedule's lines into date and place
ENUMERATION_ITEM_WORDS = 3  # an item of an enumeration under a subheading: a phrase, not a label
SCHEDULE_ITEM_MIN_WORDS = 3  # a date and a place at least; a follower counter ("299 FollowersFollow") is shorter
OWN_LINES = 5  # a plain text's lines beyond its run, no chrome among them, that are its own list, at least
_COPYRIGHT = regex.compile(r"©|\(c\)|\bcopyright\b")
SITE_NAME_TAIL = 15  # last blocks of a page read for the site's name (footer lines)
SITE_NAME_LINE_WORDS = 30  # a footer line holding the name is short
MENU_RUN, MENU_WORDS = 5, 2  # ...unless, above the run, this many lines in a row of this many words at most: a menu
CARD_HEADING_BLURBS = 3  # lone blurbs under a list heading, each after a removed line, that make it a card list
POST_LABELS = 3  # copies of a label that make it a control of each post (twice may frame one article)
POST_LABEL_WORDS = 6  # a thread's per-post line (a member's rank, "Posts: 120", "#4") is this short at most
# copies of a per-post line that make a thread (a menu item recurs three times: header, drawer, footer)
THREAD_POSTS = 5
THREAD_AFTER = 3.0  # a paragraph scoring this (30 words of prose) after a thread's end: the text goes on
POST_SPREAD = 4  # a thread's posts are alike: no gap between two copies is this many times the median gap


def removed_score(doc: Document, block: Block) -> float:
    """Removed boilerplate still separates: it counts against a run across it.

    A user rule's removal is exact knowledge of one box, not a sign that the
    article ends there, so it does not count.
    """
    return 0.0 if doc.dropped[block.index].filter.startswith(RULE_PREFIX) else REMOVED


def score(block: Block, s: Shape, teaser: bool = False) -> float:
    """How body-like a block is: positive for prose, negative for chrome."""
    if block.hints.link_density > LINK_LINE:
        # a list of links inside the article (product picks, sources) must not split it
        return SHORT_LINE if block.hints.list_item else -1.0
    if teaser:
        return SHORT_LINE  # a headline list, however long its blurbs
    if s.prose and (s.terminal or s.words > HEADLINE_WORDS or block.hints.list_item):
        return min(s.words, 60) / 10
    # short lines cost half a point: a list or subheadings between paragraphs
    # must not split the article (-1 lost WCXB articles 0.017 for +0.004 on
    # ScrapingHub); a long block without a final stop is mildly body-like, even
    # one of function words: up to `HEADLINE_WORDS` long it is a headline or a
    # teaser's blurb ("Worst deal ever? S. Korea fumes as US tries to raise
    # price tag for hosting American troops"), and a list of them after the
    # article must not carry the run on (as paragraphs, on the development check, they made SH text
    # 0.9226, WCXB text 0.7839)
    if s.words <= 3:
        return SHORT_LINE
    return max(SHORT_LINE, min(1.0, (s.words - 10) / 20))


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


def main_run(doc: Document, scores: list[float], first: int, last: int) -> tuple[int, int]:
    """The best run over the blocks of the page's ``<main>``, if it scores `MIN_RUN_SCORE`
    at least; else the run found (see `structure.lone_line_after_main`)."""
    inside = [value if in_main(b) else -math.inf for b, value in zip(doc.blocks, scores, strict=True)]
    start, end, total = best_run(inside)
    return (start, end) if total >= MIN_RUN_SCORE else (first, last)


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


def cut_at_comments(doc: Document, scores: list[float], first: int, last: int, thread: range = range(0)) -> int:
    """End the run before a comment-section line: comments read like prose but follow the article.

    A label repeated under several posts ("Reply" under each post, "Add a
    comment" under each answer) is a control of every post, not where a
    comment section starts: a thread's posts keep their followers, and so do
    the comment bars repeated between two copies of such a control (each
    answer's "3 Comments" over its own comments) and the bars inside a
    `thread` that `thread_span` found.
    """
    bars = control_lines(doc, ("comments",))
    controls = per_post_labels(doc, scores, bars)
    threads = control_threads(doc, scores, POST_LABELS)
    seen = Counter(masked(doc.blocks[i].text) for i in bars)
    for bar in bars:
        # a bar repeated in the thread ("9 Comments", "5 Comments") heads one answer's comments;
        # a lone one ("Discussion about this post") still opens the page's comment section
        again = seen[masked(doc.blocks[bar].text)] > 1
        inside = bar in thread or (again and any(p[0] < bar < p[-1] for p in threads))
        if inside or label_key(doc.blocks[bar].text) in controls:
            continue  # a post's own button, or a post's comments between two posts of the thread
        if first < bar <= last and sum(scores[first:bar]) >= MIN_RUN_SCORE:
            return first + best_run(scores[first:bar])[1]
    return last


def cut_at_card_heading(doc: Document, shapes: list[Shape], scores: list[float], first: int, last: int) -> int:
    """End the run at a list heading ("You may also like") over cards whose blurbs read like paragraphs.

    The cards' blurbs (a full quote, an excerpt) are long enough to carry the
    run on; what gives them away is that each stands alone, parted from the
    next by a line an earlier filter removed (its card's share bar, its date),
    where an article's paragraphs after an in-text "Related" box follow each
    other.  `CARD_HEADING_BLURBS` such blurbs in a row after the heading, and
    a run's worth of prose before it, end the run there.
    """
    heads = page_matches(doc).lines.get(("related", "marker"), set())
    for head in sorted(h for h in heads if first < h <= last):
        if sum(scores[first:head]) < MIN_RUN_SCORE:
            continue
        after = [i for i in range(head + 1, last + 1) if doc.alive(i)][:CARD_HEADING_BLURBS]
        if (
            len(after) == CARD_HEADING_BLURBS
            and all(is_blurb(shapes[i]) for i in after)
            and all(b - a > 1 for a, b in pairwise([head, *after]))
        ):
            return first + best_run(scores[first:head])[1]
    return last


def per_post_labels(doc: Document, scores: list[float], bars: list[int]) -> set[str]:
    """The labels among `bars` that recur under at least `POST_LABELS` posts: a paragraph
    between two copies, in `POST_SHARE` of the gaps (every gap for three copies; a heading
    and its button side by side are one section's, and a one-line post ("Thanks!") between
    two "Reply" labels leaves the thread a thread)."""
    return {label for label, places in label_places(doc, bars).items() if posts_between(scores, places)}


def label_places(doc: Document, bars: list[int]) -> dict[str, list[int]]:
    """Where each label among `bars` stands, for those with `POST_LABELS` copies at least."""
    at: dict[str, list[int]] = {}
    for i in bars:
        at.setdefault(label_key(doc.blocks[i].text), []).append(i)
    return {label: places for label, places in at.items() if len(places) >= POST_LABELS}


def label_key(text: str) -> str:
    """A label's words, case, framing and figures aside: "Add a comment |" and "Add a comment" are one
    button, and "3 Comments" and "12 Comments" one heading; a field's label ("Website:") is not the
    button or form field of the same name ("Website")."""
    words = FIGURES.sub("#", " ".join(_WORD.findall(text.casefold())))
    return f"{words}:" if text.rstrip().endswith(":") else words


_WORD = regex.compile(r"\w+")
# the kinds whose labels a thread repeats under each post ("Share", "Reply", "Add a comment")
POST_CONTROL_KINDS = ("share", "comments")


def control_lines(doc: Document, kinds: tuple[str, ...]) -> list[int]:
    """The blocks that are wholly a label of one of `kinds`, in order."""
    lines = page_matches(doc).lines
    return sorted({i for kind in kinds for section in vocab.WHOLE_LINE for i in lines.get((kind, section), ())})


def control_threads(doc: Document, scores: list[float], least: int = THREAD_POSTS) -> list[list[int]]:
    """The places of each control that marks a thread: a share or comment label under `THREAD_POSTS`
    posts at least (a share bar above the article, one under it and one in the footer are three).
    Its posts need no regular pace: a known control, unlike a post's counter line, is no menu item,
    and one answer can be many times longer than the others."""
    return [at for at in control_places(doc) if len(at) >= least and posts_between(scores, at)]


def control_places(doc: Document) -> list[list[int]]:
    """Where each share or comment label with `POST_LABELS` copies stands (read once per page: the
    thread steps of `MainBodyFilter` each ask)."""
    cached = doc.cache.get("control_places")
    if not isinstance(cached, list):
        cached = list(label_places(doc, control_lines(doc, POST_CONTROL_KINDS)).values())
        doc.cache["control_places"] = cached
    return cached


def paced(places: list[int]) -> bool:
    """Whether no gap between two copies of a line is `POST_SPREAD` times longer or shorter than the usual one."""
    sizes = [b - a for a, b in pairwise(places)]
    usual = usual_gap(places)
    return max(sizes) <= POST_SPREAD * usual and min(sizes) * POST_SPREAD >= usual


def post_controls(doc: Document, labels: list[Block]) -> set[str]:
    """The labels among `labels` that a filter before this one meets as per-post controls.

    A "Share" or "Add a comment" line under every answer of a thread is each
    post's button, not the heading of a share bar or a comment section: the
    label goes, the post after it stays.  Blocks score by their shape as in
    `score` (removed ones as `removed_score`); only labels with
    `POST_LABELS` copies are looked at, so most pages pay nothing.
    """
    if not label_places(doc, [b.index for b in labels]):
        return set()
    scores = [removed_score(doc, b) if b.index in doc.dropped else score(b, block_shape(doc, b)) for b in doc.blocks]
    return per_post_labels(doc, scores, [b.index for b in labels])


def thread_span(doc: Document, shapes: list[Shape], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """Widen a run that is one post of a forum thread over the whole thread (plain text).

    A thread flattened to text parts its posts with the same short lines each
    time (the author's rank, "Posts: 120", "Quote", "#4"): they score as
    chrome, and posts of a few lines each do not outweigh them, so the best
    run is one post.  A short line that recurs `THREAD_POSTS` times at least
    (figures aside, and they change from post to post: a post count, a post
    number, a date; a line repeated word for word is a menu's item or a
    section's "Back to top"), at a regular pace (no gap between two copies
    `POST_SPREAD` times longer or shorter than the usual one) and with a
    paragraph in most gaps, marks the posts.  When the run is one post (it
    holds one copy at most, and starts and ends within a usual gap of the
    first and last copies), it covers them all, and goes on at each end as
    far as the text's score rises.  A menu item repeated in the header, a
    drawer and the footer is irregular and rare; an article followed by its
    comments starts long before the first comment's label; a page whose
    sections each end with the same line ("Back to top") already runs over
    several of them.  A share or comment label under `THREAD_POSTS` posts
    ("Share", "Add a comment" under each answer, see `control_threads`)
    marks the posts too, word for word and at any pace.  Past the thread the
    run goes on only over the last post: none when the lines trail their
    posts (`last_post`).
    """
    at = short_line_places(doc.blocks, shapes, POST_LABEL_WORDS)
    # a line repeated word for word is a menu's or a section's; a post's figures change
    groups = [p for p in at.values() if len(p) >= THREAD_POSTS and _changing(doc, p) and paced(p)]
    lo, hi, reach, until = first, last, 0, 0
    for places in groups + control_threads(doc, scores):
        usual = usual_gap(places)
        if (
            posts_between(scores, places)
            and sum(first <= i <= last for i in places) <= 1
            and places[0] - usual <= first
            and last <= places[-1] + usual
        ):
            lo, hi, reach = min(lo, places[0]), max(hi, places[-1]), max(reach, math.ceil(usual))
            until = max(until, places[-1] + last_post(scores, places))
    if (lo, hi) == (first, last):
        return first, last
    # the best start above the thread and the best end below it: the top scores of a suffix and a
    # prefix, within the longest post's length above (the opening post) and the last post below
    # (further on, a "Hot questions" list of headlines ending in "?" would read as its text)
    start = lo - best_prefix(scores[max(0, lo - POST_SPREAD * reach) : lo][::-1])
    end = hi + best_prefix(scores[hi + 1 : until + 1])
    return min(first, start), max(last, end)


def _changing(doc: Document, places: list[int]) -> bool:
    """Whether the copies of a line differ in their figures ("Posts: 12", "Posts: 9179")."""
    return len({" ".join(doc.blocks[i].text.split()) for i in places}) >= 2


def last_post(scores: list[float], places: list[int]) -> int:
    """How far the last post may run past the last copy of a per-post line: none when the lines
    trail their posts ("Share" under each answer: in the gaps, the paragraphs stand nearer the next
    copy than the last one), a usual gap when they lead them ("#4" over each post)."""
    lead = trail = 0
    for a, b in pairwise(places):
        held = [i for i in range(a + 1, b) if scores[i] >= POST_PARAGRAPH]
        if held:
            lead, trail = lead + held[0] - a, trail + b - held[-1]
    return 0 if trail < lead else math.ceil(usual_gap(places))


def run_before_thread(doc: Document, scores: list[float], first: int, last: int) -> tuple[int, int]:
    """The best run up to a thread's last per-post control, when the run found lies wholly past it.

    Under a question and its answers come the lists of linked, related and
    "hot" questions, headlines ending in "?" that score as sentences and can
    outweigh one answer; a run past the thread's last "Share" is that list,
    and the thread, a run's worth of text up to there, is the page's text.
    A run past the thread with a paragraph of `THREAD_AFTER` points is an
    article under a box of comments, and stays.
    """
    threads = control_threads(doc, scores, POST_LABELS)
    if not threads:
        return first, last
    final = max(p[-1] for p in threads)
    if first <= final or max(scores[first : last + 1]) >= THREAD_AFTER:
        return first, last
    start, end, total = best_run(scores[: final + 1])
    return (start, end) if total >= MIN_RUN_SCORE else (first, last)


def opening_post(doc: Document, scores: list[float], first: int, last: int) -> int:
    """Start a run that holds a thread's posts but its first above that post.

    In HTML a question and its answers sit in two elements, and the run
    found, carried over the answers' repeated elements, starts after the
    question's "Share": the run starts again at the best start within the
    longest post's length above that first copy.
    """
    for places in control_threads(doc, scores):
        usual = math.ceil(usual_gap(places))
        if places[0] < first <= places[1] and last >= places[-1] - usual:
            window = scores[max(0, places[0] - POST_SPREAD * usual) : places[0]]
            return min(first, places[0] - best_prefix(window[::-1]))
    return first


def thread_end(doc: Document, scores: list[float], first: int, last: int) -> int:
    """End a run that is a thread within one usual post after the last per-post control.

    A run that opens with a thread (its first control within the longest
    post's length of the run's start) and holds all of it ends there (or
    after the post that follows, when the controls lead their posts): past
    the last answer's "Share" or "Add a comment" come the answer form and the
    lists of related questions, whose headlines ending in "?" read as prose.
    The end is taken after the last copy of any control repeated under
    `POST_LABELS` posts (a "Reply" under one-line posts counts, though it
    alone would not make a thread).  A page whose run opens long before the
    thread (an article, then its comments) keeps its end, and so does one
    with a paragraph of `THREAD_AFTER` points beyond that end (an article's
    sections that each end with a "Share" button, then its last section): a
    related question's headline is shorter.
    """
    threads = control_threads(doc, scores, POST_LABELS)
    if not threads:
        return last
    final = max(p[-1] for p in control_places(doc))
    for places in threads:
        usual = math.ceil(usual_gap(places))
        if abs(places[0] - first) <= POST_SPREAD * usual and final + usual < last:
            end = final + best_prefix(scores[final + 1 : final + 1 + last_post(scores, places)])
            # a paragraph further on says the text goes on (sections that each end with a "Share")
            return end if max(scores[end + 1 : last + 1]) < THREAD_AFTER else last
    return last


def introduced_list(doc: Document, shapes: list[Shape], last: int) -> list[int]:
    """The items of a list or table that the run's last sentence introduces.

    A schedule, a standings table or a list of offers is short lines, which
    score as chrome; "The tour dates:" ending the article says they are its
    text. The list ends at a long line or a gap of removed or link-dense
    lines (a link line between items is not an item). The run may have
    taken the list's first items with their intro ("Our picks:", "1) ...").
    """
    blocks = doc.blocks
    intro = last
    if (opened := list_opened(doc, shapes, last)) is not None:
        intro = opened
    elif not blocks[last].text.rstrip().endswith(":"):
        after = next((b.index for b in blocks[last + 1 :] if doc.alive(b.index)), None)
        if after is None:
            return []
        if not blocks[after].text.rstrip().endswith(":") or shapes[after].words < INTRO_MIN_WORDS:
            return headed_schedule(doc, shapes, after) or headed_enumeration(doc, shapes, after)
        intro = after
    items, gap = [intro], 0
    for block in blocks[intro + 1 :]:
        if not doc.alive(block.index) or block.hints.link_density > LINK_LINE:
            gap += 1
            if gap > LIST_MAX_GAP:
                break
        elif shapes[block.index].words > LIST_ITEM_MAX_WORDS:
            break
        else:
            items.append(block.index)
            gap = 0
    return items if intro != last else items[1:]


def list_opened(doc: Document, shapes: list[Shape], last: int) -> int | None:
    """The intro (a sentence ending in ":") that the run's last few numbered items follow, if any
    ("1) ..."): numbers say the list goes on, where other short lines may be what follows it."""
    blocks = doc.blocks
    for taken, i in enumerate(range(last, max(last - LIST_HEAD_ITEMS, 0) - 1, -1)):
        if taken and blocks[i].text.rstrip().endswith(":") and shapes[i].words >= INTRO_MIN_WORDS:
            return i
        if not doc.alive(i) or shapes[i].words > LIST_ITEM_MAX_WORDS or not _NUMBERED.match(blocks[i].text):
            return None
    return None


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
    if not shapes[heading].heading_like or head.hints.link_density > LINK_LINE:
        return []
    if any(sep in head.text for sep in SCHEDULE_SEPARATORS):
        return []  # the first date itself: no heading names the list
    items: list[int] = []
    shared = set(SCHEDULE_SEPARATORS)
    for block in doc.blocks[heading + 1 :]:
        i, text = block.index, block.text
        if not doc.alive(i) or block.hints.link_density > LINK_LINE:
            break
        if not SCHEDULE_ITEM_MIN_WORDS <= shapes[i].words <= LIST_ITEM_MAX_WORDS or not any(c.isdigit() for c in text):
            break
        shared &= {sep for sep in SCHEDULE_SEPARATORS if sep in text}
        if not shared:
            break
        items.append(i)
    return [heading, *items] if len(items) >= HEADED_LIST_MIN else []


def headed_enumeration(doc: Document, shapes: list[Shape], heading: int) -> list[int]:
    """A subheading right after the run and the enumeration under it ("Was wir fordern").

    Demands or recommendations closing an NGO page are one sentence cut into items:
    each ends with a comma or a semicolon, the last with a full stop ("ein Verbot …,"
    / "ein Klagerecht …," / "vollständige Transparenz …."). A list of headlines or menu
    items below an article never continues a sentence that way.
    """
    if not shapes[heading].heading_like or doc.blocks[heading].hints.link_density > LINK_LINE:
        return []
    items: list[int] = []
    for block in doc.blocks[heading + 1 :]:
        i, text = block.index, block.text.rstrip()
        if not doc.alive(i) or not ENUMERATION_ITEM_WORDS <= shapes[i].words <= LIST_ITEM_MAX_WORDS:
            break
        if not text.endswith((",", ";", ".")):
            break
        items.append(i)
        if text.endswith("."):
            break
    closed = bool(items) and doc.blocks[items[-1]].text.rstrip().endswith(".")
    return [heading, *items] if closed and len(items) >= HEADED_LIST_MIN else []


def site_name(doc: Document, index: int, first: int) -> bool:
    """A title-like line above the run that the page's copyright line repeats: the site's name.

    An organisation's name over its menu ("Amigos de la Tierra Sur") comes back in the footer's
    "© 2024 Amigos de la Tierra Sur"; an article's title may come back under the text too (an
    attached file's name, a share line), but not in the copyright notice.
    """
    name = " ".join(doc.blocks[index].text.split()).lower()
    for b in doc.blocks[first + 1 :][-SITE_NAME_TAIL:]:
        line = " ".join(b.text.split()).lower()
        if b.words <= SITE_NAME_LINE_WORDS and name in line and _COPYRIGHT.search(line):
            return True
    return False


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
        cards_in_line = headline_blurbs(doc, stops)
        pairs = zip(blocks, shapes, strict=True)
        scores = [
            removed_score(doc, b) if b.index in doc.dropped else score(b, s, b.index in cards_in_line) for b, s in pairs
        ]
        flat = flat_table_cells(doc, shapes) | spaced_rows(doc, shapes) if doc.mode == "text" else set()
        for i in table_rows(blocks) | flat:
            # a table's rows are short lines, but the table is one piece of the text: neutral, so
            # that a long table inside the article does not split it (a link table still counts),
            # and a table alone never makes a run
            if i not in doc.dropped and blocks[i].hints.link_density <= LINK_LINE and not shapes[i].prose:
                scores[i] = 0.0
        first, last, total = best_run(scores)
        if total < MIN_RUN_SCORE:
            return
        if doc.mode == "html" and lone_line_after_main(doc, first, last):
            first, last = main_run(doc, scores, first, last)
        thread = range(0)
        first, last = run_before_thread(doc, scores, first, last)
        if doc.mode == "text":
            run, (first, last) = (first, last), thread_span(doc, shapes, scores, first, last)
            thread = range(first, last + 1) if (first, last) != run else thread
        first, last = catalogue_span(doc, shapes, scores, first, last)
        first, last, gap = bridge(doc, shapes, scores, first, last)
        if doc.mode == "html":
            first, last = repeated_siblings(doc, shapes, first, last)
            last = article_end(doc, shapes, first, last)
            first = opening_post(doc, scores, first, last)
        run_end, last = last, cut_at_comments(doc, scores, first, thread_end(doc, scores, first, last), thread)
        last = cut_at_card_heading(doc, shapes, scores, first, last)
        cards = card_list(doc, shapes, scores, first, last, MIN_RUN_SCORE)
        ended = last < run_end or cards is not None  # by comments or teaser cards: what follows is chrome
        teasers = range(cards or 0, last + 1 if cards is not None else 0)
        if cards is not None:
            last = first + best_run(scores[first:cards])[1]
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
                yield self.drop(
                    block,
                    "teaser card before the main text" if block.index in cards_in_line else "before the main text",
                )
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
        """Byline and date lines between the title and the first paragraph.

        A run that opens at its title (or at a short line under it) holds them too: the lines
        up to the first paragraph are looked at, not only those above the run."""
        head = doc.blocks[top]
        if (
            doc.passno == 1
            and top < first
            and doc.alive(top)
            and not head.hints.heading
            and stamp(head.text, shapes[top])
        ):
            yield self.drop(head, "date line taken for the title")  # the title above it is gone
        between = [b for b in doc.blocks[top + 1 : max(first + 1, top + 1 + LEAD_WINDOW)] if doc.alive(b.index)]
        between = between[:LEAD_WINDOW]
        for block in between:
            s = shapes[block.index]
            if s.prose and s.words >= 15:
                break
            # inside the run its own short lines (a subheading, a dated title) stay: only clock stamps go
            if block.index > first:
                if stamp(block.text, s):
                    yield self.drop(block, "byline or date line under the title")
                continue
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
        titles = [i for i in titles if not site_name(doc, i, first)]
        opening = [b for b in doc.blocks[first : first + 40] if doc.alive(b.index)][:4]
        body = {t for b in opening for t in tokens(b.text)}
        for i in reversed(titles):
            words = content_words(doc.blocks[i].text, stops)
            if words and sum(w in body for w in words) >= TITLE_OVERLAP * len(words):
                return i
        return titles[-1] if titles else first
