"""An ordered, editable list of named filters, and the run of a page through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .filter import Filter
from .model import Action, Decision, Document, OutOfTime
from .registry import create

# The default order: trim fused chrome first, then phrase filters by kind,
# then repetition, then the structural passes that use what is left.
DEFAULT_FILTERS: tuple[str, ...] = (
    "dom_structure",
    "edges",
    "title_repeat",
    "accessibility",
    "consent",
    "donation",
    "captions",
    "take_action",
    "newsletter",
    "share_tags",
    "related",
    "comments",
    "footer",
    "bylines",
    "read_more",
    "navigation",
    "artifacts",
    "ads",
    "pull_quotes",
    "main_body",
    "repeats",
    "context",
    "guard",
)

if TYPE_CHECKING:
    import os
    from typing import TypeAlias

    from .rulefile import RuleSet
    from .rules import Rule

    RulesLike: TypeAlias = str | os.PathLike[str] | RuleSet | Sequence[Rule]

FilterLike = str | Filter


def _build(item: FilterLike) -> Filter:
    return create(item) if isinstance(item, str) else item


class Pipeline:
    """Filters in order; edit with `add`, `remove` and `replace`.

    >>> p = Pipeline.default()
    >>> names = p.remove("pull_quotes").add("pull_quotes", before="main_body").names
    >>> names[names.index("main_body") - 1]
    'pull_quotes'
    """

    def __init__(self, filters: Iterable[FilterLike] = ()) -> None:
        self.filters: list[Filter] = [_build(f) for f in filters]

    @classmethod
    def default(cls) -> Pipeline:
        return cls(DEFAULT_FILTERS)

    @property
    def names(self) -> list[str]:
        return [f.label() for f in self.filters]

    def _position(self, name: str) -> int:
        try:
            return self.names.index(name)
        except ValueError:
            raise KeyError(f"no filter {name!r} in this pipeline: {', '.join(self.names)}") from None

    def add(self, item: FilterLike, *, before: str | None = None, after: str | None = None) -> Pipeline:
        """Insert a filter (by name or instance); at the end unless placed."""
        if before is not None and after is not None:
            raise ValueError("give before= or after=, not both")
        built = _build(item)
        if before is not None:
            self.filters.insert(self._position(before), built)
        elif after is not None:
            self.filters.insert(self._position(after) + 1, built)
        else:
            self.filters.append(built)
        return self

    def remove(self, name: str) -> Pipeline:
        del self.filters[self._position(name)]
        return self

    def replace(self, name: str, item: FilterLike) -> Pipeline:
        self.filters[self._position(name)] = _build(item)
        return self

    @classmethod
    def from_rules(cls, rules: RulesLike) -> Pipeline:
        """The default pipeline with a rule file (or `Rule` objects) merged over it."""
        return cls.default().with_rules(rules)

    def with_rules(self, rules: RulesLike) -> Pipeline:
        """A copy with the rules' pipeline edits made and a `rules` step first."""
        from .rulefile import apply_edits, resolve

        return apply_edits(self, resolve(rules))

    def copy(self) -> Pipeline:
        clone = Pipeline()
        clone.filters = list(self.filters)
        return clone

    def run(self, doc: Document) -> Document:
        """Apply every filter in order; decisions land on `doc`.

        Past the document's deadline, the filter at work stops (its decisions
        so far stand), the rest are skipped, and a note says so.
        """
        for f in self.filters:
            try:
                for decision in doc.timed(f(doc)):
                    doc.apply(decision)
            except OutOfTime:
                why = f"time budget spent: {f.label()} and the filters after it did not finish on this page"
                doc.apply(Decision(-1, Action.NOTE, f.label(), why))
                doc.timed_out = True
                break
        return doc

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    def __len__(self) -> int:
        return len(self.filters)

    def __repr__(self) -> str:
        return f"Pipeline({self.names!r})"


def as_pipeline(value: Pipeline | Sequence[FilterLike] | None) -> Pipeline:
    if value is None:
        return Pipeline.default()
    if isinstance(value, Pipeline):
        return value
    return Pipeline(value)
