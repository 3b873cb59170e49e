"""Metadata policy: orientation is applied then dropped; only allow-listed EXIF survives.

GPS, serial numbers, owner names and maker notes can never be allow-listed: they tell where
the writer lives or which camera is theirs.
"""

from __future__ import annotations

from collections.abc import Iterable

from PIL import ExifTags, Image

EXIF_IFD = ExifTags.IFD.Exif
FORBIDDEN_TAGS = frozenset(
    {
        "GPSInfo",
        "BodySerialNumber",
        "LensSerialNumber",
        "CameraOwnerName",
        "ImageUniqueID",
        "MakerNote",
        "Orientation",
    }
)
_TAG_IDS = {name: tag for tag, name in ExifTags.TAGS.items()}
_DESCRIPTION = ExifTags.Base.ImageDescription


class ExifPolicyError(ValueError):
    """An allow-list names a tag that does not exist or may never be published."""


def allowed_tag_ids(names: Iterable[str]) -> frozenset[int]:
    """Resolve allow-listed EXIF tag names (e.g. ``Model``) to tag ids."""
    ids = set()
    for name in names:
        if name in FORBIDDEN_TAGS or name.startswith("GPS"):
            raise ExifPolicyError(f"EXIF tag {name!r} can never be published")
        if name not in _TAG_IDS:
            raise ExifPolicyError(f"unknown EXIF tag {name!r}; use names like Make, Model")
        ids.add(_TAG_IDS[name])
    return frozenset(ids)


def published_exif(image: Image.Image, allowed: frozenset[int]) -> bytes:
    """EXIF bytes holding only the allowed tags of ``image`` (empty when none)."""
    if not allowed:
        return b""
    source = image.getexif()
    kept = Image.Exif()
    for tag, value in source.items():
        if tag in allowed:
            kept[tag] = value
    sub = {tag: value for tag, value in source.get_ifd(EXIF_IFD).items() if tag in allowed}
    if sub:
        kept[EXIF_IFD] = sub
    return kept.tobytes() if len(kept) else b""


def embedded_description(image: Image.Image) -> str:
    """The description the camera or editor stored in the file, if any."""
    value = image.getexif().get(_DESCRIPTION)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value.strip("\x00 \t\r\n") if isinstance(value, str) else ""
