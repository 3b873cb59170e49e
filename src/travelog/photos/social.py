"""An entry's lead photo (its first) as og:image and as the feed entries' image."""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote

from travelog.atomic import write_text_atomic
from travelog.config import SiteSettings
from travelog.journal import Journal
from travelog.photos.captions import Captions
from travelog.photos.index import PhotoRecord
from travelog.photos.settings import CACHE_DIR, OG_WIDTH
from travelog.photos.sizes import pick_width
from travelog.photos.step import StepResult

_OG_MARKER = 'property="og:image"'


@dataclass(frozen=True)
class LeadImage:
    url: str
    mime: str
    length: int
    width: int
    height: int
    alt: str


def lead_images(result: StepResult, journal: Journal, site: SiteSettings) -> dict[str, LeadImage]:
    """Entry slug -> its lead photo's fallback variant about OG_WIDTH wide, absolute URL."""
    leads = result.lead_photos()
    images = {}
    for entry in journal.entries:
        lead = leads.get(entry.source)
        if lead is not None and not lead[0].pending:
            images[entry.slug] = _lead(*lead, site)
    return images


def _lead(record: PhotoRecord, captions: Captions, site: SiteSettings) -> LeadImage:
    fallback = record.derived.of_format(record.derived.fallback_format)
    width = pick_width([variant.width for variant in fallback], OG_WIDTH)
    variant = next(variant for variant in fallback if variant.width == width)
    cached = site.project_dir / CACHE_DIR / "objects" / record.key / variant.file
    return LeadImage(
        url=site.absolute(quote(record.site_file(variant))),
        mime=variant.mime,
        length=cached.stat().st_size,
        width=variant.width,
        height=variant.height,
        alt=captions.alt,
    )


def add_og_images(site: SiteSettings, journal: Journal, images: dict[str, LeadImage]) -> int:
    """Add og:image tags to the built entry pages that have a lead photo; return the count.

    Done on the built HTML so that MkDocs and Zensical (which runs no plugin) match.
    """
    count = 0
    for entry in journal.published:
        image = images.get(entry.slug)
        page = site.output_file(entry.url)
        if image is None or not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        if _OG_MARKER in text or "</head>" not in text:
            continue
        tags = (
            f'<meta property="og:image" content="{html.escape(image.url)}">'
            f'<meta property="og:image:width" content="{image.width}">'
            f'<meta property="og:image:height" content="{image.height}">'
            f'<meta property="og:image:alt" content="{html.escape(image.alt)}">'
            f'<meta name="twitter:card" content="summary_large_image">'
        )
        write_text_atomic(page, text.replace("</head>", tags + "</head>", 1))
        count += 1
    return count
