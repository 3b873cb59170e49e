"""Feeds: a site-wide feed and one per topic, read with feedparser."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import yaml
from conftest import ROOT
from frontmatter_reader import entry_url, published_entries

SITE_URL = "http://127.0.0.1:8000/"


def parse(path: Path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, getattr(feed, "bozo_exception", None)
    return feed


def test_site_feed_lists_every_published_entry_with_absolute_links(built_site: Path):
    feed = parse(built_site / "feed.xml")
    expected = {SITE_URL + entry_url(e) for e in published_entries()}
    assert {item.link for item in feed.entries} == expected
    assert len(feed.entries) == len(published_entries())
    assert all(item.get("published_parsed") for item in feed.entries)


def test_each_topic_has_a_feed_with_its_entries(built_site: Path):
    registry = yaml.safe_load((ROOT / "docs" / "topics.yml").read_text(encoding="utf-8"))
    for tag in registry:
        slug = tag.replace(" ", "-")
        feed = parse(built_site / "tags" / slug / "feed.xml")
        expected = {SITE_URL + entry_url(e) for e in published_entries() if tag in e["tags"]}
        assert {item.link for item in feed.entries} == expected, tag
        assert feed.feed.link == f"{SITE_URL}tags/{slug}/"


def alternates(html: str) -> set[str]:
    """Feed links. Not rel="alternate" alone: Material takes those for language versions and
    fetches a sitemap.xml beside each one (a 404 for every topic feed)."""
    assert not re.search(r'<link rel="alternate"', html)
    return set(
        re.findall(
            r'<link rel="alternate feed" type="application/atom\+xml"[^>]*href="([^"]+)"', html
        )
    )


def test_feeds_are_advertised_where_they_belong(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "feed.xml" in alternates(home)
    tag_page = (built_site / "tags" / "food" / "index.html").read_text(encoding="utf-8")
    assert {"../../feed.xml", "feed.xml"} <= alternates(tag_page)  # relative to tags/food/
    entry = next(e for e in published_entries() if "food" in e["tags"])
    html = (built_site / entry_url(entry) / "index.html").read_text(encoding="utf-8")
    assert "../../../tags/food/feed.xml" in alternates(html)


def test_topic_pages_show_a_feed_button(built_site: Path):
    html = (built_site / "tags" / "music" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="feed.xml"[^>]*travelog-feed-button', html)
