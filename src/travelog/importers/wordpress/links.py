"""Old WordPress addresses of imported posts and pages, mapped to their new source files.

A post can be reached by its permalink, its guid, ``?p=ID`` or ``?page_id=ID``; all of them
are keyed the same way (host without ``www.``, path without trailing slash). A permalink in
another date form (``/2015/11/14/slug/``, ``/2015/11/slug/``, ``/slug/``) finds its post by
the slug. Links are rewritten to the new Markdown file, relative to the linking file, so the
engine turns them into the new URLs.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import parse_qs, urljoin, urlsplit

_ID_QUERIES = ("p", "page_id", "attachment_id")
_OLD_FRAGMENTS = ("comment-", "comments", "respond", "more-")
# A permalink of the date-and-name kinds WordPress offers: the key's path after the host.
_DATED_PERMALINK = re.compile(
    r"^(?P<host>[^/?]+)(?:/\d{4}(?:/\d{2}(?:/\d{2})?)?)?/(?P<slug>[^/?]+)$"
)


def slug_key(key: str) -> str | None:
    """``host:slug`` for a key shaped like a dated or plain permalink, else None."""
    found = _DATED_PERMALINK.match(key)
    return f"{found['host']}:{found['slug']}" if found else None


def url_key(url: str, base_url: str) -> str | None:
    absolute = urljoin(base_url.rstrip("/") + "/", url.strip())
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    query = parse_qs(parts.query)
    for name in _ID_QUERIES:
        if name in query:
            return f"{host}?{name}={query[name][0]}"
    return f"{host}{parts.path.rstrip('/')}"


class LinkMap:
    def __init__(self, base_url: str):
        self.base_url = base_url
        self.targets: dict[str, str] = {}

    def add(self, target: str, post_id: str, *urls: str) -> None:
        """Register ``target`` (a docs-relative path such as ``posts/slug.md``)."""
        keys = [url_key(url, self.base_url) for url in urls if url]
        keys += [
            url_key(f"?p={post_id}", self.base_url),
            url_key(f"?page_id={post_id}", self.base_url),
        ]
        for key in keys:
            if key is not None:
                self.targets.setdefault(key, target)
                if (by_slug := slug_key(key)) is not None:
                    self.targets.setdefault(by_slug, target)

    def resolver(self, source: str):
        """A function mapping an href in docs file ``source`` to its new relative link."""
        source_dir = posixpath.dirname(source)

        def resolve(href: str) -> str | None:
            if href.startswith("#"):
                return None
            key = url_key(href, self.base_url)
            target = self.targets.get(key) if key else None
            if target is None and key and (by_slug := slug_key(key)) is not None:
                target = self.targets.get(by_slug)
            if target is None:
                return None
            fragment = urlsplit(href).fragment
            link = posixpath.relpath(target, source_dir or ".")
            if fragment and not fragment.startswith(_OLD_FRAGMENTS):
                link += f"#{fragment}"
            return link

        return resolve
