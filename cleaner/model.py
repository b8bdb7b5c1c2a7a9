"""The data model: a page is a `Document` of `Block`s; filters emit `Decision`s.

A block is one line of the page (a paragraph, a heading, a list item, a
``<br>``-separated line).  Blocks keep their offsets in ``Document.text`` so
that every output paragraph is provably a span of the (normalized) input.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")
CHECK_EVERY = 256  # items between two looks at the clock


class OutOfTime(Exception):
    """The page's time budget is spent: raised inside a filter, caught by the pipeline."""


class Action(str, Enum):
    """What a decision does to its block."""

    KEEP = "keep"  # restore a dropped block and protect it from later drops
    DROP = "drop"  # remove the whole block
    TRIM = "trim"  # remove a character span of the block
    NOTE = "note"  # change nothing: a remark for the explanation (a rule skipped, say)


@dataclass(frozen=True, slots=True)
class Decision:
    """One filter's verdict on one block, with the reason a user sees."""

    index: int
    action: Action
    filter: str
    reason: str
    span: tuple[int, int] | None = None  # block-relative span, for TRIM
    text: str = ""  # the text removed (DROP, TRIM) or restored (KEEP)
    passno: int = 1  # cleaning runs to a fixed point; later passes say so

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "action": self.action.value,
            "filter": self.filter,
            "reason": self.reason,
            "text": self.text,
        }
        if self.span is not None:
            data["span"] = list(self.span)
        if self.passno != 1:
            data["pass"] = self.passno
        return data


@dataclass(slots=True)
class Hints:
    """What the input said about a block beyond its text (most come from HTML)."""

    para_start: bool = True  # a blank line (or a block element) precedes it
    tag: str = ""  # the HTML element that holds the block
    path: tuple[str, ...] = ()  # ancestor tags, outermost first
    nodes: tuple[int, ...] = ()  # which element each tag of `path` is (a serial number per page)
    tokens: frozenset[str] = frozenset()  # class/id/role tokens of it and ancestors
    hidden: bool = False  # hidden, aria-hidden or screen-reader-only
    link_density: float = 0.0  # share of the block's characters inside <a>
    lead_link: float = 0.0  # share of them in the links that open the block (a headline before its blurb)
    heading: int = 0  # 1-6 for <h1>..<h6>
    list_item: bool = False
    quote: bool = False
    caption: bool = False  # inside <figcaption> or <figure>


@dataclass(slots=True)
class Block:
    """One line of the page and where it sits in `Document.text`."""

    index: int
    text: str
    start: int
    end: int
    hints: Hints = field(default_factory=Hints)
    # (text, its word count): filters ask for the count tens of times per block; kept with the
    # text it was counted on, so a block whose text is replaced counts again
    _count: tuple[str, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def words(self) -> int:
        counted = self._count
        if counted is None or counted[0] is not self.text:
            counted = self._count = (self.text, len(self.text.split()))
        return counted[1]


@dataclass(slots=True)
class Document:
    """A page as blocks, plus the running state of the decisions on them."""

    text: str
    blocks: list[Block]
    mode: str = "text"
    url: str | None = None
    languages: tuple[str, ...] = ("en",)
    title: str | None = None  # the <title> / <h1> when the input had one
    decisions: list[Decision] = field(default_factory=list)
    passno: int = 1
    dropped: dict[int, Decision] = field(default_factory=dict)
    trims: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    protected: set[int] = field(default_factory=set)
    cache: dict[str, object] = field(default_factory=dict, repr=False)  # per-page memo for filters
    deadline: float | None = None  # a time.thread_time() value (CPU seconds): filters stop after it
    timed_out: bool = False

    def timed(self, items: Iterable[T]) -> Iterator[T]:
        """`items`, raising `OutOfTime` once the page's deadline has passed."""
        if self.deadline is None:
            yield from items
            return
        for i, item in enumerate(items):
            if i % CHECK_EVERY == 0 and time.thread_time() > self.deadline:
                raise OutOfTime
            yield item

    def alive(self, index: int) -> bool:
        return index not in self.dropped

    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.index not in self.dropped]

    def apply(self, decision: Decision) -> bool:
        """Apply one decision; return whether it changed anything."""
        i = decision.index
        if decision.passno != self.passno:
            decision = replace(decision, passno=self.passno)
        if decision.action is Action.NOTE:
            pass
        elif decision.action is Action.KEEP:
            if i in self.dropped:
                del self.dropped[i]
            elif i in self.protected:
                return False
            self.protected.add(i)
        elif decision.action is Action.DROP:
            if i in self.dropped or i in self.protected:
                return False
            self.dropped[i] = decision
        else:
            if i in self.dropped or i in self.protected or decision.span is None:
                return False
            spans = self.trims.setdefault(i, [])
            s, e = decision.span
            if any(s < e2 and s2 < e for s2, e2 in spans):
                return False
            spans.append((s, e))
        self.decisions.append(decision)
        return True

    def remaining(self, block: Block) -> list[str]:
        """The pieces of a kept block left after its trims, each stripped."""
        trims = self.trims.get(block.index)
        if not trims:  # most blocks: the whole text
            text = block.text.strip()
            return [text] if text else []
        spans = sorted(trims)
        pieces, pos = [], 0
        for s, e in spans:
            pieces.append(block.text[pos:s])
            pos = max(pos, e)
        pieces.append(block.text[pos:])
        return [p.strip() for p in pieces if p.strip()]

    def output(self) -> list[str]:
        """The cleaned paragraphs, in input order."""
        return [p for b in self.kept() for p in self.remaining(b)]


@dataclass(slots=True)
class Result:
    """The cleaned text with every decision that produced it."""

    text: str
    decisions: list[Decision]
    mode: str
    languages: tuple[str, ...]
    blocks: int
    fallback: bool = False
    segments: tuple[str, ...] = ()  # the text of each pass-1 block, in order (not in to_dict)
    timed_out: bool = False  # the time budget ran out: some filters did not finish

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    def removals(self) -> Counter[str]:
        """How many blocks or spans each filter removed."""
        return Counter(d.filter for d in self.decisions if d.action in (Action.DROP, Action.TRIM))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "mode": self.mode,
            "languages": list(self.languages),
            "blocks": self.blocks,
            "fallback": self.fallback,
            "timed_out": self.timed_out,
            "decisions": [d.to_dict() for d in self.decisions],
        }

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    def to_html(self, gold: str | None = None) -> str:
        """A self-contained HTML report of every decision (see `cleaner.report`)."""
        from .report import render_page

        return render_page(self, gold=gold)
