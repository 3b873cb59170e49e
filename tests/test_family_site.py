"""The example journal with one family entry (a photo, archived comments), built with both
engines: nothing of it is readable in site/, and the sealed pages open in Python with the
passphrase (and only with it)."""

from __future__ import annotations

import base64
import gzip
import io
import json
import re
import shutil
import stat
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from cryptography.exceptions import InvalidTag
from family_helpers import (
    FAMILY_SLUG,
    PASSPHRASE,
    cached_variants,
    derive,
    digest,
    entry_pages,
    family_journal,
    files_containing,
    open_page,
    page_data,
    secret_sentences,
    travelog,
    unseal,
    visible_text,
)
from PIL import Image, UnidentifiedImageError

ENGINES = ("mkdocs", "zensical")
pytestmark = pytest.mark.e2e  # every test here builds a journal
TITLE = "Dad and Aunt Katie come to Shenzhen"
LINK = re.compile(r'(?:href|src)="([^"]*)"')


def links_into_family(site: Path, page: Path) -> list[str]:
    """Links of a built page that lead into family/ once resolved against the page."""
    here = "/" + page.parent.relative_to(site).as_posix().strip(".") + "/"
    resolved = (urljoin(here.replace("//", "/"), link) for link in LINK.findall(page.read_text()))
    return [url for url in resolved if urlsplit(url).path.startswith("/family/")]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return family_journal(tmp_path_factory.mktemp("family") / "journal")


@pytest.fixture(scope="module")
def sites(project: Path) -> dict[str, Path]:
    """The same journal built by MkDocs (into site-mkdocs/) and by Zensical (into site/)."""
    built = {}
    result = travelog(project, "build", "-d", str(project / "site-mkdocs"))
    assert result.returncode == 0, result.stderr
    built["mkdocs"] = project / "site-mkdocs"
    result = travelog(project, "build", "--engine", "zensical")
    assert result.returncode == 0, result.stderr
    built["zensical"] = project / "site"
    assert not list(project.glob(".travelog-family-*"))  # Zensical's configuration is gone
    return built


@pytest.mark.parametrize("engine", ENGINES)
def test_no_sentence_of_the_family_entry_is_anywhere_in_site(sites, engine):
    site = sites[engine]
    sentences = secret_sentences()
    assert len(sentences) > 30
    assert files_containing(site, sentences) == {}
    # The same search finds a public entry's sentences: it can fail.
    public = secret_sentences(slug="park-cameras")
    assert any(name.startswith("search") for name in files_containing(site, public))
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            data = gzip.decompress(data) if path.suffix == ".gz" else data
            assert FAMILY_SLUG.encode() not in data, path


@pytest.mark.parametrize("engine", ENGINES)
def test_no_file_of_its_photo_is_published_as_an_image(project, sites, engine):
    site = sites[engine]
    cached = cached_variants(project)
    assert {path.suffix for path in cached} == {".avif", ".webp", ".jpg"}
    variants = {digest(path) for path in cached}
    published = {digest(path) for path in site.rglob("*") if path.is_file()}
    assert variants.isdisjoint(published)
    assert not list(site.glob("assets/photos/family-visiting*"))
    sealed = sorted((site / "family" / "files").iterdir())
    assert sealed
    for path in [*sealed, *entry_pages(site)]:
        with pytest.raises(UnidentifiedImageError):
            Image.open(path)
    # Public photos are still published and open.
    with Image.open(next((site / "assets" / "photos" / "park-cameras").glob("*.webp"))) as image:
        assert image.format == "WEBP"


@pytest.mark.parametrize("engine", ENGINES)
def test_pages_and_photos_decrypt_in_python_with_the_passphrase(sites, engine):
    site = sites[engine]
    [page] = entry_pages(site)
    opened = open_page(page, PASSPHRASE)
    listed = open_page(site / "family" / "index.html", PASSPHRASE)
    assert opened["title"] == TITLE
    assert TITLE in listed["html"]
    readable = visible_text(opened["html"] + listed["html"])
    for sentence in secret_sentences():
        assert sentence in readable, sentence
    assert "Dad and Aunt Katie, finally through arrivals." in opened["html"]
    assert "4 archived comments" in opened["html"]
    files = opened["files"]
    assert len(files) == 4  # the photo's WebP widths, for the page and the lightbox
    data = page_data(page)
    key = derive(PASSPHRASE, data)
    for plain_url, file in files.items():
        assert plain_url.endswith(".webp")
        # Root-relative addresses: the example's site_url has no sub-path.
        sealed = (site / file["url"].lstrip("/")).read_bytes()
        image = unseal(key, sealed, file["item"])
        with Image.open(io.BytesIO(image)) as opened_image:
            assert opened_image.format == "WEBP"
            assert opened_image.width in (400, 800, 1200, 1600)


@pytest.mark.parametrize("engine", ENGINES)
def test_listings_feeds_search_and_sitemap_leave_it_out(sites, engine):
    site = sites[engine]
    [page] = entry_pages(site)
    opaque = page.parent.name
    for path in site.rglob("*"):
        if path.is_file() and path.relative_to(site).parts[0] != "family":
            assert opaque.encode() not in path.read_bytes(), path
    for path in site.rglob("*.html"):
        if path.relative_to(site).parts[0] != "family":
            assert not links_into_family(site, path), path
    assert links_into_family(site, page)  # the check finds links: the entry's own page has some
    for feed_file in [site / "feed.xml", site / "tags" / "family" / "feed.xml"]:
        feed = feedparser.parse(feed_file.read_bytes())
        assert feed.entries, feed_file
        assert TITLE not in {entry.title for entry in feed.entries}
    index = site / ("search/search_index.json" if engine == "mkdocs" else "search.json")
    search = json.loads(index.read_text())
    locations = [item["location"] for item in search.get("docs") or search["items"]]
    assert locations and not [url for url in locations if url.startswith("family/")]
    assert [url for url in locations if url.startswith("tags/family/")]  # the search can fail
    sitemap = re.findall(r"<loc>([^<]*)</loc>", (site / "sitemap.xml").read_text())
    assert sitemap and not [url for url in sitemap if urlsplit(url).path.startswith("/family/")]
    topic = (site / "tags" / "family" / "index.html").read_text()
    assert "learning-the-language/" in topic  # the other entry with this tag is listed
    assert TITLE not in topic


@pytest.mark.parametrize("engine", ENGINES)
def test_family_pages_say_only_for_family_and_ask_not_to_be_indexed(sites, engine):
    site = sites[engine]
    for page in [site / "family" / "index.html", *entry_pages(site)]:
        text = page.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex, nofollow">' in text
        assert re.search(r"<title>For family - Two Years in Shenzhen</title>", text)
        assert "<h1>For family</h1>" in text
        assert 'property="og:' not in text
        assert "<noscript>" in text


def test_salt_is_private_and_a_rebuild_with_the_same_passphrase_still_opens(project, sites):
    salt = project / "data" / "family" / "salt.json"
    assert stat.S_IMODE(salt.stat().st_mode) == 0o600
    assert stat.S_IMODE(salt.parent.stat().st_mode) == 0o700
    first = project / "site-mkdocs"
    again = project / "site-again"
    result = travelog(project, "build", "-d", str(again))
    assert result.returncode == 0, result.stderr
    [before], [after] = entry_pages(first), entry_pages(again)
    assert before.parent.name == after.parent.name  # a stable address
    names = [sorted(p.name for p in (s / "family" / "files").iterdir()) for s in (first, again)]
    assert names[0] == names[1]  # and stable file names while the passphrase stays
    assert page_data(before)["sealed"] != page_data(after)["sealed"]  # fresh nonces
    assert open_page(after, PASSPHRASE)["title"] == TITLE


def test_a_new_passphrase_locks_out_the_old_one(project, sites, tmp_path):
    site = tmp_path / "site"
    new = "harbour quince ember tundra"
    result = travelog(project, "build", "-d", str(site), passphrase=new)
    assert result.returncode == 0, result.stderr
    [page] = entry_pages(site)
    assert open_page(page, new)["title"] == TITLE
    # New sealed files, under new names: no browser can show a copy cached under the old key.
    old_files = {path.name for path in (project / "site-mkdocs" / "family" / "files").iterdir()}
    assert old_files.isdisjoint(path.name for path in (site / "family" / "files").iterdir())
    with pytest.raises(InvalidTag):
        open_page(page, PASSPHRASE)
    data = page_data(page)
    changed = bytearray(base64.b64decode(data["sealed"]))
    changed[len(changed) // 2] ^= 1
    with pytest.raises(InvalidTag):
        unseal(derive(new, data), bytes(changed), data["item"])
    shutil.rmtree(site)
