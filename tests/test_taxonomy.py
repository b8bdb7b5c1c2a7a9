"""The boilerplate of ../shared/TAXONOMY.md, class by class and language by language.

Each phrasing the taxonomy lists (classes A to T, six languages) is set as
its own line into a neutral article of its language, at the top (after the
title), between two paragraphs or after the last, wherever it goes today:
it must go, and every paragraph of the article must stay. Each trap sentence
(the same words used as article text) must stay as its own paragraph.
These tables only grow: a phrasing a change stops catching is a regression.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner

DATA = Path(__file__).parent / "data" / "taxonomy"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def _article(lang: str) -> list[str]:
    return (DATA / f"article-{lang}.txt").read_text(encoding="utf-8").strip().split("\n\n")


def _page(lang: str, line: str, position: str) -> str:
    title, first, *rest = _article(lang)
    where = {"top": 1, "mid": 2, "end": 2 + len(rest)}[position]
    blocks = [title, first, *rest]
    blocks.insert(where, line)
    return "\n\n".join(blocks) + "\n"


PHRASINGS = _rows("phrasings.tsv")
TRAPS = _rows("traps.tsv")


@pytest.mark.parametrize(("cls", "lang", "positions", "text"), PHRASINGS, ids=[f"{r[0]}-{r[1]}" for r in PHRASINGS])
def test_taxonomy_phrasing_goes_and_the_article_stays(cls: str, lang: str, positions: str, text: str) -> None:
    for position in positions.split(","):
        out = cleaner.clean(_page(lang, text, position), lang=lang)
        assert text not in out.splitlines(), (position, out)
        assert all(p in out for p in _article(lang)), (position, out)


@pytest.mark.parametrize(("cls", "lang", "sentence"), TRAPS, ids=[f"{r[0]}-{r[1]}" for r in TRAPS])
def test_taxonomy_trap_sentence_stays(cls: str, lang: str, sentence: str) -> None:
    page = _page(lang, sentence, "mid")
    assert cleaner.clean(page, lang=lang) == page
