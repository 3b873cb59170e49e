"""Private by default: a page load requests nothing from any other host."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from frontmatter_reader import entry_url, published_entries

PAGES = ["", entry_url(published_entries()[0]), "tags/surveillance/"]


@pytest.mark.parametrize("path", PAGES, ids=["home", "entry", "tag page"])
def test_page_load_requests_only_the_site_itself(page, site_server: str, path: str):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_server + path, wait_until="networkidle")
    page.mouse.wheel(0, 5000)
    # Lazy images start loading once scrolled to: wait until every image has loaded or failed.
    page.wait_for_function("Array.from(document.images).every(image => image.complete)")
    page.wait_for_load_state("networkidle")
    origin = urlsplit(site_server).netloc
    assert requested, "the browser made no request at all"
    foreign = [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != origin
    ]
    assert foreign == []
    assert page.locator("h1").first.is_visible()
