"""Scaling benchmark: does the cost of `clean` grow linearly with the page?

``python -m benchmarks.scaling`` builds pages of 1x, 10x and 100x a base size
from distinct ScrapingHub pages (their raw visible text for text mode, their
``<body>`` markup, without inline scripts and styles, for HTML mode; past the
last page they cycle, with every line varied so that no block repeats), times ``clean`` on each (best of
``--repeat`` runs; one run at 100x unless ``--repeat-large``), prints a table
with the ratios 10x/1x and 100x/10x and writes it to
``benchmarks/results/scaling.json``.  Linear cost means ratios near 10.

``--stages`` also prints where the time goes on the largest page: the
document build and every filter, summed over the fixed-point passes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

import cleaner
from cleaner.filter import Filter
from cleaner.model import Decision, Document
from cleaner.pipeline import Pipeline

from . import corpora

FACTORS = (1, 10, 100)
BASE = {"text": 20_000, "html": 100_000}  # characters at 1x: about one page
OUT = corpora.REPO_ROOT / "benchmarks" / "results" / "scaling.json"
_BODY = regex.compile(r"<body\b[^>]*+>(.*?)(?:</body>|\Z)", regex.I | regex.S)
# inline scripts, styles and SVG are dropped from the bodies: otherwise the 1x page of
# HTML can be all script, with no text at all, and the ratios would compare unlike pages
_LINE_END = regex.compile(r"(?m)(?<=[^\s>])$")  # after the text of a line (not after a tag)
_NOISE = regex.compile(r"<(script|style|svg)\b.*?</\1\s*>", regex.I | regex.S)


def scrapinghub_pages(mode: str, root: Path) -> list[str]:
    """The corpus pages in a stable order: raw text, or the markup of each body."""
    folder = corpora.corpus_dir("scrapinghub", root)
    if mode == "text":
        with gzip.open(folder / "page-rawtext.json.gz", "rt", encoding="utf-8") as f:
            texts: dict[str, str] = json.load(f)["texts"]
        return [texts[k] for k in sorted(texts)]
    bodies = []
    for path in sorted((folder / "html").glob("*.html.gz")):
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        match = _BODY.search(html)
        bodies.append(_NOISE.sub("", match.group(1) if match else html))
    return bodies


def build(pages: list[str], size: int, mode: str) -> str:
    """Distinct pages joined and cut to about `size` characters (cycled with a round number if needed)."""
    parts: list[str] = []
    total, i = 0, 0
    while total < size:
        page = pages[i % len(pages)]
        if i >= len(pages):  # a later round: vary every line, so that no block repeats exactly
            page = _LINE_END.sub(f" ({i // len(pages)})", page)
        parts.append(page)
        total += len(page) + 2
        i += 1
    if mode == "html":
        body = "\n".join(parts)
        return "<!DOCTYPE html><html><body>" + body[: body.rfind("<", 0, size)] + "</body></html>"
    text = "\n\n".join(parts)
    return text[: text.rfind("\n", 0, size)]  # cut at a line end: sizes are exact multiples


def best_time(page: str, mode: str, repeat: int) -> float:
    """The best wall time of `repeat` runs of `clean`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        cleaner.clean(page, mode=mode, max_bytes=None, max_seconds=math.inf)  # the whole pipeline, never cut short
        best = min(best, time.perf_counter() - start)
    return best


class Timed(Filter):
    """A pipeline filter that adds the time its inner filter takes to `spent` (by the inner's name)."""

    def __init__(self, inner: Filter, spent: defaultdict[str, float]) -> None:
        self.inner, self.spent = inner, spent

    def label(self) -> str:
        return self.inner.label()  # decisions, the guard and the registry see the inner filter

    def __call__(self, doc: Document) -> Iterator[Decision]:
        found = iter(self.inner(doc))
        while True:
            start = time.perf_counter()
            decision = next(found, None)
            self.spent[f"filter {self.label()}"] += time.perf_counter() - start
            if decision is None:
                return
            yield decision


def stage_times(page: str, mode: str) -> dict[str, float]:
    """Seconds per filter summed over the fixed-point passes of one `clean`, and the rest (building
    each pass's document, the output) as one stage."""
    spent: defaultdict[str, float] = defaultdict(float)
    timed = [Timed(f, spent) for f in Pipeline.default()]
    start = time.perf_counter()
    cleaner.clean(page, mode=mode, pipeline=timed, max_bytes=None, max_seconds=math.inf)
    spent["build_document + output"] = time.perf_counter() - start - sum(spent.values())
    return spent


def run(modes: list[str], root: Path, repeat: int, repeat_large: int) -> list[dict[str, Any]]:
    rows = []
    for mode in modes:
        pages = scrapinghub_pages(mode, root)
        times: dict[int, float] = {}
        for factor in FACTORS:
            page = build(pages, BASE[mode] * factor, mode)
            times[factor] = best_time(page, mode, repeat if factor < 100 else repeat_large)
            rows.append({"mode": mode, "factor": factor, "chars": len(page), "seconds": round(times[factor], 4)})
            print(f"  {mode} {factor}x: {len(page):,} chars, {times[factor]:.3f} s", flush=True)
        rows.append({"mode": mode, "ratio_10_1": times[10] / times[1], "ratio_100_10": times[100] / times[10]})
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| mode | 1x | 10x | 100x | 10x/1x | 100x/10x |", "|---|---|---|---|---|---|"]
    for mode in dict.fromkeys(r["mode"] for r in rows):
        sizes = {r["factor"]: r for r in rows if r["mode"] == mode and "factor" in r}
        ratio = next(r for r in rows if r["mode"] == mode and "ratio_10_1" in r)
        cells = [f"{sizes[f]['chars'] / 1e6:.2f} MB: {sizes[f]['seconds']:.2f} s" for f in FACTORS]
        lines.append(f"| {mode} | {' | '.join(cells)} | {ratio['ratio_10_1']:.1f} | {ratio['ratio_100_10']:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modes", default="text,html", help="comma-separated: text, html")
    parser.add_argument("--corpus-root", default=None, help="the shared corpus folder")
    parser.add_argument("--repeat", type=int, default=3, help="runs at 1x and 10x (best is kept)")
    parser.add_argument("--repeat-large", type=int, default=1, help="runs at 100x")
    parser.add_argument("--stages", action="store_true", help="print the time per stage at 100x")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    root = corpora.corpus_root(args.corpus_root)
    modes = args.modes.split(",")
    rows = run(modes, root, args.repeat, args.repeat_large)
    print(table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    if args.stages:
        for mode in modes:
            spent = stage_times(build(scrapinghub_pages(mode, root), BASE[mode] * FACTORS[-1], mode), mode)
            print(f"\nstages, {mode} 100x:")
            for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
                print(f"  {name:28} {seconds:8.3f} s")


if __name__ == "__main__":
    main()
