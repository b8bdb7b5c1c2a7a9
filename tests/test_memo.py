"""memo_by_text: short texts are computed once, long texts every time (so the memo stays small)."""

from collections.abc import Callable

from cleaner import gate
from cleaner.memo import MEMO_MAX_CHARS, memo_by_text


def counting() -> tuple[list[str], Callable[[str], str]]:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    return calls, memo_by_text(upper, entries=2)


def test_short_text_is_computed_once() -> None:
    calls, upper = counting()
    assert [upper("menu"), upper("menu")] == ["MENU", "MENU"]
    assert calls == ["menu"]


def test_long_text_is_not_kept() -> None:
    calls, upper = counting()
    long = "x" * (MEMO_MAX_CHARS + 1)
    upper(long), upper(long)
    assert len(calls) == 2


def test_only_the_last_entries_are_kept() -> None:
    calls, upper = counting()
    for text in ["a", "b", "c", "a"]:
        upper(text)
    assert calls == ["a", "b", "c", "a"]  # "a" was evicted by "c"


def test_gate_folded_lowers_and_zeroes_digits_at_any_length() -> None:
    long = "Ünïcode 12 " * 200
    assert gate.folded(long) == gate.canonical(long.lower())
    assert gate.folded("Donate 2025") == "donate 0000"
