"""The report of a batch: one HTML file per page, and an index over them.

`BatchReport.add` writes the page's report at once and keeps only counters
and the few pages with the most text removed, so memory stays flat however
many pages a batch has.
"""

from __future__ import annotations

import hashlib
import heapq
import os
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import quote

import regex

from ..model import Result
from .page import asset, render_page, word_counts

TOP_PAGES = 50
_UNSAFE = regex.compile(r"[^A-Za-z0-9._-]+")


def page_filename(page_id: str) -> str:
    """A safe, stable, distinct file name for a page id (a path, a URL, anything)."""
    digest = hashlib.sha1(page_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    stem = _UNSAFE.sub("-", page_id).strip("-.")[-60:].lstrip("-.")
    return f"{stem}-{digest}.html" if stem else f"page-{digest}.html"


@dataclass(frozen=True, order=True, slots=True)
class PageStat:
    """What the index says of one page."""

    removed_words: int
    page_id: str
    filename: str
    words: int
    removals: int
    fallback: bool


class BatchReport:
    """Write per-page reports into `outdir/pages/` and an index on `close`."""

    def __init__(self, outdir: str | os.PathLike[str], *, top: int = TOP_PAGES) -> None:
        self.outdir = Path(outdir)
        self.pages_dir = self.outdir / "pages"
        self.pages_dir.mkdir(parents=True, exist_ok=True)
        self.top = top
        self.pages = 0
        self.words_in = 0
        self.words_out = 0
        self.fallbacks = 0
        self.removals: Counter[str] = Counter()  # decisions per filter
        self.pages_with: Counter[str] = Counter()  # pages where a filter removed something
        self.heaviest: list[PageStat] = []  # a min-heap of the `top` pages with most words removed

    def add(self, page_id: str, result: Result) -> None:
        """Write this page's report now and remember its numbers."""
        filename = page_filename(page_id)
        html = render_page(result, title=page_id)
        (self.pages_dir / filename).write_text(html, encoding="utf-8", errors="replace")
        words, kept = word_counts(result)
        removals = result.removals()
        self.pages += 1
        self.words_in += words
        self.words_out += kept
        self.fallbacks += result.fallback
        self.removals.update(removals)
        self.pages_with.update(removals.keys())
        stat = PageStat(max(0, words - kept), page_id, filename, words, sum(removals.values()), result.fallback)
        if len(self.heaviest) < self.top:
            heapq.heappush(self.heaviest, stat)
        else:
            heapq.heappushpop(self.heaviest, stat)

    def close(self) -> Path:
        """Write ``index.html`` and return its path."""
        path = self.outdir / "index.html"
        path.write_text(self._index(), encoding="utf-8", errors="replace")
        return path

    def _index(self) -> str:
        share = 100 * (self.words_in - self.words_out) / self.words_in if self.words_in else 0.0
        summary = (
            f"<p>{self.pages} pages, {self.words_in} words in, {self.words_out} kept ({share:.0f}% removed); "
            f"{sum(self.removals.values())} removals; {self.fallbacks} pages fell back (guard).</p>"
        )
        return (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>cleaner batch report</title>"
            f"<style>{asset('report.css')}</style></head><body><main><h1>cleaner batch report</h1>"
            f"{summary}{self._filters_table()}{self._pages_table()}</main></body></html>\n"
        )

    def _filters_table(self) -> str:
        rows = "".join(
            f'<tr><th scope="row">{escape(name)}</th><td class="count" data-filter="{escape(name)}">{count}</td>'
            f"<td>{self.pages_with[name]}</td></tr>"
            for name, count in self.removals.most_common()
        )
        return (
            '<h2 id="filters-h">Removals by filter</h2><table class="legend" aria-labelledby="filters-h"><thead><tr>'
            '<th scope="col">filter</th><th scope="col">removals</th><th scope="col">pages</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )

    def _pages_table(self) -> str:
        rows = "".join(self._page_row(stat) for stat in sorted(self.heaviest, reverse=True))
        return (
            f'<h2 id="pages-h">The {len(self.heaviest)} pages with the most text removed</h2>'
            '<table class="legend pages" aria-labelledby="pages-h"><thead><tr><th scope="col">page (its report)</th>'
            '<th scope="col">words removed</th><th scope="col">of words</th><th scope="col">share</th>'
            f'<th scope="col">removals</th><th scope="col">fallback</th></tr></thead><tbody>{rows}</tbody></table>'
        )

    @staticmethod
    def _page_row(stat: PageStat) -> str:
        share = 100 * stat.removed_words / stat.words if stat.words else 0.0
        href = "pages/" + quote(stat.filename)
        return (
            f'<tr><th scope="row"><a href="{escape(href)}">{escape(stat.page_id)}</a></th>'
            f"<td>{stat.removed_words}</td><td>{stat.words}</td><td>{share:.0f}%</td><td>{stat.removals}</td>"
            f"<td>{'yes' if stat.fallback else 'no'}</td></tr>"
        )
