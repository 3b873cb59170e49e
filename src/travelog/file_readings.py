"""Share what was read from a file across pages for as long as the file is unchanged.

MkDocs makes a Markdown instance per page, and the extensions read the same files (the photo
manifest, the glossary) for every one; live previews still see an edit at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
A = TypeVar("A")
_READINGS: dict[tuple[Path, Callable[..., Any]], tuple[tuple[int, int] | None, Any]] = {}


def read_once(path: Path, read: Callable[[A], T], argument: A) -> T:
    """``read(argument)``, called again only when ``path``'s time or size changed."""
    try:
        stat = path.stat()
        stamp: tuple[int, int] | None = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = None
    known = _READINGS.get((path, read))
    if known is None or known[0] != stamp:
        known = _READINGS[(path, read)] = (stamp, read(argument))
    return known[1]
