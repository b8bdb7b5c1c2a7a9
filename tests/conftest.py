"""Shared test helpers: where fixtures and the (optional) shared corpora live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = Path(os.environ.get("CLEANER_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
_WORD = regex.compile(r"\w+")


def needs_corpus(name: str) -> Path:
    """The corpus folder, or skip the test with the reason."""
    path = CORPUS / name
    if not path.is_dir():
        pytest.skip(f"corpus {name!r} not found at {path} (set CLEANER_SHARED to the shared/ folder)")
    return path


def word_f1(output: str, gold: str) -> float:
    """Bag-of-words F1 (lower-cased ``\\w+`` tokens), as the NGO and WCXB corpora score."""
    from collections import Counter

    out, ref = Counter(_WORD.findall(output.lower())), Counter(_WORD.findall(gold.lower()))
    if not ref:
        return 1.0 if not out else 0.0
    common = sum((out & ref).values())
    if not common:
        return 0.0
    p, r = common / sum(out.values()), common / sum(ref.values())
    return 2 * p * r / (p + r)


def as_paragraphs(text: str) -> str:
    """A text's non-empty lines as the cleaner renders paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line) + "\n"
