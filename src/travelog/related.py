"""The end of an entry: the older and newer entries with their photos, and two or three
related entries as cards ("More about surveillance", "More from Nanshan").

Templates cannot read the journal, so ``overrides/partials/travelog-entry.html`` leaves
:data:`SLOT` and :func:`fill_related` replaces it (from the build pipeline, for both engines).
Only published entries are ever offered: family entries and drafts never appear here.
"""

from __future__ import annotations

import html

from travelog.config import SiteSettings
from travelog.escaping import plain
from travelog.journal import Entry, Journal
from travelog.markdown.cards import card_grid, card_picture, lead_photo
from travelog.photos.index import PhotoIndex

SLOT = '<div data-travelog-related="slot"></div>'
RELATED_COUNT = 3
HEADING_ID = "travelog-related-heading"
THUMBNAIL_SIZES = "4rem"


def related_entries(journal: Journal, entry: Entry, count: int = RELATED_COUNT) -> list[Entry]:
    """Entries sharing most topics (then places) with ``entry``, newest first among equals."""
    scored = []
    for position, other in enumerate(journal.published):
        if other.url == entry.url:
            continue
        score = 2 * len(set(other.tags) & set(entry.tags)) + len(
            set(other.places) & set(entry.places)
        )
        if score:
            scored.append((-score, position, other))
    return [other for _, _, other in sorted(scored, key=lambda item: item[:2])[:count]]


def related_heading(entry: Entry, related: list[Entry]) -> str:
    """ "More about <topic>" when one topic joins them all, "More from <place>" likewise."""
    for tag in entry.tags:
        if all(tag in other.tags for other in related):
            return f"More about {plain(tag)}"
    for place in entry.places:
        if all(place in other.places for other in related):
            return f"More from {plain(place)}"
    return "More from the journal"


def _neighbour(label: str, css: str, entry: Entry, index: PhotoIndex | None, site: SiteSettings):
    photo = lead_photo(entry, index)
    # The link's words name the entry: the thumbnail is decoration (empty alt).
    thumbnail = ""
    if photo and index:
        record, _, focus = photo
        thumbnail = card_picture(index, record, "", focus, sizes=THUMBNAIL_SIZES)
    return (
        f'<a class="travelog-prevnext__link travelog-prevnext__link--{css}" '
        f'href="{html.escape(site.rooted(entry.url))}">{thumbnail}'
        f'<span class="travelog-prevnext__label">{label}</span>'
        f'<span class="travelog-prevnext__title">{plain(entry.title)}</span></a>'
    )


def render_related(
    entry: Entry, journal: Journal, index: PhotoIndex | None, site: SiteSettings
) -> str:
    entries = journal.published  # newest first
    place = next(position for position, other in enumerate(entries) if other.url == entry.url)
    links = []
    if place + 1 < len(entries):
        links.append(_neighbour("← Older entry", "older", entries[place + 1], index, site))
    if place > 0:
        links.append(_neighbour("Newer entry →", "newer", entries[place - 1], index, site))
    parts = []
    if links:
        parts.append(
            '<nav class="travelog-prevnext" aria-label="Older and newer entries">'
            + "".join(links)
            + "</nav>"
        )
    related = related_entries(journal, entry)
    if related:
        parts.append(
            f'<section class="travelog-related" aria-labelledby="{HEADING_ID}">'
            f'<h2 id="{HEADING_ID}">{related_heading(entry, related)}</h2>'
            f"{card_grid(related, index, site)}</section>"
        )
    return "".join(parts)


def fill_related(
    page_html: str, url: str, journal: Journal, index: PhotoIndex | None, site: SiteSettings
) -> str:
    """Replace the slot with the entry's neighbours and related entries (empty elsewhere)."""
    if SLOT not in page_html:
        return page_html
    entry = next((other for other in journal.published if other.url == url), None)
    section = render_related(entry, journal, index, site) if entry else ""
    return page_html.replace(SLOT, section, 1)
