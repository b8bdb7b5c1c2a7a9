"""The public entry points: `clean` and `clean_and_explain`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import regex

from . import vocab
from .decode import decode
from .errors import InputTooLarge
from .language import vocabulary_languages
from .model import Document, Result
from .normalize import normalize
from .pipeline import FilterLike, Pipeline, as_pipeline
from .segment import segment

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
BASE_SECONDS = 1.0  # the default time budget: this much per page...
SECONDS_PER_MB = 0.5  # ...plus this much per MB of input
MAX_PASSES = 4
MODES = ("auto", "text", "html")

_HTML_START = regex.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml)\b", regex.I | regex.S)
_HTML_TAG = regex.compile(
    r"</?(?:p|div|br|span|a|li|ul|td|tr|table|h[1-6]|section|article|meta|script)\b[^<>]{0,500}>", regex.I
)


if TYPE_CHECKING:
    from .pipeline import RulesLike


def looks_like_html(text: str) -> bool:
    """HTML when it opens like a document, or tags are dense in its head."""
    head = text[:20000]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 5


def _check(page: object, mode: str, max_bytes: int | None) -> None:
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    if not isinstance(page, (str, bytes, bytearray, memoryview)) and not _is_parsed_html(page):
        raise TypeError(f"cleaner expects the page as str or bytes (or a parsed HTML tree), got {type(page).__name__}")
    if max_bytes is not None and isinstance(page, (str, bytes, bytearray, memoryview)):
        size = len(page)
        if size > max_bytes:
            raise InputTooLarge(f"page of {size} bytes exceeds max_bytes={max_bytes}")


def _is_parsed_html(page: object) -> bool:
    kind = type(page).__module__
    return kind.startswith("bs4") or kind.startswith("lxml")


def budget(page: object) -> float:
    """The default time budget of a page, in seconds."""
    size = len(page) if isinstance(page, (str, bytes, bytearray, memoryview)) else 0
    return BASE_SECONDS + SECONDS_PER_MB * size / 1e6


def text_document(text: str, url: str | None, lang: str | None) -> Document:
    """A plain-text page as a document of line blocks."""
    normalized = normalize(text)
    return Document(normalized, segment(normalized), "text", url, vocabulary_languages(normalized, lang))


def build_document(page: Any, mode: str = "auto", url: str | None = None, lang: str | None = None) -> Document:
    """Turn any accepted page into a `Document`."""
    if _is_parsed_html(page):
        from .html import html_document

        return html_document(page, url, lang)
    if isinstance(page, (bytearray, memoryview)):
        page = bytes(page)
    text = decode(page) if isinstance(page, bytes) else page
    if mode == "html" or (mode == "auto" and looks_like_html(text)):
        from .html import html_document

        return html_document(text, url, lang)  # decoded once, here
    return text_document(text, url, lang)


def render(paragraphs: list[str]) -> str:
    """Paragraphs as text: a blank line between them, a newline at the end."""
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def clean_and_explain(
    page: Any,
    *,
    mode: str = "auto",
    pipeline: Pipeline | Sequence[FilterLike] | None = None,
    url: str | None = None,
    lang: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    rules: RulesLike | None = None,
    max_seconds: float | None = None,
) -> Result:
    """Clean a page and return the text with every decision behind it.

    Cleaning runs to a fixed point: if cleaning the output would remove more,
    that pass runs too (its decisions carry ``passno > 1``), so that
    ``clean(clean(x)) == clean(x)``. `rules` (a rule file's path, a loaded
    `RuleSet` or a list of `Rule`) is merged over the pipeline.

    Cleaning takes bounded time: past `max_seconds` of this thread's CPU
    time (by default 1 s plus 0.5 s per MB of input) the filter at work stops, later filters and passes
    are skipped, a ``note`` decision says so and ``Result.timed_out`` is set.
    """
    _check(page, mode, max_bytes)
    pipe = as_pipeline(pipeline)
    if rules is not None:
        pipe = pipe.with_rules(rules)
    vocab.stored_gates()  # once per process, and not a page's work: before its clock starts
    # CPU time of this thread, not the clock: a busy machine slows a page down but does not change its result
    deadline = time.thread_time() + (budget(page) if max_seconds is None else max_seconds)
    first = build_document(page, mode, url, lang)
    first.deadline = deadline
    shared = first.cache.setdefault("page", {})  # state that lasts across passes (rule time budgets)
    doc = pipe.run(first)
    text = render(doc.output())
    decisions = list(doc.decisions)
    timed_out = doc.timed_out
    for passno in range(2, MAX_PASSES + 1):
        if timed_out:
            break
        again = build_document(text, "text", url, lang)  # the output is plain text, whatever the input was
        again.passno = passno
        again.deadline = deadline
        again.cache["page"] = shared
        pipe.run(again)
        timed_out = again.timed_out
        new = render(again.output())
        if new == text:
            break
        decisions += again.decisions
        text = new
    fallback = any(d.filter == "guard" for d in decisions)  # in any pass
    segments = tuple(b.text for b in doc.blocks)
    return Result(text, decisions, doc.mode, doc.languages, len(doc.blocks), fallback, segments, timed_out)


def with_rules_merged(options: dict[str, Any]) -> dict[str, Any]:
    """`clean_and_explain` options with ``rules`` merged into ``pipeline`` once.

    For cleaning many pages with the same options: ``rules`` given to each call
    would check the rule file and rebuild the pipeline every time.
    A bad rule file raises `RuleError` here.
    """
    if options.get("rules") is None:
        return options
    merged = dict(options)
    merged["pipeline"] = as_pipeline(merged.pop("pipeline", None)).with_rules(merged.pop("rules"))
    return merged


def clean(
    page: Any,
    *,
    mode: str = "auto",
    pipeline: Pipeline | Sequence[FilterLike] | None = None,
    url: str | None = None,
    lang: str | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    rules: RulesLike | None = None,
    max_seconds: float | None = None,
) -> str:
    """Return the article body of a page (text, HTML, or bytes of either)."""
    return clean_and_explain(
        page,
        mode=mode,
        pipeline=pipeline,
        url=url,
        lang=lang,
        max_bytes=max_bytes,
        rules=rules,
        max_seconds=max_seconds,
    ).text
