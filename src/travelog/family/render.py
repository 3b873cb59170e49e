"""The HTML of family pages before sealing: each entry, and the "For family" list.

Rendered by travelog (neither engine ever sees a family entry) with the journal's own
Markdown extensions, so photos, glossary terms and footnotes look as in any entry.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from markdown import Markdown

from travelog.comments.render import CommentsContext, comments_enabled, render_section
from travelog.journal import EXCERPT_SEPARATOR, Entry

LIST_TITLE = "For family"
_MARKDOWN_LINK = re.compile(r'href="(?P<path>[^":#?]+\.md)(?P<anchor>#[^"]*)?"')


class EntryRenderer:
    """One Markdown converter for every family entry of a build."""

    def __init__(self, extensions: Sequence[Any], configs: Mapping[str, Any]) -> None:
        self._markdown = Markdown(extensions=list(extensions), extension_configs=dict(configs))

    def body(self, entry: Entry, links: PageLinks) -> str:
        text = entry.body.replace(EXCERPT_SEPARATOR, "", 1)
        return links.resolve(self._markdown.reset().convert(text), entry.source)


class PageLinks:
    """Links to Markdown files (``[the park](park-cameras.md)``) made into page addresses, as
    the engines do for every other page: entries at their URLs (family entries at their opaque
    ones), other pages by MkDocs' rule (``about.md`` -> ``about/``)."""

    def __init__(self, docs_dir: Path, entries: Mapping[Path, str], root: str) -> None:
        self._docs = docs_dir.resolve()
        self._entries = {path.resolve(): url for path, url in entries.items()}
        self._root = root

    def resolve(self, markup: str, source: Path) -> str:
        def replace(match: re.Match[str]) -> str:
            url = self._url((source.parent / unquote(html.unescape(match["path"]))).resolve())
            anchor = match["anchor"] or ""
            return match[0] if url is None else f'href="{html.escape(url)}{anchor}"'

        return _MARKDOWN_LINK.sub(replace, markup)

    def _url(self, target: Path) -> str | None:
        if target in self._entries:
            return self._entries[target]
        if not target.is_relative_to(self._docs) or not target.is_file():
            return None
        page = target.relative_to(self._docs).with_suffix("").as_posix()
        page = "" if page == "index" else page.removesuffix("/index") + "/"
        return self._root + page


def entry_page(
    entry: Entry,
    body: str,
    *,
    authors: Mapping[str, str],
    comments: CommentsContext | None,
) -> str:
    """Title and byline (as the theme writes them for any entry), the body, and the archived
    comments (never live ones)."""
    names = " and ".join(html.escape(authors.get(author, author)) for author in entry.authors)
    facts = [f'<time datetime="{entry.date:%Y-%m-%d}">{_long_date(entry.date)}</time>']
    facts.extend(html.escape(place) for place in entry.places)
    section = ""
    if comments is not None and comments_enabled(entry):
        section = render_section(entry, comments, live_comments=False)
    return (
        '<article class="travelog-family-entry">\n<header class="travelog-entry__header">\n'
        f"<h1>{html.escape(entry.title)}</h1>\n"
        '<p class="travelog-byline"><span class="travelog-byline__text">'
        f'<span class="travelog-byline__authors">{names}</span>'
        f'<span class="travelog-byline__facts">{" · ".join(facts)}</span></span></p>\n'
        f"</header>\n{body}\n{section}</article>\n"
    )


def list_page(entries: Sequence[tuple[Entry, str]]) -> str:
    """The family entries, newest first, each with its date and description."""
    items = []
    for entry, url in entries:
        description = f"<p>{html.escape(entry.description)}</p>\n" if entry.description else ""
        items.append(
            "<li>\n"
            f'<a href="{html.escape(url, quote=True)}">{html.escape(entry.title)}</a>\n'
            f'<time datetime="{entry.date:%Y-%m-%d}">{_long_date(entry.date)}</time>\n'
            f"{description}</li>\n"
        )
    return f'<h1>{LIST_TITLE}</h1>\n<ul class="travelog-family-list">\n{"".join(items)}</ul>\n'


def _long_date(value: dt.datetime) -> str:
    return f"{value:%B} {value.day}, {value:%Y}"
