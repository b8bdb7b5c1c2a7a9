"""The `Filter` base class: a named step that returns decisions about blocks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from .model import Action, Block, Decision, Document


class Filter:
    """Removes one kind of boilerplate and says why.

    Subclasses set `name` and implement `__call__`, yielding decisions made
    with `drop`, `trim` and `keep`.  Decisions are applied as they are
    yielded, so a filter sees the effect of its own earlier decisions.
    """

    name: ClassVar[str] = ""
    # structural guesses (not cue phrases) that the over-pruning guard may undo
    aggressive: ClassVar[bool] = False

    def __call__(self, doc: Document) -> Iterable[Decision]:
        raise NotImplementedError

    def label(self) -> str:
        return self.name or type(self).__name__

    def drop(self, block: Block, reason: str) -> Decision:
        return Decision(block.index, Action.DROP, self.label(), reason, None, block.text)

    def trim(self, block: Block, start: int, end: int, reason: str) -> Decision:
        span = (start, end)
        return Decision(block.index, Action.TRIM, self.label(), reason, span, block.text[start:end])

    def keep(self, block: Block, reason: str) -> Decision:
        return Decision(block.index, Action.KEEP, self.label(), reason, None, block.text)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.label()!r}>"


BlockRule = Callable[[Block, Document], "str | None"]


class BlockFilter(Filter):
    """Wraps a callable ``(block, doc) -> reason or None``: a reason drops the block."""

    def __init__(self, name: str, rule: BlockRule) -> None:
        self._name = name
        self.rule = rule

    def label(self) -> str:
        return self._name

    def __call__(self, doc: Document) -> Iterable[Decision]:
        for block in doc.blocks:
            if doc.alive(block.index):
                reason = self.rule(block, doc)
                if reason:
                    yield self.drop(block, reason)
