"""The shared machinery of the cue-phrase filters.

A `PhraseFilter` reads its kind's vocabulary (``data/vocab/<lang>/<kind>.txt``)
and applies its four sections to the page text, each as one regular
expression over the whole page:

* ``[line]``: a block that *is* the phrase (a button, a label) is dropped;
* ``[cue]``: a block is dropped only when cue wording dominates it, so a
  paragraph that merely mentions "cookies" or "donations" survives;
* ``[marker]``: a heading that opens a section of this kind claims the run
  of short lines under it (button labels, headlines, captions); in HTML an
  unlinked sentence beside the heading after its links ends the claim;
* ``[tail]``: a heading after which the rest of the page is this kind (a
  consent manager's "Privacy Overview", a comment thread's heading), honoured
  only when less prose follows it than precedes it.

Subclasses set `name`, `kind` and a docstring that says what they remove.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from .. import vocab
from ..filter import Filter
from ..memo import memo_by_text
from ..model import Block, Decision, Document
from ..signals import LINK_LINE, Shape, dateline
from ..view import Word, block_shape, lead, words

LABEL_MAX_WORDS = 80  # a whole-line label or heading is never longer
CUE_MAX_WORDS = 120  # longer blocks cannot be dominated by cue wording
CLAIM_LIMIT = 15  # a marker claims at most this many blocks
CLAIM_STOP_WORDS = 18  # a prose block this long ends a marker's claim
COUSIN = 2  # levels up to the element that a paragraph and the heading beside it share
OPENING_CUE_MAX_WORDS = 25  # a block this short that opens with cue wording is that widget's sentence
TITLE_METADATA = 3  # byline, date and reading-time lines between a title and its first paragraph
TITLE_LOOKAHEAD = TITLE_METADATA + 2  # blocks past a claim's limit read to see a title's paragraphs


def _preview(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@dataclass(slots=True)
class PageMatches:
    """Every kind's vocabulary hits on one page, found in one pass and shared."""

    lines: dict[tuple[str, str], set[int]] = field(default_factory=dict)  # (kind, section) -> blocks
    cues: dict[str, dict[int, list[str]]] = field(default_factory=dict)  # kind -> block -> wording


def page_matches(doc: Document) -> PageMatches:
    """The vocabulary hits of `doc` (computed once per page).

    Cue wording is looked for only in blocks still kept when first asked (in
    HTML, two thirds are chrome by then, and a removed block's cues would drop
    nothing); every block is read for whole-line entries, which also mark the
    page around them (a "Related" heading in a removed aside still ends the
    article's run in `main_body`).
    """
    cached = doc.cache.get("matches")
    if isinstance(cached, PageMatches):
        return cached
    found = PageMatches()
    for block in doc.timed(doc.blocks):
        n = block.words
        if n > CUE_MAX_WORDS:
            continue
        if n <= LABEL_MAX_WORDS:
            for key in line_hits(block.text, doc.languages):
                found.lines.setdefault(key, set()).add(block.index)
        if block.index not in doc.dropped:
            for kind, wording in cue_hits(block.text, doc.languages):
                found.cues.setdefault(kind, {}).setdefault(block.index, []).append(wording)
    doc.cache["matches"] = found
    return found


Tags = tuple[tuple[str, str], ...]


@memo_by_text
def line_hits(text: str, languages: tuple[str, ...]) -> Tags:
    """The (kind, section) of every whole-line entry that `text` is, whatever page it is on."""
    found = words(text)
    lines = dict.fromkeys(vocab.lexicon(languages).whole.get(tuple(w for w, _, _ in found), ()))
    candidates = vocab.gates(languages).line.candidates(text, lead(text, found))
    lines.update((tag, None) for tag, p in candidates if p.fullmatch(text))
    return tuple(lines)


@memo_by_text
def cue_hits(text: str, languages: tuple[str, ...]) -> Tags:
    """The (kind, wording) of every cue entry in `text`, unquoted, whatever page it is on."""
    found = words(text)
    cues = [
        (kind, text[s:e]) for kind, s, e in phrase_hits(found, vocab.lexicon(languages).cues) if not quoted(text, s, e)
    ]
    spans: dict[str, list[tuple[int, int]]] = {}
    for (kind, _), pattern in vocab.gates(languages).cue.candidates_from(text):
        spans.setdefault(kind, []).extend(h.span() for h in pattern.finditer(text) if h.end() > h.start())
    for kind, hits in spans.items():
        cues.extend((kind, text[s:e]) for s, e in disjoint(hits) if not quoted(text, s, e))
    return tuple(cues)


def disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Leftmost-longest spans that do not overlap (entries of one kind may overlap)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def line_matches(doc: Document, kind: str, section: str) -> list[Block]:
    """Blocks of `doc` that are wholly one of the kind's entries of `section`, in order."""
    return [doc.blocks[i] for i in sorted(page_matches(doc).lines.get((kind, section), ()))]


def cue_coverage(doc: Document, kind: str) -> dict[int, list[str]]:
    """The cue wording found in each block, by block index."""
    return page_matches(doc).cues.get(kind, {})


def phrase_hits(
    found: tuple[Word, ...], index: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
) -> Iterator[tuple[str, int, int]]:
    """``(kind, start, end)`` where an indexed phrase occurs: the longest per kind and position."""
    n = len(found)
    get = index.get
    for i, (word, start, _) in enumerate(found):
        entries = get(word)
        if not entries:
            continue  # most words start no phrase: no `seen` set for them
        seen: set[str] = set()
        for phrase, kind in entries:
            k = len(phrase)
            if kind in seen or i + k > n:
                continue
            if all(found[i + j][0] == phrase[j] for j in range(1, k)):
                seen.add(kind)
                yield kind, start, found[i + k - 1][2]


_OPENING = "\"'\u201c\u2018\u201e\u00ab\u2039"
_CLOSING = "\"'\u201d\u2019\u201c\u00bb\u203a"


def quoted(text: str, start: int, end: int) -> bool:
    """Wording in quotation marks is being discussed ("a 'Reject all' button"), not shown."""
    before = text[max(0, start - 2) : start].rstrip(" \u00a0")
    after = text[end : end + 2].lstrip(" \u00a0")
    return bool(before) and before[-1] in _OPENING and bool(after) and after[0] in _CLOSING


_LEADING = " \t\"'\u201c\u2018\u201e\u00ab\u2022\u00b7*>-\u2013\u2014"


def opens_with(text: str, matches: list[str]) -> bool:
    """Whether the block starts with one of the cue matches (after quotes and bullets)."""
    head = text.lstrip(_LEADING)[:200].lower()
    return any(head.startswith(m.lower()) for m in matches)


def dominated(block: Block, s: Shape, matches: list[str], share: float) -> bool:
    """Whether cue wording dominates a block rather than being mentioned in it."""
    covered = sum(len(m) for m in matches)
    if covered >= share * len(block.text):
        return True
    if s.words <= OPENING_CUE_MAX_WORDS and opens_with(block.text, matches):
        return True  # "Your tax-deductible gift can help ...": the banner's own sentence
    distinct = len({m.lower() for m in matches})
    if distinct >= 2 and s.words <= 40:
        return True
    return not s.prose and s.words <= 12


def _sentence_after_links(doc: Document, marker: Block, run: list[Block], block: Block, s: Shape) -> bool:
    """An unlinked sentence beside the heading, after its links (HTML): the article goes on there.

    A short paragraph after a "Don't miss" box of headline links set among the
    article's paragraphs is the article's next one, though shorter than
    `CLAIM_STOP_WORDS`: it stands at the heading's depth, under the same
    grandparent (a text column split around a picture).  A teaser's blurb sits
    deeper, inside its card; a plain-text page shows no links.
    """
    if doc.mode != "html" or not run or not s.prose or block.hints.link_density > 0:
        return False
    here, there = block.hints.nodes, marker.hints.nodes
    if len(here) != len(there) or here[:-COUSIN] != there[:-COUSIN]:
        return False
    return all(b.hints.link_density > LINK_LINE for b in run)


def _metadata(doc: Document, block: Block, s: Shape) -> bool:
    """A byline, date or reading-time line, as sits between a title and its first paragraph."""
    return dateline(block.text, s) or block.index in page_matches(doc).lines.get(("byline", "line"), ())


def _titles_article(doc: Document, alive: list[Block], shapes: list[Shape], ends: list[bool], i: int) -> bool:
    """A heading over byline and date lines and then two paragraphs: the article's title.

    A menu-top marker ("Cookie settings", a "News" menu item) would otherwise claim
    the title with the menu, since a byline, not a paragraph, follows it; a teaser
    card's headline over its date and blurb is followed by the next card, not by a
    second paragraph.
    """
    if not shapes[i].heading_like or _metadata(doc, alive[i], shapes[i]):
        return False
    j = i + 1
    while j < len(alive) and j <= i + TITLE_METADATA and _metadata(doc, alive[j], shapes[j]):
        j += 1
    return i + 1 < j and j + 1 < len(alive) and ends[j] and ends[j + 1]


class PhraseFilter(Filter):
    """Drops blocks of one boilerplate kind found by its cue phrases."""

    kind: ClassVar[str] = ""
    dominance: ClassVar[float] = 0.5

    def __call__(self, doc: Document) -> Iterator[Decision]:
        # sections that claim runs of blocks go first, so their reasons win
        yield from self.tails(doc)
        yield from self.markers(doc)
        yield from self.labels(doc)
        yield from self.cues(doc)

    def labels(self, doc: Document) -> Iterator[Decision]:
        for block in line_matches(doc, self.kind, "line"):
            if doc.alive(block.index):
                yield self.drop(block, f"{self.kind} label {_preview(block.text)!r}")

    def cues(self, doc: Document) -> Iterator[Decision]:
        for index, matches in cue_coverage(doc, self.kind).items():
            block = doc.blocks[index]
            if doc.alive(index) and dominated(block, block_shape(doc, block), matches, self.dominance):
                yield self.drop(block, f"{self.kind} wording {_preview(matches[0])!r}")

    def markers(self, doc: Document) -> Iterator[Decision]:
        for block in line_matches(doc, self.kind, "marker"):
            if not doc.alive(block.index):
                continue
            heading = _preview(block.text)
            yield self.drop(block, f"{self.kind} heading {heading!r}")
            for follower in self.claimed(doc, block):
                yield self.drop(follower, f"under the {self.kind} heading {heading!r}")

    @staticmethod
    def claimed(doc: Document, marker: Block) -> list[Block]:
        """The run of short lines that a marker heading owns."""
        end = marker.index + 1 + CLAIM_LIMIT
        alive = [b for b in doc.blocks[marker.index + 1 : end + TITLE_LOOKAHEAD] if doc.alive(b.index)]
        shapes = [block_shape(doc, b) for b in alive]
        ends = [s.prose and s.words >= CLAIM_STOP_WORDS for s in shapes]
        run: list[Block] = []
        for i, block in enumerate(alive):
            if block.index >= end:
                break
            # a paragraph ends the run, and so does the heading that leads into one
            leads_in = i + 1 < len(alive) and ends[i + 1] and shapes[i].heading_like
            if ends[i] or leads_in or _titles_article(doc, alive, shapes, ends, i):
                break
            if _sentence_after_links(doc, marker, run, block, shapes[i]):
                break
            run.append(block)
        return run

    def tails(self, doc: Document) -> Iterator[Decision]:
        for block in line_matches(doc, self.kind, "tail"):
            rest = [b for b in doc.blocks[block.index :] if doc.alive(b.index)]
            if not rest or not self._tail_allowed(doc, block):
                continue
            for b in rest:
                yield self.drop(b, f"after the {self.kind} heading {_preview(block.text)!r}")
            return

    @staticmethod
    def _tail_allowed(doc: Document, block: Block) -> bool:
        """A tail section (a comment thread, a consent dialog) follows the article and
        is not longer than it: if more prose follows the heading than precedes it,
        the heading is more likely part of the article."""
        before = after = 0
        for b in doc.kept():
            s = block_shape(doc, b)
            if s.prose:
                if b.index > block.index:
                    after += s.words
                else:
                    before += s.words
        return after <= before
