"""Slug rules shared by the journal, the topics, the importer and the templates.

Neutral ground: this module imports nothing from travelog, so every package may use it.
"""

from __future__ import annotations

from pymdownx.slugs import slugify

#: Material's default ``post_slugify`` and ``categories_slugify``: ``(text, separator) -> slug``.
material_slugify = slugify(case="lower")
SLUG_SEPARATOR = "-"


def make_slug(title: str) -> str:
    """The slug Material's blog plugin derives from a title with its default ``post_slugify``."""
    return material_slugify(title, SLUG_SEPARATOR)


def tag_slug(name: str) -> str:
    """The URL slug of a topic (tag): lower case, spaces turned into hyphens."""
    return name.strip().lower().replace(" ", SLUG_SEPARATOR)
