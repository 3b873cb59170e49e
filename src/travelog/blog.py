"""Where Material's blog plugin puts entries and places, read from its validated settings.

Entry URLs follow ``blog_dir``, ``post_dir``, ``post_url_format``, ``post_url_date_format``
and ``post_slugify`` exactly as the blog plugin applies them, and the final URL comes from
MkDocs' own :class:`~mkdocs.structure.files.File`, so a journal with another URL scheme keeps
its comments, feeds and links.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date, format_datetime
from mkdocs.structure.files import File

from travelog.slugs import SLUG_SEPARATOR, material_slugify

BLOG_PLUGIN_NAMES = ("material/blog", "blog")
_NAMED_DATE_FORMATS = ("full", "long", "medium", "short")
Slugify = Callable[[str, str], str]


@dataclass(frozen=True)
class BlogLayout:
    """The blog plugin's URL settings (Material's defaults when the plugin is absent)."""

    blog_dir: str = "blog"
    post_dir: str = "{blog}/posts"
    authors_file: str = "{blog}/.authors.yml"
    post_url_format: str = "{date}/{slug}"
    post_url_date_format: str = "yyyy/MM/dd"
    post_url_max_categories: int = 1
    post_slugify: Slugify = material_slugify
    post_slugify_separator: str = SLUG_SEPARATOR
    archive_url_format: str = "archive/{date}"
    archive_url_date_format: str = "yyyy"
    categories_url_format: str = "category/{slug}"
    categories_slugify: Slugify = material_slugify
    categories_slugify_separator: str = SLUG_SEPARATOR
    locale: str = "en"
    use_directory_urls: bool = True
    excerpt_required: bool = False
    """``post_excerpt: required``: every entry needs the excerpt separator."""
    excerpt_separator: str = "<!-- more -->"
    authors_enabled: bool = True
    """Entries' ``authors`` must be in the authors file (the plugin fails on an unknown one)."""

    @property
    def posts_path(self) -> str:
        """The entries' folder relative to docs_dir (``posts`` for ``blog_dir: .``)."""
        return posixpath.normpath(self.post_dir.format(blog=posixpath.normpath(self.blog_dir)))

    @property
    def authors_path(self) -> str:
        """The authors file relative to docs_dir (``.authors.yml`` for ``blog_dir: .``)."""
        return posixpath.normpath(self.authors_file.format(blog=posixpath.normpath(self.blog_dir)))

    def post_slug(self, title: str) -> str:
        return self.post_slugify(title, self.post_slugify_separator)

    def place_slug(self, name: str) -> str:
        return self.categories_slugify(name, self.categories_slugify_separator)

    def entry_url(
        self, *, slug: str, date: dt.datetime, categories: Sequence[str], file_name: str
    ) -> str:
        """Site-relative URL of an entry, as the blog plugin builds it."""
        places = [self.place_slug(name) for name in categories[: self.post_url_max_categories]]
        path = self.post_url_format.format(
            categories="/".join(places),
            date=self._format(date, self.post_url_date_format),
            file=file_name,
            slug=slug,
        )
        return self._page_url(posixpath.normpath(path.strip("/")))

    def archive_url(self, date: dt.date) -> str:
        """The archive page holding entries of ``date`` (by ``archive_url_date_format``)."""
        when = self._format(date, self.archive_url_date_format)
        path = self.archive_url_format.format(date=when)
        return self._page_url(posixpath.normpath(path.strip("/")))

    def place_url(self, name: str) -> str:
        path = self.categories_url_format.format(slug=self.place_slug(name))
        return self._page_url(posixpath.normpath(path.strip("/")))

    def _format(self, date: dt.date, pattern: str) -> str:
        """A date in a CLDR pattern, as the blog plugin formats dates for URLs."""
        locale = self.locale.replace("-", "_")
        if pattern in _NAMED_DATE_FORMATS:
            return format_date(date, format=pattern, locale=locale)
        if not isinstance(date, dt.datetime):
            date = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
        return format_datetime(date, format=pattern, locale=locale)

    def _page_url(self, path: str) -> str:
        source = posixpath.normpath(posixpath.join(self.blog_dir, f"{path}.md"))
        return File(source, None, "", self.use_directory_urls).url


def blog_layout(plugins: Mapping[str, Any], *, locale: str, use_directory_urls: bool) -> BlogLayout:
    """The layout of the first blog plugin in MkDocs' loaded ``plugins``."""
    for name in BLOG_PLUGIN_NAMES:
        plugin = plugins.get(name)
        if plugin is not None:
            options = plugin.config
            return BlogLayout(
                blog_dir=options.blog_dir,
                post_dir=options.post_dir,
                authors_file=options.authors_file,
                post_url_format=options.post_url_format,
                post_url_date_format=options.post_url_date_format,
                post_url_max_categories=options.post_url_max_categories,
                archive_url_format=options.archive_url_format,
                archive_url_date_format=options.archive_url_date_format,
                post_slugify=options.post_slugify,
                post_slugify_separator=options.post_slugify_separator,
                categories_url_format=options.categories_url_format,
                categories_slugify=options.categories_slugify,
                categories_slugify_separator=options.categories_slugify_separator,
                locale=locale,
                use_directory_urls=use_directory_urls,
                excerpt_required=options.post_excerpt == "required",
                excerpt_separator=options.post_excerpt_separator,
                authors_enabled=options.authors,
            )
    return BlogLayout(locale=locale, use_directory_urls=use_directory_urls)
