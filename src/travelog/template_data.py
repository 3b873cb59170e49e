"""Writer-controlled fields escaped in MkDocs' data before Material's templates print them.

MkDocs renders templates without autoescaping and Material prints titles, names and the
site's texts as they are, so each plain-text field is escaped once, where it enters MkDocs'
data (the rule is :mod:`travelog.escaping`'s). The MkDocs plugin calls these from its events;
Zensical escapes its templates' fields itself.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from material.plugins.blog.plugin import BlogPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from travelog.escaping import plain, safe_link, safe_striptags

#: mkdocs.yml keys that are plain text (Material prints them in <title>, <meta>, the footer).
SITE_TEXT_KEYS = ("site_name", "site_description", "site_author", "copyright")
#: Front matter keys that are plain text (titles and descriptions land in <title>, <meta>,
#: headings, the navigation, listings, previous/next links and the search index).
PAGE_TEXT_KEYS = ("title", "description")


def escape_site_texts(config: MkDocsConfig) -> dict[str, str]:
    """Escape the site's texts in ``config``; return the plain originals (for feeds)."""
    originals = {}
    for key in SITE_TEXT_KEYS:
        value = config.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            originals[key] = value
            config[key] = plain(value)
    return originals


def escaped_site_texts(config: MkDocsConfig | None) -> dict[str, str]:
    """The site's texts escaped, for an engine given them in a derived configuration."""
    if config is None:
        return {}
    return {
        key: str(plain(config[key]))
        for key in SITE_TEXT_KEYS
        if isinstance(config.get(key), str) and config[key]
    }


def escape_page_meta(page: Page) -> None:
    for key in PAGE_TEXT_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            page.meta[key] = plain(value)


def escape_view_heading(page: Page, markdown: str) -> str | None:
    """A blog view named after a writer's text (a place, an author) gets its heading from a
    generated ``# name``: return that heading with the name escaped, else None."""
    name = getattr(page, "name", None)
    if isinstance(name, str) and markdown.strip() == f"# {name}":
        return f"# {plain(name)}"
    return None


def escape_blog_authors(config: MkDocsConfig) -> None:
    """Author names and descriptions as text; author links and avatars only when safe."""
    for plugin in config.plugins.values():
        if not isinstance(plugin, BlogPlugin):
            continue
        authors: dict[str, Any] = getattr(plugin, "authors", None) or {}
        for author in authors.values():
            for key in ("name", "description"):
                value = author.get(key)
                if isinstance(value, str) and not isinstance(value, Markup):
                    author[key] = plain(value)
            for key in ("url", "avatar"):
                if author.get(key) is not None:
                    author[key] = safe_link(author[key]) or ""


def install_safe_filters(env: Environment) -> None:
    """Replace Jinja's ``striptags`` (which unescapes what it returns) by one that escapes."""
    env.filters["striptags"] = safe_striptags
