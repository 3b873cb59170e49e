"""Addresses the comments need, worked out from the site context's ``comments`` options."""

from __future__ import annotations

import os
from urllib.parse import urljoin, urlsplit

from travelog.config import CommentsConfig, SiteSettings, with_slash
from travelog.journal import Entry

#: Set by ``travelog serve`` for the live preview: where the browser reaches the local Isso.
ISSO_URL_ENV = "TRAVELOG_ISSO_URL"


def isso_browser_url(site: SiteSettings) -> str:
    """The Isso address written into pages, always ending in a slash."""
    override = os.environ.get(ISSO_URL_ENV)
    if override:
        return with_slash(override)
    url = site.plugin.comments.isso.url
    return with_slash(url if urlsplit(url).scheme else urljoin(site.base_path, url))


def thread_uri(entry: Entry, site: SiteSettings) -> str:
    """The Isso thread id of an entry: its path on the site, e.g. ``/2024/09/park-cameras/``."""
    return site.rooted(entry.url)


def isso_api_url(comments: CommentsConfig, given: str | None) -> str:
    """Where the commands reach Isso: ``--isso``, else an absolute ``url``, else the local port."""
    url = given or (comments.isso.url if urlsplit(comments.isso.url).scheme else "")
    return with_slash(url or f"http://127.0.0.1:{comments.isso.port}/")
