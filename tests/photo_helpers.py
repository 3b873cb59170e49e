"""Small real photos for tests: drawn with Pillow, with EXIF like a phone writes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from conftest import copy_journal
from PIL import Image, ImageDraw
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

PHOTO_LINE = re.compile(r"^(!\[.*\]\(photos/.*\)|:::.*)$")


def phone_exif(orientation: int = 1, description: str = "") -> Image.Exif:
    exif = Image.Exif()
    exif[Base.Make] = "Apple"
    exif[Base.Model] = "iPhone 14 Pro"
    exif[Base.Orientation] = orientation
    if description:
        exif[Base.ImageDescription] = description
    exif[IFD.Exif] = {
        Base.DateTimeOriginal: "2024:09:14 09:41:07",
        Base.BodySerialNumber: "F2LZK001Q9P",
    }
    exif[IFD.GPSInfo] = {
        GPS.GPSLatitudeRef: "N",
        GPS.GPSLatitude: (IFDRational(22), IFDRational(32), IFDRational(3512, 100)),
        GPS.GPSLongitudeRef: "E",
        GPS.GPSLongitude: (IFDRational(114), IFDRational(3), IFDRational(2844, 100)),
    }
    return exif


def upright_marker(size: tuple[int, int]) -> Image.Image:
    """A picture whose top is red and bottom blue, so orientation can be checked."""
    image = Image.new("RGB", size, (0, 0, 255))
    ImageDraw.Draw(image).rectangle([0, 0, size[0], size[1] // 2], fill=(255, 0, 0))
    return image


def make_jpeg(
    path: Path, size=(1200, 900), *, orientation: int = 1, description: str = "", quality=85
) -> Path:
    """A JPEG that shows ``upright_marker(size)`` once its orientation tag is applied."""
    image = upright_marker(size)
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=quality, exif=phone_exif(orientation, description).tobytes())
    return path


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def journal_without_photos(destination: Path) -> Path:
    """The example journal with every photo line removed (fast builds for error cases)."""
    project = copy_journal(destination)
    for entry in (project / "docs" / "posts").glob("*.md"):
        lines = entry.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if not PHOTO_LINE.match(line)]
        entry.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return project
