"""Memoizing work that depends only on a short text.

A site's menus and footers repeat on every page, and the fixed-point pass sees
the kept blocks again: a memo makes each a lookup.  Long texts rarely repeat
and would make the memo large, so they are computed each time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import TypeVar, cast

MEMO_MAX_CHARS = 1000  # texts up to this long are memoized...
MEMO_ENTRIES = 1 << 15  # ...this many per function (a few tens of MB at most)

F = TypeVar("F", bound=Callable[..., object])


def memo_by_text(func: F, entries: int = MEMO_ENTRIES) -> F:
    """Memoize `func(text, *hashable_args)` for texts up to `MEMO_MAX_CHARS` long (the last `entries`)."""
    cached = lru_cache(maxsize=entries)(func)

    def call(text: str, *args: Hashable) -> object:
        return (cached if len(text) <= MEMO_MAX_CHARS else func)(text, *args)

    call.__doc__ = func.__doc__
    return cast(F, call)
