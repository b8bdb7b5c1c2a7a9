"""Cue-phrase vocabularies: data files per language and kind, one matcher per kind.

Files live in ``cleaner/data/vocab/<lang>/<kind>.txt`` (format in that folder's
README).  For a set of languages, plain phrases become word indexes
(`Matcher`, `lexicon`) and ``re:`` entries are compiled into `Gates`, which
try an entry only where a block holds text its matches can start with.  That
keeps the cost per page close to independent of how many phrases a
vocabulary holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import regex

from . import disk_cache
from . import gate as gate_module
from .errors import VocabularyError
from .gate import Gate

SECTIONS = ("line", "cue", "marker", "tail", "edge", "person", "bio", "profile")
LANGUAGES = ("en", "fr", "es", "de", "pt", "it")

# what a whole-line entry may carry around it: punctuation, bullets, arrows, pipes
_EDGE_JUNK = r"[^\w\n]*"
_WORD = regex.compile(r"\w+")
_SECTION = regex.compile(r"^\[[a-z]+\]$")  # "[object Object]" is an entry, not a section


@dataclass(frozen=True, slots=True)
class Entry:
    source: str  # file:line, for error messages
    pattern: str  # a regex entry's source ("" for a plain phrase)
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


# what typeset text may hold where a regex entry is written plain: curly apostrophes ("l\u2019article"
# for "l'article") and a no-break space between two words ("Faire\u00a0un don", French "don\u202f!")
TYPESET = {"'": "'\u2019\u2018", " ": " \u00a0\u202f"}


def typeset_tolerant(pattern: str) -> str:
    """A regex entry whose straight apostrophes and plain spaces also match their typeset forms:
    ``d'un don`` -> ``d['\u2019\u2018]un[ \u00a0\u202f]don``, inside a character class too.

    Entries are written plain; pages are not normalised (output is spans of the input, and
    `normalize` keeps a single no-break space as the author's).
    """
    out: list[str] = []
    opened = -1  # where the character class being read starts in `out` (-1: outside one)
    escaped = False
    for char in pattern:
        if escaped:
            escaped = False
            out.append(_typeset(char, opened >= 0) if char in TYPESET else "\\" + char)
            continue
        if char == "\\":
            escaped = True
            continue
        if char == "[" and opened < 0:
            opened = len(out)
        elif char == "]" and opened >= 0 and "".join(out[opened + 1 :]) not in ("", "^"):  # "[]a]" holds a "]"
            opened = -1
        out.append(_typeset(char, opened >= 0) if char in TYPESET else char)
    return "".join(out)


def _typeset(char: str, in_class: bool) -> str:
    return TYPESET[char] if in_class else f"[{TYPESET[char]}]"


def parse(text: str, path: str, check_regexes: bool = True) -> dict[str, list[Entry]]:
    """Parse one vocabulary file into entries per section.

    `check_regexes` compiles every ``re:`` entry to report a bad one with its
    file and line; `load` skips it for the shipped files (the test suite
    checks them), since compiling is most of the start-up time.
    """
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
        pattern = line[3:].strip() if is_regex else ""  # plain phrases are matched by their words
        if is_regex and check_regexes:
            _check_regex(pattern, path, lineno)
        pattern = typeset_tolerant(pattern)
        words = () if is_regex else words_of(line)
        sections[current].append(Entry(f"{path}:{lineno}", pattern, words))
    return sections


def _check_regex(pattern: str, path: str, lineno: int) -> None:
    try:
        regex.compile(pattern, regex.IGNORECASE)
    except regex.error as exc:
        raise VocabularyError(path, lineno, f"bad regular expression {pattern!r}: {exc}") from exc


def _data_root() -> Path:
    return Path(str(resources.files("cleaner") / "data" / "vocab"))


@cache
def load(lang: str, kind: str) -> dict[str, list[Entry]]:
    """The parsed vocabulary of one kind in one language (empty if none)."""
    path = _data_root() / lang / f"{kind}.txt"
    if not path.is_file():
        return {name: [] for name in SECTIONS}
    return parse(path.read_text(encoding="utf-8"), str(path), check_regexes=False)


@cache
def kinds() -> tuple[str, ...]:
    """Every kind that has a vocabulary file in some language."""
    root = _data_root()
    return tuple(sorted({p.stem for p in root.glob("*/*.txt")}))


@dataclass(frozen=True, slots=True)
class Matcher:
    """A kind's plain phrases in one section over some languages: sets of word
    tuples, compared lower-cased, ignoring the punctuation between words
    (`lexicon` indexes them across kinds). ``re:`` entries go to `gates`."""

    phrases: frozenset[tuple[str, ...]]
    lengths: tuple[int, ...]  # phrase lengths in words, longest first


@cache
def matcher(kind: str, section: str, languages: tuple[str, ...]) -> Matcher | None:
    """The plain phrases of a kind's section over the given languages."""
    phrases = frozenset(e.words for lang in languages for e in load(lang, kind)[section] if e.words)
    if not phrases:
        return None
    return Matcher(phrases, tuple(sorted({len(w) for w in phrases}, reverse=True)))


@dataclass(frozen=True, slots=True)
class Gates:
    """Every kind's ``re:`` entries over some languages, by the shape they are matched in."""

    line: Gate  # whole block: the line, marker and tail sections
    cue: Gate  # anywhere in a block
    edge_start: Gate  # at a block's start
    edge_end: Gate  # at a block's end


_FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.VERSION0


# the language sets `language.vocabulary_languages` gives: English alone or with one other
LANGUAGE_SETS = (("en",), *(("en", lang) for lang in LANGUAGES if lang != "en"))


@cache
def gates(languages: tuple[str, ...]) -> Gates:
    """The ``re:`` entries of every kind for the given languages, compiled once per machine (`disk_cache`)."""
    stored = stored_gates()
    return stored[languages] if languages in stored else _build_gates(languages)


@cache
def stored_gates() -> dict[tuple[str, ...], Gates]:
    """Every language set's gates, compiled: read from the cache folder, or built and stored there
    by a machine's first run (about 1 s); empty when there is no usable cache folder."""
    code = [Path(__file__), Path(gate_module.__file__)]  # the stored objects' classes and how they are built
    files = sorted(_data_root().glob("*/*.txt"))
    return disk_cache.load_or_build("gates", [*code, *files], _compile_every_set, dict) or {}


def _compile_every_set() -> dict[tuple[str, ...], Gates]:
    built = {languages: _build_gates(languages) for languages in LANGUAGE_SETS}
    for each in built.values():
        _compile_all(each)
    return built


def _build_gates(languages: tuple[str, ...]) -> Gates:
    def entries(*sections: str) -> list[tuple[tuple[str, str], str]]:
        return [
            ((kind, section), e.pattern)
            for kind in kinds()
            for section in sections
            for lang in languages
            for e in load(lang, kind)[section]
            if not e.words
        ]

    return Gates(
        Gate.build(entries(*WHOLE_LINE), rf"^{_EDGE_JUNK}(?:{{alt}}){_EDGE_JUNK}$", _FLAGS),
        Gate.build(entries("cue"), "{alt}", _FLAGS),
        Gate.build(entries("edge"), rf"^{_EDGE_JUNK}(?:{{alt}})(?=\W|$)", _FLAGS),
        Gate.build(entries("edge"), rf"(?<=\W|^)(?:{{alt}}){_EDGE_JUNK}$", _FLAGS),
    )


def precompile(languages: tuple[str, ...]) -> None:
    """Compile every ``re:`` entry for `languages` now rather than on first use."""
    _compile_all(gates(languages))


def _compile_all(g: Gates) -> None:
    for gate in (g.line, g.cue, g.edge_start, g.edge_end):
        gate.compile_all()


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
