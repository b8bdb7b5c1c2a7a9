"""The shared machinery of the cue-phrase filters.

A `PhraseFilter` reads its kind's vocabulary (``data/vocab/<lang>/<kind>.txt``)
and applies its four sections to the page text, each as one regular
expression over the whole page:

* ``[line]``: a block that *is* the phrase (a button, a label) is dropped;
* ``[cue]``: a block is dropped only when cue wording dominates it, so a
  paragraph that merely mentions "cookies" or "donations" survives;
* ``[marker]``: a heading that opens a section of this kind claims the run
  of short lines under it (button labels, headlines, captions);
* ``[tail]``: a heading after which the rest of the page is this kind (a
  consent manager's "Privacy Overview", a comment thread's heading), honoured
  only when less prose follows it than precedes it.

Subclasses set `name`, `kind` and a docstring that says what they remove.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from .. import vocab
from ..filter import Filter
from ..model import Block, Decision, Document
from ..signals import shape
from ..view import short_blocks

LABEL_MAX_WORDS = 80  # a whole-line label or heading is never longer
CUE_MAX_WORDS = 120  # longer blocks cannot be dominated by cue wording
CLAIM_LIMIT = 15  # a marker claims at most this many blocks
CLAIM_STOP_WORDS = 18  # a prose block this long ends a marker's claim


def _preview(text: str, limit: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def line_matches(doc: Document, kind: str, section: str) -> Iterator[tuple[Block, str]]:
    """Blocks of `doc` that are wholly one of the kind's entries of `section`."""
    pattern = vocab.matcher(kind, section, doc.languages)
    if pattern is None:
        return
    view = short_blocks(doc, LABEL_MAX_WORDS)
    for m in pattern.finditer(view.text):
        found = view.block_at(m.start())
        if found is not None and found[1] == 0 and len(m.group()) == len(found[0].text):
            yield found[0], m.group()


def cue_coverage(doc: Document, kind: str) -> dict[int, list[str]]:
    """The cue wording found in each block, by block index."""
    pattern = vocab.matcher(kind, "cue", doc.languages)
    found: dict[int, list[str]] = {}
    if pattern is None:
        return found
    view = short_blocks(doc, CUE_MAX_WORDS)
    for m in pattern.finditer(view.text):
        hit = view.block_at(m.start())
        if hit is not None and hit[1] + len(m.group()) <= len(hit[0].text):
            found.setdefault(hit[0].index, []).append(m.group())
    return found


def dominated(block: Block, matches: list[str], stops: frozenset[str], share: float) -> bool:
    """Whether cue wording dominates a block rather than being mentioned in it."""
    covered = sum(len(m) for m in matches)
    if covered >= share * len(block.text):
        return True
    s = shape(block.text, stops)
    distinct = len({m.lower() for m in matches})
    if distinct >= 2 and s.words <= 60:
        return True
    return not s.prose and s.words <= 12


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

    def stops(self, doc: Document) -> frozenset[str]:
        return frozenset().union(*(vocab.stopwords(lang) for lang in doc.languages))

    def labels(self, doc: Document) -> Iterator[Decision]:
        for block, text in line_matches(doc, self.kind, "line"):
            if doc.alive(block.index):
                yield self.drop(block, f"{self.kind} label {_preview(text)!r}")

    def cues(self, doc: Document) -> Iterator[Decision]:
        stops = self.stops(doc)
        for index, matches in cue_coverage(doc, self.kind).items():
            block = doc.blocks[index]
            if doc.alive(index) and dominated(block, matches, stops, self.dominance):
                yield self.drop(block, f"{self.kind} wording {_preview(matches[0])!r}")

    def markers(self, doc: Document) -> Iterator[Decision]:
        stops = self.stops(doc)
        for block, text in list(line_matches(doc, self.kind, "marker")):
            if not doc.alive(block.index):
                continue
            yield self.drop(block, f"{self.kind} heading {_preview(text)!r}")
            for follower in self.claimed(doc, block, stops):
                yield self.drop(follower, f"under the {self.kind} heading {_preview(text)!r}")

    def claimed(self, doc: Document, marker: Block, stops: frozenset[str]) -> list[Block]:
        """The run of short lines that a marker heading owns."""
        run: list[Block] = []
        for block in doc.blocks[marker.index + 1 : marker.index + 1 + CLAIM_LIMIT]:
            if not doc.alive(block.index):
                continue
            s = shape(block.text, stops)
            if s.prose and s.words >= CLAIM_STOP_WORDS:
                break
            run.append(block)
        return run

    def tails(self, doc: Document) -> Iterator[Decision]:
        stops = self.stops(doc)
        for block, text in line_matches(doc, self.kind, "tail"):
            rest = [b for b in doc.blocks[block.index :] if doc.alive(b.index)]
            if not rest or not self._tail_allowed(doc, block, stops):
                continue
            for b in rest:
                yield self.drop(b, f"after the {self.kind} heading {_preview(text)!r}")
            return

    def _tail_allowed(self, doc: Document, block: Block, stops: frozenset[str]) -> bool:
        """A tail section (a comment thread, a consent dialog) follows the article and
        is not longer than it: if more prose follows the heading than precedes it,
        the heading is more likely part of the article."""
        before = after = 0
        for b in doc.kept():
            s = shape(b.text, stops)
            if s.prose:
                if b.index > block.index:
                    after += s.words
                else:
                    before += s.words
        return after <= before
