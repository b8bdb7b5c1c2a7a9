"""Typed errors, raised only where the caller is at fault (never for page content)."""

from __future__ import annotations


class CleanerError(Exception):
    """Base class of every error this library raises on purpose."""


class UnknownFilterError(CleanerError, KeyError):
    """A pipeline named a filter that is neither built in nor installed."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known

    def __str__(self) -> str:
        return f"unknown filter {self.name!r}; known filters: {', '.join(self.known)}"


class VocabularyError(CleanerError, ValueError):
    """A phrase list file is malformed; names the file, line and entry."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line


class InputTooLarge(CleanerError, ValueError):
    """The page is larger than the configured ``max_bytes``."""


class RuleError(CleanerError, ValueError):
    """A user rule is invalid; names the file, the line and the rule id.

    >>> str(RuleError("rules.toml", 12, "promo", "unknown action 'hide'"))
    "rules.toml:12: rule 'promo': unknown action 'hide'"
    """

    def __init__(self, path: str, line: int | None, rule_id: str | None, message: str, key: str | None = None) -> None:
        where = f"{path}:{line}" if line else path
        who = f" rule {rule_id!r}:" if rule_id else ""
        super().__init__(f"{where}:{who} {message}")
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.message = message
        self.key = key  # the rule setting at fault, when one is (a rule file points at its line)
