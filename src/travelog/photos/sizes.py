"""Pure width and srcset arithmetic: which widths to derive and how to describe them."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from travelog.config import DENSE_SCREEN, DENSE_SHARE


def variant_widths(
    original_width: int, original_height: int, widths: Iterable[int], box: int | None = None
) -> list[int]:
    """The configured widths an upright original can supply, never upscaled.

    No variant is wider than the original nor wider or taller than ``box`` (the largest
    configured width by default): no screen shows a portrait photo taller than the widest
    landscape one. Widths beyond that limit are dropped; when that drops any, the limit
    itself takes their place so the largest variant is as sharp as the source allows.
    """
    wanted = sorted({width for width in widths if width > 0})
    box = box or max(wanted)
    limit = max(1, min(original_width, box, box * original_width // original_height))
    kept = [width for width in wanted if width <= limit]
    if len(kept) < len(wanted) and limit not in kept:
        kept.append(limit)
    return kept


def scaled_height(original_width: int, original_height: int, width: int) -> int:
    """The height of a variant ``width`` wide, keeping the original's aspect ratio."""
    return max(1, round(original_height * width / original_width))


def lightbox_sizes(width: int, height: int) -> str:
    """``sizes`` of a photo shown whole in the viewport: as wide as the screen or as the
    screen's height allows for the photo's aspect ratio, whichever is narrower."""
    tall = 100 * width / height
    return (
        f"{DENSE_SCREEN} min({round(100 * DENSE_SHARE)}vw, {round(tall * DENSE_SHARE)}vh), "
        f"min(100vw, {round(tall)}vh)"
    )


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
