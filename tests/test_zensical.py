"""The same mkdocs.yml builds with Zensical; entries and tag pages exist in both outputs."""

from __future__ import annotations

from pathlib import Path

from frontmatter_reader import entry_url, published_entries


def test_zensical_builds_entries_and_tag_pages_like_mkdocs(zensical_site: Path, built_site: Path):
    for entry in published_entries():
        for site in (built_site, zensical_site):
            page = site / entry_url(entry) / "index.html"
            assert entry["title"] in page.read_text(encoding="utf-8"), page
    for tag in ("surveillance", "community-life", "food", "language", "family", "daily-life"):
        for site in (built_site, zensical_site):
            html = (site / "tags" / tag / "index.html").read_text(encoding="utf-8")
            assert "entries" in html or "entry" in html
            assert (site / "tags" / tag / "feed.xml").is_file()
    surveillance = (zensical_site / "tags" / "surveillance" / "index.html").read_text("utf-8")
    for entry in published_entries():
        if "surveillance" in entry["tags"]:
            assert entry["slug"] in surveillance
