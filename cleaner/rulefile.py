"""Rule files: TOML that adds rules, site sections and pipeline edits to the defaults.

A rule file is data only: it names phrases, regular expressions, built-in or
installed filters (through the ``cleaner.filters`` entry points), never code.
Every mistake raises `RuleError` with ``file:line`` and the rule id. The
format is documented in ``docs/rules.md``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from .api import MODES
from .errors import CleanerError, RuleError, UnknownFilterError
from .pipeline import Pipeline
from .rules import DEFAULT_TIMEOUT, Rule, Scope, parse_zone
from .vocab import LANGUAGES

RULE_KEYS = frozenset({"id", "phrase", "regex", "action", "reason", "site", "lang", "zone", "whole_line", "timeout"})
TOP_KEYS = frozenset({"version", "pipeline", "rules", "sites", "tests"})
PIPELINE_KEYS = frozenset({"remove", "add"})
TEST_KEYS = frozenset({"name", "input", "url", "lang", "mode", "expect", "removed", "kept"})

_TOML_POSITION = regex.compile(r"\(at line (\d+), column \d+\)")
_SITE = r"""sites\s*\.\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*\.\s*"""
_HEADER = regex.compile(rf"^\s*\[\[\s*(?:{_SITE})?(rules|tests)\s*\]\]")


@dataclass(frozen=True, slots=True)
class FilterEdit:
    """``[pipeline] add`` entry: a filter name and where it goes."""

    name: str
    before: str | None = None
    after: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class RuleTest:
    """An inline example: cleaning `input` must give `expect` / drop `removed` / keep `kept`."""

    name: str
    input: str
    url: str | None = None
    lang: str | None = None
    mode: str = "auto"
    expect: str | None = None
    removed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything one rule file says."""

    path: str
    rules: tuple[Rule, ...] = ()
    remove: tuple[str, ...] = ()
    add: tuple[FilterEdit, ...] = ()
    tests: tuple[RuleTest, ...] = ()
    remove_line: int | None = None


class _Locator:
    """Finds the line of a rule (by its id, else by its table header) and of a key in it."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers: dict[tuple[str | None, str], list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            m = _HEADER.match(line)
            if m:
                site = m.group(1) or m.group(2) or m.group(3)
                self.headers.setdefault((site, m.group(4)), []).append(number)

    def table(self, site: str | None, table: str, position: int, rule_id: object) -> int | None:
        """The line of a rule's id (else of its ``[[...]]`` header)."""
        found = self.headers.get((site, table), [])
        header = found[position] if position < len(found) else None
        if header is not None:
            return self.key(header, "id")
        if isinstance(rule_id, str):  # an inline table: find its id
            wanted = regex.compile(r"""^.*\bid\s*=\s*["']""" + regex.escape(rule_id) + r"""["']""")
            return next((n for n, line in enumerate(self.lines, start=1) if wanted.match(line)), None)
        return None

    def key(self, start: int | None, key: str) -> int | None:
        if start is None:
            return None
        wanted = regex.compile(rf"^\s*{regex.escape(key)}\s*=")
        for number in range(start, len(self.lines) + 1):
            line = self.lines[number - 1]
            if number > start and _HEADER.match(line):
                break
            if wanted.match(line):
                return number
        return start


def resolve(rules: str | os.PathLike[str] | RuleSet | Sequence[Rule]) -> RuleSet:
    """A rule file's path, a loaded `RuleSet`, or `Rule` objects, as a `RuleSet`."""
    if isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, (str, os.PathLike)):
        return load(rules)
    if not all(isinstance(r, Rule) for r in rules):
        raise TypeError("rules must be a rule file path, a RuleSet or a list of Rule objects")
    return RuleSet("<python>", tuple(rules))


def apply_edits(pipeline: Pipeline, ruleset: RuleSet) -> Pipeline:
    """A copy of `pipeline` with the file's removals and additions, and its rules first."""
    from .rules import RulesFilter

    clone = pipeline.copy()
    for name in ruleset.remove:
        if name not in clone.names:
            raise RuleError(ruleset.path, ruleset.remove_line, None, f"cannot remove {name!r}: not in the pipeline")
        clone.remove(name)
    for edit in ruleset.add:
        anchor = edit.before or edit.after
        if anchor is not None and anchor not in clone.names:
            raise RuleError(ruleset.path, edit.line, None, f"cannot place {edit.name!r}: no filter {anchor!r}")
        try:
            clone.add(edit.name, before=edit.before, after=edit.after)
        except (UnknownFilterError, ValueError) as exc:
            raise RuleError(ruleset.path, edit.line, None, str(exc)) from None
    if ruleset.rules:
        clone.filters.insert(0, RulesFilter(ruleset.rules))
    return clone


def load(path: str | os.PathLike[str]) -> RuleSet:
    """Read and validate a rule file (cached until the file changes)."""
    p = Path(path)
    try:
        stat = p.stat()
    except OSError as exc:
        raise RuleError(str(path), None, None, f"cannot read rule file: {exc.strerror}") from None
    return _load(str(p), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _load(path: str, mtime: int, size: int) -> RuleSet:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, None, f"cannot read rule file: {exc}") from None
    return parse(text, path)


def parse(text: str, path: str = "<rules>") -> RuleSet:
    """Validate the TOML text of a rule file."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_POSITION.search(str(exc))
        raise RuleError(path, int(m.group(1)) if m else None, None, f"not valid TOML: {exc}") from None
    where = _Locator(text)
    _no_unknown(data, TOP_KEYS, path, None, None, "top-level key")
    rules = [*_rules(data.get("rules", []), None, path, where), *_site_rules(data.get("sites", {}), path, where)]
    _unique(rules, path)
    remove, add, remove_line = _pipeline(data.get("pipeline", {}), path, where)
    tests = tuple(_tests(data.get("tests", []), path, where))
    return RuleSet(path, tuple(rules), remove, add, tests, remove_line)


def _no_unknown(
    table: dict[str, Any], known: frozenset[str], path: str, line: int | None, rid: str | None, what: str
) -> None:
    for key in table:
        if key not in known:
            raise RuleError(path, line, rid, f"unknown {what} {key!r}; known: {', '.join(sorted(known))}")


def _site_rules(sites: object, path: str, where: _Locator) -> Iterator[Rule]:
    if not isinstance(sites, dict):
        raise RuleError(path, None, None, "[sites] must be a table of site sections")
    for site, section in sites.items():
        if not isinstance(section, dict) or set(section) - {"rules"}:
            hint = ' (quote site names that contain dots: [sites."example.org"])'
            raise RuleError(path, None, None, f"[sites.{site}] may hold only [[rules]]{hint}")
        yield from _rules(section.get("rules", []), site, path, where)


def _rules(entries: object, site: str | None, path: str, where: _Locator) -> Iterator[Rule]:
    if not isinstance(entries, list):
        raise RuleError(path, None, None, "rules must be an array of tables: [[rules]]")
    for position, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise RuleError(path, None, None, "each rule must be a table")
        line = where.table(site, "rules", position, entry.get("id"))
        yield _rule(entry, site, path, line, where)


def _rule(entry: dict[str, Any], site: str | None, path: str, line: int | None, where: _Locator) -> Rule:
    rid = entry.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise RuleError(path, line, None, "every rule needs an id (a non-empty string)")
    _no_unknown(entry, RULE_KEYS, path, line, rid, "rule key")

    def fail(key: str, message: str) -> RuleError:
        return RuleError(path, where.key(line, key), rid, message)

    sites = _strings(entry, "site", fail)
    if site is not None:
        sites = (site, *sites)
    zone = None
    if "zone" in entry:
        try:
            zone = parse_zone(str(entry["zone"]))
        except ValueError as exc:
            raise fail("zone", str(exc)) from None
    for site_name in sites:
        if "://" in site_name or not site_name.strip() or " " in site_name:
            raise fail("site", f"site {site_name!r} must be a domain or a glob such as '*.example.org/news/*'")
    phrases = _strings(entry, "phrase", fail)
    pattern = entry.get("regex")
    if pattern is not None and not isinstance(pattern, str):
        raise fail("regex", "regex must be a string")
    action = entry.get("action", "drop")
    timeout = entry.get("timeout", DEFAULT_TIMEOUT)
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool):
        raise fail("timeout", "timeout must be a positive number of seconds")
    whole_line = entry.get("whole_line", False)
    if not isinstance(whole_line, bool):
        raise fail("whole_line", "whole_line must be true or false")
    langs = _strings(entry, "lang", fail)
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown:  # a page's languages are among these, so such a rule would never apply
        raise fail("lang", f"unknown language {unknown[0]!r}; use one of {', '.join(LANGUAGES)}")
    scope = Scope(sites, langs, zone)
    reason = str(entry.get("reason", ""))
    try:  # the values themselves are the rule's to check; the file points at the key's line
        return Rule(rid, phrases, pattern, None, action, scope, reason, whole_line, float(timeout), f"{path}:{line}")
    except RuleError as exc:
        raise (fail(exc.key, exc.message) if exc.key else exc) from None


def _strings(entry: dict[str, Any], key: str, fail: Any) -> tuple[str, ...]:
    value = entry.get(key, ())
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise fail(key, f"{key} must be a string or a list of strings")
    return tuple(value)


def _unique(rules: list[Rule], path: str) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise rule.error(f"duplicate id (first at {seen[rule.id]})")
        seen[rule.id] = rule.source


def _pipeline(table: object, path: str, where: _Locator) -> tuple[tuple[str, ...], tuple[FilterEdit, ...], int | None]:
    if not isinstance(table, dict):
        raise RuleError(path, None, None, "[pipeline] must be a table")
    line = next((n for n, text in enumerate(where.lines, 1) if text.strip() == "[pipeline]"), None)
    _no_unknown(table, PIPELINE_KEYS, path, line, None, "[pipeline] key")
    remove = table.get("remove", [])
    if not isinstance(remove, list) or not all(isinstance(r, str) for r in remove):
        raise RuleError(path, where.key(line, "remove"), None, "remove must be a list of filter names")
    add = table.get("add", [])
    if not isinstance(add, list):
        raise RuleError(path, where.key(line, "add"), None, 'add must be a list of filter names or {filter = "..."}')
    adds = []
    for item in add:
        spec = {"filter": item} if isinstance(item, str) else item
        valid = isinstance(spec, dict) and isinstance(spec.get("filter"), str)
        if not valid or set(spec) - {"filter", "before", "after"}:
            message = 'add entries are filter names or {filter = "...", before = "..."}'
            raise RuleError(path, where.key(line, "add"), None, message)
        adds.append(FilterEdit(spec["filter"], spec.get("before"), spec.get("after"), where.key(line, "add")))
    return tuple(remove), tuple(adds), where.key(line, "remove")


def _tests(entries: object, path: str, where: _Locator) -> Iterator[RuleTest]:
    if not isinstance(entries, list):
        raise RuleError(path, None, None, "tests must be an array of tables: [[tests]]")
    for position, entry in enumerate(entries):
        line = where.table(None, "tests", position, None)
        if not isinstance(entry, dict) or not isinstance(entry.get("input"), str):
            raise RuleError(path, line, None, "each [[tests]] entry needs an input string")
        _no_unknown(entry, TEST_KEYS, path, line, None, "test key")
        name = str(entry.get("name", f"test {position + 1}"))

        def fail(key: str, message: str, line: int | None = line, name: str = name) -> RuleError:
            return RuleError(path, where.key(line, key), None, f"{name}: {message}")

        for key in ("url", "lang", "expect"):
            if not isinstance(entry.get(key, ""), str):
                raise fail(key, f"{key} must be a string")
        if entry.get("mode", "auto") not in MODES:
            raise fail("mode", f"mode must be one of {', '.join(MODES)}")

        yield RuleTest(
            name,
            entry["input"],
            entry.get("url"),
            entry.get("lang"),
            str(entry.get("mode", "auto")),
            entry.get("expect"),
            _strings(entry, "removed", fail),
            _strings(entry, "kept", fail),
            line,
        )


@dataclass(frozen=True, slots=True)
class Outcome:
    """One inline test's result."""

    test: RuleTest
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def check(path: str | os.PathLike[str]) -> list[Outcome]:
    """Run a rule file's ``[[tests]]`` with its rules over the default pipeline."""
    from .api import clean

    rules = load(path)
    outcomes = []
    for test in rules.tests:
        try:
            got = clean(test.input, rules=rules, url=test.url, lang=test.lang, mode=test.mode)
        except CleanerError as exc:
            outcomes.append(Outcome(test, (str(exc),)))
            continue
        outcomes.append(Outcome(test, tuple(_problems(test, got))))
    return outcomes


def _problems(test: RuleTest, got: str) -> Iterator[str]:
    if test.expect is not None and got.strip() != test.expect.strip():
        yield f"expected:\n{test.expect.strip()}\ngot:\n{got.strip()}"
    for text in test.removed:
        if text in got:
            yield f"should be removed but is kept: {text!r}"
    for text in test.kept:
        if text not in got:
            yield f"should be kept but is removed: {text!r}"
