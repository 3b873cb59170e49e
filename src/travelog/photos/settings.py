"""Photo settings: validated once from mkdocs.yml, picklable for the worker processes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from travelog.config import PHOTOS_DIR as PHOTOS_DIR  # where originals live (the site context)
from travelog.config import PhotosConfig
from travelog.errors import TravelogError
from travelog.photos.exif import ExifPolicyError, allowed_tag_ids

# Not under .cache/: `zensical build --clean` empties that folder, which it owns.
CACHE_DIR = ".travelog-cache/photos"
SITE_PREFIX = "assets/photos"
# Bump when the derivation code changes its output, so old cache entries are not reused.
PIPELINE_VERSION = 2
OG_WIDTH = 1200
_QUALITY_RANGE = range(1, 101)
_AVIF_SPEEDS = range(0, 11)


@dataclass(frozen=True)
class PhotoSettings:
    widths: tuple[int, ...]
    fallback_widths: tuple[int, ...]
    jpeg_quality: int
    webp_quality: int
    avif_quality: int
    avif_speed: int
    keep_exif: tuple[int, ...]
    max_pixels: int

    def fingerprint(self) -> str:
        """A hash of every setting that changes the derived files."""
        data = {**asdict(self), "pipeline": PIPELINE_VERSION}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class PageSettings:
    """What the Markdown side needs: the ``sizes`` attributes."""

    sizes: str
    gallery_sizes: str


def photo_settings(config: PhotosConfig, config_file: Path) -> PhotoSettings:
    """Validate the ``photos:`` options; raise a one-line TravelogError naming the key."""

    def fail(key: str, message: str) -> TravelogError:
        return TravelogError(f"plugins.travelog.photos.{key}: {message}", path=config_file)

    if not config.widths or any(width < 16 for width in config.widths):
        raise fail("widths", "give a list of pixel widths of at least 16, e.g. [400, 800]")
    if not config.fallback_widths or any(width < 16 for width in config.fallback_widths):
        raise fail("fallback_widths", "give a list of pixel widths of at least 16, e.g. [1200]")
    for key in ("jpeg_quality", "webp_quality", "avif_quality"):
        if config[key] not in _QUALITY_RANGE:
            raise fail(key, f"expected 1 to 100 but received {config[key]}")
    if config.avif_speed not in _AVIF_SPEEDS:
        raise fail("avif_speed", f"expected 0 to 10 but received {config.avif_speed}")
    if config.max_megapixels < 1:
        raise fail("max_megapixels", "expected a positive number of megapixels")
    if config.processes < 0:
        raise fail("processes", "expected 0 (all cores) or a positive number")
    try:
        keep = allowed_tag_ids(config.keep_exif)
    except ExifPolicyError as error:
        raise fail("keep_exif", str(error)) from None
    return PhotoSettings(
        widths=tuple(sorted(set(config.widths))),
        fallback_widths=tuple(sorted(set(config.fallback_widths))),
        jpeg_quality=config.jpeg_quality,
        webp_quality=config.webp_quality,
        avif_quality=config.avif_quality,
        avif_speed=config.avif_speed,
        keep_exif=tuple(sorted(keep)),
        max_pixels=config.max_megapixels * 1_000_000,
    )
