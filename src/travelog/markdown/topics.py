"""Expand topic markers into topic pages and the topics index.

``<!-- travelog:topic NAME -->`` becomes the topic's title, description, feed link and its
entries (newest first); ``<!-- travelog:topics -->`` becomes the list of all topics,
``<!-- travelog:places -->`` the list of places and ``<!-- travelog:archive -->`` the list of
months, each linking to the blog's own page for it. A topic's entries are cards with their
lead photos (travelog.markdown.cards), linked by the URLs the site context works out, so
MkDocs and Zensical show the same page.

Register as ``travelog.markdown.topics`` with the option ``config_file`` (the journal's
mkdocs.yml, default ``mkdocs.yml``).
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from travelog.config import SiteSettings, site_for
from travelog.errors import TopicError
from travelog.escaping import markdown_html, plain
from travelog.journal import Journal, build_journal
from travelog.markdown.cards import card_grid, photo_index
from travelog.topics import Topic

PRIORITY = 25  # after normalize_whitespace (30), before html_block (20) stashes comments
_TOPIC_MARKER = re.compile(r"^<!--\s*travelog:topic\s+(?P<name>[^>]+?)\s*-->\s*$")
_INDEX_MARKER = re.compile(r"^<!--\s*travelog:topics\s*-->\s*$")
_PLACES_MARKER = re.compile(r"^<!--\s*travelog:places\s*-->\s*$")
_ARCHIVE_MARKER = re.compile(r"^<!--\s*travelog:archive\s*-->\s*$")


def topic_page(journal: Journal, topic: Topic, site: SiteSettings) -> list[str]:
    entries = journal.tagged(topic.name)
    count = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}"
    lines = [
        f"# {plain(topic.name.capitalize())}",
        "",
        markdown_html(topic.description),
        "",
        f'<p class="travelog-topic-meta">{count}</p>',
        "",
    ]
    return [*lines, card_grid(entries, photo_index(site), site), ""]


def topics_index(journal: Journal) -> list[str]:
    lines = []
    for topic in journal.topics.topics:
        count = len(journal.tagged(topic.name))
        lines.append(
            f"- [{plain(topic.name.capitalize())}]({topic.slug}.md) ({count}) — "
            + markdown_html(topic.description, inline=True)
        )
    return [*lines, ""]


def _count(number: int) -> str:
    return f"{number} {'entry' if number == 1 else 'entries'}"


def places_index(journal: Journal, site: SiteSettings) -> list[str]:
    """Every place, most written about first, linking to its page (the blog's place URL)."""
    counts: dict[str, int] = {}
    for entry in journal.published:
        for place in entry.places:
            counts[place] = counts.get(place, 0) + 1
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0].lower()))
    items = [
        f'<li><a href="{html.escape(site.rooted(site.place_url(place)))}">'
        f"{html.escape(place)}</a> "
        f'<span class="travelog-count">{_count(count)}</span></li>'
        for place, count in ordered
    ]
    return ['<ul class="travelog-index">', *items, "</ul>", ""]


def archive_index(journal: Journal, site: SiteSettings) -> list[str]:
    """Every month with entries, newest first, linking to its page (the blog's archive URL)."""
    counts: dict[tuple[int, int], int] = {}
    for entry in journal.published:
        key = (entry.date.year, entry.date.month)
        counts[key] = counts.get(key, 0) + 1
    items = []
    for (year, month), count in sorted(counts.items(), reverse=True):
        first = dt.date(year, month, 1)
        name = first.strftime("%B %Y")
        items.append(
            f'<li><a href="{site.rooted(site.blog.archive_url(first))}">'
            f"{name}</a> "
            f'<span class="travelog-count">{_count(count)}</span></li>'
        )
    return ['<ul class="travelog-index">', *items, "</ul>", ""]


class TopicsPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, config_file: Path):
        super().__init__(md)
        self.config_file = config_file

    def run(self, lines: list[str]) -> list[str]:
        if not any("travelog:" in line for line in lines):
            return lines
        site = site_for(self.config_file)
        journal = build_journal(site)
        output: list[str] = []
        for line in lines:
            if topic_match := _TOPIC_MARKER.match(line):
                topic = journal.topics.get(topic_match["name"])
                if topic is None:
                    raise TopicError(
                        f"topic marker names unknown tag {topic_match['name']!r}; "
                        f"use one of: {', '.join(journal.topics.names())}",
                        path=journal.topics.path,
                    )
                output.extend(topic_page(journal, topic, site))
            elif _INDEX_MARKER.match(line):
                output.extend(topics_index(journal))
            elif _PLACES_MARKER.match(line):
                output.extend(places_index(journal, site))
            elif _ARCHIVE_MARKER.match(line):
                output.extend(archive_index(journal, site))
            else:
                output.append(line)
        return output


class TopicsExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "config_file": ["mkdocs.yml", "The journal's mkdocs.yml (relative to the cwd)."]
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(
            TopicsPreprocessor(md, Path(self.getConfig("config_file"))), "travelog_topics", PRIORITY
        )


def makeExtension(**kwargs) -> TopicsExtension:
    return TopicsExtension(**kwargs)
