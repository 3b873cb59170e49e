"""Atom feeds: one for the whole journal and one per topic, with absolute URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import Protocol

from feedgen.feed import FeedGenerator

from travelog.atomic import write_bytes_atomic
from travelog.config import SiteSettings
from travelog.journal import Entry, Journal

FEED_FILE = "feed.xml"
FEED_ENTRY_LIMIT = 50


class FeedImage(Protocol):
    """An entry's lead image: absolute URL, MIME type, size in bytes and pixels."""

    @property
    def url(self) -> str: ...
    @property
    def mime(self) -> str: ...
    @property
    def length(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...


def topic_feed_path(site: SiteSettings, name: str) -> str:
    return site.tag_url(name) + FEED_FILE


def build_feed(
    *,
    site: SiteSettings,
    title: str,
    feed_path: str,
    page_path: str,
    subtitle: str,
    entries: list[Entry],
    authors: dict[str, str],
    images: Mapping[str, FeedImage] | None = None,
) -> bytes:
    """Serialise one Atom feed with absolute URLs under the site's ``site_url``."""
    generator = FeedGenerator()
    generator.id(site.absolute(page_path))
    generator.title(title)
    generator.subtitle(subtitle or title)
    generator.link(href=site.absolute(page_path), rel="alternate")
    generator.link(href=site.absolute(feed_path), rel="self")
    generator.language("en")
    if images:
        generator.load_extension("media")
    newest = max((entry.date for entry in entries), default=None)
    generator.updated(newest or dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    for entry in reversed(entries[:FEED_ENTRY_LIMIT]):
        item = generator.add_entry()
        url = site.absolute(entry.url)
        item.id(url)
        item.title(entry.title)
        item.link(href=url, rel="alternate")
        item.published(entry.date)
        item.updated(entry.date)
        item.summary(entry.description or entry.title)
        for author in entry.authors:
            item.author(name=authors.get(author, author))
        for tag in entry.tags:
            item.category(term=tag)
        if images and (image := images.get(entry.slug)):
            _add_image(item, image)
    return generator.atom_str(pretty=True)


def _add_image(item, image: FeedImage) -> None:
    """The lead image as Media RSS content and thumbnail (feed readers show it as the card).

    feedgen 1.0 drops the rel/type/length of entry links, so no Atom enclosure link.
    """
    size = {"width": str(image.width), "height": str(image.height)}
    item.media.content(
        url=image.url,
        type=image.mime,
        medium="image",
        fileSize=str(image.length),
        group=None,
        **size,
    )
    item.media.thumbnail(url=image.url, group=None, **size)


def write_feeds(
    journal: Journal,
    site: SiteSettings,
    images: Mapping[str, FeedImage] | None = None,
) -> list[Path]:
    """Write the journal feed and every topic feed into the built site; return their paths.

    ``images`` maps an entry slug to its lead image, linked as the entry's enclosure.
    """
    feed = partial(build_feed, site=site, authors=journal.authors, images=images)
    written = [
        _write(
            site.site_dir / FEED_FILE,
            feed(
                title=site.site_name,
                feed_path=FEED_FILE,
                page_path="",
                subtitle="",
                entries=journal.published,
            ),
        )
    ]
    for topic in journal.topics.topics:
        written.append(
            _write(
                site.site_dir / topic_feed_path(site, topic.name),
                feed(
                    title=f"{site.site_name}: {topic.name}",
                    feed_path=topic_feed_path(site, topic.name),
                    page_path=site.tag_url(topic.name),
                    subtitle=topic.description,
                    entries=journal.tagged(topic.name),
                ),
            )
        )
    return written


def _write(path: Path, data: bytes) -> Path:
    write_bytes_atomic(path, data)
    return path
