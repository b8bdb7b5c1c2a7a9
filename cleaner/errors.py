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
