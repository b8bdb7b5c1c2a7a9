"""Markdown report: quality/speed tables, WCXB page types, cleaner filters, environment."""

from __future__ import annotations

import os
import platform
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.scoring import Summary

TYPE_ORDER = ("article", "service", "forum", "listing", "product", "collection", "documentation")


@dataclass
class Block:
    """All extractors on one corpus x mode."""

    corpus: str
    mode: str
    pages: int
    wall_seconds: float
    summaries: list[Summary]
    type_counts: dict[str, int] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """``corpus/mode``."""
        return f"{self.corpus}/{self.mode}"


def machine_info() -> dict[str, str]:
    """CPU count and model, memory, OS."""
    info = {"nproc": str(len(os.sched_getaffinity(0))), "cpu": "unknown", "memory": "unknown"}
    info["os"] = f"{platform.system()} {platform.release()}"
    for path, key, name in (("/proc/cpuinfo", "model name", "cpu"), ("/proc/meminfo", "MemTotal", "memory")):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    info[name] = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
    return info


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    """Markdown table lines (first column left-aligned, others right)."""
    align = [":--"] + ["--:"] * (len(header) - 1)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def block_table(block: Block) -> list[str]:
    """One row per extractor: quality, (snippets), speed, memory, timeouts/failures."""
    metric = block.summaries[0].metric if block.summaries else "word"
    other = "word F1" if metric == "shingle" else "shingle F1"
    snippets = block.corpus == "wcxb"
    header = ["extractor", "P", "R", "F1 ± std", other]
    header += ["with ↑", "without ↓"] if snippets else []
    header += ["median ms", "pages/s", "MB/s", "peak RSS MB (idle)", "timeouts", "failures"]
    rows = []
    for s in sorted(block.summaries, key=lambda s: -s.f1):
        row: list[Any] = [f"`{s.extractor}`", f"{s.precision:.3f}", f"{s.recall:.3f}"]
        row += [f"**{s.f1:.3f}** ± {s.f1_std:.3f}", f"{s.other_f1:.3f}"]
        row += [_pct(s.with_rate), _pct(s.without_rate)] if snippets else []
        row += [f"{s.median_ms:.1f}", f"{s.pages_per_s:.1f}", f"{s.mb_per_s:.2f}"]
        row += [f"{s.peak_rss_mb:.0f} ({s.idle_rss_mb:.0f})", s.timeouts, s.failures]
        rows.append(row)
    name = "ScrapingHub shingle metric" if metric == "shingle" else "word-level bag-of-words metric"
    intro = f"### {block.label} — {block.pages} pages, {name} ({block.wall_seconds:.0f} s wall)"
    return [intro, "", *_table(header, rows), ""]


def type_table(block: Block) -> list[str]:
    """WCXB: mean word F1 per page type (rows) and extractor (columns)."""
    names = [s.extractor for s in sorted(block.summaries, key=lambda s: -s.f1)]
    by_name = {s.extractor: s.by_type for s in block.summaries}
    types = [t for t in TYPE_ORDER if t in block.type_counts]
    types += sorted(set(block.type_counts) - set(types))
    rows = [[f"{t} ({block.type_counts[t]})", *(f"{by_name[n].get(t, 0.0):.3f}" for n in names)] for t in types]
    return [f"### {block.label} — word F1 by page type", "", *_table(["type (pages)", *names], rows), ""]


def filter_table(blocks: Sequence[Block]) -> list[str]:
    """``cleaner`` removals (drop + trim decisions) per filter, summed per corpus x mode."""
    counts = {b.label: Counter(s.filters) for b in blocks for s in b.summaries if s.extractor == "cleaner"}
    if not any(counts.values()):
        return []
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    rows = [[f"`{f}`", *(counts[label].get(f, 0) for label in counts)] for f, _ in total.most_common()]
    head = "## `cleaner` removals per filter (drop + trim decisions, summed over pages)"
    return [head, "", *_table(["filter", *counts], rows), ""]


def render(blocks: Sequence[Block], meta: dict[str, Any]) -> str:
    """The whole Markdown report."""
    lines = [
        "# Benchmark report",
        "",
        f"Run: {meta['started']} · `{meta['command']}` · {meta['wall_seconds']:.0f} s",
        "",
    ]
    lines += _notes(meta)
    lines += ["## Quality and speed", ""]
    for block in blocks:
        if not block.summaries:
            continue
        lines += block_table(block)
        if block.type_counts:
            lines += type_table(block)
    lines += filter_table(blocks)
    lines += _environment(meta)
    return "\n".join(lines) + "\n"


def _notes(meta: dict[str, Any]) -> list[str]:
    timeout = f"{meta['timeout']:g} s"
    notes = [
        "- F1: the ScrapingHub corpus uses its 4-word-shingle metric (P and R averaged over pages, "
        + "F1 = their harmonic mean); the other corpora use the WCXB bag-of-words metric (mean per-page "
        + f"P, R, F1). ± = bootstrap std of the F1 ({meta['bootstrap']} page resamples, fixed seed).",
        "- WCXB snippets: share of `with` snippets found (higher is better) / of `without` snippets "
        + "found (lower is better), ignoring case and white space, averaged over pages having such snippets.",
        "- Speed: the extraction call only, timed inside the worker; MB/s = input bytes / total "
        + f"extraction time; a timeout (> {timeout}) counts as {timeout} and empty output.",
        "- Memory: peak RSS of the extractor's worker process over the corpus x mode (`VmHWM`, the "
        + "process's own `ru_maxrss`), including interpreter and library; (idle) = right after import.",
        "- Text mode: HTML-only anchors get one `<p>` per non-empty input line. `identity` = the input "
        + "text unchanged (HTML mode: `html_to_raw_text` of the page).",
    ]
    how = "`clean_and_explain()` (gives the text and the removals per filter)" if meta["explain"] else "`clean()`"
    notes.append(f"- `cleaner` is timed through {how}; `clean()` returns `clean_and_explain().text`.")
    if meta.get("skipped"):
        notes.append("- Skipped: " + "; ".join(f"`{k}` ({v})" for k, v in meta["skipped"].items()))
    return [*notes, ""]


def _environment(meta: dict[str, Any]) -> list[str]:
    machine, versions = meta["machine"], meta["versions"]
    lines = ["## Environment", ""]
    lines.append(f"- Machine: {machine['nproc']} CPUs ({machine['cpu']}), {machine['memory']} RAM, {machine['os']}")
    lines.append("- Versions: " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    lines.append(f"- Corpus root: `{meta['corpus_root']}`; jobs: {meta['jobs']}")
    return [*lines, ""]
