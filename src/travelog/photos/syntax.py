"""The photo syntax in entries, parsed the same way by the photo step and the extension.

A photo is a Markdown image on a line of its own whose path starts with ``photos/``
(relative to the project root); a gallery is a block of such lines between ``::: gallery``
and ``:::``. Lines inside fenced code blocks are left alone.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import unquote

from travelog.photos.settings import PHOTOS_DIR

_IMAGE = re.compile(
    r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\]\(\s*(?:<(?P<bracketed>[^>]+)>|(?P<path>[^)\s]+))"
    r"(?:\s+(?P<quote>[\"'])(?P<title>.*?)(?P=quote))?\s*\)"
)
_STANDALONE = re.compile(r"^ {0,3}(?P<image>!\[.*\))\s*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")
_GALLERY_OPEN = re.compile(r"^ {0,3}:::\s*gallery\s*$")
_GALLERY_CLOSE = re.compile(r"^ {0,3}:::\s*$")
_ESCAPE = re.compile(r"\\(.)")


class Kind(StrEnum):
    PHOTO = "photo"
    GALLERY = "gallery"


@dataclass(frozen=True)
class ImageRef:
    """One photo as written: its path below photos/, Markdown alt and title, 0-based line."""

    path: str
    alt: str
    title: str
    line: int


@dataclass(frozen=True)
class Placement:
    kind: Kind
    images: tuple[ImageRef, ...]
    first: int
    last: int


class PhotoSyntaxError(ValueError):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


def photo_path(target: str, line: int) -> str | None:
    """The path below photos/ for an image target, or None when it is not a photo.

    Raises when the target starts in photos/ but ``..`` leads it out.
    """
    raw = unquote(target.strip())
    if not (raw == PHOTOS_DIR or raw.startswith(f"{PHOTOS_DIR}/") or raw.startswith("./photos/")):
        return None
    normal = posixpath.normpath(raw.removeprefix("./"))
    inside = posixpath.relpath(normal, PHOTOS_DIR) if normal.startswith(PHOTOS_DIR) else ".."
    if inside == "." or inside == ".." or inside.startswith("../"):
        raise PhotoSyntaxError(f"photo path {target!r} leaves {PHOTOS_DIR}/", line)
    return inside


def _image(match: re.Match[str], line: int) -> ImageRef | None:
    path = photo_path(match["bracketed"] or match["path"], line)
    if path is None:
        return None
    return ImageRef(
        path=path,
        alt=_ESCAPE.sub(r"\1", match["alt"]).strip(),
        title=(match["title"] or "").strip(),
        line=line,
    )


def _standalone(text: str, line: int) -> ImageRef | None:
    found = _STANDALONE.match(text)
    if found is None:
        return None
    match = _IMAGE.fullmatch(found["image"])
    return _image(match, line) if match else None


def _reject_inline(text: str, line: int) -> None:
    for match in _IMAGE.finditer(text):
        if _image(match, line) is not None:
            raise PhotoSyntaxError(
                "a photo must stand on a line of its own (or in a ::: gallery block)", line
            )


def find_placements(lines: list[str], start: int = 0) -> list[Placement]:
    """Every photo and gallery in ``lines`` (from index ``start``), in order."""
    placements: list[Placement] = []
    fence: str | None = None
    index = start
    while index < len(lines):
        text = lines[index]
        fence_match = _FENCE.match(text)
        if fence is not None:
            if fence_match and fence_match["fence"][0] == fence[0]:
                fence = None
        elif fence_match:
            fence = fence_match["fence"]
        elif _GALLERY_OPEN.match(text):
            placements.append(_gallery(lines, index))
            index = placements[-1].last
        elif (image := _standalone(text, index)) is not None:
            placements.append(Placement(Kind.PHOTO, (image,), index, index))
        else:
            _reject_inline(text, index)
        index += 1
    return placements


def _gallery(lines: list[str], opening: int) -> Placement:
    images: list[ImageRef] = []
    for index in range(opening + 1, len(lines)):
        text = lines[index]
        if _GALLERY_CLOSE.match(text):
            if not images:
                raise PhotoSyntaxError("empty gallery; add image lines or remove it", opening)
            return Placement(Kind.GALLERY, tuple(images), opening, index)
        if not text.strip():
            continue
        image = _standalone(text, index)
        if image is None:
            raise PhotoSyntaxError(
                "a gallery holds only image lines like ![alt](photos/folder/file.jpg)", index
            )
        images.append(image)
    raise PhotoSyntaxError("gallery is not closed; end it with a line ':::'", opening)


def body_start(lines: list[str]) -> int:
    """The index of the first line after YAML front matter (0 when there is none)."""
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0
