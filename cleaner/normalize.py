r"""White-space normalization that never alters words.

CRLF and lone CR become LF; zero-width characters, the BOM and control
characters are removed; tabs and runs of white space (no-break and other
Unicode spaces included) collapse to one plain space; every line is stripped.
A single no-break space between two words is kept as it is: it is part of the
author's text (and of the gold files), and ``\s`` and ``str.split`` see it as
space anyway.  Letters, digits and punctuation pass through untouched.
"""

from __future__ import annotations

import re

import regex

# The patterns name their characters one by one (no \w, \s or properties), where the standard
# library's `re` matches exactly what `regex` does, and scans a page several times faster.
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# zero-width and format characters, the BOM, and C0/C1 controls except \t and \n
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_SPACE = r"[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# a run of spaces holding a tab, or of two or more, is one space: a run of two or more, or a lone tab
_SPACES = re.compile(rf"{_SPACE}{{2,}}|\t")
# the spaces around a newline go (a bare newline, most of them, is left as it is)
_LINE_EDGES = re.compile(rf"{_SPACE}+\n{_SPACE}*|\n{_SPACE}+")
_STRIP = " \n\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_BLANK_RUNS = regex.compile(r"\n{3,}")
# Most texts a later pass reads (the output of blocks already normalized) need none of the
# substitutions below, and two scans tell so faster than running them: one for a character some
# substitution changes wherever it stands (a tab, a line break but "\n", an invisible character),
# one for a space beside a space or a newline, or three newlines.
_CHANGED_ALONE = re.compile(rf"[\r\u2028\u2029\x0b\x0c\x85\t]|{_INVISIBLE.pattern}")
_CHANGED_PAIR = re.compile(rf"{_SPACE}[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\n]|\n(?:{_SPACE}|\n\n)")


def strip_invisible(text: str) -> str:
    """`text` without zero-width and format characters, the BOM and C0/C1 controls (but tab and newline)."""
    # all of them are unprintable: a printable text (most lines) has none, checked in C
    return text if text.isprintable() else _INVISIBLE.sub("", text)


def normalize(text: str) -> str:
    """Return `text` with normalized white space (see the module docstring)."""
    if _CHANGED_ALONE.search(text) is None and _CHANGED_PAIR.search(text) is None:
        return text.strip(_STRIP)  # no substitution would change it
    return substituted(text)


def substituted(text: str) -> str:
    """`normalize`, running every substitution."""
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _LINE_EDGES.sub("\n", text)
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip(_STRIP)
