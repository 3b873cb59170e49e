"""The writer's live preview (the real ``mkdocs serve``) shows family entries open, marked as
family-only, without a passphrase, and still keeps them out of every public page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from family_helpers import family_journal, passphrase_in_environment
from photo_helpers import http_get, mkdocs_serve

pytestmark = pytest.mark.e2e

TITLE = "Dad and Aunt Katie come to Shenzhen"


def test_preview_shows_family_entries_open_and_marked(tmp_path: Path):
    project = family_journal(tmp_path / "journal")
    with passphrase_in_environment(None), mkdocs_serve(project, tmp_path / "serve.log") as server:
        status, listing = http_get(server.url + "family/")
        assert status == 200, server.output()
        text = listing.decode()
        assert "Preview: for family only" in text
        assert TITLE in text
        assert "travelog-family-data" not in text  # nothing sealed: the writer's own view
        [entry_id] = set(re.findall(r'href="/family/([0-9a-f]{20})/"', text))
        status, entry = http_get(f"{server.url}family/{entry_id}/")
        assert status == 200
        page = entry.decode()
        assert "Preview: for family only" in page
        assert "the apartment is suddenly very quiet" in page
        assert '<meta name="robots" content="noindex, nofollow">' in page
        [photo] = re.findall(r'<img[^>]* src="(/assets/photos/[^"]+)"', page)[:1]
        status, _ = http_get(server.url + photo.lstrip("/"))
        assert status == 200
        for public in ("", "tags/family/", "places/shenzhen/", "feed.xml"):
            status, body = http_get(server.url + public)
            assert status == 200, public
            assert TITLE.encode() not in body, public
