"""The writer's accent colour: a hex colour that text links can wear on the theme's paper.

The theme draws links and buttons in the accent on its light paper (``--travelog-paper`` in
docs/assets/travelog/travelog.css) and a lightened accent on its dark paper, so the accent
must reach WCAG AA's 4.5:1 against the light paper.
"""

from __future__ import annotations

import re

from travelog.errors import TravelogError

DEFAULT_ACCENT = "#a23d17"
PAPER = "#fbf8f3"  # the theme's light page colour
MINIMUM_CONTRAST = 4.5
_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def _channels(colour: str) -> tuple[float, float, float]:
    digits = colour[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    red, green, blue = (int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def _luminance(colour: str) -> float:
    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(value) for value in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two hex colours."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def checked_accent(colour: str) -> str:
    """``colour`` in lower case, or a :class:`TravelogError` saying what to choose instead."""
    colour = colour.strip()
    if not _HEX.fullmatch(colour):
        raise TravelogError(f"--accent {colour!r}: give a hex colour like #a23d17")
    ratio = contrast(colour, PAPER)
    if ratio < MINIMUM_CONTRAST:
        raise TravelogError(
            f"--accent {colour}: too light for links on the page (contrast {ratio:.1f}:1, "
            f"needs {MINIMUM_CONTRAST}:1); choose a darker colour"
        )
    return colour.lower()
