"""Bytes to text: BOM, then a declared charset, then UTF-8, then a best guess.

Undecodable bytes never raise: the last resort decodes with replacement.
"""

from __future__ import annotations

import codecs

import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = regex.compile(rb"""(?i)(?:charset|encoding)\s*=\s*["']?\s*([a-z0-9_.:-]{2,40})""")


def _declared(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) * 0.35 and even < len(sample) * 0.05:
        return "utf-16-le"
    if even > len(sample) * 0.35 and odd < len(sample) * 0.05:
        return "utf-16-be"
    return None


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of `data` names, if there is one."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def decode(data: bytes) -> str:
    """Decode page bytes to text, never raising on bad bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    wide = _utf16_without_bom(data)
    if wide:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    # UTF-8 with a few damaged bytes reads better as UTF-8 than as cp1252:
    # it shows many valid multi-byte characters for each bad byte
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad  # valid non-ASCII characters
    if good >= 4 * bad:
        return text
    return data.decode("cp1252", errors="replace")
