"""User rules: a phrase, a regular expression or a callable, with a scope and an action.

A `Rule` finds spans in blocks; its `Scope` says on which pages (site,
language) and where (the first or last N blocks) it looks; its action says
what a hit does:

* ``drop``: drop the block;
* ``trim``: cut the matched span out of the block;
* ``drop_section``: drop the block and the run of short lines that follows;
* ``truncate_after``: drop the block and everything after it;
* ``keep``: protect the block from every later filter.

`RulesFilter` runs a list of rules as one pipeline step (first in the
pipeline, so that ``keep`` protects against all built-in filters). Every
decision is named ``rule:<id>`` and carries the rule's reason, so a rule's
removals are counted and explained like a built-in filter's. Regular
expressions run with a time budget per rule and page; a rule that exceeds
it is skipped for that page and a ``note`` decision says so.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

import regex

from .errors import RuleError
from .filter import Filter
from .model import Action, Block, Decision, Document
from .signals import shape
from .vocab import function_words, phrase_pattern

ACTIONS = ("drop", "trim", "drop_section", "truncate_after", "keep")
DEFAULT_TIMEOUT = 0.1  # seconds of regex matching per rule and page
RULE_PREFIX = "rule:"  # a rule's decisions are named rule:<id>
SECTION_MAX_BLOCKS = 30  # a drop_section claims at most this many blocks after its marker

BlockTest = Callable[[Block], "bool | str | None"]


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a rule applies: sites (domains or globs), languages, a zone of blocks."""

    sites: tuple[str, ...] = ()
    langs: tuple[str, ...] = ()
    zone: tuple[str, int] | None = None  # ("first" | "last", number of blocks)

    def applies(self, doc: Document) -> bool:
        if self.langs and doc.languages[-1] not in self.langs:
            return False
        return not self.sites or any(site_matches(s, doc.url) for s in self.sites)

    def blocks(self, doc: Document) -> list[Block]:
        if self.zone is None:
            return doc.blocks
        where, n = self.zone
        return doc.blocks[:n] if where == "first" else doc.blocks[max(0, len(doc.blocks) - n) :]


def site_matches(site: str, url: str | None) -> bool:
    """``example.org`` matches that host and its subdomains; a glob may add a path.

    >>> site_matches("example.org", "https://www.example.org/news/1")
    True
    >>> site_matches("example.org/news/*", "https://example.org/about")
    False
    """
    if not url:
        return False
    parts = urlsplit(url if "//" in url else "//" + url)
    host = (parts.hostname or "").lower()
    site = site.lower()
    if "/" in site:
        path = parts.path or "/"
        return fnmatchcase(host + path, site) or fnmatchcase(host.removeprefix("www.") + path, site)
    if any(c in site for c in "*?["):
        return fnmatchcase(host, site)
    return host == site or host.endswith("." + site)


def parse_zone(value: str) -> tuple[str, int]:
    """``"first:5"`` or ``"last:10"`` as a zone; ValueError otherwise."""
    where, _, count = value.partition(":")
    if where not in ("first", "last") or not count.isdigit() or int(count) < 1:
        raise ValueError(f"zone must be 'first:N' or 'last:N' with N >= 1, not {value!r}")
    return where, int(count)


@dataclass(slots=True)
class Rule:
    """One user rule. Give exactly one of `phrases`, `pattern` or `test`.

    >>> import cleaner
    >>> rule = Rule("promo", phrases=("Shop our store",), action="drop")
    >>> result = cleaner.clean_and_explain("News.\\nShop our store!\\nMore news.", rules=[rule])
    >>> [d.reason for d in result.decisions if d.filter == "rule:promo"]
    ["rule 'promo': matched 'Shop our store'"]
    """

    id: str
    phrases: tuple[str, ...] = ()
    pattern: str | None = None
    test: BlockTest | None = None
    action: str = "drop"
    scope: Scope = field(default_factory=Scope)
    reason: str = ""
    whole_line: bool = False  # the match must be the whole block (bar punctuation)
    timeout: float = DEFAULT_TIMEOUT
    source: str = "<python>"  # file:line, for errors and explanations
    compiled: regex.Pattern[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if isinstance(self.phrases, str):
            self.phrases = (self.phrases,)
        given = sum((bool(self.phrases), self.pattern is not None, self.test is not None))
        if given != 1:
            raise self.error("give exactly one of a phrase list, a regex or a callable")
        if any(not regex.search(r"\w", p) for p in self.phrases):
            raise self.error("every phrase needs at least one word", "phrase")
        if self.action not in ACTIONS:
            raise self.error(f"unknown action {self.action!r}; use one of {', '.join(ACTIONS)}", "action")
        if self.timeout <= 0:
            raise self.error("timeout must be a positive number of seconds", "timeout")
        if self.phrases:  # case-folded and word-bounded
            source = "|".join(phrase_pattern(p) for p in self.phrases)
            self.compiled = regex.compile(source, regex.IGNORECASE | regex.FULLCASE)
        elif self.pattern is not None:  # as written: (?i) makes it case-insensitive
            try:
                self.compiled = regex.compile(self.pattern)
            except regex.error as exc:
                raise self.error(f"bad regular expression {self.pattern!r}: {exc}", "regex") from None

    def error(self, message: str, key: str | None = None) -> RuleError:
        """A `RuleError` at the rule's source; `key` names the setting at fault (its rule-file key)."""
        path, _, line = self.source.rpartition(":")
        if not line.isdigit():
            return RuleError(self.source, None, self.id, message, key)
        return RuleError(path, int(line), self.id, message, key)

    def hits(self, block: Block, deadline: float) -> Iterator[tuple[int, int, str]]:
        """``(start, end, reason)`` for each hit in the block; TimeoutError past `deadline`."""
        if self.test is not None:
            verdict = self.test(block)
            if verdict:
                yield 0, len(block.text), verdict if isinstance(verdict, str) else self.describe("")
            return
        assert self.compiled is not None
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            raise TimeoutError
        for hit in self.compiled.finditer(block.text, timeout=remaining):
            if hit.end() > hit.start() and (not self.whole_line or _is_whole(block.text, hit)):
                yield hit.start(), hit.end(), self.describe(hit.group())

    def describe(self, matched: str) -> str:
        what = self.reason or (f"matched {matched!r}" if matched else "callable said so")
        return f"rule {self.id!r}: {what}"


def _is_whole(text: str, hit: regex.Match[str]) -> bool:
    """Only punctuation and spaces lie outside the hit."""
    outside = text[: hit.start()] + text[hit.end() :]
    return not any(c.isalnum() for c in outside)


class RulesFilter(Filter):
    """Applies user rules (keep rules first, then the rest in order)."""

    name = "rules"

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = sorted(rules, key=lambda r: r.action != "keep")  # stable: file order otherwise

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for rule in self.rules:
            if rule.scope.applies(doc):
                yield from self._apply(rule, doc)

    def _apply(self, rule: Rule, doc: Document) -> Iterator[Decision]:
        label = RULE_PREFIX + rule.id
        # one budget per rule and page, shared by the fixed-point passes
        page = doc.cache.setdefault("page", {})
        assert isinstance(page, dict)
        spent: dict[str, float] = page.setdefault("rule_seconds", {})
        begun = time.perf_counter()
        deadline = begun + rule.timeout - spent.get(rule.id, 0.0)
        try:
            for block in rule.scope.blocks(doc):
                if not doc.alive(block.index):
                    continue
                hits = list(rule.hits(block, deadline))
                if not hits:
                    continue
                yield from _act(rule, label, doc, block, hits)
                if rule.action == "truncate_after":
                    return
        except TimeoutError:
            why = f"rule {rule.id!r} skipped on this page: its regex ran past {rule.timeout:g} s"
            yield Decision(-1, Action.NOTE, label, why)
        finally:
            spent[rule.id] = spent.get(rule.id, 0.0) + time.perf_counter() - begun


def _act(rule: Rule, label: str, doc: Document, block: Block, hits: list[tuple[int, int, str]]) -> Iterator[Decision]:
    reason = hits[0][2]
    if rule.action == "keep":
        yield Decision(block.index, Action.KEEP, label, reason, None, block.text)
    elif rule.action == "trim":
        for start, end, why in hits:
            yield Decision(block.index, Action.TRIM, label, why, (start, end), block.text[start:end])
    else:
        for other in _claimed(rule.action, doc, block):
            yield Decision(other.index, Action.DROP, label, reason, None, other.text)


def _claimed(action: str, doc: Document, marker: Block) -> list[Block]:
    """The blocks an action removes, starting with the marker's."""
    if action == "drop":
        return [marker]
    after = doc.blocks[marker.index + 1 :]
    if action == "truncate_after":
        return [marker, *after]
    stops = function_words(doc.languages)
    run = [marker]
    for block in after[:SECTION_MAX_BLOCKS]:
        if shape(block.text, stops).prose:
            break
        run.append(block)
    return run
