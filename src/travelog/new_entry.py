"""``travelog new``: write a new entry with valid front matter and a unique slug."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from travelog.atomic import write_text_atomic
from travelog.config import SiteSettings
from travelog.errors import TopicError, TravelogError
from travelog.journal import Audience, load_journal


def create_entry(
    site: SiteSettings,
    title: str,
    *,
    tags: list[str],
    place: str | None,
    authors: list[str],
    date: dt.date,
    draft: bool = False,
    audience: Audience = Audience.EVERYONE,
) -> Path:
    """Write ``<posts folder>/<slug>.md`` and return its path; refuse unknown tags."""
    journal = load_journal(site)
    known = journal.topics.names()
    unknown = [tag for tag in tags if tag not in known]
    if unknown:
        raise TopicError(
            f"unknown tag {unknown[0]!r}; known tags: {', '.join(known)}",
            path=journal.topics.path,
        )
    if not title.strip():
        raise TravelogError("the title is empty; give the entry a title")
    if not authors and journal.authors:
        authors = [next(iter(journal.authors))]
    unknown_authors = [a for a in authors if journal.authors and a not in journal.authors]
    if unknown_authors:
        raise TravelogError(
            f"unknown author {unknown_authors[0]!r}; known authors: " + ", ".join(journal.authors),
            path=site.authors_file,
        )
    base_slug = site.blog.post_slug(title) or "entry"
    used = {entry.slug for entry in journal.entries}
    posts_dir = site.posts_dir
    slug, counter = base_slug, 2
    while slug in used or (posts_dir / f"{slug}.md").exists():
        slug, counter = f"{base_slug}-{counter}", counter + 1
    meta: dict[str, object] = {
        "title": title.strip(),
        "date": date,
        "authors": authors,
        "categories": [place] if place else [],
        "tags": tags,
        "description": "",
        "slug": slug,
    }
    if draft:
        meta["draft"] = True
    if audience is not Audience.EVERYONE:
        meta["audience"] = audience.value
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None)
    body = "Write the opening paragraph here: it becomes the excerpt.\n\n<!-- more -->\n\n"
    path = posts_dir / f"{slug}.md"
    write_text_atomic(path, f"---\n{front}---\n\n{body}")
    return path
