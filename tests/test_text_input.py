"""Decoding, white-space normalization and segmentation of plain text."""

from __future__ import annotations

from itertools import product

from hypothesis import given
from hypothesis import strategies as st

from cleaner.decode import decode
from cleaner.normalize import normalize, substituted
from cleaner.segment import segment


def test_normalize_white_space_without_touching_words() -> None:
    raw = "Caf\u00e9\u00a0au\u200blait\r\nsecond \u00a0line\t here\r\rthird\u00a0"
    assert normalize(raw) == "Caf\u00e9\u00a0aulait\nsecond line here\n\nthird"


def test_normalize_collapses_blank_runs_and_strips_lines() -> None:
    assert normalize("  a \n\n\n\n  b  \n") == "a\n\nb"


# every character a substitution reads, with a letter and a space around them
_SPECIAL = "a \n\t\r\u00a0\u2003\u3000\u2028\u2029\x0b\x0c\x85\u200b\u00ad\x01\x7f\x90\ufeff"


def test_normalize_skips_the_substitutions_only_when_they_change_nothing() -> None:
    # any three of them in a row, between words: the quick check and the substitutions agree
    for chars in product(_SPECIAL, repeat=3):
        text = "x" + "".join(chars) + "y"
        assert normalize(text) == substituted(text), repr(text)
    assert normalize("Already\n\nnormal text\nhere\n") == "Already\n\nnormal text\nhere"


@given(st.text(alphabet=_SPECIAL + "bc", max_size=30))
def test_normalize_equals_the_substitutions(text: str) -> None:
    assert normalize(text) == substituted(text)


def test_segment_keeps_order_offsets_and_paragraph_starts() -> None:
    text = "Title\n\nline one\nline two\n\nlast"
    blocks = segment(text)
    assert [b.text for b in blocks] == ["Title", "line one", "line two", "last"]
    assert [b.hints.para_start for b in blocks] == [True, True, False, True]
    assert all(text[b.start : b.end] == b.text for b in blocks)


def test_decode_prefers_bom_then_utf8_then_declared_then_cp1252() -> None:
    assert decode("\u00e9t\u00e9".encode("utf-8-sig")) == "\u00e9t\u00e9"
    assert decode("\u00e9t\u00e9".encode("utf-16-le")) == "\u00e9t\u00e9"
    assert decode('<meta charset="iso-8859-2">\u0141\u00f3d\u017a'.encode("iso-8859-2")).endswith("\u0141\u00f3d\u017a")
    assert (
        decode("na\u00efve caf\u00e9 \u2013 r\u00e9sum\u00e9".encode("cp1252"))
        == "na\u00efve caf\u00e9 \u2013 r\u00e9sum\u00e9"
    )
    assert isinstance(decode(bytes(range(256))), str)
