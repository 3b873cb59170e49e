"""Allow-list cleaning of commenters' words, names and links (nh3, the Rust ammonia binding).

The one sanitizer of comment archives: ``comments freeze``, the WordPress import and the
rendering of archived threads all use it. Anything shaped like an email or IP address is
removed from what a commenter wrote, so none reaches the site.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import nh3

#: Markup a family member's comment may keep; everything else is dropped, its text kept.
ALLOWED_TAGS = frozenset(
    {"p", "br", "a", "em", "strong", "b", "i", "del", "sub", "sup", "blockquote", "code", "pre"}
    | {"ul", "ol", "li"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
#: No ``mailto:``: no commenter's email address reaches the site.
ALLOWED_URL_SCHEMES = frozenset({"http", "https"})
LINK_REL = "nofollow ugc noopener"
WEBSITE_SCHEMES = ("http", "https")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6 = re.compile(r"\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b", re.IGNORECASE)


def redact(text: str) -> str:
    """Remove anything shaped like an email or IP address from free text."""
    text = _EMAIL.sub("[email removed]", text)
    return _IPV6.sub("[address removed]", _IPV4.sub("[address removed]", text))


def clean_text(fragment: str) -> str:
    """An HTML fragment with only allow-listed tags, attributes and URL schemes."""
    return nh3.clean(
        redact(fragment),
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()


def plain_author(name: str) -> str:
    """A display name as plain text: any markup removed, whitespace collapsed."""
    return " ".join(redact(html.unescape(nh3.clean(name, tags=set()))).split())


def safe_website(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address with a host, else None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in WEBSITE_SCHEMES or not parts.hostname or "@" in parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 for ch in url) or any(ch in url for ch in "<>\"'`"):
        return None
    return url
