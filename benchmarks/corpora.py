"""Corpus loaders: every page as ``Page(corpus, page_id, mode, input, gold, extra)``.

Mode labels: ``html`` (input is the page's bytes), ``text`` (input is the raw
visible text), and for ScrapingHub the two frozen text inputs ``text-htmltext``
(html-text output) and ``text-raw`` (html_to_raw_text output).  ``api_mode``
maps a label to the ``mode`` argument of ``cleaner.clean``.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

CORPORA = ("seed", "ngo", "scrapinghub", "wcxb")
MODES: dict[str, tuple[str, ...]] = {
    "seed": ("text",),
    "ngo": ("text", "html"),
    "scrapinghub": ("html", "text-raw", "text-htmltext"),
    "wcxb": ("html", "text"),
}
REPO_ROOT = Path(__file__).resolve().parent.parent
ENV_VAR = "CLEANER_CORPUS"

PageInput = str | bytes


class Page(NamedTuple):
    """One benchmark page in one input mode."""

    corpus: str
    page_id: str
    mode: str
    input: PageInput
    gold: str
    extra: dict[str, Any]


def corpus_root(cli_value: str | None = None) -> Path:
    """``--corpus-root``, else ``$CLEANER_CORPUS``, else ``<repo>/../shared/corpus``."""
    value = cli_value or os.environ.get(ENV_VAR)
    return Path(value) if value else REPO_ROOT.parent / "shared" / "corpus"


def corpus_dir(corpus: str, root: Path) -> Path:
    """Folder of ``corpus`` (the seed lives next to the corpus root)."""
    if corpus == "seed":
        return root.parent / "seed" if (root.parent / "seed").is_dir() else root / "seed"
    return root / ("wcxb-dev" if corpus == "wcxb" else corpus)


def available(corpora: Sequence[str], root: Path) -> list[str]:
    """Corpora whose folder exists; print a message for every missing one."""
    found = []
    for corpus in corpora:
        folder = corpus_dir(corpus, root)
        if folder.is_dir():
            found.append(corpus)
        else:
            print(f"[skip] corpus {corpus!r}: folder {folder} not found")
    return found


def select_modes(corpus: str, which: str) -> tuple[str, ...]:
    """Mode labels of ``corpus`` for ``--mode text|html|both``."""
    return tuple(m for m in MODES[corpus] if which == "both" or api_mode(m) == which)


def api_mode(label: str) -> Literal["text", "html"]:
    """``cleaner.clean`` mode for a mode label."""
    return "html" if label == "html" else "text"


def sample_ids(ids: Sequence[str], limit: int | None) -> list[str]:
    """``limit`` ids spread evenly over ``ids`` (all of them if no limit)."""
    if limit is None or limit >= len(ids):
        return list(ids)
    if limit <= 0:
        return []
    step = len(ids) / limit
    return [ids[int(i * step)] for i in range(limit)]


def page_ids(corpus: str, root: Path) -> list[str]:
    """Sorted page ids of ``corpus``."""
    folder = corpus_dir(corpus, root)
    if corpus == "seed":
        return sorted(p.name[: -len(".gold.txt")] for p in folder.glob("*.gold.txt"))
    if corpus == "ngo":
        return sorted(p.parent.name for p in folder.glob("*/gold.txt"))
    if corpus == "scrapinghub":
        return sorted(_json(folder / "ground-truth.json"))
    return sorted(_json(folder / "metadata.json")["files"])


def iter_pages(corpus: str, mode: str, root: Path, ids: Sequence[str] | None = None) -> Iterator[Page]:
    """Pages of ``corpus`` in ``mode``, lazily loaded, in ``ids`` order."""
    folder = corpus_dir(corpus, root)
    loader = _LOADERS[corpus]
    for page_id in page_ids(corpus, root) if ids is None else ids:
        yield loader(folder, page_id, mode)


def load(corpus: str, root: Path, which: str = "both", limit: int | None = None) -> Iterator[Page]:
    """All pages of ``corpus`` for every selected mode."""
    ids = sample_ids(page_ids(corpus, root), limit)
    for mode in select_modes(corpus, which):
        yield from iter_pages(corpus, mode, root, ids)


# ----------------------------------------------------------------- per corpus


def _seed(folder: Path, page_id: str, mode: str) -> Page:
    text = (folder / f"{page_id}.txt").read_text(encoding="utf-8")
    gold = (folder / f"{page_id}.gold.txt").read_text(encoding="utf-8")
    return Page("seed", page_id, mode, text, gold, {"lang": "en"})


def _ngo(folder: Path, page_id: str, mode: str) -> Page:
    page = folder / page_id
    meta = _json(page / "meta.json")
    data: PageInput = (
        (page / "page.html").read_bytes() if mode == "html" else (page / "text.txt").read_text(encoding="utf-8")
    )
    gold = (page / "gold.txt").read_text(encoding="utf-8")
    return Page("ngo", page_id, mode, data, gold, {"lang": meta.get("lang"), "org": meta.get("org")})


def _scrapinghub(folder: Path, page_id: str, mode: str) -> Page:
    truth = _json(folder / "ground-truth.json")[page_id]
    if mode == "html":
        data: PageInput = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
    else:
        name = "page-text.json.gz" if mode == "text-htmltext" else "page-rawtext.json.gz"
        data = _json(folder / name)["texts"][page_id]
    return Page("scrapinghub", page_id, mode, data, truth.get("articleBody") or "", {"url": truth.get("url")})


def _wcxb(folder: Path, page_id: str, mode: str) -> Page:
    meta = _json(folder / "metadata.json")["files"][page_id]
    truth = _json(folder / "ground-truth" / f"{page_id}.json").get("ground_truth") or {}
    if mode == "html":
        data: PageInput = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
    else:
        data = _json(folder / "page-text.json.gz")["texts"][page_id]
    extra = {
        "page_type": meta.get("page_type"),
        "spa": meta.get("spa"),
        "with": truth.get("with") or [],
        "without": truth.get("without") or [],
    }
    return Page("wcxb", page_id, mode, data, truth.get("main_content") or "", extra)


_LOADERS: dict[str, Callable[[Path, str, str], Page]] = {
    "seed": _seed,
    "ngo": _ngo,
    "scrapinghub": _scrapinghub,
    "wcxb": _wcxb,
}


@cache
def _json(path: Path) -> Any:
    """Parsed (optionally gzip-compressed) JSON file, cached per process."""
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)
