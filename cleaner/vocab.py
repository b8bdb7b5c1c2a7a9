"""Cue-phrase vocabularies: data files per language and kind, one matcher per kind.

Files live in ``cleaner/data/vocab/<lang>/<kind>.txt`` (format in that folder's
README).  Each section is compiled once, for a set of languages, into one
`Matcher`: a word index of its plain phrases and one regular expression of its
``re:`` entries.  That keeps the cost per page close to independent of how
many phrases a vocabulary holds.
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
_WORD = regex.compile(r"\w+")
_SECTION = regex.compile(r"^\[[a-z]+\]$")  # "[object Object]" is an entry, not a section


@dataclass(frozen=True, slots=True)
class Entry:
    source: str  # file:line, for error messages
    pattern: str  # regular-expression source
    words: tuple[str, ...] = ()  # a plain phrase's lower-cased words; () for a regex


def words_of(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens: how plain phrases and pages are compared."""
    return tuple(w.lower() for w in _WORD.findall(text))


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
        is_regex = line.startswith("re:")
        pattern = line[3:].strip() if is_regex else phrase_pattern(line)
        try:
            regex.compile(pattern, regex.IGNORECASE)
        except regex.error as exc:
            raise VocabularyError(path, lineno, f"bad regular expression {line!r}: {exc}") from exc
        words = () if is_regex else words_of(line)
        sections[current].append(Entry(f"{path}:{lineno}", pattern, words))
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


@cache
def kinds() -> tuple[str, ...]:
    """Every kind that has a vocabulary file in some language."""
    root = _data_root()
    return tuple(sorted({p.stem for p in root.glob("*/*.txt")}))


@dataclass(frozen=True, slots=True)
class Matcher:
    """A kind's section over some languages, compiled once.

    Plain phrases become sets of word tuples (compared lower-cased, ignoring
    the punctuation between words; `lexicon` indexes them across kinds);
    ``re:`` entries become one regular expression.
    """

    phrases: frozenset[tuple[str, ...]]
    lengths: tuple[int, ...]  # phrase lengths in words, longest first
    pattern: regex.Pattern[str] | None  # the regex entries, shaped for the section


_SHAPES = {
    "line": rf"^{_EDGE_JUNK}(?:{{alt}}){_EDGE_JUNK}$",
    "marker": rf"^{_EDGE_JUNK}(?:{{alt}}){_EDGE_JUNK}$",
    "tail": rf"^{_EDGE_JUNK}(?:{{alt}}){_EDGE_JUNK}$",
    "edge": rf"^{_EDGE_JUNK}(?:{{alt}})(?=\W|$)|(?<=\W|^)(?:{{alt}}){_EDGE_JUNK}$",
    "cue": "{alt}",
}


@cache
def matcher(kind: str, section: str, languages: tuple[str, ...]) -> Matcher | None:
    """The compiled entries of a kind's section over the given languages."""
    entries = [e for lang in languages for e in load(lang, kind)[section]]
    if not entries:
        return None
    phrases = frozenset(e.words for e in entries if e.words)
    regexes = [e.pattern for e in entries if not e.words]
    pattern = None
    if regexes:
        alternation = "|".join(f"(?:{p})" for p in regexes)
        source = _SHAPES[section].replace("{alt}", alternation)
        pattern = regex.compile(source, regex.IGNORECASE | regex.MULTILINE | regex.VERSION0)
    lengths = tuple(sorted({len(w) for w in phrases}, reverse=True))
    return Matcher(phrases, lengths, pattern)


WHOLE_LINE = ("line", "marker", "tail")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every kind's plain phrases over some languages, indexed together, so that
    one pass over a page's words finds the phrases of all kinds at once."""

    whole: dict[tuple[str, ...], tuple[tuple[str, str], ...]]  # words -> (kind, section)
    cues: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (phrase, kind), longest first


@cache
def lexicon(languages: tuple[str, ...]) -> Lexicon:
    """All kinds' whole-line and cue phrases for the given languages."""
    whole: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    cues: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in kinds():
        for section in WHOLE_LINE:
            m = matcher(kind, section, languages)
            for words in m.phrases if m else ():
                whole.setdefault(words, []).append((kind, section))
        m = matcher(kind, "cue", languages)
        for words in m.phrases if m else ():
            cues.setdefault(words[0], []).append((words, kind))
    ordered = {w: tuple(sorted(v, key=lambda p: -len(p[0]))) for w, v in cues.items()}
    return Lexicon({k: tuple(v) for k, v in whole.items()}, ordered)


@cache
def function_words(languages: tuple[str, ...]) -> frozenset[str]:
    """The function words of every language in `languages`."""
    return frozenset().union(*(stopwords(lang) for lang in languages))


@cache
def stopwords(lang: str) -> frozenset[str]:
    """The function words of a language, for the language guess and prose signals."""
    path = _data_root().parent / "stopwords" / f"{lang}.txt"
    if not path.is_file():
        return frozenset()
    words = (w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))
