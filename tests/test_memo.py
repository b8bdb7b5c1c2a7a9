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


def test_functions_of_more_arguments_are_memoized_by_all_of_them() -> None:
    calls: list[tuple[str, ...]] = []

    def joined(text: str, sep: str, end: str) -> str:
        calls.append((text, sep, end))
        return sep.join(text) + end

    def padded(text: str, width: int = 6) -> str:  # a default: the wrapper forwards what it is given
        calls.append((text, str(width)))
        return text.ljust(width)

    join, pad = memo_by_text(joined), memo_by_text(padded)
    assert [join("ab", "-", "."), join("ab", "-", "."), join("ab", "+", ".")] == ["a-b.", "a-b.", "a+b."]
    assert [pad("ab"), pad("ab"), pad("ab", 3)] == ["ab    ", "ab    ", "ab "]
    long = "x" * (MEMO_MAX_CHARS + 1)
    join(long, "", ""), join(long, "", "")
    assert calls == [("ab", "-", "."), ("ab", "+", "."), ("ab", "6"), ("ab", "3"), (long, "", ""), (long, "", "")]
