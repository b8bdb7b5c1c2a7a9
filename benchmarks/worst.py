"""Worst-pages report: ``cleaner``'s lowest-scoring pages with leaked and lost lines.

A *leaked* line is an output line whose words are mostly (> half) not in the
gold; a *lost* line is a gold line whose words are mostly absent from the
output.  The longest such lines are listed, truncated, per page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.metrics import words

MAX_LINES = 8
MAX_CHARS = 160


@dataclass(frozen=True)
class WorstCandidate:
    """One page of ``cleaner``: its F1, output and gold."""

    page_id: str
    f1: float
    output: str
    gold: str


def stray_lines(text: str, reference: str) -> list[str]:
    """Lines of ``text`` whose words are mostly missing from ``reference``, longest first."""
    vocabulary = set(words(reference))
    found = []
    for line in text.splitlines():
        tokens = words(line)
        if tokens and sum(t not in vocabulary for t in tokens) * 2 > len(tokens):
            found.append((len(tokens), line.strip()))
    found.sort(key=lambda item: -item[0])
    return [line for _, line in found]


def _truncate(line: str) -> str:
    line = line.replace("|", "\\|").replace("`", "'")
    return line if len(line) <= MAX_CHARS else line[: MAX_CHARS - 1] + "…"


def page_section(page: WorstCandidate) -> list[str]:
    """Markdown section of one page."""
    lines = [f"## `{page.page_id}` — F1 {page.f1:.3f}", ""]
    lines.append(f"Output {len(words(page.output))} words, gold {len(words(page.gold))} words.")
    for title, text, reference in (("Leaked", page.output, page.gold), ("Lost", page.gold, page.output)):
        stray = stray_lines(text, reference)
        shown = f"{min(len(stray), MAX_LINES)} longest of {len(stray)}" if stray else "none"
        lines += ["", f"**{title} lines** ({shown}):", ""]
        lines += [f"- {_truncate(line)}" for line in stray[:MAX_LINES]]
    return [*lines, ""]


def write_worst(corpus: str, mode: str, metric: str, pages: Sequence[WorstCandidate], n: int, out_dir: Path) -> Path:
    """Write ``worst-<corpus>-<mode>.md`` for the ``n`` lowest-F1 pages."""
    worst = sorted(pages, key=lambda p: (p.f1, p.page_id))[:n]
    lines = [f"# `cleaner` worst {len(worst)} pages: {corpus}/{mode} ({metric} F1)", ""]
    lines += [
        "Leaked = output lines mostly not in the gold; lost = gold lines mostly missing from the output.",
        "",
    ]
    for page in worst:
        lines += page_section(page)
    path = out_dir / f"worst-{corpus}-{mode}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
