"""Benchmark charts from ``results.json``: quality against speed, and cleaner's removals per filter.

``python -m benchmarks.plots [RESULTS_JSON] [--out DIR]`` (``benchmarks.run`` calls it after every
run) writes ``quality_speed.svg`` (one panel per corpus x mode, one point per extractor: F1 against
median ms per page, log scale) and ``removals.svg`` (a table of cleaner's drop + trim decisions
per filter and corpus x mode, shaded on a log scale).  Needs the ``plot`` extra (matplotlib);
without it nothing is written.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from benchmarks.anchors import EXTRACTORS

QUALITY_SPEED = "quality_speed.svg"
REMOVALS = "removals.svg"
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
COLORS = ("#c0392b", "#1f5fa8", "#2e8540", "#8e44ad", "#b35c00", "#00798c", "#555555", "#9c2f6a")


def available() -> bool:
    """Whether matplotlib is installed (``pip install -e '.[plot]'``)."""
    return importlib.util.find_spec("matplotlib") is not None


def write_plots(results: Path, out: Path) -> list[Path]:
    """Write both charts for a ``results.json``; return their paths ([] without matplotlib)."""
    if not available():
        return []
    data = json.loads(results.read_text(encoding="utf-8"))
    summaries: dict[str, list[dict[str, Any]]] = data["summaries"]
    out.mkdir(parents=True, exist_ok=True)
    written = [quality_speed(summaries, out / QUALITY_SPEED)]
    if any(s.get("filters") for rows in summaries.values() for s in rows):
        written.append(removals(summaries, out / REMOVALS))
    return written


def _style(name: str) -> tuple[str, str]:
    """A marker and a colour per extractor, the same in every panel."""
    i = EXTRACTORS.index(name) if name in EXTRACTORS else len(EXTRACTORS) + sum(map(ord, name))
    return MARKERS[i % len(MARKERS)], COLORS[i % len(COLORS)]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update({"svg.hashsalt": "cleaner", "svg.fonttype": "none", "font.size": 9})
    import matplotlib.pyplot as plt

    return plt


def quality_speed(summaries: dict[str, list[dict[str, Any]]], path: Path) -> Path:
    """F1 against median ms per page, one panel per corpus x mode, one point per extractor."""
    plt = _pyplot()
    labels = [label for label, rows in summaries.items() if rows]
    cols = min(3, len(labels)) or 1
    nrows = max(1, math.ceil(len(labels) / cols))
    fig, axes = plt.subplots(nrows, cols, figsize=(4.2 * cols, 3.4 * nrows), squeeze=False)
    for ax, label in zip(axes.flat, labels, strict=False):
        _panel(ax, label, summaries[label])
    for ax in list(axes.flat)[len(labels) :]:
        ax.set_visible(False)
    names = sorted({s["extractor"] for rows in summaries.values() for s in rows}, key=_order)
    handles = [
        plt.Line2D([], [], marker=_style(n)[0], color=_style(n)[1], linestyle="", markersize=7) for n in names
    ]
    fig.legend(handles, names, loc="lower center", ncol=min(len(names), 7), frameon=False)
    fig.suptitle("Quality against speed (higher and further left is better)")
    fig.tight_layout(rect=(0, 0.06, 1, 0.97))
    return _save(plt, fig, path)


def _order(name: str) -> int:
    return EXTRACTORS.index(name) if name in EXTRACTORS else len(EXTRACTORS)


def _panel(ax: Any, label: str, rows: list[dict[str, Any]]) -> None:
    for s in rows:
        marker, color = _style(s["extractor"])
        ms = max(float(s["median_ms"]), 0.01)  # log scale: a zero time sits at the floor
        size = 90 if s["extractor"] == "cleaner" else 45
        ax.scatter([ms], [s["f1"]], marker=marker, color=color, s=size, zorder=3, edgecolors="black", linewidths=0.5)
        ax.annotate(s["extractor"], (ms, s["f1"]), textcoords="offset points", xytext=(5, 4), fontsize=7)
    metric = rows[0].get("metric", "word")
    pages = rows[0].get("pages", 0)
    ax.set_xscale("log")
    ax.set_title(f"{label} ({pages} page{'' if pages == 1 else 's'})")
    ax.set_xlabel("median ms per page (log)")
    ax.set_ylabel(f"{metric} F1")
    ax.grid(True, which="major", alpha=0.3)


def removals(summaries: dict[str, list[dict[str, Any]]], path: Path) -> Path:
    """Cleaner's removals per filter (rows) and corpus x mode (columns), the count in each cell."""
    plt = _pyplot()
    from matplotlib.colors import LogNorm

    per_label = {
        label: Counter(s.get("filters", {}))
        for label, rows in summaries.items()
        for s in rows
        if s["extractor"] == "cleaner" and s.get("filters")
    }
    total: Counter[str] = Counter()
    for counts in per_label.values():
        total.update(counts)
    filters = [name for name, _ in total.most_common()]
    columns = [*per_label, "all"]
    per_label["all"] = total
    grid = [[per_label[c].get(f, 0) for c in columns] for f in filters]
    fig, ax = plt.subplots(figsize=(1.0 * len(columns) + 2.4, 0.3 * len(filters) + 1.8))
    top = max(max(row) for row in grid)
    masked = [[v if v else float("nan") for v in row] for row in grid]
    ax.imshow(masked, cmap="Blues", norm=LogNorm(vmin=1, vmax=max(top, 2)), aspect="auto")
    for y, row in enumerate(grid):
        for x, value in enumerate(row):
            dark = value > 0 and math.log(value) > 0.6 * math.log(max(top, 2))
            ax.text(x, y, str(value), ha="center", va="center", fontsize=7, color="white" if dark else "black")
    ax.set_xticks(range(len(columns)), columns, rotation=35, ha="right")
    ax.set_yticks(range(len(filters)), filters)
    ax.set_title("cleaner: removals per filter (drop + trim decisions, summed over pages)")
    fig.tight_layout()
    return _save(plt, fig, path)


def _save(plt: Any, fig: Any, path: Path) -> Path:
    fig.savefig(path, format="svg", metadata={"Date": None})
    plt.close(fig)
    return path


def main(argv: list[str] | None = None) -> int:
    """Entry point: charts for an existing ``results.json``."""
    default = Path(__file__).resolve().parent / "results" / "results.json"
    parser = argparse.ArgumentParser(prog="python -m benchmarks.plots", description=__doc__)
    parser.add_argument("results", nargs="?", type=Path, default=default)
    parser.add_argument("--out", type=Path, help="folder for the SVG files (default: beside results.json)")
    args = parser.parse_args(argv)
    if not available():
        print("matplotlib missing: pip install -e '.[plot]'", file=sys.stderr)
        return 1
    for path in write_plots(args.results, args.out or args.results.parent):
        print(f"[written] {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
