"""Names the journal accepts, made from WordPress's: slugs, tag names, author ids."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

from travelog.slugs import make_slug, to_ascii
from travelog.topics import is_tag_name

_INNER_PLUS = re.compile(r"\++(?=[^+])")
_HYPHENS = re.compile(r"-{2,}")


def slug_for(wordpress_slug: str, title: str, fallback: str) -> str:
    """A lower-case ASCII slug from ``post_name`` (percent-decoded), else from the title."""
    for source in (unquote(wordpress_slug), title):
        slug = _HYPHENS.sub("-", make_slug(to_ascii(source))).strip("-")
        if slug:
            return slug
    return fallback


def tag_name(name: str) -> str:
    """A registry tag name in the tag's own script: lower case, words apart, "&" as "and".

    "Москва" -> "москва", "C++" -> "c++", "street_food" -> "street food"; "" when nothing
    is left (only punctuation).
    """
    text = unicodedata.normalize("NFC", name).lower().replace("&", " and ")
    kept = "".join(
        char
        if char in "+-" or char.isalnum() or unicodedata.category(char).startswith("M")
        else " "
        for char in text
    )
    words = []
    for word in kept.split():
        word = _HYPHENS.sub("-", word).strip("-")
        word = _INNER_PLUS.sub(" ", word).lstrip("+").strip()
        words += [part.strip("-") for part in word.split() if part.strip("-+")]
    candidate = " ".join(words)
    return candidate if is_tag_name(candidate) else ""


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not yet in ``taken`` (then taken)."""
    candidate, counter = base, 2
    while candidate in taken:
        candidate, counter = f"{base}-{counter}", counter + 1
    taken.add(candidate)
    return candidate
