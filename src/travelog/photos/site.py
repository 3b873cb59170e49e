"""The photo step's two ends as both engines call them: before the build and after it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path

from travelog.config import SiteSettings
from travelog.journal import Journal
from travelog.photos.background import BackgroundPhotos
from travelog.photos.social import LeadImage, add_og_images, lead_images
from travelog.photos.step import StepResult, prepare_photos, publish_photos


def photos_before_build(
    site: SiteSettings,
    *,
    strict: bool = False,
    warn: Callable[[str], None] = lambda message: None,
    background: BackgroundPhotos | None = None,
) -> StepResult:
    return prepare_photos(
        site.project_dir,
        site.docs_dir,
        site.plugin.photos,
        config_file=site.config_file,
        base_url=site.base_path,
        strict=strict,
        warn=warn,
        background=background,
    )


def photos_after_build(
    result: StepResult,
    journal: Journal,
    site: SiteSettings,
    *,
    unpublished: Collection[Path] = (),
) -> dict[str, LeadImage]:
    """Publish the variants (not those only the ``unpublished`` files place) and og:image
    tags; return each entry's lead image for feeds."""
    publish_photos(result.index_without(unpublished), site.project_dir, site.site_dir)
    images = lead_images(result, journal, site)
    add_og_images(site, journal, images)
    return images
