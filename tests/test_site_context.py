"""The site context: mkdocs.yml read by MkDocs' own loader, and URLs from the blog's settings.

A journal whose settings come through ``INHERIT`` and ``!ENV``, with ``blog_dir: blog`` and
``post_url_format: "{slug}"`` under a base path: every link travelog writes (feeds, archived
comments, og:image, glossary backlinks, tag links) must point at a page the build produced.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest
import yaml
from conftest import copy_journal, run_travelog
from mkdocs.config import load_config

from travelog.config import load_site_settings
from travelog.errors import TravelogError

PUBLIC_URL = "https://family.example.org/journal/"


def _inherit_with_env(project: Path, overrides: str) -> None:
    """Move the example's settings into base.yml; mkdocs.yml inherits them and overrides."""
    (project / "mkdocs.yml").rename(project / "base.yml")
    (project / "mkdocs.yml").write_text("INHERIT: base.yml\n" + overrides, encoding="utf-8")


def test_env_tag_and_inherit_are_read_as_mkdocs_reads_them(tmp_path, monkeypatch):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    _inherit_with_env(
        project,
        "site_url: !ENV [JOURNAL_URL, 'http://127.0.0.1:8000/']\n"
        "plugins:\n  - travelog:\n      comments:\n        archive_dir: family-comments\n",
    )
    monkeypatch.setenv("JOURNAL_URL", "https://family.example.org/journal")
    site = load_site_settings(project / "mkdocs.yml")
    assert site.site_url == PUBLIC_URL  # one normalisation: a trailing slash
    assert site.base_path == "/journal/"
    assert site.site_name == "Two Years in Shenzhen"  # from base.yml
    assert site.archive_dir == project / "family-comments"
    monkeypatch.delenv("JOURNAL_URL")
    assert load_site_settings(project / "mkdocs.yml").site_url == "http://127.0.0.1:8000/"


def test_a_bad_setting_is_one_line_naming_the_file(tmp_path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("timezone: Asia/Shanghai", "timezone: 8"),
        encoding="utf-8",
    )
    with pytest.raises(TravelogError) as raised:
        load_site_settings(config)
    message = str(raised.value)
    assert str(config) in message and "timezone" in message and "\n" not in message


def _other_url_scheme(project: Path) -> None:
    """blog_dir: blog, post_url_format "{slug}", site_url from the environment."""
    docs = project / "docs"
    (docs / "blog").mkdir()
    shutil.move(docs / "posts", docs / "blog" / "posts")
    shutil.move(docs / ".authors.yml", docs / "blog" / ".authors.yml")
    (docs / "blog" / "index.md").write_text("# Letters\n", encoding="utf-8")
    base = (project / "mkdocs.yml").read_text(encoding="utf-8")
    base = base.replace("blog_dir: .", "blog_dir: blog")
    base = base.replace('post_url_format: "{date}/{slug}"', 'post_url_format: "{slug}"')
    base = base.replace("      - index.md\n", "      - index.md\n      - blog/index.md\n")
    (project / "mkdocs.yml").write_text(base, encoding="utf-8")
    _inherit_with_env(project, "site_url: !ENV JOURNAL_URL\n")


def _page_for(site_dir: Path, url: str) -> Path:
    """The built file a root-relative or absolute URL under PUBLIC_URL serves."""
    path = unquote(urlsplit(url).path)
    assert path.startswith("/journal/"), url
    target = site_dir / path.removeprefix("/journal/")
    return target / "index.html" if path.endswith("/") else target


def _links(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


@pytest.fixture(scope="module")
def other_scheme_site(tmp_path_factory) -> Path:
    project = copy_journal(tmp_path_factory.mktemp("scheme") / "journal")
    _other_url_scheme(project)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNAL_URL", PUBLIC_URL)
        result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.e2e
def test_feeds_link_entries_that_exist(other_scheme_site: Path):
    feed = feedparser.parse((other_scheme_site / "feed.xml").read_bytes())
    assert feed.entries
    for item in feed.entries:
        assert item.link.startswith(PUBLIC_URL + "blog/"), item.link
        assert _page_for(other_scheme_site, item.link).is_file(), item.link
        for media in item.get("media_content", []):
            assert _page_for(other_scheme_site, media["url"]).is_file(), media["url"]
    topic = feedparser.parse((other_scheme_site / "tags" / "food" / "feed.xml").read_bytes())
    assert topic.entries
    for item in topic.entries:
        assert _page_for(other_scheme_site, item.link).is_file(), item.link


@pytest.mark.e2e
def test_archived_comments_and_og_image_are_on_the_entry_pages(other_scheme_site: Path):
    page = other_scheme_site / "blog" / "park-cameras" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'class="travelog-archive"' in html
    assert 'data-isso-id="/journal/blog/park-cameras/"' in html
    images = _links(html, r'<meta property="og:image" content="([^"]+)"')
    assert len(images) == 1
    assert _page_for(other_scheme_site, images[0]).is_file()


@pytest.mark.e2e
def test_glossary_backlinks_and_tag_links_point_at_built_pages(other_scheme_site: Path):
    glossary = other_scheme_site / "glossary" / "index.html"
    links = _links(glossary.read_text(encoding="utf-8"), r"Used in: (.*?)</")
    hrefs = [href for line in links for href in re.findall(r'href="([^"]+)"', line)]
    assert hrefs
    for href in hrefs:
        assert href.startswith("../blog/"), href
        target = urljoin(PUBLIC_URL + "glossary/", href)
        assert _page_for(other_scheme_site, target).is_file(), href
    entry = other_scheme_site / "blog" / "park-cameras" / "index.html"
    tag_links = _links(entry.read_text(encoding="utf-8"), r'<a href="([^"]+)" class="md-tag"')
    assert tag_links
    for href in tag_links:
        target = urljoin(PUBLIC_URL + "blog/park-cameras/", href)
        assert _page_for(other_scheme_site, target).is_file(), href


def test_templates_get_tag_urls_from_the_site_context(tmp_path):
    """The theme overrides link tags through ``config.extra.travelog.tag_urls``: the slug
    rule lives in Python only."""
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    tag_urls = config.extra["travelog"]["tag_urls"]
    assert tag_urls["community life"] == "tags/community-life/"
    registry = yaml.safe_load((project / "docs" / "topics.yml").read_text(encoding="utf-8"))
    assert set(tag_urls) == set(registry)
    for template in (project / "overrides").rglob("*.html"):
        assert "replace(' ', '-')" not in template.read_text(encoding="utf-8"), template
