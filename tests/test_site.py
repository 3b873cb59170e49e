"""The example journal, built with MkDocs: entries, topics, archive, places, navigation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from frontmatter_reader import entry_url, example_entries, published_entries

HREF = re.compile(r'href="([^"]+)"')


def article(site: Path, url: str) -> str:
    """The page's main content (every article on listing pages), without header and footer."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    start = html.index('<div class="md-content"')
    return html[start : html.index("</main>", start)]


def linked_entry_urls(html: str, here: str) -> set[str]:
    """Entry URLs (yyyy/mm/slug/) that a page at ``here`` links to."""
    found = set()
    for href in HREF.findall(html):
        resolved = Path(here, href).as_posix()
        parts = []
        for part in resolved.split("/"):
            if part == "..":
                parts.pop()
            elif part not in ("", "."):
                parts.append(part)
        path = "/".join(parts) + "/"
        if re.fullmatch(r"\d{4}/\d{2}/[a-z0-9-]+/", path):
            found.add(path)
    return found


def test_example_journal_meets_the_brief():
    entries = published_entries()
    assert len(entries) >= 8
    dates = sorted(entry["date"] for entry in entries)
    assert (dates[-1] - dates[0]).days >= 365
    assert {author for entry in entries for author in entry["authors"]} == {"claire", "mark"}
    for entry in entries:
        assert {"title", "date", "authors", "categories", "tags", "description"} <= entry.keys()


def test_every_published_entry_has_a_page_and_drafts_do_not(built_site: Path):
    for entry in example_entries():
        page = built_site / entry_url(entry) / "index.html"
        assert page.exists() != bool(entry.get("draft")), entry["file"]
    drafts = [entry for entry in example_entries() if entry.get("draft")]
    assert drafts, "the example keeps one draft to show that drafts stay hidden"
    everything = "".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    for draft in drafts:
        assert draft["title"] not in everything


def test_home_lists_excerpts_with_pagination(built_site: Path):
    home = article(built_site, "")
    newest = sorted(published_entries(), key=lambda e: e["date"], reverse=True)
    assert newest[0]["title"] in home
    assert "md-post--excerpt" in home
    assert (built_site / "page" / "2" / "index.html").exists()
    assert "Continue reading" in home


@pytest.mark.parametrize("tag", sorted({t for e in example_entries() for t in e["tags"]}))
def test_each_tag_page_lists_exactly_its_entries_newest_first(built_site: Path, tag: str):
    slug = tag.replace(" ", "-")
    html = article(built_site, f"tags/{slug}")
    expected = [
        entry_url(e)
        for e in sorted(published_entries(), key=lambda e: e["date"], reverse=True)
        if tag in e["tags"]
    ]
    assert linked_entry_urls(html, f"tags/{slug}/") == set(expected)
    # Cards link by the site's root (site_url's path) or relatively.
    order = [m for m in re.findall(r'href="(?:/|(?:\.\./)+)(\d{4}/\d{2}/[a-z0-9-]+/)"', html)]
    assert order == expected
    assert f'<h1 id="{slug}"' in html or f">{tag.capitalize()}<" in html


def test_tag_pages_carry_their_registry_description(built_site: Path):

    registry = yaml.safe_load((ROOT / "docs" / "topics.yml").read_text(encoding="utf-8"))
    assert {"surveillance", "community life", "food", "language", "family", "daily life"} <= set(
        registry
    )
    for tag, description in registry.items():
        html = article(built_site, f"tags/{tag.replace(' ', '-')}")
        assert " ".join(description.split())[:60] in html
    index = article(built_site, "tags")
    for tag in registry:
        assert f'href="{tag.replace(" ", "-")}/"' in index


def test_entry_tags_link_to_their_topic_pages(built_site: Path):
    entry = next(e for e in published_entries() if "community life" in e["tags"])
    html = (built_site / entry_url(entry) / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="(\.\./)+tags/community-life/" class="md-tag"', html)


def test_archive_by_month_and_place_pages(built_site: Path):
    for entry in published_entries():
        month = f"{entry['date']:%Y/%m}"
        archive = article(built_site, f"archive/{month}")
        assert entry["title"] in archive
        for place in entry["categories"]:
            assert entry["title"] in article(built_site, f"places/{place.lower()}")


def test_entries_show_authors_and_reading_time(built_site: Path):
    entry = published_entries()[0]
    html = (built_site / entry_url(entry) / "index.html").read_text(encoding="utf-8")
    assert "min read" in html
    assert ("Claire Bennett" in html) or ("Mark Bennett" in html)
    assert (built_site / "author" / "claire" / "index.html").exists()


def test_previous_and_next_entry_links(built_site: Path):
    ordered = sorted(published_entries(), key=lambda e: e["date"])
    middle = ordered[len(ordered) // 2]
    here = entry_url(middle)
    html = (built_site / here / "index.html").read_text(encoding="utf-8")
    footer = html[html.index('<nav class="travelog-prevnext') :]
    before = ordered[len(ordered) // 2 - 1]
    after = ordered[len(ordered) // 2 + 1]
    assert linked_entry_urls(footer[: footer.index("</nav>")], here) == {
        entry_url(before),
        entry_url(after),
    }
    assert before["title"] in footer and after["title"] in footer


def test_about_page(built_site: Path):
    assert "About us" in article(built_site, "about")


def test_no_external_fonts_or_scripts_in_any_page(built_site: Path):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for url in re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html):
            assert url.startswith("http://127.0.0.1:8000/"), f"{page}: {url}"


def test_entries_end_with_their_neighbours_and_related_entries(built_site: Path):
    entry = next(e for e in published_entries() if e["slug"] == "park-cameras")
    here = entry_url(entry)
    html = (built_site / here / "index.html").read_text(encoding="utf-8")
    related = html[html.index('<section class="travelog-related"') :]
    related = related[: related.index("</section>")]
    linked = linked_entry_urls(related, here)
    assert 2 <= len(linked) <= 3 and here not in linked
    for other in published_entries():
        if entry_url(other) in linked:
            assert set(other["tags"]) & set(entry["tags"]), other["slug"]
    assert related.count("<img") == len(linked)
    neighbours = html[html.index('<nav class="travelog-prevnext') :]
    neighbours = neighbours[: neighbours.index("</nav>")]
    assert 'alt=""' in neighbours  # thumbnails beside the titles
