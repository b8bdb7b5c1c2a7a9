"""Bylines, date lines, reading time, press-release furniture, media contacts and author boxes.

Removes: "By Name Surname", "Published: 25 January 2021", "5 min read",
"FOR IMMEDIATE RELEASE", "ENDS", "###", "For media inquiries contact ...",
an author box after the article: a heading "About Jane Doe" (its
heading words per language in the vocabularies' [person] section: "Sobre",
"Über", "À propos de", ...) and the bio under it that names her, and a
writer's bio with no heading that closes the article: "Jane Doe is a
reporter for ..." (the wording after the name per language in the [bio]
section: "est journaliste", "ist Redakteurin", ...), and a press release's
closing note on the company: "Acme is headquartered in Basel, employs 1,300
people and is listed on ..." (company facts per language in [profile]) with
the paragraphs above it that open with the same name.
Signals: whole-line byline and date shapes in each language; press-office
wording as cues; for an author box, the name in its heading repeated in the
paragraph under it, with no more prose after the box than before it.
Traps avoided: sentences that begin with "By" ("By the end of the year ...")
are longer than a byline shape allows; datelines inside the first paragraph
stay; a subheading "About Face" (one word), a heading whose next paragraph
does not open by naming the person, and one early in a long article, stay;
a closing "<Name> is a ... writer" stays when the article named that person
before (a story about a journalist), when a one-word "name" appears in lower
case before ("Agriculture is a major contributor ..."), or when much prose
follows it; one company fact ("WeWork is headquartered in New York") is a
story's background, not a closing note.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from .. import vocab
from ..model import Block, Decision, Document
from ..registry import register
from ..signals import PROSE_MIN_WORDS
from ..view import block_shape
from .phrases import PhraseFilter

# "About Jane Doe": a heading word of the page's languages (vocabulary section [person]), then a
# name of two to four capitalised words, with the particles of names between them.
# A name word is possessive: what follows one (a space, "(", ",", the end) is no letter, so giving a
# letter back never helps, and under full case folding the backtracking took seconds on run-together
# words ("About ActionAdventureComedy..." 30 s at 420 characters; a writer's bio likewise)
_NAME_WORD = r"(?-i:\p{Lu})[\p{L}'’.-]++"  # scoped: under IGNORECASE a bare \p{Lu} is any letter
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\h+(?:{_PARTICLE}\h+)?{_NAME_WORD}){{1,3}})"


@cache
def author_box(languages: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The pattern of an author-box heading in these languages (None if none has heading words)."""
    heads = {e.words for lang in languages for e in vocab.load(lang, "byline")["person"]}
    if not heads:
        return None
    words = "|".join(r"\h+".join(map(regex.escape, h)) for h in sorted(heads, key=len, reverse=True))
    return regex.compile(rf"(?:{words})\h+{_NAME}", regex.IGNORECASE | regex.V1)


BIO_MAX_BLOCKS = 2  # an author box holds at most this many paragraphs
BIO_NAME_WITHIN = 15  # the bio's first paragraph names the person within this many words


def _named(text: str, name: str, first: bool) -> bool:
    """The bio names the person: its first paragraph by the whole name near its start, the
    next one at least by the surname."""
    if first:
        return name in " ".join(text.split()[:BIO_NAME_WITHIN])
    return name.split()[-1] in text


@register
class BylinesFilter(PhraseFilter):
    name = "bylines"
    kind = "byline"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        yield from super().__call__(doc)
        yield from self.author_boxes(doc)
        prose = _prose_before(doc)  # once for both: a writer's bio and a company note close an article
        yield from self.closing_bios(doc, prose)
        yield from self.company_profiles(doc, prose)

    def company_profiles(self, doc: Document, prose: list[int]) -> Iterator[Decision]:
        """A press release's closing note on the company, with no "About" heading: "Acme is
        headquartered in Basel, employs 1,300 people and is listed on the SIX Swiss Exchange"."""
        facts = profile_facts(doc.languages)
        if facts is None:
            return
        for block in _closing(doc, prose):
            name = _opening_name(block.text, doc.languages) if block.words <= PROFILE_MAX_WORDS else None
            if name is None or len({m.group(0).lower() for m in facts.finditer(block.text)}) < PROFILE_FACTS:
                continue
            note = [*self._profile_before(doc, block, name), block]
            if prose[note[0].index] < BIO_ARTICLE_WORDS:
                continue  # the note closes a release: an article before it
            for b in note:
                yield self.drop(b, f"company note on {_preview_name(name)!r} after the article")

    @staticmethod
    def _profile_before(doc: Document, note: Block, name: str) -> list[Block]:
        """The paragraphs just above the facts that open with the company's name ("Acme is a
        global provider of ..."): the first part of the same note."""
        run: list[Block] = []
        for b in reversed(doc.blocks[: note.index]):
            if not doc.alive(b.index):
                continue
            if len(run) >= PROFILE_MAX_BLOCKS - 1 or b.words > PROFILE_LEAD_WORDS:
                break
            if not _opens_with_name(b.text, name) or not block_shape(doc, b).prose:
                break
            run.insert(0, b)
        return run

    def closing_bios(self, doc: Document, prose: list[int]) -> Iterator[Decision]:
        """A paragraph after the article that introduces its writer: "Jane Doe is a reporter for ..."."""
        opening = closing_bio(doc.languages)
        if opening is None:
            return
        for block in _closing(doc, prose):
            match = opening.match(block.text.strip()) if block.words <= BIO_MAX_WORDS else None
            if match is None:
                continue
            name = match.group("name")
            if name.split()[0].lower() in vocab.function_words(doc.languages) or _named_before(doc, block, name):
                continue  # a person the article is about, not its writer
            yield self.drop(block, f"writer's bio {_preview_name(name)!r} after the article")

    def author_boxes(self, doc: Document) -> Iterator[Decision]:
        heading = author_box(doc.languages)
        if heading is None:
            return
        not_names = vocab.function_words(doc.languages)  # "About Us", "Über diese Seite": not a person
        prose: list[int] | None = None  # prose words up to each block, counted once a heading is found
        for block in doc.timed(doc.blocks):
            if not doc.alive(block.index) or block.words > 6:
                continue
            match = heading.fullmatch(block.text.strip().rstrip(":"))
            if match is None:
                continue
            name = match.group("name")
            if name.split()[0].lower() in not_names or len(name.split()[-1]) < 3:
                continue
            bio = self._bio(doc, block, name)
            if not bio:
                continue
            prose = prose or _prose_before(doc)
            before, after = prose[block.index], prose[-1] - prose[bio[-1].index + 1]
            if after >= before:
                continue  # an author box follows the article: less prose after it than before it
            yield self.drop(block, f"author box {block.text.strip()!r}")
            for b in bio:
                yield self.drop(b, f"bio under {block.text.strip()!r}")

    @staticmethod
    def _bio(doc: Document, heading: Block, name: str) -> list[Block]:
        """The paragraphs right under the heading that name the person."""
        bio: list[Block] = []
        for b in doc.blocks[heading.index + 1 :]:
            if not doc.alive(b.index):
                continue
            if len(bio) >= BIO_MAX_BLOCKS or not block_shape(doc, b).prose or not _named(b.text, name, not bio):
                break
            bio.append(b)
        return bio


# "Jane Doe is a reporter for ...": a name of one to four capitalised words, an optional "(@handle)" or
# "(e-mail)", then the wording of the page's languages (vocabulary section [bio])
_BIO_NAME = rf"(?P<name>{_NAME_WORD}(?:\h+(?:{_PARTICLE}\h+)?{_NAME_WORD}){{0,3}})"
BIO_MAX_WORDS = 90  # a writer's bio is a short paragraph
BIO_ARTICLE_WORDS = 60  # an article of at least this many prose words precedes it
BIO_TAIL_SHARE = 3  # and the prose after it is less than a third of that


@cache
def closing_bio(languages: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The pattern of a bio's opening in these languages (None if none has [bio] wording)."""
    tails = [e.pattern for lang in languages for e in vocab.load(lang, "byline")["bio"] if e.pattern]
    if not tails:
        return None
    handle = r"(?:\h*\([^()\n]{1,80}\))?"  # "(@handle)", "(jane@example.org)"
    return regex.compile(rf"{_BIO_NAME}{handle},?\h+(?:{'|'.join(tails)})", regex.IGNORECASE | regex.V1)


PROFILE_FACTS = 2  # distinct company facts (seat, staff, listing, ...) in the closing note
PROFILE_MAX_WORDS = 80  # the paragraph that holds them is short
PROFILE_LEAD_WORDS = 150  # the company's self-description above it
PROFILE_MAX_BLOCKS = 3  # a closing note holds at most this many paragraphs


@cache
def profile_facts(languages: tuple[str, ...]) -> regex.Pattern[str] | None:
    """The company facts of a closing note in these languages (vocabulary section [profile])."""
    facts = [e.pattern for lang in languages for e in vocab.load(lang, "byline")["profile"] if e.pattern]
    return regex.compile("|".join(facts), regex.IGNORECASE | regex.V1) if facts else None


_OPENING = regex.compile(rf"{_BIO_NAME}(?=[\h,]+(?-i:[\p{{Ll}}(]))", regex.V1)


def _opening_name(text: str, languages: tuple[str, ...]) -> str | None:
    """The capitalised name a paragraph opens with ("Acme Group" in "Acme Group is ..."), if any."""
    match = _OPENING.match(text.lstrip())
    if match is None or match.group("name").split()[0].lower() in vocab.function_words(languages):
        return None
    return match.group("name")


def _closing(doc: Document, prose: list[int]) -> list[Block]:
    """The kept blocks that may close an article: an article of `BIO_ARTICLE_WORDS` prose words
    before each, and less than a third of that after it (a run at the end of the page, since the
    words before only grow and the words after only shrink)."""
    found: list[Block] = []
    for b in reversed(doc.blocks):
        before, after = prose[b.index], prose[-1] - prose[b.index + 1]
        if before < BIO_ARTICLE_WORDS or after * BIO_TAIL_SHARE > before:
            break
        if doc.alive(b.index):
            found.append(b)
    return found[::-1]


def _named_before(doc: Document, bio: Block, name: str) -> bool:
    """The article's prose before the bio names the person: a subject of the story, not its writer.
    In any case: a one-word "name" may be a noun that opens a sentence ("Agriculture is a major
    contributor to ...") and appears in lower case before."""
    last = regex.compile(rf"(?<!\w){regex.escape(name.split()[-1])}(?!\w)", regex.IGNORECASE)
    return any(
        doc.alive(b.index) and block_shape(doc, b).prose and last.search(b.text) is not None
        for b in doc.blocks[: bio.index]
    )


def _opens_with_name(text: str, name: str) -> bool:
    """Whether `text` opens with `name` as a word: the name, then a space of any kind (typeset
    pages put a no-break one after a short name)."""
    text = text.lstrip()
    return text.startswith(name) and text[len(name) : len(name) + 1].isspace()


def _preview_name(name: str) -> str:
    return name if len(name) <= 40 else name[:39] + "\u2026"


PROSE_MIN_CHARS = 16  # the fewest characters of a CJK prose block (about eight words)


def _prose_before(doc: Document) -> list[int]:
    """Words of kept prose before each block (and, last, in all): one pass for all headings."""
    totals, total, dropped = [0], 0, doc.dropped
    for b in doc.timed(doc.blocks):
        # a line this short is no prose paragraph (eight words, or some fifteen CJK characters):
        # not measuring it saves a shape on most menu and button lines
        if (b.words >= PROSE_MIN_WORDS or len(b.text) >= PROSE_MIN_CHARS) and b.index not in dropped:
            s = block_shape(doc, b)
            if s.prose:
                total += s.words
        totals.append(total)
    return totals
