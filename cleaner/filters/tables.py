"""Tables in a page's text: rows written on one line, or flattened one cell per line.

A table's lines are short and rarely sentences, so line by line they look
like a menu. Found as tables, they are one piece of the text: `main_body`
scores their lines as neutral, and `captions` does not take a repeated
figure in them for alt text.

Three shapes: cells joined by `CELL_SEPARATOR` (as the HTML reader writes a
row, and as text tables are written); one cell per line, as a scraper
flattens a table, found by a column of bare numbers that repeats with the
row's period; one row per line, cells split by spaces ("1 Kyle Busch 5040 5
1 17 27").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..model import Block, Document
from ..signals import CELL_SEPARATOR, Shape

FLAT_CELL_WORDS = 12  # a table flattened one cell per line: a name, a number, a short note per line
FLAT_COLUMNS = range(2, 13)  # the columns of such a table
FLAT_ROWS = 3  # rows that make the repeat a table
ROW_NUMBERS = 3  # bare numbers in each row of a table flattened one row per line, at least
FLAT_MATCH = 0.9  # share of a column's cells that are bare numbers (or words), at least
NUMBER_CELL = regex.compile(r"[\d\s.,:;%‰°+±×/()$€£¥₹-]*\d[\d\s.,:;%‰°+±×/()$€£¥₹-]*")  # "5040", "85%", "$1.2"


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


def spaced_rows(doc: Document, shapes: list[Shape]) -> set[int]:
    """The lines of tables flattened one row per line, cells split by spaces ("1 Kyle Busch 5040 5 1 17 27").

    `FLAT_ROWS` or more short lines in a row, each with as many bare numbers
    (`ROW_NUMBERS` at least) as the next and more numbers than words: a
    standings or results table.  A dated headline has words beyond its numbers.
    """
    rows: set[int] = set()
    streak: list[int] = []
    last = -1
    for block in doc.kept():
        i = block.index
        row, numbers = False, 0
        if shapes[i].words <= FLAT_CELL_WORDS:  # a longer line is no row: its numbers go uncounted
            cells = block.text.split()
            numbers = sum(1 for c in cells if not c.isalpha() and NUMBER_CELL.fullmatch(c))  # a word has no digit
            row = numbers >= ROW_NUMBERS and 2 * numbers > len(cells)
        if not row or (streak and numbers != last):
            if len(streak) >= FLAT_ROWS:
                rows.update(streak)
            streak = []
        if row:
            streak.append(i)
            last = numbers
    if len(streak) >= FLAT_ROWS:
        rows.update(streak)
    return rows


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
