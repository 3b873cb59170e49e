"""Pure width and srcset arithmetic: which widths to derive and how to describe them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence


def variant_widths(original_width: int, widths: Iterable[int]) -> list[int]:
    """The configured widths an original can supply, never upscaled.

    Widths wider than the original are dropped; when that drops any, the original's own
    width takes their place so the largest variant is as sharp as the source allows.
    """
    wanted = sorted({width for width in widths if width > 0})
    kept = [width for width in wanted if width <= original_width]
    if len(kept) < len(wanted) and original_width not in kept:
        kept.append(original_width)
    return kept


def scaled_height(original_width: int, original_height: int, width: int) -> int:
    """The height of a variant ``width`` wide, keeping the original's aspect ratio."""
    return max(1, round(original_height * width / original_width))


def srcset(candidates: Sequence[tuple[str, int]]) -> str:
    """``url 400w, url 800w`` from (url, width) pairs, narrowest first."""
    return ", ".join(f"{url} {width}w" for url, width in sorted(candidates, key=lambda c: c[1]))


def pick_width(widths: Sequence[int], target: int) -> int:
    """The widest of ``widths`` not wider than ``target`` (or the narrowest when all are)."""
    fitting = [width for width in widths if width <= target]
    return max(fitting) if fitting else min(widths)


def decode_size(
    stored_size: tuple[int, int], oriented_width: int, needed_width: int
) -> tuple[int, int]:
    """The stored-frame size a reduced JPEG decode must at least reach.

    ``stored_size`` is the size before EXIF orientation; ``oriented_width`` is the upright
    width. One scale applies to both axes, so the rotation does not matter here.
    """
    scale = min(1.0, needed_width / oriented_width)
    return (
        max(1, math.ceil(stored_size[0] * scale)),
        max(1, math.ceil(stored_size[1] * scale)),
    )
