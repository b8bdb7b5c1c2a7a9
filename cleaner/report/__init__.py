"""Visual explanation reports: every decision shown on the page it was made on.

- `render_page(result, gold=None, title="")`: one self-contained HTML document
  (no network, inline CSS and script) showing the whole input, each block
  marked with its decision, filter and reason; with a gold, what was lost and
  what leaked.  `Result.to_html()` calls it.
- `BatchReport(outdir)`: per-page reports written as pages are added, and an
  ``index.html`` of removals per filter and the pages that lost most text.

See ``docs/report.md``.
"""

from __future__ import annotations

from .batch import BatchReport, page_filename
from .page import render_page

__all__ = ["BatchReport", "page_filename", "render_page"]
