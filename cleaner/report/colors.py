"""One colour per filter, with contrast checked (WCAG 2 relative luminance).

Each filter gets a hue (built-in filters by their place in the default order,
spread by the golden angle; others by a stable hash of the name).  The block
background is a pale tint under near-black text; the filter's label is white
on a dark shade of the same hue.  Both pairs stay above 4.5:1.
"""

from __future__ import annotations

import colorsys
import zlib

from ..pipeline import DEFAULT_FILTERS

INK = "#1a1a1a"  # body text
WHITE = "#ffffff"
GOLDEN_ANGLE = 137.508


def hue(name: str) -> float:
    """A stable hue in [0, 360) for a filter name."""
    if name in DEFAULT_FILTERS:
        return (DEFAULT_FILTERS.index(name) * GOLDEN_ANGLE) % 360
    return float(zlib.crc32(name.encode("utf-8")) % 360)


def hsl_hex(h: float, s: float, lightness: float) -> str:
    """``#rrggbb`` for a hue in degrees and saturation, lightness in [0, 1]."""
    r, g, b = colorsys.hls_to_rgb(h / 360, lightness, s)
    return "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (r, g, b)))


def tint(name: str) -> str:
    """The background of a block removed by `name` (under `INK`)."""
    return hsl_hex(hue(name), 0.75, 0.9)


def shade(name: str) -> str:
    """The background of the filter's label (under white text) and its border."""
    return hsl_hex(hue(name), 0.6, 0.25)


def luminance(color: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
