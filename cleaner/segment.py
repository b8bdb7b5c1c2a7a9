"""Plain text to blocks: one block per non-empty line, in order.

A blank line marks a paragraph boundary (``Hints.para_start``); a single
newline (a ``<br>`` in the page) starts a new block inside the same paragraph.
"""

from __future__ import annotations

from .model import Block, Hints


def segment(text: str) -> list[Block]:
    """Split normalized text into line blocks with their offsets."""
    blocks: list[Block] = []
    pos, blank_before = 0, True
    for line in text.split("\n"):
        if line:
            hints = Hints(para_start=blank_before)
            blocks.append(Block(len(blocks), line, pos, pos + len(line), hints))
            blank_before = False
        else:
            blank_before = True
        pos += len(line) + 1
    return blocks
