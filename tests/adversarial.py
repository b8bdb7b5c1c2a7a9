"""Large adversarial pages, generated deterministically, and a bounded runner.

``python -m tests.adversarial CASE [MAX_BYTES]`` builds one page, cleans it
once (after a warm-up on a small page, so that the one-time compilation of
the vocabularies is not counted), checks the invariants and prints one JSON
line: ``{"case", "bytes", "seconds", "out_chars", "timed_out", "spans", "error"}``
(and a second, ``{"idempotent"}``, unless the time budget cut the run short).  The tests run it
in a subprocess with a timeout, so a case that is too slow costs at most its
budget and cannot hang the suite.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable

import cleaner
from cleaner.errors import InputTooLarge
from cleaner.html import html_document
from cleaner.normalize import normalize

MB = 1_000_000
_VOCABULARY = (
    "the people of the region said water rights report children government school health camp families aid "
    "workers reported that more than thousand were displaced after floods and many have no access to clean "
    "food according agency river banks district hospital nurse cholera emergency funding network"
)
WORDS = _VOCABULARY.split(" ")


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 22))).capitalize() + "."


def big_page(size: int = 20 * MB, seed: int = 1) -> str:
    """Paragraphs of prose, a blank line apart, up to `size` characters."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        para = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts)


def short_lines(count: int = 1_000_000, seed: int = 2) -> str:
    """`count` short lines: a word and a number each."""
    rng = random.Random(seed)
    return "\n".join(f"{rng.choice(WORDS)} {i}" for i in range(count))


def one_line(size: int = 10 * MB, seed: int = 3) -> str:
    """Sentences joined by spaces: `size` characters and no newline."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        s = sentence(rng)
        parts.append(s)
        total += len(s) + 1
    return " ".join(parts)


def deep_html(depth: int = 100_000) -> str:
    """Paragraphs around `depth` nested ``<div>`` elements, with text at the bottom."""
    para = "<p>Heavy rains in the north have displaced more than twelve thousand families, aid workers said.</p>"
    nested = f"{'<div>' * depth}Text at the bottom of the nesting.{'</div>' * depth}"
    return f"<html><body>{para}{nested}{para}</body></html>"


CASES: dict[str, tuple[Callable[[], str], str]] = {
    "page-20mb": (big_page, "text"),
    "lines-1m": (short_lines, "text"),
    "line-10mb": (one_line, "text"),
    "html-deep-100k": (deep_html, "html"),
}


def layout(page: str, mode: str) -> str:
    """The normalized text the output paragraphs must be spans of."""
    return normalize(html_document(page).text if mode == "html" else page)


def missing_span(output: str, source: str) -> str | None:
    """The first output paragraph that is not a span of `source` after the previous one."""
    pos = 0
    for paragraph in output.split("\n\n"):
        paragraph = paragraph.strip("\n")
        if not paragraph:
            continue
        found = source.find(paragraph, pos)
        if found < 0:
            return paragraph
        pos = found + len(paragraph)
    return None


def spans_in_order(output: str, source: str) -> bool:
    """Every paragraph of `output` occurs in `source`, each after the previous one."""
    return missing_span(output, source) is None


def run_case(name: str, max_bytes: int | None) -> None:
    """Print the timed result, then (a second line) whether the output is a fixed point."""
    build, mode = CASES[name]
    page = build()
    cleaner.clean("Warm-up: the vocabularies compile once per process.", mode=mode)
    report: dict[str, object] = {"case": name, "bytes": len(page.encode("utf-8")), "error": None}
    start = time.perf_counter()
    try:
        result = cleaner.clean_and_explain(page, mode=mode, max_bytes=max_bytes)
    except InputTooLarge as exc:
        report.update(seconds=time.perf_counter() - start, error=f"InputTooLarge: {exc}")
        print(json.dumps(report), flush=True)
        return
    out = result.text
    report.update(seconds=time.perf_counter() - start, out_chars=len(out), timed_out=result.timed_out)
    report["spans"] = spans_in_order(out, layout(page, mode))
    print(json.dumps(report), flush=True)
    if not result.timed_out:  # a page cut short by the time budget need not be a fixed point
        print(json.dumps({"idempotent": cleaner.clean(out) == out}), flush=True)


if __name__ == "__main__":
    run_case(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
