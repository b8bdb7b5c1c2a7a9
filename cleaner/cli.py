"""The ``cleaner`` command line: ``cleaner clean`` (one page or a batch), ``cleaner explain``
and ``cleaner rules check``.

Each subcommand is a function that adds its parser and sets ``func``; adding
one is a function and a line in `COMMANDS`.

Exit codes: 0 every record cleaned; 1 some records or files failed (the rest
was written); 2 usage error; 130 interrupted (Ctrl-C), 143 terminated
(SIGTERM); 141 the output pipe was closed.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager, nullcontext
from pathlib import Path
from types import FrameType
from typing import IO, Any, NoReturn

from .api import MODES, clean_and_explain, with_rules_merged
from .batch import DEFAULT_CHUNKSIZE, Outcome, Summary, process
from .errors import CleanerError
from .model import Action, Result
from .readers import DEFAULT_EXTENSIONS, INPUT_FORMATS, STDIN, Fields, Item, Record, is_batch, read_inputs

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
EXIT_PIPE, EXIT_INTERRUPTED, EXIT_TERMINATED = 141, 130, 143
FORMATS = ("text", "json", "markdown")

log = logging.getLogger("cleaner.cli")


# --- the parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Turn scraped web pages into their article body; every removal is explained.",
        epilog="Exit codes: 0 all cleaned, 1 some records failed, 2 usage error, 130 Ctrl-C, 141 output pipe closed, "
        "143 SIGTERM. See docs/cli.md.",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(sub)
    return parser


Subparsers = Any  # argparse's _SubParsersAction is private


def _add_clean(sub: Subparsers) -> None:
    p = sub.add_parser(
        "clean",
        help="clean pages: files, directories, JSONL, WARC or stdin",
        description="Clean one page (text, JSON or Markdown out) or a batch (JSON Lines out, one line per record).",
    )
    p.add_argument("inputs", nargs="*", default=[STDIN], metavar="FILE", help="files, directories or - (default: -)")
    _cleaning_options(p)
    out = p.add_argument_group("output")
    out.add_argument("-f", "--format", choices=FORMATS, default="text", help="text, json (all decisions), markdown")
    out.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    out.add_argument("--explain", action="store_true", help="print a table of removals to stderr")
    out.add_argument("--stats", metavar="FILE", help="write the batch summary as JSON to FILE")
    out.add_argument("--report", metavar="DIR", help="write an HTML report of the batch to DIR")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    out.add_argument("-v", "--verbose", action="store_true", help="also report each skipped record")
    inp = p.add_argument_group("batch input")
    inp.add_argument("--input-format", choices=INPUT_FORMATS, default="auto", help="default: from the file name")
    inp.add_argument(
        "--ext", default=",".join(DEFAULT_EXTENSIONS), help="extensions read from directories (.gz is looked through)"
    )
    inp.add_argument("--text-field", default="text", help="JSONL field holding the page (default: text)")
    inp.add_argument("--id-field", default="id", help="JSONL field holding the record id (default: id)")
    inp.add_argument("--url-field", default="url", help="JSONL field holding the page URL (default: url)")
    inp.add_argument(
        "--keep-field", action="append", default=[], metavar="NAME", help="copy this JSONL field to the output"
    )
    run = p.add_argument_group("processes")
    run.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (0: one per CPU; default: 1)")
    run.add_argument("--chunksize", type=int, default=DEFAULT_CHUNKSIZE, help="records per task sent to a worker")
    p.set_defaults(func=run_clean)


def _add_explain(sub: Subparsers) -> None:
    p = sub.add_parser(
        "explain", help="show why each line of a page was removed", description="Print the table of removals of a page."
    )
    p.add_argument("page", metavar="PAGE", help="a page file, or - for stdin")
    _cleaning_options(p)
    p.add_argument("--html", metavar="FILE", help="also write a self-contained HTML view of the decisions")
    p.add_argument("--gold", metavar="FILE", help="a reference text to compare with, in the HTML view")
    p.set_defaults(func=run_explain)


def _cleaning_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("cleaning")
    g.add_argument("--mode", choices=MODES, default="auto", help="input kind (default: detected per page)")
    g.add_argument("--rules", metavar="FILE", help="a rules file that adjusts the pipeline")
    g.add_argument("--lang", help="the pages' language, if known (e.g. fr)")
    g.add_argument("--url", help="the page's URL (one page; JSONL and WARC records carry their own)")
    g.add_argument("--max-bytes", type=int, default=None, help="skip pages larger than this (default: 64 MiB)")


def _checked_options(args: argparse.Namespace) -> dict[str, Any]:
    """The cleaning options, tried once on a tiny page: a bad rules file is a usage error, not a million failures.

    The rules file is read into a pipeline here, once, rather than for every record.
    """
    options = _clean_options(args)
    try:
        options = with_rules_merged(options)
        clean_and_explain("", **options)
    except (TypeError, ValueError, OSError, CleanerError) as err:
        raise UsageError(f"bad cleaning options: {err}") from err
    return options


def _clean_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments for `clean_and_explain` (``rules`` only when given)."""
    options: dict[str, Any] = {"mode": args.mode, "lang": args.lang}
    if args.max_bytes is not None:
        options["max_bytes"] = args.max_bytes
    if args.rules:
        options["rules"] = args.rules
    return options


# --- entry point ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(verbose=getattr(args, "verbose", False))  # --quiet hides the bar and summary, never failures
    try:
        code: int = args.func(args)
    except UsageError as err:
        parser.error(str(err))  # exits 2
    return code


class UsageError(Exception):
    """A combination of options that cannot work."""


class _Stderr(logging.Handler):
    """Messages to whatever ``sys.stderr`` is when they are logged (tests and callers swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write(self.format(record) + "\n")
        except Exception:
            self.handleError(record)


def _setup_logging(*, verbose: bool) -> None:
    logger = logging.getLogger("cleaner")
    if not any(isinstance(h, _Stderr) for h in logger.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("cleaner: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


# --- cleaner clean -------------------------------------------------------------------------------


def run_clean(args: argparse.Namespace) -> int:
    batch = is_batch(args.inputs, args.input_format)
    if batch and args.format == "markdown":
        raise UsageError("--format markdown is for one page; a batch writes JSON Lines (use --format json or text)")
    if args.url and batch:
        raise UsageError("--url is for one page; JSONL and WARC records carry their own (--url-field)")
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    fields = Fields(args.text_field, args.id_field, args.url_field, tuple(args.keep_field))
    items = read_inputs(args.inputs, input_format=args.input_format, extensions=args.ext.split(","), fields=fields)
    if args.url:
        items = _with_url(items, args.url)
    options = _checked_options(args)
    summary = Summary()
    with ExitStack() as stack:
        out = stack.enter_context(_output(args.output))
        report = _open_report(args.report, stack)
        handle = _writer(out, args.format, batch)
        try:
            with _terminate_as_interrupt():
                outcomes = stack.enter_context(closing(process(items, jobs=jobs, chunksize=args.chunksize, **options)))
                for outcome in _progress(outcomes, enabled=batch and not args.quiet):
                    _handle(outcome, summary, handle, report, explain=args.explain, batch=batch)
        except (KeyboardInterrupt, _Terminated) as stop:
            summary.interrupted = True
            code = EXIT_TERMINATED if isinstance(stop, _Terminated) else EXIT_INTERRUPTED
        except BrokenPipeError:
            _silence_stdout()
            return EXIT_PIPE
        else:
            code = EXIT_FAILURES if summary.failed else EXIT_OK
        summary.stop()
    _finish(summary, args, batch)
    return code


def _with_url(items: Iterator[Item], url: str) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Record):
            item.url = url
        yield item


def _handle(
    outcome: Outcome, summary: Summary, write: Callable[[Outcome], None], report: Any, *, explain: bool, batch: bool
) -> None:
    if outcome.result is None:
        summary.add(outcome)
        if outcome.skipped:
            log.info("%s: %s", outcome.location, outcome.error)
        else:
            log.warning("%s: failed: %s", outcome.location, outcome.error)
        return
    with _signals_held():  # the line and its count together: an interrupt comes before or after both
        write(outcome)
        summary.add(outcome)
    if explain:
        title = f"== {outcome.id} ==\n" if batch else ""
        sys.stderr.write(title + removal_table(outcome.result, _width()) + "\n")
    if report is not None:
        report.add(outcome.id, outcome.result)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the block is done (where the platform can)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _finish(summary: Summary, args: argparse.Namespace, batch: bool) -> None:
    if args.stats:
        try:
            Path(args.stats).write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
        except OSError as err:
            log.error("cannot write %s: %s", args.stats, err.strerror or err)
    if (batch and not args.quiet) or summary.interrupted:
        for line in summary.lines():
            sys.stderr.write(f"cleaner: {line}\n")


def _output(path: str | None) -> Any:
    if path is None:
        return nullcontext(sys.stdout)
    try:
        return open(path, "w", encoding="utf-8", newline="\n")
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from err


def _open_report(directory: str | None, stack: ExitStack) -> Any:
    if directory is None:
        return None
    from .report import BatchReport

    report = BatchReport(directory)
    stack.callback(report.close)
    return report


def _writer(out: IO[str], fmt: str, batch: bool) -> Callable[[Outcome], None]:
    """How one cleaned record is written; every write is flushed, so an interrupted run loses nothing written."""

    def write(outcome: Outcome) -> None:
        assert outcome.result is not None
        if batch:
            text = json.dumps(record_dict(outcome, full=fmt == "json"), ensure_ascii=False) + "\n"
        elif fmt == "json":
            text = json.dumps(record_dict(outcome, full=True), ensure_ascii=False, indent=2) + "\n"
        elif fmt == "markdown":
            text = to_markdown(outcome.result, outcome.id)
        else:
            text = outcome.result.text
        out.write(text)
        out.flush()

    return write


def record_dict(outcome: Outcome, *, full: bool) -> dict[str, Any]:
    """One output record: id, url, source, any carried fields, then the text (and with ``full``, every decision)."""
    assert outcome.result is not None
    data: dict[str, Any] = {"id": outcome.id, "url": outcome.url, "source": outcome.location, **outcome.meta}
    if full:
        data.update(outcome.result.to_dict())
        data["removals"] = dict(outcome.result.removals())
    else:
        data["text"] = outcome.result.text
    return data


class _Terminated(BaseException):
    """SIGTERM (a scheduler stopping the job): stop like Ctrl-C, keeping what was written.

    A `BaseException`, like `KeyboardInterrupt`, so that no ``except Exception`` takes it for a page's error.
    """


class _terminate_as_interrupt:
    def __enter__(self) -> None:
        self.previous = signal.getsignal(signal.SIGTERM)
        try:
            signal.signal(signal.SIGTERM, self._raise)
        except ValueError:  # not the main thread: leave SIGTERM alone
            self.previous = None

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)

    @staticmethod
    def _raise(signum: int, frame: FrameType | None) -> None:
        raise _Terminated()


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _progress(outcomes: Iterator[Outcome], *, enabled: bool) -> Iterator[Outcome]:
    """A tqdm bar on stderr when it is a terminal (and tqdm is installed)."""
    if not enabled or not sys.stderr.isatty():
        return outcomes
    try:
        from tqdm import tqdm
        from tqdm.contrib.logging import logging_redirect_tqdm
    except ImportError:
        return outcomes
    tqdm.monitor_interval = 0  # no monitor thread: the worker pool forks after the bar starts

    def bar() -> Iterator[Outcome]:
        with logging_redirect_tqdm(loggers=[logging.getLogger("cleaner")]):
            yield from tqdm(outcomes, unit="page", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

    return bar()


# --- cleaner explain -----------------------------------------------------------------------------


def run_explain(args: argparse.Namespace) -> int:
    (item,) = list(read_inputs([args.page], input_format="page"))
    if args.url and isinstance(item, Record):
        item.url = args.url
    (outcome,) = list(process([item], jobs=1, **_clean_options(args)))
    if outcome.result is None:
        log.error("%s: %s", outcome.location, outcome.error)
        return EXIT_FAILURES
    sys.stdout.write(removal_table(outcome.result, _width()) + "\n")
    if args.html:
        gold = Path(args.gold).read_text(encoding="utf-8") if args.gold else None
        Path(args.html).write_text(outcome.result.to_html(gold=gold), encoding="utf-8")
    return EXIT_OK


def _add_rules(sub: Subparsers) -> None:
    p = sub.add_parser("rules", help="work with rule files", description="Check rule files (docs/rules.md).")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check", help="validate rule files and run their [[tests]]", description="Validate and run [[tests]]."
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="rule files (TOML)")
    check.set_defaults(func=run_rules_check)


def run_rules_check(args: argparse.Namespace) -> int:
    """Exit 0 when every file loads and every test passes, 1 on a failed test, 2 on an invalid file."""
    from .rulefile import check

    failed = invalid = 0
    for path in args.files:
        try:
            outcomes = check(path)
        except CleanerError as err:
            print(f"invalid: {err}", file=sys.stderr)
            invalid += 1
            continue
        for o in outcomes:
            print(f"{'ok  ' if o.passed else 'FAIL'} {path}:{o.test.line or '?'}: {o.test.name}")
            for problem in o.problems:
                print("     " + problem.replace("\n", "\n     "))
        failed += sum(not o.passed for o in outcomes)
        print(f"{path}: {len(outcomes) - sum(not o.passed for o in outcomes)} of {len(outcomes)} tests passed")
    return EXIT_USAGE if invalid else EXIT_FAILURES if failed else EXIT_OK


COMMANDS: list[Callable[[Subparsers], None]] = [_add_clean, _add_explain, _add_rules]


# --- readable output -----------------------------------------------------------------------------


def _width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def removal_table(result: Result, width: int = 120) -> str:
    """Every decision as an aligned table: filter, action, reason, text (clipped to ``width``)."""
    if not result.decisions:
        return "(nothing removed)"
    passes = any(d.passno > 1 for d in result.decisions)
    head = (["pass"] if passes else []) + ["filter", "action", "reason", "text"]
    rows = [
        [*([str(d.passno)] if passes else []), d.filter, d.action.value, _clip(_one_line(d.reason), 48), d.text]
        for d in result.decisions
    ]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head) - 1)]
    room = max(20, width - sum(widths) - 2 * len(widths))
    lines = []
    for row in [head, ["-" * w for w in widths] + ["-" * min(room, 40)], *rows]:
        cells = [c.ljust(w) for c, w in zip(row, widths, strict=False)] + [_clip(_one_line(row[-1]), room)]
        lines.append("  ".join(cells).rstrip())
    removed = sum(result.removals().values())
    restored = sum(1 for d in result.decisions if d.action is Action.KEEP)
    notes = sum(1 for d in result.decisions if d.action is Action.NOTE)
    lines.append(
        f"{removed} removed, {restored} restored"
        + (f", {notes} notes" if notes else "")
        + f"; {len(result.paragraphs)} paragraphs kept"
    )
    return "\n".join(lines)


_MD_START = ("#", ">", "-", "+", "*", "=", "|", "`", "~")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def _md_text(line: str) -> str:
    """A paragraph as Markdown that shows its text as is (no accidental heading, list or quote)."""
    escaped = line.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    if escaped.startswith(_MD_START):
        return "\\" + escaped
    return _MD_ORDERED.sub(r"\1\\\2", escaped, count=1)


def _md_cell(text: str) -> str:
    return _clip(_one_line(text), 200).replace("|", "\\|")


def to_markdown(result: Result, source: str) -> str:
    """The kept text, then a table of what was removed and why."""
    lines = [f"# {source}", ""]
    lines += [p for para in result.paragraphs for p in (_md_text(_one_line(para)), "")]
    lines += [f"## Removed ({sum(result.removals().values())})", ""]
    if result.decisions:
        lines += ["| pass | filter | action | reason | text |", "|---|---|---|---|---|"]
        lines += [
            f"| {d.passno} | {d.filter} | {d.action.value} | {_md_cell(d.reason)} | {_md_cell(d.text)} |"
            for d in result.decisions
        ]
    return "\n".join(lines).rstrip("\n") + "\n"


def entry() -> NoReturn:
    """The ``cleaner`` command: `main`, then exit with its code.

    After an interrupt everything written is flushed and closed, so leave at
    once (`os._exit`) instead of through the interpreter's exit, which joins
    the worker pool's threads and processes: an interrupt raised inside the
    pool's bookkeeping can leave those waiting on each other (a SIGTERM'd
    batch hung there twice in the suite). The workers die with this process
    (`batch._die_with`).
    """
    code = main()
    if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    raise SystemExit(code)


if __name__ == "__main__":
    entry()
