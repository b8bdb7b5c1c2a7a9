"""Batch benchmark: ``python -m benchmarks.batch`` (the figures in docs/cli.md, "Measured").

(a) Throughput: the ScrapingHub corpus (181 HTML pages) as one JSONL batch
through ``cleaner clean`` with ``--jobs 1`` and ``--jobs 2``; pages per second
and the speed-up. Each setting runs ``--runs`` times; the best run counts
(other work on the machine only ever slows a run down).

(b) Memory: synthetic JSONL of 1,000 and 10,000 records (the corpus's raw-text
pages, cycled, every line tagged with the record number so no two records
repeat) through ``cleaner clean --jobs 2``; the peak RSS of the largest
process (``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process) and the
sampled peak of the whole process tree, and their ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks import corpora

# A fresh interpreter per measurement: RUSAGE_CHILDREN keeps the maximum over every child it ever waited for.
_WRAPPER = (
    "import resource, subprocess, sys;"
    "code = subprocess.run(sys.argv[1:]).returncode;"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr);"
    "sys.exit(code)"
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.batch", description=__doc__)
    parser.add_argument("--corpus-root", help="folder holding scrapinghub/ (default: ../shared/corpus)")
    parser.add_argument("--runs", type=int, default=2, help="runs per --jobs setting; the best counts")
    parser.add_argument("--repeat", type=int, default=1, help="copies of the corpus in the throughput batch")
    parser.add_argument("--sizes", default="1000,10000", help="record counts for the memory runs")
    parser.add_argument("--memory-jobs", type=int, default=2, help="--jobs of the memory runs")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    return parser.parse_args(argv)


def scrapinghub(root: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The corpus's HTML pages as JSONL records, and its raw-text pages."""
    records = [
        {"id": p.page_id, "url": p.extra.get("url") or "", "text": p.input.decode("utf-8")}
        for p in corpora.iter_pages("scrapinghub", "html", root)
    ]
    return records, [p.input for p in corpora.iter_pages("scrapinghub", "text-raw", root)]


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def cleaner_cmd(src: Path, out: Path, stats: Path, jobs: int) -> list[str]:
    cli = [sys.executable, "-m", "cleaner.cli", "clean", str(src), "-o", str(out), "-q"]
    return [*cli, "--stats", str(stats), "--jobs", str(jobs)]


def run_batch(src: Path, jobs: int, tmp: Path) -> dict[str, Any]:
    """One CLI batch run: wall time, the CLI's own summary, peak RSS (largest process, whole tree)."""
    out, stats = tmp / f"out-{jobs}.jsonl", tmp / f"stats-{jobs}.json"
    sampler = TreeSampler()
    load_before = os.getloadavg()[0]  # other work on the machine: reported with each run
    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRAPPER, *cleaner_cmd(src, out, stats, jobs)], stderr=subprocess.PIPE, text=True
    )
    sampler.start(proc.pid)
    _, err = proc.communicate()
    wall = time.monotonic() - start
    sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"cleaner failed ({proc.returncode}): {err}")
    summary = json.loads(stats.read_text())
    return {
        "jobs": jobs,
        "wall_s": round(wall, 2),
        "cleaned": summary["cleaned"],
        "failed": summary["failed"],
        "cli_pages_per_s": summary["pages_per_second"],
        "wall_pages_per_s": round(summary["cleaned"] / wall, 2),
        "max_rss_mb": round(int(err.strip().splitlines()[-1]) / 1024, 1),
        "tree_rss_mb": round(sampler.peak / 1024, 1),
        "load_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
    }


class TreeSampler:
    """Samples the summed RSS of a process and its descendants from /proc (Linux), keeping the peak in KiB."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak = 0
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, pid: int) -> None:
        self._thread = threading.Thread(target=self._loop, args=(pid,), daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._done.set()
        if self._thread:
            self._thread.join()

    def _loop(self, pid: int) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, sum(_rss_kib(p) for p in _tree(pid)))
            time.sleep(self.interval)


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        p = todo.pop()
        pids.append(p)
        try:
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return pids


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def throughput(records: list[dict[str, str]], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    batch = [dict(r, id=f"{r['id']}-{k}") for k in range(args.repeat) for r in records]
    src = write_jsonl(tmp / "scrapinghub.jsonl", batch)
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for _ in range(args.runs):  # interleaved, so a busy spell on the machine hits both settings
        for jobs in (1, 2):
            runs[jobs].append(run_batch(src, jobs, tmp))
            print(f"  jobs {jobs}: {runs[jobs][-1]}", flush=True)
    best = {j: max(rs, key=lambda r: r["cli_pages_per_s"]) for j, rs in runs.items()}
    return {
        "pages": len(batch),
        "runs": runs,
        "best": best,
        "speedup_cli": round(best[2]["cli_pages_per_s"] / best[1]["cli_pages_per_s"], 2),
        "speedup_wall": round(best[2]["wall_pages_per_s"] / best[1]["wall_pages_per_s"], 2),
    }


def synthetic(texts: list[str], i: int) -> dict[str, str]:
    """Record ``i``: a corpus page with every line tagged by ``i``, so that no record repeats another's text
    (a cache keyed by text would otherwise stop growing after one pass over the corpus and hide a leak)."""
    page = texts[i % len(texts)]
    return {"id": str(i), "text": "\n".join(f"{line} {i}" if line.strip() else line for line in page.split("\n"))}


def memory(texts: list[str], args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for n in sizes:
        src = write_jsonl(tmp / f"synthetic-{n}.jsonl", [synthetic(texts, i) for i in range(n)])
        results[n] = run_batch(src, args.memory_jobs, tmp)
        results[n]["input_mb"] = round(src.stat().st_size / 2**20, 1)
        print(f"  {n} records: {results[n]}", flush=True)
        src.unlink()
    small, large = results[sizes[0]], results[sizes[-1]]
    return {
        "sizes": results,
        "ratio_max_rss": round(large["max_rss_mb"] / small["max_rss_mb"], 3),
        "ratio_tree_rss": round(large["tree_rss_mb"] / small["tree_rss_mb"], 3),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    root = corpora.corpus_root(args.corpus_root)
    records, texts = scrapinghub(root)
    report: dict[str, Any] = {"cpus": os.cpu_count(), "python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="cleaner-batch-") as name:
        tmp = Path(name)
        if not args.skip_throughput:
            print(f"throughput: {len(records) * args.repeat} ScrapingHub HTML pages as JSONL", flush=True)
            report["throughput"] = t = throughput(records, args, tmp)
            print(f"speed-up jobs 2 / jobs 1: {t['speedup_cli']} (CLI rate), {t['speedup_wall']} (wall clock)")
        if not args.skip_memory:
            print(f"memory: {args.sizes} records of ScrapingHub raw text, --jobs {args.memory_jobs}", flush=True)
            report["memory"] = m = memory(texts, args, tmp)
            print(f"peak RSS ratio: {m['ratio_max_rss']} (largest process), {m['ratio_tree_rss']} (process tree)")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
