"""Filters by name: the built-ins, and plugins from the ``cleaner.filters`` entry points.

A plugin package declares, in its own ``pyproject.toml``::

    [project.entry-points."cleaner.filters"]
    my_filter = "my_package.filters:MyFilter"

and ``Pipeline.default().add("my_filter")`` finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TypeVar

from .errors import UnknownFilterError
from .filter import Filter

ENTRY_POINT_GROUP = "cleaner.filters"

Factory = Callable[[], Filter]
_BUILTIN: dict[str, Factory] = {}
F = TypeVar("F", bound=type[Filter])


def register(cls: F) -> F:
    """Class decorator: make a filter available by its `name`."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} needs a name to be registered")
    _BUILTIN[cls.name] = cls
    return cls


def _plugins() -> dict[str, Factory]:
    found: dict[str, Factory] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found[ep.name] = ep.load
    return found


def available() -> list[str]:
    """Names of every filter that `create` can build."""
    from . import filters  # noqa: F401  (registers the built-ins)

    return sorted({*_BUILTIN, *_plugins()})


def create(name: str) -> Filter:
    """Build the filter registered under `name`."""
    from . import filters  # noqa: F401

    if name in _BUILTIN:
        return _BUILTIN[name]()
    plugins = _plugins()
    if name not in plugins:
        raise UnknownFilterError(name, available())
    loaded: object = plugins[name]()
    made = loaded if isinstance(loaded, Filter) else loaded() if callable(loaded) else loaded
    if not isinstance(made, Filter):
        raise TypeError(f"entry point {name!r} gave {made!r}, not a cleaner Filter")
    return made


def is_aggressive(name: str) -> bool:
    """Whether the built-in filter `name` makes structural guesses a guard may undo."""
    from . import filters  # noqa: F401

    return bool(getattr(_BUILTIN.get(name), "aggressive", False))
