"""The class, id and role words of ``data/dom_tokens.txt`` that name page chrome, by family."""

from __future__ import annotations

from functools import cache
from importlib import resources

FAMILY = "# family: "  # a family runs from its "# family: <name> — <why>" line to the next one


@cache
def dom_words() -> tuple[tuple[str, str], ...]:
    """Every word of the file in order, with the name of its family ("" before the first)."""
    path = resources.files("cleaner") / "data" / "dom_tokens.txt"
    found: list[tuple[str, str]] = []
    family = ""
    for line in (raw.strip() for raw in path.read_text(encoding="utf-8").splitlines()):
        if line.startswith(FAMILY):
            family = line[len(FAMILY) :].split(" — ")[0].strip()
        elif line and not line.startswith("#"):
            found.append((family, line))
    return tuple(found)


@cache  # asked for each inline element with a class
def family_words(family: str) -> frozenset[str]:
    """The words of one family ("screen-reader-only text")."""
    return frozenset(word for name, word in dom_words() if name == family)
