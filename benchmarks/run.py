"""Benchmark CLI: ``python -m benchmarks.run [--corpus C] [--mode M] [--extractors a,b] ...``.

Runs every selected extractor on the same pages of every selected corpus x mode,
scores them, prints a Markdown report and writes ``report.md``, ``results.json``
(with per-page scores), the charts ``quality_speed.svg`` and ``removals.svg`` (with the
``plot`` extra) and, with ``--worst N``, ``worst-<corpus>-<mode>.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import corpora, plots
from benchmarks.anchors import EXTRACTORS, versions
from benchmarks.metrics import BOOTSTRAP_SAMPLES
from benchmarks.report import Block, machine_info, render
from benchmarks.runner import Worker, run_page, start_workers, stop_workers
from benchmarks.scoring import PageResult, primary_metric, score_page, summarize
from benchmarks.worst import WorstCandidate, write_worst

DEFAULT_OUT = corpora.REPO_ROOT / "benchmarks" / "results"
WCXB_DEFAULT_PAGES = 400  # of 1,356: keeps a full run short; --wcxb-limit 0 runs all


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--corpus", action="append", choices=corpora.CORPORA, help="repeatable; default: all present")
    parser.add_argument("--mode", choices=("text", "html", "both"), default="both")
    parser.add_argument("--extractors", default=",".join(EXTRACTORS), help="comma list (default: all)")
    parser.add_argument("--limit", type=int, help="pages per corpus, evenly spread over sorted ids")
    parser.add_argument(
        "--wcxb-limit",
        type=int,
        default=WCXB_DEFAULT_PAGES,
        help=f"WCXB pages (evenly spread sample; default {WCXB_DEFAULT_PAGES}, 0 = all 1,356)",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="worst-pages report of cleaner")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per page and extractor")
    parser.add_argument("--jobs", type=int, default=1, help="extractors running at once (timings get noisier)")
    parser.add_argument(
        "--no-explain",
        dest="explain",
        action="store_false",
        help="time cleaner.clean() instead of clean_and_explain(); no removals-per-filter table",
    )
    parser.add_argument("--corpus-root", help=f"corpus folder (default: ${corpora.ENV_VAR} or ../shared/corpus)")
    args = parser.parse_args(argv)
    args.extractors = [e.strip() for e in args.extractors.split(",") if e.strip()]
    unknown = set(args.extractors) - set(EXTRACTORS)
    if unknown:
        parser.error(f"unknown extractors: {', '.join(sorted(unknown))} (known: {', '.join(EXTRACTORS)})")
    return args


class Benchmark:
    """Runs blocks (corpus x mode) and collects summaries and per-page results."""

    def __init__(self, args: argparse.Namespace, root: Path) -> None:
        self.args, self.root = args, root
        self.skipped: dict[str, str] = {}
        self.blocks: list[Block] = []
        self.per_page: dict[str, dict[str, list[dict[str, Any]]]] = {}

    def run_block(self, corpus: str, mode: str, ids: list[str]) -> None:
        """All extractors on one corpus x mode."""
        start = time.monotonic()
        workers = start_workers(self.args.extractors, self.skipped, self.args.explain)
        results: dict[str, list[PageResult]] = {w.name: [] for w in workers}
        filters: dict[str, Counter[str]] = {w.name: Counter() for w in workers}
        candidates, types = [], Counter[str]()
        metric = primary_metric(corpus)
        try:
            for i, page in enumerate(corpora.iter_pages(corpus, mode, self.root, ids), 1):
                outcomes = run_page(workers, page, self.args.timeout, self.args.jobs)
                for name, outcome in outcomes.items():
                    results[name].append(score_page(page, outcome))
                    filters[name].update(outcome.filters)
                if self.args.worst and "cleaner" in outcomes:
                    f1 = results["cleaner"][-1].f1(metric)
                    candidates.append(WorstCandidate(page.page_id, f1, outcomes["cleaner"].text, page.gold))
                types.update([page.extra["page_type"]] if page.extra.get("page_type") else [])
                _progress(f"{corpus}/{mode}", i, len(ids), start)
        finally:
            stop_workers(workers)
        self._finish(corpus, mode, len(ids), time.monotonic() - start, workers, results, filters, types)
        if self.args.worst and candidates:
            path = write_worst(corpus, mode, metric, candidates, self.args.worst, self.args.out)
            print(f"[worst] {path}", file=sys.stderr)

    def _finish(
        self,
        corpus: str,
        mode: str,
        pages: int,
        wall: float,
        workers: list[Worker],
        results: dict[str, list[PageResult]],
        filters: dict[str, Counter[str]],
        types: Counter[str],
    ) -> None:
        summaries = []
        for worker in workers:
            summary = summarize(worker.name, primary_metric(corpus), results[worker.name])
            summary.peak_rss_mb, summary.idle_rss_mb = worker.peak_rss_mb, worker.base_rss_mb
            summary.filters = dict(filters[worker.name].most_common())
            summaries.append(summary)
        block = Block(corpus, mode, pages, wall, summaries, dict(types))
        self.blocks.append(block)
        self.per_page[block.label] = {n: [r.to_json() for r in rs] for n, rs in results.items()}
        end = "\n" if sys.stderr.isatty() else ""
        print(
            f"{end}[done] {block.label}: {pages} pages x {len(workers)} extractors in {wall:.0f} s",
            file=sys.stderr,
        )


def _progress(label: str, done: int, total: int, start: float) -> None:
    """Progress on stderr: a live line on a terminal, else a line per 10 %."""
    tty = sys.stderr.isatty()
    if tty or done == total or done % max(1, total // 10) == 0:
        text = f"[run] {label}: {done}/{total} pages, {time.monotonic() - start:.0f} s"
        print("\r" + text if tty else text, end="" if tty else "\n", file=sys.stderr, flush=True)


def page_limit(corpus: str, args: argparse.Namespace) -> int | None:
    """Pages to run for ``corpus``: ``--limit``, and for WCXB at most ``--wcxb-limit``."""
    limit: int | None = args.limit
    if corpus == "wcxb" and args.wcxb_limit > 0:
        limit = args.wcxb_limit if limit is None else min(limit, args.wcxb_limit)
    return limit


def build_meta(args: argparse.Namespace, root: Path, bench: Benchmark, started: str, wall: float) -> dict[str, Any]:
    """Run metadata for the report and the JSON file."""
    return {
        "started": started,
        "command": "python -m benchmarks.run " + " ".join(sys.argv[1:]),
        "wall_seconds": wall,
        "timeout": args.timeout,
        "jobs": args.jobs,
        "limit": args.limit,
        "wcxb_limit": args.wcxb_limit,
        "explain": args.explain,
        "bootstrap": BOOTSTRAP_SAMPLES,
        "corpus_root": str(root),
        "skipped": bench.skipped,
        "machine": machine_info(),
        "versions": versions(args.extractors),
    }


def write_outputs(out: Path, bench: Benchmark, meta: dict[str, Any]) -> str:
    """Write ``results.json`` and ``report.md``; return the Markdown."""
    out.mkdir(parents=True, exist_ok=True)
    data = {
        "meta": meta,
        "summaries": {b.label: [asdict(s) for s in b.summaries] for b in bench.blocks},
        "pages": bench.per_page,
    }
    (out / "results.json").write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    markdown = render(bench.blocks, meta)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    return markdown


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = parse_args(argv)
    root = corpora.corpus_root(args.corpus_root).resolve()
    os.environ[corpora.ENV_VAR] = str(root)  # workers resolve tools/ from it
    args.out.mkdir(parents=True, exist_ok=True)
    started, start = time.strftime("%Y-%m-%d %H:%M:%S"), time.monotonic()
    bench = Benchmark(args, root)
    for corpus in corpora.available(args.corpus or list(corpora.CORPORA), root):
        ids = corpora.sample_ids(corpora.page_ids(corpus, root), page_limit(corpus, args))
        for mode in corpora.select_modes(corpus, args.mode):
            bench.run_block(corpus, mode, ids)
    if not bench.blocks:
        print("nothing to run (no corpus or no mode selected)", file=sys.stderr)
        return 1
    meta = build_meta(args, root, bench, started, time.monotonic() - start)
    print(write_outputs(args.out, bench, meta))
    print(f"[written] {args.out / 'report.md'}, {args.out / 'results.json'}", file=sys.stderr)
    charts = plots.write_plots(args.out / "results.json", args.out)
    note = ", ".join(map(str, charts)) if charts else "no charts (matplotlib missing: pip install -e '.[plot]')"
    print(f"[written] {note}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
