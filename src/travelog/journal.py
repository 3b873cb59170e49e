"""The journal model: entries read from the blog's posts folder, validated against authors
and topics.

This is engine-independent: the MkDocs plugin, the Markdown extensions, the feeds and the
``travelog`` commands all read the journal through :func:`load_journal`, given the site
context, which knows where entries live, their URLs and the time zone of their dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from travelog.config import SiteSettings
from travelog.errors import FrontMatterError, TopicError, TravelogError
from travelog.frontmatter import key_line, split_front_matter
from travelog.text_files import read_text
from travelog.topics import REGISTRY_FILE, TopicRegistry, load_topics
from travelog.yaml_loader import load_yaml

AUTHORS_FILE = ".authors.yml"
EXCERPT_SEPARATOR = "<!-- more -->"


class Audience(StrEnum):
    """Who an entry is for (front matter ``audience:``); family entries are published only
    encrypted, and never in listings, feeds, search or mail to everyone."""

    EVERYONE = "everyone"
    FAMILY = "family"


@dataclass(frozen=True)
class Entry:
    """One journal entry, as its front matter describes it."""

    source: Path
    src_path: str
    """The source file relative to docs_dir, as Markdown links name it."""
    url: str
    """Site-relative URL, as the blog plugin publishes the entry."""
    title: str
    date: dt.datetime
    """When it happened; a date written without an offset is in the journal's time zone."""
    slug: str
    authors: tuple[str, ...]
    places: tuple[str, ...]
    tags: tuple[str, ...]
    description: str
    draft: bool
    body: str
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    audience: Audience = Audience.EVERYONE

    @property
    def for_family(self) -> bool:
        """The one test for family-only entries: everything public skips them."""
        return self.audience is Audience.FAMILY


@dataclass(frozen=True)
class Journal:
    docs_dir: Path
    entries: tuple[Entry, ...]
    topics: TopicRegistry
    authors: dict[str, str]

    @property
    def published(self) -> list[Entry]:
        """Entries for everyone that are not drafts, newest first: what listings, feeds,
        search and mail show."""
        return list(self._published)

    @cached_property
    def _published(self) -> tuple[Entry, ...]:
        # Sorted once: every page's related entries and every listing asks again.
        return tuple(
            _newest_first(
                entry for entry in self.entries if not entry.draft and not entry.for_family
            )
        )

    @property
    def family(self) -> list[Entry]:
        """Family-only entries, newest first (never drafts: a journal cannot hold both)."""
        return _newest_first(entry for entry in self.entries if entry.for_family)

    @property
    def unpublished_sources(self) -> frozenset[Path]:
        """Files of entries not published in the clear (drafts, family entries): nothing of
        theirs, photos included, may reach the site as it is."""
        published = {entry.source for entry in self.published}
        return frozenset(entry.source for entry in self.entries if entry.source not in published)

    def tagged(self, tag: str) -> list[Entry]:
        return [entry for entry in self.published if tag in entry.tags]


# Extensions run once per page and several of them read the journal: keep the last reading of
# each site for as long as none of its files changed (their sizes and times match).
_READINGS: dict[Path, tuple[SiteSettings, tuple[tuple[str, int, int], ...], Journal]] = {}


# The journal a build's checks read, for the rest of that build (its pages, its extensions).
_BUILDS: dict[Path, tuple[SiteSettings, Journal]] = {}


def hold_for_build(site: SiteSettings, journal: Journal | None) -> None:
    """Let :func:`build_journal` give ``journal`` for ``site`` until the build ends (None):
    a build reads its entries once, in its checks."""
    if journal is None:
        _BUILDS.pop(site.config_file, None)
    else:
        _BUILDS[site.config_file] = (site, journal)


def build_journal(site: SiteSettings) -> Journal:
    """The journal of the build running for ``site`` (the plugin's), else :func:`load_journal`.

    For the Markdown extensions, which run for every page and every excerpt of a build."""
    held = _BUILDS.get(site.config_file)
    if held is not None and held[0] is site:
        return held[1]
    return load_journal(site)


def load_journal(site: SiteSettings) -> Journal:
    """Read and validate every entry; raise a :class:`TravelogError` on the first problem."""
    signature = _signature(site)
    known = _READINGS.get(site.config_file)
    if known is not None and known[0] is site and known[1] == signature:
        return known[2]
    journal = _read_journal(site)
    _READINGS[site.config_file] = (site, signature, journal)
    return journal


def _signature(site: SiteSettings) -> tuple[tuple[str, int, int], ...]:
    files = [site.docs_dir / REGISTRY_FILE, site.authors_file]
    files += sorted(site.posts_dir.rglob("*.md"))
    stamps = []
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


def _read_journal(site: SiteSettings) -> Journal:
    topics = load_topics(site.docs_dir)
    authors = load_authors(site.authors_file)
    entries = [
        read_entry(path, site, topics, authors) for path in sorted(site.posts_dir.rglob("*.md"))
    ]
    _check_unique_slugs(entries)
    return Journal(docs_dir=site.docs_dir, entries=tuple(entries), topics=topics, authors=authors)


def load_authors(path: Path) -> dict[str, str]:
    """Author id -> display name, from the blog's authors file (``.authors.yml``)."""
    if not path.is_file():
        return {}
    try:
        data = load_yaml(read_text(path)) or {}
    except yaml.YAMLError:
        raise TravelogError("invalid YAML; fix the syntax", path=path) from None
    authors = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(authors, dict):
        raise TravelogError("expected an 'authors:' mapping of id to name", path=path)
    return {
        str(key): str(value.get("name", key)) if isinstance(value, dict) else str(key)
        for key, value in authors.items()
    }


def read_entry(
    path: Path, site: SiteSettings, topics: TopicRegistry, authors: dict[str, str]
) -> Entry:
    text = read_text(path)
    meta, body, _ = split_front_matter(text, path)

    def fail(message: str, key: str) -> FrontMatterError:
        return FrontMatterError(message, path=path, line=key_line(text, key))

    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise fail("missing 'title'; add title: \"...\" to the front matter", "title")
    date = site.local_time(_entry_date(meta.get("date"), fail))
    slug = meta["slug"] if "slug" in meta else site.blog.post_slug(title)
    if not isinstance(slug, str) or not slug or slug != site.blog.post_slug(slug):
        raise fail(f"invalid slug {slug!r}; use lower-case words joined by hyphens", "slug")
    entry_authors = _string_list(meta, "authors", fail)
    for author in entry_authors:
        if authors and author not in authors:
            raise fail(
                f"unknown author {author!r}; add it to {AUTHORS_FILE} or use one of: "
                + ", ".join(sorted(authors)),
                "authors",
            )
    tags = _string_list(meta, "tags", fail)
    for tag in tags:
        if topics.get(tag) is None:
            raise TopicError(
                f"unknown tag {tag!r}; use one of: {', '.join(topics.names())} "
                f"(or add it to {topics.path.name})",
                path=path,
                line=key_line(text, "tags"),
            )
    description = meta.get("description", "")
    if not isinstance(description, str):
        raise fail("'description' must be a sentence of text", "description")
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        raise fail("'draft' must be true or false", "draft")
    audience = _audience(meta.get("audience", Audience.EVERYONE.value), fail)
    if audience is Audience.FAMILY and draft:
        raise fail(
            "an entry cannot be both a draft and for family; remove 'draft: true' to "
            "publish it encrypted for family, or remove 'audience: family'",
            "draft",
        )
    places = tuple(_string_list(meta, "categories", fail))
    return Entry(
        source=path,
        src_path=path.relative_to(site.docs_dir).as_posix(),
        url=site.blog.entry_url(slug=slug, date=date, categories=places, file_name=path.stem),
        title=title.strip(),
        date=date,
        slug=slug,
        authors=tuple(entry_authors),
        places=places,
        tags=tuple(tags),
        description=description.strip(),
        draft=draft,
        body=body,
        meta=meta,
        audience=audience,
    )


def _audience(value: Any, fail: Callable[[str, str], FrontMatterError]) -> Audience:
    try:
        return Audience(value)
    except ValueError:
        choices = " or ".join(audience.value for audience in Audience)
        raise fail(f"unknown audience {value!r}; use {choices}", "audience") from None


def _entry_date(value: Any, fail: Callable[[str, str], FrontMatterError]) -> dt.date:
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, dt.date):
        return value
    if value is None:
        raise fail("missing 'date'; add date: YYYY-MM-DD to the front matter", "date")
    raise fail(f"invalid date {value!r}; write it as YYYY-MM-DD", "date")


def _newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda entry: entry.date, reverse=True)


def _string_list(
    meta: dict[str, Any], key: str, fail: Callable[[str, str], FrontMatterError]
) -> list[str]:
    value = meta.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise fail(f"'{key}' must be a list like [a, b]", key)
    return value


def _check_unique_slugs(entries: list[Entry]) -> None:
    seen: dict[str, Entry] = {}
    for entry in entries:
        other = seen.get(entry.slug)
        if other is not None:
            raise FrontMatterError(
                f"duplicate slug {entry.slug!r}, already used by {other.source.name}; "
                "give one of them another 'slug:'",
                path=entry.source,
            )
        seen[entry.slug] = entry
