"""Slug rules shared by the journal, the topics, the importer and the templates.

Neutral ground: this module imports nothing from travelog, so every package may use it.
"""

from __future__ import annotations

import unicodedata

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


def to_ascii(text: str) -> str:
    """Chinese characters to pinyin syllables, accented letters to their base letters."""
    from pypinyin import lazy_pinyin  # heavy: only the importer and init make ASCII slugs

    words = lazy_pinyin(text, errors="default")
    joined = " ".join(word.strip() for word in words if word.strip())
    if not any(ord(char) > 127 for char in text):
        joined = text
    decomposed = unicodedata.normalize("NFKD", joined)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def author_id(login: str) -> str:
    """A journal author id from a login or a name: lower-case ASCII with hyphens."""
    return make_slug(to_ascii(login).replace("_", "-"))
