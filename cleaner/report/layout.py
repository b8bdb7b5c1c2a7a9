"""Every decision of a `Result` placed on the blocks of the first pass.

Pass 1 decides on the input's blocks.  A later pass re-cleans the output, so
its block *k* is the *k*-th paragraph that the earlier passes left; `layout`
replays the passes to put each later decision back on the pass-1 block (and
the span of it) that it removed.  A decision that cannot be placed (its text
is nowhere in what was left) is kept in `Layout.unplaced`, never dropped.
Decisions that change nothing (any action other than drop, trim and keep,
such as a remark about a skipped rule) go to `Layout.notes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..model import Action, Decision, Result


@dataclass(frozen=True, slots=True)
class Cut:
    """A removed span of a block (block-relative offsets) and the decision behind it."""

    start: int
    end: int
    decision: Decision
    restored: Decision | None = None  # a KEEP of the same pass that undid a removal


@dataclass(slots=True)
class Row:
    """One pass-1 block as the report shows it."""

    index: int
    text: str
    drop: Decision | None = None  # the pass-1 drop of the whole block
    restored: Decision | None = None  # the KEEP that undid that drop
    keeps: list[Decision] = field(default_factory=list)  # KEEPs that only protected the block
    cuts: list[Cut] = field(default_factory=list)  # trims, and later-pass removals of a part

    @property
    def dropped(self) -> bool:
        return self.drop is not None and self.restored is None

    def pieces(self) -> list[tuple[int, str]]:
        """The kept parts (offset, text), stripped, as the output renders them."""
        if self.dropped:
            return []
        found, pos = [], 0
        for cut in sorted(self.cuts, key=lambda c: c.start):
            if cut.restored is not None:
                continue
            found.append((pos, self.text[pos : cut.start]))
            pos = max(pos, cut.end)
        found.append((pos, self.text[pos:]))
        return [(at + len(raw) - len(raw.lstrip()), raw.strip()) for at, raw in found if raw.strip()]

    @property
    def gone(self) -> bool:
        """Nothing of the block reached the output."""
        return not self.pieces()


@dataclass(slots=True)
class Layout:
    """The rows of a result, the decisions not placed, and the passes run."""

    rows: list[Row]
    unplaced: list[Decision]
    passes: int
    notes: list[Decision] = field(default_factory=list)


CHANGES = (Action.DROP, Action.TRIM, Action.KEEP)


def layout(result: Result) -> Layout:
    """Place every decision of `result` on its pass-1 block."""
    if result.decisions and not result.segments:
        raise ValueError("the result carries no segments (pass-1 blocks): make it with cleaner.clean_and_explain")
    rows = [Row(i, text) for i, text in enumerate(result.segments)]
    unplaced: list[Decision] = []
    notes = [d for d in result.decisions if d.action not in CHANGES]
    passes = max((d.passno for d in result.decisions), default=1)
    for passno in range(1, passes + 1):
        decisions = [d for d in result.decisions if d.passno == passno and d.action in CHANGES]
        if passno == 1:
            unplaced += [d for d in decisions if not _place_first(rows, d)]
        else:
            pieces = _current_pieces(rows)
            unplaced += [d for d in decisions if not _place_later(rows, pieces, d)]
    return Layout(rows, unplaced, passes, notes)


def _place_first(rows: list[Row], d: Decision) -> bool:
    """A pass-1 decision: its index is the block's."""
    if not 0 <= d.index < len(rows):
        return False
    row = rows[d.index]
    if d.action is Action.DROP and row.drop is None:
        row.drop = d
    elif d.action is Action.KEEP:
        if row.dropped:
            row.restored = d
        else:
            row.keeps.append(d)
    elif d.action is Action.TRIM and d.span is not None:
        row.cuts.append(Cut(d.span[0], d.span[1], d))
    else:
        return False
    return True


Piece = tuple[Row, int, str]  # the row, the piece's offset in it, its text


def _current_pieces(rows: list[Row]) -> list[Piece]:
    """The paragraphs left so far, in order: the blocks of the next pass."""
    return [(row, at, text) for row in rows for at, text in row.pieces()]


def _place_later(rows: list[Row], pieces: list[Piece], d: Decision) -> bool:
    """A later-pass decision: block `d.index` is piece `d.index`, checked by text."""
    located = _by_index(pieces, d) or _by_text(pieces, d)
    if located is None:
        return False
    row, start, end = located
    if d.action is not Action.KEEP:
        row.cuts.append(Cut(start, end, d))
        return True
    for i, cut in enumerate(row.cuts):  # the same pass's removal of this piece, undone
        if cut.decision.passno == d.passno and cut.restored is None and (cut.start, cut.end) == (start, end):
            row.cuts[i] = replace(cut, restored=d)
            return True
    row.keeps.append(d)
    return True


def _by_index(pieces: list[Piece], d: Decision) -> tuple[Row, int, int] | None:
    if not 0 <= d.index < len(pieces):
        return None
    row, at, text = pieces[d.index]
    if d.action is Action.TRIM and d.span is not None:
        start, end = at + d.span[0], at + d.span[1]
    else:
        start, end = at, at + len(text)
    if d.action is not Action.KEEP and row.text[start:end] != d.text:
        return None
    return row, start, end


def _by_text(pieces: list[Piece], d: Decision) -> tuple[Row, int, int] | None:
    if not d.text:
        return None
    for row, at, text in pieces:
        found = text.find(d.text)
        if found >= 0:
            return row, at + found, at + found + len(d.text)
    return None
