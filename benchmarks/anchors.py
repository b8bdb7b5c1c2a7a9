"""Extractor adapters: ``cleaner``, anchor libraries and the ``identity`` baseline.

Every adapter is called as ``fn(page, mode)`` (``mode`` is ``"text"`` or
``"html"``; an optional ``lang`` hint is used by justext) and returns text.
``load_extractor(name)`` imports the library lazily, so a missing library
raises ``ImportError`` there (the runner reports it once and skips it).
In text mode an anchor that needs HTML gets ``text_to_html(page)``.
"""

from __future__ import annotations

import html
import importlib.metadata
import importlib.util
import platform
import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any, Protocol

from benchmarks.corpora import PageInput, corpus_root

EXTRACTORS = ("cleaner", "trafilatura", "justext", "readability", "resiliparse", "boilerpy3", "identity")
DISTRIBUTIONS = {  # extractor -> distributions whose versions go into the report
    "trafilatura": ("trafilatura",),
    "justext": ("jusText",),
    "readability": ("readability-lxml", "lxml_html_clean"),
    "resiliparse": ("Resiliparse",),
    "boilerpy3": ("boilerpy3",),
}
JUSTEXT_STOPLISTS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
    "pt": "Portuguese", "nl": "Dutch", "ru": "Russian", "pl": "Polish", "sv": "Swedish",
}  # fmt: skip


class Extractor(Protocol):
    """``(page, mode, lang=None) -> text``."""

    def __call__(self, page: PageInput, mode: str, lang: str | None = None) -> str: ...


# ------------------------------------------------------------------ helpers


def as_str(page: PageInput) -> str:
    """Page as text (corpus pages are UTF-8)."""
    return page.decode("utf-8", errors="replace") if isinstance(page, bytes) else page


def text_to_html(text: str) -> str:
    """Wrap plain text as one ``<p>`` per non-empty line."""
    paras = (f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return "<html><body>" + "\n".join(paras) + "</body></html>"


def html_input(page: PageInput, mode: str) -> str:
    """The HTML an HTML-only anchor gets in either mode."""
    return as_str(page) if mode == "html" else text_to_html(as_str(page))


@cache
def raw_text_function() -> Callable[[bytes | str], str]:
    """``html_to_raw_text`` from the shared ``tools/`` folder, else a fallback."""
    path = corpus_root().parent / "tools" / "html_to_raw_text.py"
    spec = importlib.util.spec_from_file_location("html_to_raw_text", path)
    if path.is_file() and spec and spec.loader:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        func: Callable[[bytes | str], str] = module.html_to_raw_text
        return func
    return _fallback_raw_text


_BLOCKS = frozenset(
    re.findall(
        r"\w+",
        "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
        "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav noscript ol "
        "option p pre section summary table tbody td tfoot th thead tr ul",
    )
)
_SKIP = frozenset(("script", "style", "template", "svg", "head", "title", "meta", "link"))


def _fallback_raw_text(page: bytes | str) -> str:
    """Small innerText-like dump: blocks separated by blank lines."""
    import lxml.html

    data = page.encode("utf-8") if isinstance(page, str) else page
    root = lxml.html.document_fromstring(data, parser=lxml.html.HTMLParser(encoding="utf-8"))
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is not None and tag not in _SKIP:
            parts.append("\n\n" if tag in _BLOCKS else "\n" if tag == "br" else "")
            parts.append(el.text or "")
            for child in el:
                walk(child)
            parts.append("\n\n" if tag in _BLOCKS else "")
        parts.append(el.tail or "")

    walk(root)
    blocks = (re.sub(r"[ \t\r\f\v\xa0]+", " ", b).strip() for b in "".join(parts).split("\n\n"))
    return "\n\n".join(b for b in blocks if b) + "\n"


def block_text(fragment: str) -> str:
    """Text of an HTML fragment with block elements on their own lines."""
    return raw_text_function()(fragment) if fragment.strip() else ""


# ----------------------------------------------------------------- adapters


def _load_cleaner() -> Extractor:
    import cleaner

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        return str(cleaner.clean(page, mode=mode))

    return run


class ExplainedCleaner:
    """``cleaner`` timed through ``clean_and_explain`` (same text as ``clean``).

    Keeps the last page's decisions so that ``removals()`` can count them
    after the timed call.
    """

    def __init__(self) -> None:
        import cleaner

        self._explain = cleaner.clean_and_explain
        self._decisions: list[Any] = []

    def __call__(self, page: PageInput, mode: str, lang: str | None = None) -> str:
        result = self._explain(page, mode=mode)
        self._decisions = list(result.decisions)
        return str(result.text)

    def removals(self) -> dict[str, int]:
        """Drop/trim decisions of the last page, per filter."""
        actions = ((d.filter, getattr(d.action, "value", d.action)) for d in self._decisions)
        return dict(Counter(str(f) for f, a in actions if a in ("drop", "trim")))


def _load_trafilatura() -> Extractor:
    import trafilatura

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        out = trafilatura.extract(
            html_input(page, mode), include_comments=False, include_tables=True, favor_precision=False
        )
        return out or ""

    return run


def _load_justext() -> Extractor:
    import justext  # type: ignore[import-untyped]

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        stoplist = justext.get_stoplist(JUSTEXT_STOPLISTS.get(lang or "en", "English"))
        paras = justext.justext(html_input(page, mode), stoplist)
        return "\n\n".join(p.text for p in paras if not p.is_boilerplate)

    return run


def _load_readability() -> Extractor:
    from readability import Document  # type: ignore[import-untyped]

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        return block_text(Document(html_input(page, mode)).summary())

    raw_text_function()
    return run


def _load_resiliparse() -> Extractor:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        text: str = extract_plain_text(HTMLTree.parse(html_input(page, mode)), main_content=True)
        return text

    return run


def _load_boilerpy3() -> Extractor:
    from boilerpy3 import extractors  # type: ignore[import-untyped]

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        # raise_on_failure=False: keep what it extracted from imperfect markup
        extractor = extractors.ArticleExtractor(raise_on_failure=False)
        return str(extractor.get_content(html_input(page, mode)) or "")

    return run


def _load_identity() -> Extractor:
    raw_text = raw_text_function()

    def run(page: PageInput, mode: str, lang: str | None = None) -> str:
        return raw_text(page) if mode == "html" else as_str(page)

    return run


_LOADERS: dict[str, Callable[[], Extractor]] = {
    "cleaner": _load_cleaner,
    "trafilatura": _load_trafilatura,
    "justext": _load_justext,
    "readability": _load_readability,
    "resiliparse": _load_resiliparse,
    "boilerpy3": _load_boilerpy3,
    "identity": _load_identity,
}


def load_extractor(name: str, explain: bool = True) -> Extractor:
    """Import the library behind ``name`` and return its adapter.

    With ``explain``, ``cleaner`` runs through ``clean_and_explain`` and the
    adapter has a ``removals()`` method (see ``ExplainedCleaner``).
    """
    if name == "cleaner" and explain:
        return ExplainedCleaner()
    return _LOADERS[name]()


# ----------------------------------------------------------------- versions


def versions(extractors: tuple[str, ...] | list[str]) -> dict[str, str]:
    """Versions of Python, lxml/libxml2 and the libraries behind ``extractors``."""
    found = {"python": platform.python_version()}
    try:
        from lxml import etree

        found["lxml"] = etree.__version__
        found["libxml2"] = ".".join(map(str, etree.LIBXML_VERSION))
    except ImportError:
        found["lxml"] = "missing"
    if "cleaner" in extractors:
        found["cleaner"] = _cleaner_version()
    for name in extractors:
        for dist in DISTRIBUTIONS.get(name, ()):
            found[dist] = _dist_version(dist)
    return found


def _cleaner_version() -> str:
    try:
        import cleaner

        return str(getattr(cleaner, "__version__", "unknown"))
    except Exception as exc:  # report, never crash the report
        return f"not importable ({type(exc).__name__})"


def _dist_version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "missing"
