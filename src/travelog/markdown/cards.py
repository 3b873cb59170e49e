"""Entries as cards on the topic pages: lead photo (cropped around its focus), title, date,
place, topics and description, in the same markup as the blog's cards (overrides/partials/
post.html), so one stylesheet dresses both.
"""

from __future__ import annotations

import functools
import html

from travelog.config import SiteSettings
from travelog.escaping import plain
from travelog.journal import Entry
from travelog.markdown.photos import load_photos
from travelog.photos.captions import resolve
from travelog.photos.index import PhotoIndex, PhotoRecord, default_manifest
from travelog.photos.sizes import pick_width, srcset
from travelog.photos.syntax import ImageRef, PhotoSyntaxError, find_placements

#: The card grid: one column on phones, two on tablets, three slots of about 21rem on desktops.
CARD_SIZES = "(max-width: 40em) calc(100vw - 2rem), (max-width: 64em) 50vw, 21rem"
CARD_IMG_WIDTH = 800


def lead_photo(entry: Entry, index: PhotoIndex | None) -> tuple[PhotoRecord, str, str] | None:
    """The entry's first photo (record, alt text, focus), when it has one that was processed."""
    if index is None:
        return None
    for ref in _leading_images(entry.body):
        record = index.photos.get(ref.path)
        if record is not None:
            captions = resolve(ref.alt, ref.title, record.sidecar, record.derived.description)
            return record, captions.alt, captions.focus
    return None


@functools.lru_cache(maxsize=4096)
def _leading_images(body: str) -> tuple[ImageRef, ...]:
    """The first image of each photo or gallery in an entry's text (none if it is malformed).

    A pure function of the text, remembered: a build asks for every entry's lead photo many
    times (topic pages, related entries, older and newer links).
    """
    try:
        return tuple(placement.images[0] for placement in find_placements(body.splitlines()))
    except PhotoSyntaxError:
        return ()


def card_picture(
    index: PhotoIndex, record: PhotoRecord, alt: str, focus: str, sizes: str = CARD_SIZES
) -> str:
    """The card's photo; ``sizes`` describes its slot (a card, by default)."""
    derived = record.derived
    sources = "".join(
        f'<source type="{derived.of_format(fmt)[0].mime}" sizes="{sizes}" srcset="'
        + html.escape(srcset([(index.url(record, v), v.width) for v in derived.of_format(fmt)]))
        + '">'
        for fmt in ("avif", "webp")
    )
    fallback = derived.of_format(derived.fallback_format)
    src = next(
        v for v in fallback if v.width == pick_width([v.width for v in fallback], CARD_IMG_WIDTH)
    )
    style = f' style="--travelog-focus: {focus}"' if focus else ""
    return (
        f'<figure class="travelog-card__photo"><picture>{sources}'
        f'<img src="{html.escape(index.url(record, src))}" sizes="{sizes}" '
        f'srcset="{html.escape(srcset([(index.url(record, v), v.width) for v in fallback]))}" '
        f'width="{src.width}" height="{src.height}" alt="{html.escape(alt)}" loading="lazy" '
        f'decoding="async"{style}></picture></figure>'
    )


_CARDS: dict[Entry, tuple[PhotoIndex | None, SiteSettings, str]] = {}


def entry_card(entry: Entry, index: PhotoIndex | None, site: SiteSettings) -> str:
    """One card, its links rooted at the site's base path.

    Made once per entry, photo manifest and site context (a build shows the same entry on
    several topic pages and among the related entries of several others).
    """
    known = _CARDS.get(entry)
    if known is not None and known[0] is index and known[1] is site:
        return known[2]
    card = _entry_card(entry, index, site)
    _CARDS[entry] = (index, site, card)
    return card


def _entry_card(entry: Entry, index: PhotoIndex | None, site: SiteSettings) -> str:
    href = html.escape(site.rooted(entry.url))
    photo = lead_photo(entry, index)
    figure = card_picture(index, *photo) if photo and index else ""
    places = ", ".join(
        f'<a href="{html.escape(site.rooted(site.place_url(place)))}">{plain(place)}</a>'
        for place in entry.places
    )
    topics = "".join(
        f'<a class="travelog-chip" href="{html.escape(site.rooted(site.tag_url(tag)))}">'
        f"{plain(tag)}</a>"
        for tag in entry.tags
    )
    date = f"{entry.date:%B} {entry.date.day}, {entry.date:%Y}"
    facts = f'<time datetime="{entry.date:%Y-%m-%d}">{date}</time>'
    if places:
        facts += f" · {places}"
    description = f"<p>{plain(entry.description)}</p>" if entry.description else ""
    return (
        '<article class="md-post travelog-card">'
        '<div class="md-typeset travelog-card__body">'
        f'<h2><a href="{href}">{plain(entry.title)}</a></h2>{description}{figure}</div>'
        f'<div class="travelog-card__meta"><span class="travelog-card__facts">{facts}</span>'
        f'<span class="travelog-card__topics">{topics}</span></div>'
        "</article>"
    )


def card_grid(entries: list[Entry], index: PhotoIndex | None, site: SiteSettings) -> str:
    cards = "".join(entry_card(entry, index, site) for entry in entries)
    return f'<div class="travelog-cards">{cards}</div>'


def photo_index(site: SiteSettings) -> PhotoIndex | None:
    """The photo step's manifest (it runs before any page), for the cards' lead photos."""
    manifest = default_manifest(site.project_dir)
    return load_photos(manifest).index if manifest.is_file() else None
