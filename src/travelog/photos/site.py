"""The photo step's two ends as both engines call them: before the build and after it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from travelog.config import TravelogConfig
from travelog.journal import Journal
from travelog.photos.social import LeadImage, add_og_images, lead_images
from travelog.photos.step import StepResult, prepare_photos, publish_photos


def photos_before_build(
    config_file: Path,
    docs_dir: Path,
    plugin: TravelogConfig,
    site_url: str,
    *,
    strict: bool = False,
    warn: Callable[[str], None] = lambda message: None,
) -> StepResult:
    return prepare_photos(
        config_file.parent,
        docs_dir,
        plugin.photos,
        config_file=config_file,
        site_url=site_url,
        strict=strict,
        warn=warn,
    )


def photos_after_build(
    result: StepResult,
    journal: Journal,
    config_file: Path,
    site_dir: Path,
    site_url: str,
    *,
    unpublished: Collection[Path] = (),
) -> dict[str, LeadImage]:
    """Publish the variants (not those only the ``unpublished`` files place) and og:image
    tags; return each entry's lead image for feeds."""
    publish_photos(result.index_without(unpublished), config_file.parent, site_dir)
    images = lead_images(result, journal, site_url)
    add_og_images(site_dir, journal, images)
    return images
