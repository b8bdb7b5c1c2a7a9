"""White-space normalization that never alters words.

CRLF and lone CR become LF; no-break and other Unicode spaces become a plain
space; zero-width characters, the BOM and control characters are removed; runs
of spaces collapse to one and every line is stripped.  Letters, digits and
punctuation pass through untouched.
"""

from __future__ import annotations

import regex

_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# zero-width and format characters, the BOM, and C0/C1 controls except \t and \n
_INVISIBLE = regex.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACES = regex.compile(r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_LINE_EDGES = regex.compile(r" *\n *")
_BLANK_RUNS = regex.compile(r"\n{3,}")


def normalize(text: str) -> str:
    """Return `text` with normalized white space (see the module docstring)."""
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip(" \n")
