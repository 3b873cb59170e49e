"""WordPress's public Theme Unit Test export, imported with a generated uploads folder into
a new journal, checked, built strictly and read back.

The export is ``../shared/wordpress/theme-unit-test.xml`` (not part of the project). Its
uploads are generated: one small file per attachment, an image in the format its
extension names (GIFs included), a few bytes for the rest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, run_travelog, serve_directory
from PIL import Image
from wordpress_import import import_into_new

EXPORT = ROOT.parent / "shared" / "wordpress" / "theme-unit-test.xml"
pytestmark = pytest.mark.skipif(not EXPORT.is_file(), reason=f"{EXPORT} is not on this machine")
WP = "{https://wordpress.org/export/1.2/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF"}
_UPLOAD = re.compile(r"(?:\.files\.wordpress\.com|/wp-content/uploads)/(.+)$")


def _items() -> list[ET.Element]:
    return ET.parse(EXPORT).getroot().findall("channel/item")


def _text(item: ET.Element, name: str) -> str:
    return (item.findtext(WP + name) or "").strip()


def make_uploads(folder: Path) -> Path:
    for item in _items():
        url = _text(item, "attachment_url")
        found = _UPLOAD.search(urlsplit(url).netloc + urlsplit(url).path) if url else None
        if found is None:
            continue
        path = folder / found.group(1)
        path.parent.mkdir(parents=True, exist_ok=True)
        fmt = IMAGE_FORMATS.get(path.suffix.lower())
        if fmt:
            Image.new("RGB", (48, 32), "teal").save(path, fmt)
        else:
            path.write_bytes(b"generated " + path.suffix.encode())
    return folder


def _published(post_type: str) -> list[ET.Element]:
    return [
        item
        for item in _items()
        if _text(item, "post_type") == post_type
        and _text(item, "status") == "publish"
        and not _text(item, "post_password")
    ]


def _approved(item: ET.Element) -> set[str]:
    return {
        _text(comment, "comment_id")
        for comment in item.findall(WP + "comment")
        if _text(comment, "comment_approved") == "1"
        and _text(comment, "comment_type") in ("", "comment")
    }


@pytest.fixture(scope="module")
def tut(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("tut")
    uploads = make_uploads(folder / "uploads")
    project = folder / "journal"
    result = import_into_new(project, EXPORT, "--media", str(uploads))
    assert result.returncode == 0, result.stderr
    check = run_travelog("check", cwd=project)
    assert check.returncode == 0, check.stderr
    build = run_travelog("build", "--strict", cwd=project)
    assert build.returncode == 0, build.stderr
    return project, result.stdout


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def _entries(project: Path) -> dict[str, dict]:
    return {path.stem: _front(path) for path in sorted((project / "docs/posts").glob("*.md"))}


def _entry_page(project: Path, meta: dict) -> Path:
    return project / "site" / f"{meta['date']:%Y/%m}" / meta["slug"] / "index.html"


def _entry_of(item: ET.Element, entries: dict[str, dict]) -> dict:
    """The imported entry of a post: by its WordPress slug, else by its title."""
    slug = _text(item, "post_name")
    if slug in entries:
        return entries[slug]
    return next(meta for meta in entries.values() if meta["title"] == item.findtext("title"))


def _html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.e2e
def test_48_published_posts_and_no_draft_leaks(tut):
    project, stdout = tut
    assert "51 entries (48 published, 3 drafts), 21 pages" in stdout.splitlines()[1]
    entries = _entries(project)
    published = {slug: meta for slug, meta in entries.items() if not meta.get("draft")}
    drafts = {slug: meta for slug, meta in entries.items() if meta.get("draft")}
    assert len(published) == 48 and len(drafts) == 3
    for meta in published.values():
        assert _entry_page(project, meta).is_file(), meta["slug"]
    site_text = "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in (project / "site").rglob("*")
        if path.suffix in (".html", ".xml", ".json")
    )
    for meta in drafts.values():
        assert not _entry_page(project, meta).exists(), meta["slug"]
        assert meta["title"] not in site_text, meta["title"]


@pytest.mark.e2e
def test_every_page_is_in_the_nav(tut):
    project, _ = tut
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.compose(config, Loader=yaml.SafeLoader)
    in_nav = _scalars(next(value for key, value in nav.value if key.value == "nav"))
    pages = {
        path.relative_to(project / "docs").as_posix()
        for path in (project / "docs").rglob("*.md")
        if path.relative_to(project / "docs").parts[0] not in ("posts", "tags")
    }
    assert len(_published("page")) == 21
    imported = pages - {"index.md", "glossary.md", "places/index.md", "archive/index.md"}
    assert len(imported) == 21
    assert imported <= in_nav, imported - in_nav
    home = _html(project / "site/index.html")
    assert home.find("a", href=re.compile(r"level-1/level-2/level-3/$")) is not None


def _scalars(node: yaml.Node) -> set[str]:
    if isinstance(node, yaml.ScalarNode):
        return {node.value}
    children = node.value if isinstance(node, yaml.SequenceNode) else [v for _, v in node.value]
    return set().union(*(_scalars(child) for child in children))


def _archived_ids(archive: Path) -> set[str]:
    data = yaml.safe_load(archive.read_text(encoding="utf-8"))
    return {comment["id"].removeprefix("wp-") for comment in data["comments"]}


@pytest.mark.e2e
def test_every_approved_comment_is_archived_and_shown_under_its_post_or_page(tut):
    project, _ = tut
    entries = {meta["slug"]: meta for meta in _entries(project).values()}
    counted = 0
    for item in _published("post"):
        approved = _approved(item)
        if not approved:
            continue
        meta = _entry_of(item, entries)
        assert _archived_ids(project / "comments" / f"{meta['slug']}.yml") == approved
        page = _html(_entry_page(project, meta))
        assert len(page.select("section.travelog-comments li.travelog-comment")) == len(approved)
        counted += len(approved)
    for item in _published("page"):
        approved = _approved(item)
        if not approved:
            continue
        archives = list((project / "comments/pages").rglob(f"{_text(item, 'post_name')}.yml"))
        assert len(archives) == 1 and _archived_ids(archives[0]) == approved
        relative = archives[0].relative_to(project / "comments/pages").with_suffix("")
        page = _html(project / "site" / relative / "index.html")
        assert len(page.select("section.travelog-comments li.travelog-comment")) == len(approved)
        counted += len(approved)
    assert counted == 24  # 21 on published posts, 3 on the page "Page with comments"


@pytest.mark.e2e
def test_captions_galleries_and_nothing_mangled(tut):
    project, _ = tut
    entries = {meta["slug"]: meta for meta in _entries(project).values()}
    galleries = 0
    for item in _published("post"):
        meta = _entry_of(item, entries)
        page = _html(_entry_page(project, meta))
        article = page.find("article")
        content = item.findtext(CONTENT) or ""
        captions = len(re.findall(r"\[caption", content))
        captions += len(re.findall(r"<!-- wp:image[^>]*-->\s*<figure[^>]*>.*?<figcaption", content))
        assert len(article.find_all("figcaption")) >= captions, meta["slug"]
        galleries += len(article.select("div.travelog-gallery"))
        for paragraph in article.find_all("p"):
            assert paragraph.get_text(strip=True) != "-", meta["slug"]
        assert ":   " not in article.get_text(), meta["slug"]
    assert galleries == 12 + 9
    classic = _html(_entry_page(project, entries["post-format-gallery"])).find("article")
    assert len(classic.select("div.travelog-gallery")) == 10
    block = _html(_entry_page(project, entries["block-gallery"])).find("article")
    assert len(block.select("div.travelog-gallery")) == 8


@pytest.mark.e2e
def test_a_redirect_for_every_imported_post(tut):
    project, _ = tut
    site = project / "site"
    rules = (site / "_redirects").read_text(encoding="utf-8").splitlines()
    entries = {meta["slug"]: meta for meta in _entries(project).values()}
    for item in _published("post"):
        meta = _entry_of(item, entries)
        new = f"/{meta['date']:%Y/%m}/{meta['slug']}/"
        assert f"/ p={_text(item, 'post_id')} {new} 301" in rules
        old = urlsplit(item.findtext("link") or "").path
        if old != new:
            stub = _html(site / old.strip("/") / "index.html")
            assert stub.find("link", rel="canonical")["href"].endswith(new)


@pytest.fixture(scope="module")
def tut_server(tut):
    with serve_directory(tut[0] / "site") as url:
        yield url


@pytest.mark.e2e
@pytest.mark.parametrize(
    "path", ["2013/01/markup-html-tags-and-formatting/", "2012/01/template-comments/"]
)
def test_long_posts_and_a_ten_deep_thread_fit_a_phone(tut, tut_server, browser, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(tut_server + path)
        if "comments" in path:
            depth = page.evaluate(
                "Math.max(...[...document.querySelectorAll('li.travelog-comment')].map("
                "li => { let d = 0; for (let e = li; e; e = e.parentElement.closest("
                "'li.travelog-comment')) d++; return d; }))"
            )
            assert depth >= 10
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways: {width} px"
    finally:
        context.close()
