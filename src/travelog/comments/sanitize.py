"""Allow-list cleaning of commenters' words, names and links (nh3, the Rust ammonia binding)."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

import nh3

#: Markup a family member's comment may keep; everything else is dropped, its text kept.
ALLOWED_TAGS = frozenset(
    {"p", "br", "a", "em", "strong", "b", "i", "del", "sub", "sup", "blockquote", "code", "pre"}
    | {"ul", "ol", "li"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc noopener"
WEBSITE_SCHEMES = ("http", "https")


def clean_text(fragment: str) -> str:
    """An HTML fragment with only allow-listed tags, attributes and URL schemes."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()


def plain_author(name: str) -> str:
    """A display name as plain text: any markup removed, whitespace collapsed."""
    return " ".join(html.unescape(nh3.clean(name, tags=set())).split())


def safe_website(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address with a host, else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEBSITE_SCHEMES or not parts.hostname:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url) or any(ch in url for ch in "<>\"'`"):
        return None
    return url
