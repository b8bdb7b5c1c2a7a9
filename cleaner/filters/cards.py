"""Teaser cards in plain text: lists after an article, one-line cards above it, the topic test, catalogues.

Below an article, "more stories" lists repeat one card shape: short lines (a
headline, a byline, a date) around a single short blurb.  An article's
paragraphs follow each other; a card list's blurbs stand alone between
labels, and they are about other things than the article above them.
`main_body` ends its run where such a list starts; `structure` uses the
topic test for card lists and listings the DOM shows.  Above an article, a
"Latest headlines" box flattened one card per line (a title-case headline
glued to its blurb, or a ticker's headline run into its story's dateline)
reads as prose; `headline_blurbs` finds such cards when a page has several,
and `main_body` scores them as chrome.  On a listing or a shop's category
page there is no article: the entries are the text, and `catalogue_span`
widens a short run over them.
"""

from __future__ import annotations

from itertools import pairwise

import regex

from .. import vocab
from ..memo import memo_by_text
from ..model import Document
from ..signals import LINK_LINE, Shape, tokens
from .recurrence import posts_between, short_line_places, usual_gap

CARD_MIN = 3  # teaser cards (headline and date lines around a one-paragraph blurb) that make a list
CARD_BLURB_MAX_WORDS = 35  # the typical blurb is shorter: a longer paragraph is an article's
BYLINED_BLURB_MAX_WORDS = 60  # ...unless each card has two unfinished labels (a headline, a byline), as sections do not
CARD_CORE_WORDS = 200  # distinct content words of the article above the cards, at least
CARD_MAX_OVERLAP = 0.4  # share of the cards' words found in that article, at most
SHORT_CORE, SHORT_OVERLAP = 0.5, 0.15  # a shorter article (this share of those words) needs cards this far off topic
TITLE_CASE = 0.6  # share of capitalized words that makes a short line a headline, even with a final stop
HEADLINE_MAX_WORDS = 15  # a line without a final stop up to this long is a headline, not a blurb
CARD_PAIR_SHARE = 0.25  # at most this share of the blurbs after the article stand in pairs
# a teaser card flattened to one line: a headline in title case ("Customers Leave Without Paying $690
# Bill At Troy Steakhouse"), then its blurb in sentence case ("A party of six left...") with no
# separator between.  Title case capitalizes function words ("At", "Without"), which a sentence,
# a name ("Bank of America") or a lead-in label ("Key Features: ...", "Step 2 – ...") does not
TEASER_TITLE_WORDS = range(4, 21)  # words of the title-case headline
TEASER_FUNCTION_WORDS = 2  # capitalized function words in it after its first word, at least
TEASER_SAMPLE = 20  # the blurb's first words, measured...
TEASER_BLURB_WORDS = 8  # ...at least this many: a sentence...
TEASER_BLURB_CAPITALS = 0.5  # ...capitalized less than this: not more title
TEASER_SEPARATED = 3  # the headline's last words with no punctuation mark ending one (a label's colon)
TEASER_PAGE_MIN = 3  # such cards on a page that make a headline list (one is a chance)
# a news ticker's card: a headline in sentence case, then its story's dateline ("...settlements
# UNITED NATIONS: United Nations Secretary..."); a story opens with its dateline, a card runs into it
DATELINED_CARD = regex.compile(r"(?:[^.!?|]|[.!?](?!\s))+?\s(?=\p{Lu}{2,}(?:\s\p{Lu}{2,})*:\s)")  # no sentence ends
TEASER_CHARS = 1000  # the block's start that holds them (a huge block is no card)
LABEL_END = regex.compile(r"[\p{P}\p{S}](?<![’'”])$")  # "Features:", "2)", "–"; not a quote's end
# a catalogue in plain text (a listing's entries, a shop's grid, a job board): see `catalogue_span`
ENTRY_MIN = 6  # copies of a per-entry line that make a catalogue
ENTRY_LABEL_WORDS = 8  # a per-entry line ("Apply now", "Tech conference in Chicago", "EUR 34.42") is this short
ENTRY_SPREAD = 4  # entries are alike: no gap between two copies is this many times the usual one
ARTICLE_RUN = 13.0  # a run scoring this (130 words of prose) is an article, whatever follows it
MENU_SHORT = 0.85  # share of a stretch's lines of one to three words that makes it a menu, not entries


def is_blurb(s: Shape, cased: bool = False) -> bool:
    """A paragraph-like line: prose, or long enough to be a teaser's one-sentence blurb.

    With `cased` (plain text, where no link marks a headline), a short line in
    title case is a headline too, even one that asks ("Did Pelosi Divert $2.4
    Billion from Social Security to Cover Impeachment Costs?"); in HTML such a
    line is as often an article's own subheading or call to action, and its
    cards' headlines are links."""
    if not s.terminal and s.words <= HEADLINE_MAX_WORDS:
        return False  # an unfinished sentence this short is a headline: a card's label
    if cased and s.words <= HEADLINE_MAX_WORDS and s.capital_ratio >= TITLE_CASE:
        return False
    return s.prose or s.words >= 12


def card_list(
    doc: Document, shapes: list[Shape], scores: list[float], first: int, last: int, min_score: float
) -> int | None:
    """Where a list of teaser cards that ends the run starts, if one does.

    Below an article, "more stories" lists repeat one card shape: short lines
    (a headline, a byline, a date) around a single short blurb.  An article's
    paragraphs follow each other; a card list's blurbs stand alone between
    labels, and they are about other things than the article above them.
    The list is judged by all its cards, those past the run too: the run may
    end inside it, at a card that alone looks like a paragraph pair (a
    headline ending in an abbreviation's stop, "... parts of Calif.").
    """
    alive = [i for i in range(first, len(doc.blocks)) if doc.alive(i)]
    start = _card_zone(alive, shapes, scores, first, min_score, doc.mode == "text")
    if start is None or alive[start] > last or not about_other_things(doc, alive[:start], alive[start:]):
        return None
    return alive[start]


def _card_zone(
    alive: list[int], shapes: list[Shape], scores: list[float], first: int, min_score: float, cased: bool
) -> int | None:
    """The earliest position in `alive` (a label right after a paragraph) after
    which at least `CARD_MIN` lone short blurbs, as many labels, and almost no
    paragraph pairs follow, with a run's worth of prose (`min_score`) above it."""
    blurb = [is_blurb(shapes[i], cased) for i in alive]
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
        if sum(scores[first : alive[k]]) >= min_score and _first_cards(alive[k:], shapes, blurb[k:], paired[k:]):
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


def about_other_things(doc: Document, article: list[int], cards: list[int], core_words: int = CARD_CORE_WORDS) -> bool:
    """A full article's vocabulary above, little of it shared by the cards below."""
    stops = vocab.function_words(doc.languages)
    core = {t for i in article for t in content_words(doc.blocks[i].text, stops)}
    words = [t for i in cards for t in content_words(doc.blocks[i].text, stops)]
    shared = sum(t in core for t in words)
    if len(core) >= core_words:
        return shared < CARD_MAX_OVERLAP * len(words)
    # a shorter article is judged too when the cards share next to nothing with it
    return len(core) >= SHORT_CORE * core_words and shared < SHORT_OVERLAP * len(words)


def content_words(text: str, stops: frozenset[str]) -> list[str]:
    return [t for t in tokens(text) if t not in stops]


def _headline_blurb(text: str, stops: frozenset[str]) -> int | None:
    """If the block has a teaser card's shape on one line, a title-case headline
    then its blurb's sentence with no separator between, how many function words
    the headline capitalizes after its first word (see `TEASER_FUNCTION_WORDS`)."""
    words = text[:TEASER_CHARS].split()[: TEASER_TITLE_WORDS.stop + TEASER_SAMPLE]
    title = 0
    while title < len(words) and not (words[title][0].isalpha() and not words[title][0].isupper()):
        title += 1
    head, blurb = words[:title], words[title : title + TEASER_SAMPLE]
    if (
        sum(w[0].isalpha() for w in head) not in TEASER_TITLE_WORDS
        or len(head) >= TEASER_TITLE_WORDS.stop
        or any(LABEL_END.search(w) for w in head[-TEASER_SEPARATED:])
        or len(blurb) < TEASER_BLURB_WORDS
        or _capital_share(blurb) >= TEASER_BLURB_CAPITALS
    ):
        return None
    return sum(w[0].isupper() and not w.isupper() and w.casefold() in stops for w in head[1:])


def _datelined_card(text: str) -> bool:
    """Whether the block is a ticker's card on one line: a headline run into its story's dateline."""
    head = DATELINED_CARD.match(text[:TEASER_CHARS])
    if head is None:
        return False
    blurb = text[head.end() : TEASER_CHARS].split()[: TEASER_SAMPLE + 1]
    return len(head.group().split()) in TEASER_TITLE_WORDS and len(blurb) > TEASER_BLURB_WORDS


def headline_blurbs(doc: Document, stops: frozenset[str]) -> set[int]:
    """The kept blocks that are one-line teaser cards, when the page has `TEASER_PAGE_MIN`
    whose headlines are plainly title case (then the others of that shape are cards too),
    or as many headlines run into their stories' datelines."""
    found = {b.index: headline_blurb(b.text, stops) for b in doc.kept()}
    cards = {i: n for i, n in found.items() if n is not None}
    plain = {i for i, n in cards.items() if n >= TEASER_FUNCTION_WORDS}
    if len(plain) >= TEASER_PAGE_MIN:
        return set(cards)
    datelined = {b.index for b in doc.kept() if datelined_card(b.text)}
    return datelined if len(datelined) >= TEASER_PAGE_MIN else set()


def _capital_share(words: list[str]) -> float:
    """The share of `words` (those that start with a letter) that start with a capital."""
    lettered = [w for w in words if w[0].isalpha()]
    return sum(w[0].isupper() for w in lettered) / len(lettered) if lettered else 1.0


# memoized: main_body asks of every kept block on every pass, and menus repeat across a site's pages
headline_blurb = memo_by_text(_headline_blurb)
datelined_card = memo_by_text(_datelined_card)


def entry_runs(doc: Document, shapes: list[Shape], scores: list[float], last: int) -> list[tuple[int, int]]:
    """The stretches of the page where one short line recurs once per entry of a catalogue.

    A listing's entries repeat the same label ("Apply now", "Tech conference
    in ...", a price): `ENTRY_MIN` copies at least, at a regular pace (no gap
    `ENTRY_SPREAD` times the usual one, and not every line: a plain list).
    A stretch runs from the first copy to a usual gap past the last; overlapping
    stretches (a card's several labels) merge.  Below the run (ending at
    `last`), a line with a paragraph in most of its gaps parts comments' posts."""
    stretches = []
    for places in short_line_places(doc.blocks, shapes, ENTRY_LABEL_WORDS).values():
        if len(places) < ENTRY_MIN:
            continue
        gaps = [b - a for a, b in pairwise(places)]
        usual = int(usual_gap(places))
        if usual < 2 or max(gaps) > ENTRY_SPREAD * usual or min(gaps) * ENTRY_SPREAD < usual:
            continue
        if places[0] > last and posts_between(scores, places):
            continue  # the comments under an article (a thread the run is part of is the thread's)
        stretches.append((places[0], min(len(doc.blocks), places[-1] + usual) - 1))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(stretches):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def catalogue_span(doc: Document, shapes: list[Shape], scores: list[float], first: int, last: int) -> tuple[int, int]:
    """Widen a run that is no article over the catalogue it introduces.

    On a listing or a shop's category page the entries are the text: short
    lines (a title, a price, a date, a place) that score as chrome, so the best
    run is the intro paragraph or a footer's blurb.  When the run is short
    (below `ARTICLE_RUN`: no article's paragraphs) and the page's largest
    stretch of entries (see `entry_runs`) holds more words than it, the run
    covers both.  An article keeps its run whatever cards follow it; a mega
    menu or an archive's month list recurs too, but its lines are links (in
    HTML) or nearly all of one to three words (`MENU_SHORT`), where entries
    carry titles.  Only the stretch's kept, unlinked lines beside the run count.
    """
    if sum(scores[first : last + 1]) >= ARTICLE_RUN:
        return first, last
    run = range(first, last + 1)

    def words(lines: range) -> list[int]:
        kept = (i for i in lines if doc.alive(i) and doc.blocks[i].hints.link_density <= LINK_LINE)
        return [shapes[i].words for i in kept]

    def entries(a: int, b: int) -> list[int]:  # the stretch's lines above and below the run
        return words(range(a, min(b + 1, first))) + words(range(max(a, last + 1), b + 1))

    stretches = entry_runs(doc, shapes, scores, last)
    if not stretches:
        return first, last
    a, b = max(stretches, key=lambda ab: sum(entries(*ab)))
    found = entries(a, b)
    if sum(found) <= sum(words(run)) or sum(n <= 3 for n in found) >= MENU_SHORT * len(found):
        return first, last
    return min(first, a), max(last, b)
