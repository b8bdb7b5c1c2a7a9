"""Run extractors in worker subprocesses with a per-page time limit.

Each extractor gets its own spawned process.  The worker times only the
extraction call (``time.perf_counter``), so start-up and IPC are not counted,
and reports its peak resident set size (``VmHWM``) with every answer.  A
page that exceeds the time limit is abandoned: the worker is killed and
restarted, and the page counts as a timeout with empty output.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import resource
import sys
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Literal, cast

from benchmarks.anchors import load_extractor
from benchmarks.corpora import Page, PageInput, api_mode

Status = Literal["ok", "error", "timeout"]
START_TIMEOUT = 120.0  # seconds to import a library in a fresh worker


@dataclass
class Outcome:
    """Result of one extractor on one page."""

    text: str
    seconds: float
    status: Status
    error: str | None = None
    filters: dict[str, int] = field(default_factory=dict)


def _peak_rss_mb() -> float:
    """Peak RSS of this process in MB: ``VmHWM`` (own high-water mark since exec).

    ``ru_maxrss`` is only the fallback: on Linux it keeps the parent's size from
    before ``exec``, which would inflate the worker's number.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _quiet() -> None:
    """Silence library logging, warnings and prints inside a worker."""
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the worker


def serve(name: str, explain: bool, conn: Connection) -> None:
    """Worker loop: receive ``(page, mode, lang)``, answer with the outcome."""
    _quiet()
    try:
        extract = load_extractor(name, explain)
    except Exception as exc:  # any import problem means "skip"
        conn.send(("import_error", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", _peak_rss_mb()))
    while (job := _next_job(conn)) is not None:
        page, mode, lang = job
        error: str | None = None
        start = time.perf_counter()
        try:
            text = extract(page, mode, lang)
        except Exception as exc:  # a failing page is scored as empty
            text, error = "", f"{type(exc).__name__}: {exc}"[:300]
        seconds = time.perf_counter() - start
        removals = getattr(extract, "removals", None)  # counted outside the timed call
        filters = removals() if removals is not None and error is None else {}
        conn.send(("done", text, seconds, error, filters, _peak_rss_mb()))


def _next_job(conn: Connection) -> tuple[PageInput, str, str | None] | None:
    """Next ``(page, mode, lang)``; None when asked to stop or the parent is gone."""
    try:
        job: tuple[PageInput, str, str | None] | None = conn.recv()
    except (EOFError, OSError):
        return None
    return job


class ImportFailed(RuntimeError):
    """The extractor's library could not be imported in the worker."""


class Worker:
    """One extractor in its own process."""

    def __init__(self, name: str, explain: bool = True) -> None:
        self.name, self.explain = name, explain
        self.base_rss_mb = 0.0
        self.peak_rss_mb = 0.0
        self.deadline = 0.0
        self._ctx = mp.get_context("spawn")
        self._spawn()

    def _spawn(self) -> None:
        self.conn, child = self._ctx.Pipe()
        self.proc = self._ctx.Process(target=serve, args=(self.name, self.explain, child), daemon=True)
        self.proc.start()
        child.close()

    def wait_ready(self) -> None:
        """Block until the library is imported; raise ``ImportFailed`` if it is not."""
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise ImportFailed(f"no answer within {START_TIMEOUT:.0f} s")
        kind, value = self.conn.recv()
        if kind != "ready":
            self.proc.join()
            raise ImportFailed(str(value))
        self.base_rss_mb = max(self.base_rss_mb, float(value))

    def submit(self, page: PageInput, mode: str, lang: str | None, timeout: float) -> None:
        """Send a page; the answer is due by ``self.deadline``."""
        self.conn.send((page, mode, lang))
        self.deadline = time.monotonic() + timeout

    def receive(self) -> Outcome:
        """Read the answer of the last submitted page."""
        try:
            _, text, seconds, error, filters, rss = self.conn.recv()
        except (EOFError, OSError) as exc:  # the worker died (e.g. a crash in C code)
            self.restart()
            return Outcome("", 0.0, "error", f"worker died: {exc!r}")
        self.peak_rss_mb = max(self.peak_rss_mb, rss)
        return Outcome(text, seconds, "error" if error else "ok", error, filters)

    def restart(self) -> None:
        """Kill a stuck worker and start a fresh one."""
        self.kill()
        self._spawn()
        self.wait_ready()

    def kill(self) -> None:
        """Terminate the worker process."""
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join()
        self.conn.close()

    def stop(self) -> None:
        """Ask the worker to exit."""
        try:
            self.conn.send(None)
            self.proc.join(5)
        except (BrokenPipeError, OSError):
            pass
        self.kill()


def start_workers(names: Sequence[str], skipped: dict[str, str], explain: bool = True) -> list[Worker]:
    """Start one worker per extractor; failed imports go to ``skipped`` (reported once)."""
    workers = [Worker(n, explain) for n in names if n not in skipped]
    ready = []
    for worker in workers:
        try:
            worker.wait_ready()
            ready.append(worker)
        except ImportFailed as exc:
            skipped[worker.name] = str(exc)
            print(f"[skip] extractor {worker.name!r}: {exc}", file=sys.stderr)
    return ready


def run_page(workers: Sequence[Worker], page: Page, timeout: float, jobs: int = 1) -> dict[str, Outcome]:
    """Run every worker on ``page``, at most ``jobs`` at a time."""
    pending = list(workers)
    busy: dict[Connection, Worker] = {}
    results: dict[str, Outcome] = {}
    mode, lang = api_mode(page.mode), page.extra.get("lang")
    while pending or busy:
        while pending and len(busy) < jobs:
            worker = pending.pop(0)
            worker.submit(page.input, mode, lang, timeout)
            busy[worker.conn] = worker
        left = max(0.0, min(w.deadline for w in busy.values()) - time.monotonic())
        for conn in wait(list(busy), timeout=left):
            worker = busy.pop(cast(Connection, conn))
            results[worker.name] = worker.receive()
        for conn, worker in list(busy.items()):
            if time.monotonic() >= worker.deadline:
                del busy[conn]
                if conn.poll(0):  # answered while another worker was restarting
                    results[worker.name] = worker.receive()
                    continue
                worker.restart()
                results[worker.name] = Outcome("", timeout, "timeout", f"timeout after {timeout:g} s")
    return results


def stop_workers(workers: Sequence[Worker]) -> None:
    """Stop all workers."""
    for worker in workers:
        worker.stop()
