"""Cue-phrase vocabularies: data files per language and kind, one matcher per kind.

Files live in ``cleaner/data/vocab/<lang>/<kind>.txt`` (format in that folder's
README).  Each section is compiled once, for a set of languages, into a single
regular expression that runs over the whole page text in one pass; matches are
mapped back to blocks by offset.  That keeps the cost per page independent of
how many phrases a vocabulary holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import regex

from .errors import VocabularyError

SECTIONS = ("line", "cue", "marker", "tail", "edge")
LANGUAGES = ("en", "fr", "es", "de", "pt", "it")

# what a whole-line entry may carry around it: punctuation, bullets, arrows, pipes
_EDGE_JUNK = r"[^\w\n]*"
_SECTION = regex.compile(r"^\[[a-z]+\]$")  # "[object Object]" is an entry, not a section


@dataclass(frozen=True, slots=True)
class Entry:
    source: str  # file:line, for error messages
    pattern: str  # regular-expression source


def phrase_pattern(phrase: str) -> str:
    """A plain phrase as a word-bounded, space- and apostrophe-tolerant pattern."""
    parts = []
    for word in phrase.split():
        escaped = regex.escape(word)
        escaped = escaped.replace("'", "['\u2019\u2018]").replace('"', '["\u201c\u201d\u201e\u00ab\u00bb]')
        parts.append(escaped)
    body = r"\s+".join(parts)
    return rf"(?<!\w){body}(?!\w)"


def parse(text: str, path: str) -> dict[str, list[Entry]]:
    """Parse one vocabulary file into entries per section."""
    sections: dict[str, list[Entry]] = {name: [] for name in SECTIONS}
    current: str | None = None
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if _SECTION.match(line):
            current = line[1:-1]
            if current not in sections:
                raise VocabularyError(path, lineno, f"unknown section [{current}]")
            continue
        if current is None:
            raise VocabularyError(path, lineno, f"entry {line!r} before any [section]")
        pattern = line[3:].strip() if line.startswith("re:") else phrase_pattern(line)
        try:
            regex.compile(pattern, regex.IGNORECASE)
        except regex.error as exc:
            raise VocabularyError(path, lineno, f"bad regular expression {line!r}: {exc}") from exc
        sections[current].append(Entry(f"{path}:{lineno}", pattern))
    return sections


def _data_root() -> Path:
    return Path(str(resources.files("cleaner") / "data" / "vocab"))


@cache
def load(lang: str, kind: str) -> dict[str, list[Entry]]:
    """The parsed vocabulary of one kind in one language (empty if none)."""
    path = _data_root() / lang / f"{kind}.txt"
    if not path.is_file():
        return {name: [] for name in SECTIONS}
    return parse(path.read_text(encoding="utf-8"), str(path))


def kinds() -> list[str]:
    """Every kind that has a vocabulary file in some language."""
    root = _data_root()
    return sorted({p.stem for p in root.glob("*/*.txt")})


@cache
def matcher(kind: str, section: str, languages: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One compiled pattern for a kind's section over the given languages.

    ``line``, ``marker`` and ``tail`` entries must match a whole line (with
    punctuation around them); ``edge`` entries match at a line's start or end;
    ``cue`` entries match anywhere.
    """
    patterns = [e.pattern for lang in languages for e in load(lang, kind)[section]]
    if not patterns:
        return None
    alternation = "|".join(f"(?:{p})" for p in patterns)
    if section in ("line", "marker", "tail"):
        source = rf"^{_EDGE_JUNK}(?:{alternation}){_EDGE_JUNK}$"
    elif section == "edge":
        source = rf"^{_EDGE_JUNK}(?:{alternation})(?=\W|$)|(?<=\W|^)(?:{alternation}){_EDGE_JUNK}$"
    else:
        source = alternation
    return regex.compile(source, regex.IGNORECASE | regex.MULTILINE | regex.VERSION0)


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The function words of a language, for the language guess and prose signals."""
    path = _data_root().parent / "stopwords" / f"{lang}.txt"
    if not path.is_file():
        return frozenset()
    words = (w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))
