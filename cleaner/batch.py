"""Cleaning many pages: in input order, on N processes, in flat memory.

`process` is the engine: it cleans a stream of `Record`s (and passes
`Problem`s through) and yields one `Outcome` per item, in input order. Work
goes to a process pool a chunk at a time, and at most a few chunks per
worker are in flight, so a fast reader never queues the whole input
(``Pool.imap`` would). A worker that dies (out of memory, a crash in a C
library) fails only the record it was cleaning: the records in flight are
rerun one at a time in a new pool, so the batch never hangs or stops.

`clean_many` is the same for plain pages; `Summary` counts a batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import time
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Literal, overload

from .api import clean_and_explain, with_rules_merged
from .errors import CleanerError
from .model import Result
from .readers import Item, Problem, Record

DEFAULT_CHUNKSIZE = 2  # pages take ~50 ms: small chunks keep the workers' last chunks even
WINDOW_PER_JOB = 4  # chunks in flight per worker: enough to keep it busy, few enough to bound memory


@dataclass(slots=True)
class Outcome:
    """What became of one input item; ``result`` is set when it was cleaned."""

    id: str
    location: str
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    result: Result | None = None
    error: str | None = None
    skipped: bool = False

    @property
    def ok(self) -> bool:
        return self.result is not None


class PageFailed(CleanerError):
    """`clean_many` could not clean one page (with ``errors="raise"``)."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(f"page {index}: {message}")
        self.index = index


# --- the engine ----------------------------------------------------------------------------------


def process(
    items: Iterable[Item], *, jobs: int = 1, chunksize: int = DEFAULT_CHUNKSIZE, **options: Any
) -> Generator[Outcome, None, None]:
    """Clean every record (``options`` go to `clean_and_explain`), yielding outcomes in input order.

    A rule file in ``options`` is read once, here: a bad one raises `RuleError` before any record.
    """
    options = with_rules_merged(options)
    if jobs <= 1:
        for item in items:
            yield _outcome(item, options)
        return
    chunks = _chunks(items, max(1, chunksize))
    pending: Pending = deque()
    _warm_up(options)
    gc.freeze()  # forked workers never walk (nor copy the memory of) what they inherit when they collect garbage
    pool = _pool(jobs, options)
    try:
        for chunk in chunks:
            pending.append((chunk, pool.submit(_work, chunk)))
            while len(pending) >= jobs * WINDOW_PER_JOB:
                pool = yield from _collect(pending, pool, jobs, options)
        while pending:
            pool = yield from _collect(pending, pool, jobs, options)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        gc.unfreeze()


Pending = deque[tuple[list[Item], "Future[list[Outcome]]"]]


def _collect(
    pending: Pending, pool: ProcessPoolExecutor, jobs: int, options: dict[str, Any]
) -> Generator[Outcome, None, ProcessPoolExecutor]:
    """Yield the oldest chunk's outcomes; return the pool to go on with (a new one if a worker died)."""
    chunk, future = pending.popleft()
    try:
        outcomes = future.result()
    except BrokenProcessPool:
        # A dead worker breaks every chunk in flight and does not say which record killed it:
        # rerun those records one at a time, so that only the record that kills a worker again fails.
        lost = [item for c in [chunk, *(c for c, _ in pending)] for item in c]
        pending.clear()
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(jobs, options)
        for item in lost:
            outcome, pool = _alone(item, pool, jobs, options)
            yield outcome
        return pool
    except Exception as err:  # e.g. a result that would not pickle: this chunk fails, the pool is fine
        for item in chunk:
            yield _failed(item, f"{type(err).__name__}: {err}")
        return pool
    yield from outcomes
    return pool


def _alone(
    item: Item, pool: ProcessPoolExecutor, jobs: int, options: dict[str, Any]
) -> tuple[Outcome, ProcessPoolExecutor]:
    """Clean one record by itself; if its worker dies, it is the record's fault."""
    try:
        return pool.submit(_work, [item]).result()[0], pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        failed = _failed(item, "worker process died while cleaning this record (out of memory or a crash)")
        return failed, _pool(jobs, options)
    except Exception as err:  # as in _collect: this record fails, the pool is fine
        return _failed(item, f"{type(err).__name__}: {err}"), pool


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _warm_up(options: dict[str, Any]) -> None:
    """Compile the vocabularies once in the parent, so that forked workers (and their replacements) start warm."""
    if multiprocessing.get_start_method() != "fork":
        return
    with contextlib.suppress(Exception):  # a bad option fails each record in the workers, where it is reported
        clean_and_explain(_WARM_UP_PAGE, **options)


_WARM_UP_PAGE = "Warm-up\n\nA sentence of an article, long enough to be read like prose by every filter."


def _pool(jobs: int, options: dict[str, Any]) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(options, os.getpid()))


_OPTIONS: dict[str, Any] = {}  # a worker's cleaning options, set once by the pool's initializer


def _init_worker(options: dict[str, Any], parent: int) -> None:
    global _OPTIONS
    _OPTIONS = options
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not a handler a forked parent had set
    _die_with(parent)


PR_SET_PDEATHSIG = 1  # prctl option (Linux): a signal for this process when its parent ends


def _die_with(parent: int) -> None:
    """Have the kernel kill this worker when the process that started it ends, however it ends
    (a scheduler's SIGKILL, `os._exit`): a worker waits on its queue, whose pipe its own copy
    keeps open, so it would otherwise outlive its batch. Linux only; elsewhere nothing changes."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


def _work(chunk: list[Item]) -> list[Outcome]:
    return [_outcome(item, _OPTIONS) for item in chunk]


def _outcome(item: Item, options: dict[str, Any]) -> Outcome:
    """Clean one record; never raises (the page's error becomes the outcome's)."""
    if isinstance(item, Problem):
        return _failed(item, item.message)
    try:
        result = clean_and_explain(item.page, url=item.url, **options)
    except Exception as err:
        return _failed(item, f"{type(err).__name__}: {err}")
    return Outcome(item.id, item.location, item.url, item.meta, result=result)


def _failed(item: Item, message: str) -> Outcome:
    if isinstance(item, Problem):
        return Outcome(item.id or "", item.location, error=item.message, skipped=item.skipped)
    return Outcome(item.id, item.location, item.url, item.meta, error=message)


# --- the Python API for streams ------------------------------------------------------------------


@overload
def clean_many(
    pages: Iterable[Any], *, jobs: int = ..., chunksize: int = ..., errors: Literal["raise"] = ..., **options: Any
) -> Iterator[Result]: ...


@overload
def clean_many(
    pages: Iterable[Any], *, jobs: int = ..., chunksize: int = ..., errors: Literal["none"], **options: Any
) -> Iterator[Result | None]: ...


def clean_many(
    pages: Iterable[Any],
    *,
    jobs: int = 1,
    chunksize: int = DEFAULT_CHUNKSIZE,
    errors: Literal["raise", "none"] = "raise",
    **options: Any,
) -> Iterator[Result] | Iterator[Result | None]:
    """Clean a stream of pages on ``jobs`` processes, yielding a `Result` per page in input order.

    ``options`` are those of `clean_and_explain` (``mode``, ``pipeline``, ``lang``, ...).
    The input is read lazily, a few chunks ahead, so it may be endless.
    A page that cannot be cleaned raises `PageFailed` (``errors="raise"``)
    or yields ``None`` in its place (``errors="none"``).

    >>> [r.text for r in clean_many(["First page, with a sentence that reads like prose."])]
    ['First page, with a sentence that reads like prose.\\n']
    """
    if errors not in ("raise", "none"):
        raise ValueError(f"errors must be 'raise' or 'none', not {errors!r}")
    records = (Record(id=str(i), page=page, location=f"page {i}") for i, page in enumerate(pages))
    return _results(process(records, jobs=jobs, chunksize=chunksize, **options), errors)


def _results(outcomes: Iterator[Outcome], errors: str) -> Iterator[Result | None]:
    for i, outcome in enumerate(outcomes):
        if outcome.result is None and errors == "raise":
            raise PageFailed(i, outcome.error or "unknown error")
        yield outcome.result


# --- counting a batch ----------------------------------------------------------------------------


@dataclass(slots=True)
class Summary:
    """What a batch did: records seen, cleaned, failed and skipped, removals per filter, speed."""

    records: int = 0
    cleaned: int = 0
    failed: int = 0
    skipped: int = 0
    removals: Counter[str] = field(default_factory=Counter)
    skip_reasons: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0
    interrupted: bool = False

    def add(self, outcome: Outcome) -> None:
        self.records += 1
        if outcome.result is not None:
            self.cleaned += 1
            self.removals.update(outcome.result.removals())
        elif outcome.skipped:
            self.skipped += 1
            self.skip_reasons[_reason_kind(outcome.error or "")] += 1
        else:
            self.failed += 1

    def stop(self) -> None:
        self.elapsed = time.monotonic() - self.started

    @property
    def pages_per_second(self) -> float:
        return self.cleaned / self.elapsed if self.elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "cleaned": self.cleaned,
            "failed": self.failed,
            "skipped": self.skipped,
            "skip_reasons": dict(self.skip_reasons.most_common()),
            "removals": dict(self.removals.most_common()),
            "seconds": round(self.elapsed, 3),
            "pages_per_second": round(self.pages_per_second, 2),
            "interrupted": self.interrupted,
        }

    def lines(self) -> list[str]:
        """The summary as a few readable lines."""
        head = (
            f"{self.records} records in {self.elapsed:.1f} s ({self.pages_per_second:.1f} pages/s): "
            f"{self.cleaned} cleaned, {self.failed} failed, {self.skipped} skipped"
        )
        out = [head + (" (interrupted)" if self.interrupted else "")]
        if self.skip_reasons:
            out.append("skipped: " + ", ".join(f"{k} {n}" for k, n in self.skip_reasons.most_common()))
        if self.removals:
            out.append("removals: " + ", ".join(f"{k} {n}" for k, n in self.removals.most_common()))
        return out


def _reason_kind(message: str) -> str:
    """``skipped: not HTML (image/png; http://...)`` -> ``not HTML (image/png)``."""
    text = message.removeprefix("skipped: ")
    head, _, rest = text.partition(" (")
    detail = rest.split(";", 1)[0].rstrip(")")
    return f"{head} ({detail})" if detail and not detail.startswith("http") else head
