"""A local initials avatar for an author (the blog requires one; nothing remote)."""

from __future__ import annotations

import hashlib
from xml.sax.saxutils import escape, quoteattr

AVATARS_DIR = "assets/authors"
_COLOURS = ("#00796b", "#c2185b", "#5d4037", "#303f9f", "#7b1fa2", "#ef6c00", "#455a64")


def avatar_path(author_id: str) -> str:
    """The avatar's path relative to the docs folder."""
    return f"{AVATARS_DIR}/{author_id}.svg"


def initials(name: str) -> str:
    letters = [word[0] for word in name.split() if word[0].isalnum()]
    return "".join(letters[:1] + letters[1:][-1:]).upper() or "?"


def avatar_svg(name: str) -> bytes:
    colour = _COLOURS[hashlib.sha256(name.encode()).digest()[0] % len(_COLOURS)]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" '
        f'role="img" aria-label={quoteattr(name)}>\n'
        f'  <circle cx="48" cy="48" r="48" fill="{colour}"/>\n'
        '  <text x="48" y="48" dy=".35em" text-anchor="middle" '
        'font-family="Helvetica, Arial, sans-serif" font-size="36" font-weight="bold" '
        f'fill="#ffffff">{escape(initials(name))}</text>\n'
        "</svg>\n"
    ).encode()
