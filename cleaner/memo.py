"""Memoizing work that depends only on a short text.

A site's menus and footers repeat on every page, and the fixed-point pass sees
the kept blocks again: a memo makes each a lookup.  Long texts rarely repeat
and would make the memo large, so they are computed each time.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, TypeVar, cast

MEMO_MAX_CHARS = 1000  # texts up to this long are memoized...
MEMO_ENTRIES = 1 << 15  # ...this many per function (a few tens of MB at most)

F = TypeVar("F", bound=Callable[..., object])


def memo_by_text(func: F, entries: int = MEMO_ENTRIES) -> F:
    """Memoize `func(text, *hashable_args)` for texts up to `MEMO_MAX_CHARS` long (the last `entries`)."""
    cached: Any = lru_cache(maxsize=entries)(func)
    fn: Any = func
    # A wrapper naming its arguments, for a function of one to three plain ones (all of those memoized
    # here): forwarding ``*args`` costs more than the memo's own look-up, on a few thousand calls a page.
    arity = _plain_arity(func)
    if arity == 1:

        def call(text: str) -> object:
            return cached(text) if len(text) <= MEMO_MAX_CHARS else fn(text)

    elif arity == 2:

        def call(text: str, a: Hashable) -> object:  # type: ignore[misc]
            return cached(text, a) if len(text) <= MEMO_MAX_CHARS else fn(text, a)

    elif arity == 3:

        def call(text: str, a: Hashable, b: Hashable) -> object:  # type: ignore[misc]
            return cached(text, a, b) if len(text) <= MEMO_MAX_CHARS else fn(text, a, b)

    else:

        def call(text: str, *args: Hashable) -> object:  # type: ignore[misc]
            return (cached if len(text) <= MEMO_MAX_CHARS else fn)(text, *args)

    call.__doc__ = func.__doc__
    return cast(F, call)


def _plain_arity(func: Callable[..., object]) -> int:
    """How many positional parameters `func` takes, when they are all it takes and none has a default (else 0)."""
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return 0
    plain = all(p.kind is p.POSITIONAL_OR_KEYWORD and p.default is p.empty for p in params)
    return len(params) if plain else 0
