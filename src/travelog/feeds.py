"""Atom feeds: one for the whole journal and one per topic, with absolute URLs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from feedgen.feed import FeedGenerator

from travelog.atomic import write_bytes_atomic
from travelog.journal import Entry, Journal

FEED_FILE = "feed.xml"
FEED_ENTRY_LIMIT = 50


class FeedImage(Protocol):
    """An entry's lead image: absolute URL, MIME type, size in bytes and pixels."""

    url: str
    mime: str
    length: int
    width: int
    height: int


def site_feed_path() -> str:
    return FEED_FILE


def topic_feed_path(slug: str) -> str:
    return f"tags/{slug}/{FEED_FILE}"


def build_feed(
    *,
    title: str,
    site_url: str,
    feed_path: str,
    page_path: str,
    subtitle: str,
    entries: list[Entry],
    authors: dict[str, str],
    timezone: dt.tzinfo,
    images: Mapping[str, FeedImage] | None = None,
) -> bytes:
    """Serialise one Atom feed; ``site_url`` must be absolute and end with a slash."""
    generator = FeedGenerator()
    generator.id(site_url + page_path)
    generator.title(title)
    generator.subtitle(subtitle or title)
    generator.link(href=site_url + page_path, rel="alternate")
    generator.link(href=site_url + feed_path, rel="self")
    generator.language("en")
    if images:
        generator.load_extension("media")
    newest = max((_aware(e.date, timezone) for e in entries), default=None)
    generator.updated(newest or dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    for entry in reversed(entries[:FEED_ENTRY_LIMIT]):
        item = generator.add_entry()
        url = site_url + entry.url
        item.id(url)
        item.title(entry.title)
        item.link(href=url, rel="alternate")
        item.published(_aware(entry.date, timezone))
        item.updated(_aware(entry.date, timezone))
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
    site_dir: Path,
    *,
    site_name: str,
    site_url: str,
    timezone: dt.tzinfo,
    images: Mapping[str, FeedImage] | None = None,
) -> list[Path]:
    """Write the journal feed and every topic feed into the built site; return their paths.

    ``images`` maps an entry slug to its lead image, linked as the entry's enclosure.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    common = {
        "site_url": base,
        "authors": journal.authors,
        "timezone": timezone,
        "images": images,
    }
    written = [
        _write(
            site_dir / site_feed_path(),
            build_feed(
                title=site_name,
                feed_path=site_feed_path(),
                page_path="",
                subtitle="",
                entries=journal.published,
                **common,
            ),
        )
    ]
    for topic in journal.topics.topics:
        written.append(
            _write(
                site_dir / topic_feed_path(topic.slug),
                build_feed(
                    title=f"{site_name}: {topic.name}",
                    feed_path=topic_feed_path(topic.slug),
                    page_path=topic.url,
                    subtitle=topic.description,
                    entries=journal.tagged(topic.name),
                    **common,
                ),
            )
        )
    return written


def _write(path: Path, data: bytes) -> Path:
    write_bytes_atomic(path, data)
    return path


def _aware(value: dt.datetime, timezone: dt.tzinfo) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone)
