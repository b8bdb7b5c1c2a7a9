"""Try a vocabulary regex only where a block has text it can start with.

Vocabulary regexes are alternations of hundreds of entries; trying all of
them at every block costs most of a page's time. Almost every entry starts
with literal text ("photo", "(opens", "sign up"), so its matches start with
one of a few short strings. `prefixes` reads them off the pattern source,
and a `Gate` tries an entry on a block only if the block holds one of them
at a place where a match may start.

The reader covers the syntax vocabularies use (literals, escapes, classes,
groups, alternation, quantifiers, anchors, lookarounds); anything else gives
``None``, "could start with anything", and the entry is tried when the block
holds text it must contain, or always. One rule comes with the gate: a gated
entry never starts inside a word (``photo`` does not match in "telephoto"),
because blocks are looked up only where words and symbols begin; otherwise
the gate skips work, never a match.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from .memo import memo_by_text

KEY = 3  # prefixes are at most this long
MAX_STRINGS = 256  # beyond this many prefixes an entry is simply always tried
MAX_INNER = 24  # beyond this many strings to look for inside a block, likewise
SURE_KEY = 8  # an entry's longer prefixes (`Entry.sure`) are at most this long...
SURE_MAX = 24  # ...and checked only when there are at most this many
HEADS_KEPT = 1 << 15  # a gate remembers the entries under about this many heads (a few MB)
_CLASS_MAX = 64

Strings = frozenset[str] | None  # None: unknown, any start possible
# digits and spaces are compared by class: every digit reads as "0", every space as " "
_CANONICAL = str.maketrans({**{str(d): "0" for d in range(10)}, **{c: " " for c in "\t\n\r\x0b\x0c"}})
_ESCAPED_SETS = {"d": "0", "h": " ", "s": " "}
_ZERO_WIDTH = set("bBAZGzm")
_CONTROL = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v"}


class _Unknown(Exception):
    """The pattern uses syntax the reader does not model."""


def prefixes(source: str, key: int = KEY) -> Strings:
    """Lower-cased strings of at most `key` characters that every match starts with.

    A string shorter than `key` is all that is known of the start (the match
    ends there, or goes on with something the reader does not model).

    >>> sorted(prefixes(r"\\b(photo|image)s?:"))
    ['ima', 'pho']
    >>> sorted(prefixes(r"\\(?opens?"))
    ['(op', 'ope']
    >>> prefixes(r".{0,40}rights reserved") is None
    True
    """
    return _read(source, key, anywhere=False)


def inner_prefixes(source: str, key: int = KEY) -> Strings:
    """Like `prefixes`, after skipping what any text could match at the start:
    strings every match contains somewhere.

    >>> sorted(inner_prefixes(r".{0,40}rights reserved"))
    ['rig']
    """
    return _read(source, key, anywhere=True)


@lru_cache(maxsize=8192)  # a language set's gates share most entries with another's: read each once
def _read(source: str, key: int, anywhere: bool) -> Strings:
    try:
        reader = _Reader(source, key, anywhere)
        found = reader.alternation()
        if reader.pos != len(source):
            raise _Unknown
    except (_Unknown, IndexError, ValueError):
        return None
    if found is None or "" in found:
        return None
    return frozenset(f.rstrip(_END) for f in found)


_Set = set[str] | None  # None: anything
_END = "\x00"  # pads a key that cannot grow: what follows it is unknown


def _join(left: _Set, right: _Set, key: int) -> _Set:
    """Every ``a + b`` cut to `key` characters; a full-length `a` needs nothing more."""
    if left is None:
        return None
    out = {a for a in left if len(a) >= key}
    partial = [a for a in left if len(a) < key]
    if not partial:
        return out
    if right is None:  # nothing more is known: what we have is all the key there is
        return None if "" in partial else out | {a.ljust(key, _END) for a in partial}
    out |= {(a + b)[:key] for a in partial for b in right}
    return out if len(out) <= MAX_STRINGS else None


def _few(strings: AbstractSet[str] | None) -> bool:
    """Whether an entry with these inner strings is worth gating (not always tried)."""
    return strings is not None and "" not in strings and len(strings) <= MAX_INNER


def _telling(strings: AbstractSet[str]) -> int:
    """How much the weakest of `strings` says: its characters other than spaces and padding."""
    return min(len(s.replace(" ", "").replace(_END, "")) for s in strings)


def _union(left: _Set, right: _Set) -> _Set:
    return None if left is None or right is None else left | right


@dataclass
class _Reader:
    source: str
    key: int
    anywhere: bool = False  # skip unknown items at the start of a top-level alternative
    pos: int = 0
    depth: int = 0

    def peek(self) -> str:
        return self.source[self.pos] if self.pos < len(self.source) else ""

    def take(self) -> str:
        char = self.source[self.pos]
        self.pos += 1
        return char

    def alternation(self) -> _Set:
        found = self.sequence()
        while self.peek() == "|":
            self.pos += 1
            found = _union(found, self.sequence())
        return found

    def sequence(self) -> _Set:
        if self.anywhere and self.depth == 0:
            return self._inner_sequence()
        found: _Set = {""}
        while self.peek() not in ("", "|", ")"):
            found = _join(found, self.item(), self.key)
        return found

    def _inner_sequence(self) -> _Set:
        """Strings of the best tail of a top-level sequence: a match of the
        whole contains a match of every tail, so any tail's strings must occur.
        Of the tails with few strings to look for (".{5,400}[ .,:(-] *(photo|image)":
        the class makes dozens), the one whose strings say most: a space is in
        every block, "501" in few (".{0,120}(is a|are a) 501"); then the fewest
        strings, then the first."""
        items: list[_Set] = []
        while self.peek() not in ("", "|", ")"):
            items.append(self.item())
        lead = next((k for k, item in enumerate(items) if item not in (None, {""})), len(items))
        tails = [self._tail(items[k:]) for k in range(lead, len(items))]
        few = [t for t in tails if t is not None and _few(t)]
        if not few:
            return tails[0] if tails else {""}
        return max(few, key=lambda t: (_telling(t), -len(t)))

    def _tail(self, items: list[_Set]) -> _Set:
        found: _Set = {""}
        for item in items:
            found = _join(found, item, self.key)
        return found

    def item(self) -> _Set:
        atom = self.atom()
        low, high = self.quantifier()
        if (low == 1 and high == 1) or atom is None:
            return atom
        repeated: _Set = {""} if low == 0 else atom
        for _ in range(1, max(low, 1)):
            repeated = _join(repeated, atom, self.key)
        extra = self.key if high < 0 else min(high - max(low, 1), self.key)
        if low == 0 and high != 0:
            extra += 1  # the first copy is optional too
        grown = repeated
        for _ in range(extra):  # optional further copies; a few suffice to fill the key
            grown = _union(_join(grown, atom, self.key), grown)
        return grown

    def quantifier(self) -> tuple[int, int]:
        char = self.peek()
        if char in ("?", "*", "+"):
            self.pos += 1
            bounds = {"?": (0, 1), "*": (0, -1), "+": (1, -1)}[char]
        elif char == "{" and self._counted():
            bounds = self._braces()
        else:
            return 1, 1
        if self.peek() in ("?", "+"):  # lazy or possessive: same strings
            self.pos += 1
        return bounds

    def _counted(self) -> bool:
        end = self.source.find("}", self.pos)
        body = self.source[self.pos + 1 : end] if end > 0 else ""
        return bool(body) and all(c.isdigit() or c == "," for c in body) and body[0] != ","

    def _braces(self) -> tuple[int, int]:
        end = self.source.index("}", self.pos)
        low, _, high = self.source[self.pos + 1 : end].partition(",")
        self.pos = end + 1
        if not _:
            return int(low), int(low)
        return int(low), int(high) if high else -1

    def atom(self) -> _Set:
        char = self.take()
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == "\\":
            return self.escape()
        if char in "^$":
            return {""}
        if char == ".":
            return None
        return {canonical(char.lower())}

    def group(self) -> _Set:
        if self.peek() == "?":
            self.pos += 1
            kind = self.take()
            if kind in "=!" or (kind == "<" and self.peek() in "=!"):
                self.pos += kind == "<"
                self.depth += 1
                self.alternation()
                self.depth -= 1
                self._close()
                return {""}  # lookaround: zero width
            if kind == "P" or (kind == "<" and self.peek().isalpha()):
                self.pos = self.source.index(">", self.pos) + 1
            elif kind not in ":>":
                self._flags(kind)
                if self.source[self.pos - 1] == ")":
                    return {""}  # a flags-only group such as (?i)
        self.depth += 1
        found = self.alternation()
        self.depth -= 1
        self._close()
        return found

    def _flags(self, first: str) -> None:
        char = first
        while char.isalpha() or char == "-":
            char = self.take()
        if char not in ":)":
            raise _Unknown

    def _close(self) -> None:
        if self.take() != ")":
            raise _Unknown

    def escape(self) -> _Set:
        char = self.take()
        if char in _ESCAPED_SETS:
            return set(_ESCAPED_SETS[char])
        if char in _ZERO_WIDTH:
            return {""}
        if char in _CONTROL:
            return {canonical(_CONTROL[char])}
        if char in "pPNxuU":  # properties, named and numbered characters
            self._skip_escape_argument(char)
            return None
        if char.isalnum():  # \w, \W, \S, \D, back-references
            return None
        return {char}

    def _skip_escape_argument(self, char: str) -> None:
        if self.peek() == "{":
            self.pos = self.source.index("}", self.pos) + 1
        elif char in "xuU":
            self.pos += {"x": 2, "u": 4, "U": 8}[char]
        elif char in "pP":
            self.pos += 1  # a one-letter property: \pL

    def char_class(self) -> _Set:
        negated = self.peek() == "^"
        self.pos += negated
        members: _Set = set()
        first = True
        while first or self.peek() != "]":
            first = False
            members = _union(members, self._class_member())
        self.pos += 1
        if negated or members is None or len(members) > _CLASS_MAX:
            return None
        return {canonical(m.lower()) for m in members}

    def _class_member(self) -> _Set:
        char = self.take()
        if char == "\\":
            return self.escape()
        if self.peek() == "-" and self.source[self.pos + 1 : self.pos + 2] not in ("]", ""):
            self.pos += 1
            end = self.take()
            if end == "\\" or ord(end) - ord(char) > _CLASS_MAX:
                return None
            return {chr(c) for c in range(ord(char), ord(end) + 1)}
        return {char}


_STARTING = r"(?<![^\W_])[^\W_]|[^\w]|_"
_START = regex.compile(_STARTING)
# The places `_START` finds are where a token begins, a token being a run of letters and digits or
# any other single character: each match captures the `KEY` characters from one place and moves past
# its token. (An overlapped search tried `_START`'s lookbehind at every character, twice as slow.)
_HEAD = regex.compile(f"(?s)(?=(.{{1,{KEY}}}))(?:[^\\W_]+|.)")
_IN_WORD = regex.compile(r"(?<=[^\W_])[^\W_]+")  # the rest of a word that `begin` falls inside


def starts(text: str, begin: int = 0) -> list[int]:
    """Where a gated match may start (from `begin` on): anywhere but inside a word."""
    return [m.start() for m in _START.finditer(text, begin)]


def _folded(text: str) -> str:
    return canonical(text.lower())


folded = memo_by_text(_folded, entries=4096)
"""`text` lower-cased and `canonical` (memoized: several gates read the same block)."""


def _heads_from(whole: str, begin: int) -> frozenset[str]:
    inside = _IN_WORD.match(whole, begin)  # no place inside a word: start after it
    return frozenset(_HEAD.findall(whole, inside.end() if inside else begin))


heads_from = memo_by_text(_heads_from, entries=4096)
"""The heads at every place `starts(whole, begin)` gives in a folded text (memoized: the cue gate
and the block-end edge gate read the same short blocks from their start)."""


def canonical(text: str) -> str:
    """`text` with every digit as "0" and every space as " ", as prefixes are kept."""
    if text.isascii():
        return text.translate(_CANONICAL)
    return _SPACE.sub(" ", _DIGIT.sub("0", text))


_DIGIT = regex.compile(r"\d")
_SPACE = regex.compile(r"\s")


# a gated entry may not start inside a word: what `starts` promises
_NOT_INSIDE_A_WORD = r"(?:(?<![^\W_])|(?![^\W_]))"


Tag = tuple[str, str]  # (kind, section) of the vocabulary an entry comes from


@dataclass(slots=True, eq=False)
class Entry:
    """One entry (or, for unknown starts, an alternation), compiled on first use."""

    tag: Tag
    source: str
    _compiled: regex.Pattern[str] | None = None
    # longer strings than the head that every match starts with ("the post", "these st"): a block
    # without any of them is not tried (empty: no such check). A 3-character head such as "the"
    # keys dozens of cue entries, and running one costs a scan of the block.
    sure: tuple[str, ...] = ()
    # strings of which every match holds one somewhere (a month's name after "published"): a block
    # holding none is not tried (empty: no such check). A head such as "000" or "pub" keys a dozen
    # date entries, which a block starting with a number or "Public" need not run.
    needs: tuple[str, ...] = ()

    def pattern(self, gate: Gate) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = _compile(gate.shape.replace("{alt}", self.source), gate.flags)
        return self._compiled


def _shortest(strings: frozenset[str]) -> list[str]:
    """`strings` without those holding another ("| " holds "|"): a block holding one holds the other."""
    return sorted(s for s in strings if not any(o != s and o in s for o in strings))


def _sure(source: str) -> tuple[str, ...]:
    """An entry's `Entry.sure` strings: a few, each longer than a head, or none."""
    longer = prefixes(source, SURE_KEY)
    if longer is None or len(longer) > SURE_MAX or any(len(s) <= KEY for s in longer):
        return ()
    return tuple(sorted(longer))


def _needs(source: str, keys: frozenset[str]) -> tuple[str, ...]:
    """An entry's `Entry.needs` strings: a few telling ones other than its starts, or none."""
    inner = inner_prefixes(source)
    if inner is None or not _few(inner) or _telling(inner) < 2 or inner == keys:
        return ()
    return tuple(_shortest(inner))


def _may_occur(sure: tuple[str, ...], whole: str) -> bool:
    """Whether the folded block holds one of an entry's `sure` strings."""
    for start in sure:  # noqa: SIM110 - a loop, not any(): no generator for every candidate
        if start in whole:
            return True
    return False


@lru_cache(maxsize=8192)  # as `_read`: an entry compiles once, whatever language sets hold it
def _compile(pattern: str, flags: int) -> regex.Pattern[str]:
    return regex.compile(pattern, flags)


@dataclass(slots=True)
class Gate:
    """Regex entries of one shape, indexed by the strings their matches start with.

    `shape` wraps an entry's source (``{alt}`` marks where it goes). Entries
    whose start is unknown are tried when the block holds text they must
    contain; the rest are joined, per tag, into always-tried patterns.
    Patterns compile when first tried, so unused languages and kinds cost
    nothing.
    """

    shape: str
    flags: int
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    inside: dict[str, list[Entry]] = field(default_factory=dict)  # by strings found anywhere in a block
    always: list[Entry] = field(default_factory=list)
    lengths: tuple[int, ...] = ()
    # a block's head (its `KEY` characters from a start) -> the entries under the head and its
    # prefixes: one lookup per head instead of one per length (bounded by `HEADS_KEPT`)
    by_head: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    keyed: set[str] = field(default_factory=set)  # the heads in `by_head` with entries
    # the keys of `inside` by their first character, then by their first two: a block lacking one
    # skips all the keys under it (the line gate has about a hundred keys, most starting with one of
    # a few punctuation marks, and a space, in every block, starts a score of them)
    inside_by_first: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[Tag, str]], shape: str, flags: int) -> Gate:
        gate = cls(shape, flags)
        unknown: dict[Tag, list[str]] = {}
        for tag, source in entries:
            keys = prefixes(source)
            if keys is None:
                inner = inner_prefixes(source)
                if inner is not None and len(inner) <= MAX_INNER:
                    entry = Entry(tag, f"(?:{source})")
                    for key in _shortest(inner):
                        gate.inside.setdefault(key, []).append(entry)
                    continue
                # too many longer starts ("[-=*|/.]{3,}" makes over a thousand): the first characters may be few
                keys = prefixes(source, 1)
                if keys is None:
                    unknown.setdefault(tag, []).append(source)
                    continue
            entry = Entry(tag, _NOT_INSIDE_A_WORD + f"(?:{source})", sure=_sure(source), needs=_needs(source, keys))
            for key in keys:
                gate.by_key.setdefault(key, []).append(entry)
        gate.always = [Entry(tag, "|".join(f"(?:{s})" for s in sources)) for tag, sources in unknown.items()]
        gate.lengths = tuple(sorted({len(k) for k in gate.by_key}, reverse=True))
        for key in gate.inside:
            gate.inside_by_first.setdefault(key[0], {}).setdefault(key[:2], []).append(key)
        return gate

    def compile_all(self) -> None:
        for entries in (*self.by_key.values(), *self.inside.values(), self.always):
            for entry in entries:
                entry.pattern(self)

    def candidates(self, text: str, positions: Iterable[int]) -> list[tuple[Tag, regex.Pattern[str]]]:
        """The tagged patterns that may match `text` starting at one of `positions`."""
        whole = folded(text)
        if len(whole) == len(text):
            heads = {whole[i : i + KEY] for i in positions}
        else:  # lower-casing changed the length (a dotted capital I): fold each head alone
            heads = {canonical(text[i : i + KEY].lower()) for i in positions}
        return self._patterns(whole, heads)

    def candidates_from(self, text: str, begin: int = 0) -> list[tuple[Tag, regex.Pattern[str]]]:
        """`candidates` at every place `starts(text, begin)` gives, read off the folded text in one pass."""
        whole = folded(text)
        if len(whole) != len(text):
            return self.candidates(text, starts(text, begin))
        # folding keeps each character's class (letter, digit, other), so the places are the same
        return self._patterns(whole, heads_from(whole, begin))

    def _patterns(self, whole: str, heads: set[str] | frozenset[str]) -> list[tuple[Tag, regex.Pattern[str]]]:
        # one look at the memo: another thread may swap in a fresh one meanwhile, never empty this one
        by_head, keyed = self.by_head, self.keyed
        for head in heads.difference(by_head):  # set operations in C: most heads are known, and key nothing
            under = tuple(e for n in self.lengths for e in self.by_key.get(head[:n], ()))
            by_head[head] = under
            if under:
                keyed.add(head)
        found: dict[Entry, None] = {}  # entries hash by identity; a dict keeps the order they were found in
        for head in heads.intersection(keyed):
            found.update(dict.fromkeys(by_head[head]))
        for first, by_pair in self.inside_by_first.items():
            if first in whole:
                for pair, keys in by_pair.items():
                    if pair in whole:
                        for key in keys:
                            if key in whole:
                                found.update(dict.fromkeys(self.inside[key]))
        if len(by_head) > HEADS_KEPT:
            self.by_head, self.keyed = {}, set()
        return [
            (e.tag, e.pattern(self))
            for e in (*found, *self.always)
            if (not e.sure or _may_occur(e.sure, whole)) and (not e.needs or _may_occur(e.needs, whole))
        ]
