"""Moving a whole WordPress.com blog: the hand-written ``wordpress-com-move.xml`` with its
uploads, imported into a new journal with one command, then built strictly."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import assert_one_line_error, run_mkdocs, run_travelog
from PIL import Image
from wordpress_import import (
    MOVE,
    import_into_new,
    make_media_tar,
    make_move_media,
    tree,
)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``site/wp-content/uploads`` holding the fixture's uploads; returns the uploads folder."""
    return make_move_media(tmp_path_factory.mktemp("site") / "wp-content" / "uploads")


@pytest.fixture(scope="module")
def moved(tmp_path_factory, media) -> tuple[Path, str]:
    project = tmp_path_factory.mktemp("move") / "ridge"
    result = import_into_new(project, MOVE, "--media", str(media), "--timezone", "Europe/Lisbon")
    assert result.returncode == 0, result.stderr
    return project, result.stdout


@pytest.fixture(scope="module")
def moved_site(moved) -> Path:
    project, _ = moved
    check = run_travelog("check", cwd=project)
    assert check.returncode == 0, check.stderr
    build = run_travelog("build", "--strict", cwd=project)
    assert build.returncode == 0, build.stderr
    return project / "site"


def test_every_way_wordpress_com_names_a_file_finds_the_original(moved, media):
    project, _ = moved
    expected = {
        # absolute blogs.dir attached file, reached through i0.wp.com with a query string
        "along-the-ridge/dsc_7142.jpg": "2015/11/dsc_7142.jpg",
        # -e<timestamp>-1024x768 on files.wordpress.com: the edited full size, not the original
        "along-the-ridge/ridge.jpg": "2016/03/ridge-e1491234567.jpg",
        # -scaled through i2.wp.com: the unscaled original
        "summit-day/summit.jpg": "2017/05/summit.jpg",
        # -rotated-300x200 under an absolute wp-content/uploads path: the rotated copy exists
        "summit-day/lake.jpg": "2017/06/lake-rotated.jpg",
        "summit-day/waterfall.gif": "2017/06/waterfall.gif",
        "summit-day/trail-map.gif": "2017/06/trail-map.gif",
    }
    for copy, original in expected.items():
        assert (project / "photos" / copy).read_bytes() == (media / original).read_bytes(), copy


def _photos(project: Path) -> dict[str, bytes]:
    return {name: data for name, data in tree(project).items() if name.startswith("photos/")}


@pytest.mark.parametrize("form", ["folder above", "site folder", "archive"])
def test_media_as_the_folder_above_the_site_or_the_media_archive(tmp_path, moved, media, form):
    source = {"folder above": media.parent, "site folder": media.parent.parent}.get(form)
    if source is None:
        source = make_media_tar(media, tmp_path / "ridgeandriver-media.tar")
    project = tmp_path / "journal"
    result = import_into_new(project, MOVE, "--media", str(source))
    assert result.returncode == 0, result.stderr
    assert _photos(project) == _photos(moved[0])
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["journal", *(["ridgeandriver-media.tar"] if form == "archive" else [])]
    ), "nothing unpacked outside the journal"


def _member(name: str, kind: bytes = tarfile.REGTYPE, target: str = "") -> tarfile.TarInfo:
    member = tarfile.TarInfo(name)
    member.type = kind
    member.linkname = target
    return member


@pytest.mark.parametrize(
    ("member", "needle"),
    [
        (_member("../2017/08/g1.jpg"), "leads outside the archive"),
        (_member("/etc/cron.d/job"), "leads outside the archive"),
        (_member("ridgeandriver-media/2017/08/g4.jpg", tarfile.SYMTYPE, "/etc/passwd"), "link"),
        (
            _member("ridgeandriver-media/2017/08/g5.jpg", tarfile.LNKTYPE, "etc/passwd"),
            "link",
        ),
    ],
)
def test_a_media_archive_with_escaping_members_or_links_is_refused(tmp_path, media, member, needle):
    archive = make_media_tar(media, tmp_path / "media.tar", member)
    folder = tmp_path / "journal"
    result = import_into_new(folder, MOVE, "--media", str(archive))
    assert_one_line_error(result, "media.tar", "refused", needle)
    assert not folder.exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["media.tar"]


@pytest.mark.e2e
def test_gifs_build_still_and_animated(moved_site):
    photos = moved_site / "assets" / "photos" / "summit-day"
    animated = sorted(photos.glob("waterfall-*.webp")) + sorted(photos.glob("waterfall-*.avif"))
    assert animated
    for path in animated:
        with Image.open(path) as image:
            assert image.n_frames == 3, path
    for path in sorted(photos.glob("waterfall-*.jpg")) + sorted(photos.glob("trail-map-*")):
        with Image.open(path) as image:
            assert getattr(image, "n_frames", 1) == 1, path
    page = (moved_site / "2017/06/summit-day/index.html").read_text(encoding="utf-8")
    assert page.count("<figure") >= 5


def _article(site: Path, url: str) -> BeautifulSoup:
    page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = page.find("article")
    assert article is not None
    return article


@pytest.mark.e2e
def test_the_page_says_what_wordpress_said(moved_site):
    notes = _article(moved_site, "2017/07/notes")
    assert [h.get_text(strip=True) for h in notes.find_all("h1")] == ["Notes the editor wrote"]
    paragraphs = [p.get_text() for p in notes.find_all("p")]
    for text in (
        "#travel #alps",
        "1986. A great year for boots.",
        "> not a quote, just an arrow",
        "- not a list, a dash\n+ plus, not a list",
        "===",
        "---",
        "Water is H2O and E = MC2.\nOne line,\nand the next.",
        "Fish & chips — «bien sûr» © 2017.",
    ):
        assert text in paragraphs, (text, paragraphs)
    outer = notes.find("ul")
    assert [li.find(string=True).strip() for li in outer.find_all("li", recursive=False)] == [
        "Packing",
        "Food",
    ]
    assert outer.li.ul.li.ul.li.get_text(strip=True) == "Pegs"
    assert outer.find_next_sibling("ul").get_text(strip=True) == "A second, separate list"
    ordered = notes.find("ol")
    third, fourth = ordered.find_all("li", recursive=False)
    assert ordered["start"] == "3" and third.get_text(strip=True) == "Third step"
    assert fourth.ol.li.get_text(strip=True) == "Fourth, part one"
    assert [dt.get_text() for dt in notes.find_all("dt")] == ["Col", "Scree"]
    assert notes.find("sub").get_text() == "2" and notes.find("sup").get_text() == "2"
    assert [td.get_text() for td in notes.find("table").find_all("td")] == [
        "1",
        "12 km",
        "2",
        "9 km",
    ]
    assert " ".join(notes.find("blockquote").get_text().split()) == "Walk slowly, drink often."
    assert "language-python" in notes.find("code")["class"]
    assert ":   " not in notes.get_text()


@pytest.mark.e2e
def test_a_featured_image_missing_from_the_body_leads_the_entry(moved, moved_site):
    project, _ = moved
    body = (project / "docs/posts/notes.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert body.lstrip().startswith("![Two pairs of muddy boots](photos/notes/cover.jpg)")
    first = _article(moved_site, "2017/07/notes").find("figure")
    assert first.find("img")["alt"] == "Two pairs of muddy boots"
    assert first.figcaption.get_text(strip=True) == "Our boots after the trip"


def _captions(figures) -> list[str]:
    return [f.figcaption.get_text(strip=True) if f.figcaption else "" for f in figures]


@pytest.mark.e2e
def test_classic_and_block_galleries_keep_each_use_s_caption(moved, moved_site):
    article = _article(moved_site, "2017/08/hut-to-hut")
    galleries = article.find_all(class_="travelog-gallery")
    assert len(galleries) == 2
    classic, block = (g.find_all("figure") for g in galleries)
    assert _captions(classic) == ["First light on the col", "The long descent", "Tea at the hut"]
    assert _captions(block)[0] == "Col at six", "the same photo, the second use's own caption"
    assert not any(p.get_text(strip=True) in ("-", "") for p in article.find_all("p"))


@pytest.mark.e2e
def test_a_missing_photo_keeps_its_caption_under_its_link(moved, moved_site):
    _, stdout = moved
    article = _article(moved_site, "2015/11/along-the-ridge")
    link = article.find("a", string="Photo: Grey fog")
    assert link["href"] == "https://ridgeandriver.files.wordpress.com/2017/07/ghost.jpg"
    assert "Fog over the pass, thick" in link.parent.get_text()
    assert link.parent.find("em").get_text() == "thick"
    assert stdout.count("2017/07/ghost.jpg") == 1


@pytest.mark.e2e
def test_pages_join_the_nav_with_their_hierarchy_and_the_about_page_replaces_the_starter(
    moved, moved_site
):
    project, stdout = moved
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTags)
    assert {"About": "about.md"} in config["nav"]
    assert {"Gear": ["gear.md", {"Tents": "gear/tents.md"}]} in config["nav"]
    assert not (project / "docs/about-2.md").exists()
    about = (project / "docs/about.md").read_text(encoding="utf-8")
    assert "I walk, and write about it." in about and "about-2" not in stdout
    nav = BeautifulSoup((moved_site / "index.html").read_text("utf-8"), "html.parser")
    assert nav.find("a", href="gear/tents/") is not None
    tents = _article(moved_site, "gear/tents")
    assert tents.get_text().count("One pole is enough.") == 1


class _AnyTags(yaml.SafeLoader):
    """mkdocs.yml with its !ENV and !!python tags read as plain values."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


@pytest.mark.e2e
def test_approved_comments_on_pages_are_archived_and_rendered_like_entry_comments(
    moved, moved_site
):
    project, stdout = moved
    archive = yaml.safe_load((project / "comments/pages/about.yml").read_text(encoding="utf-8"))
    assert [(c["id"], c["parent"]) for c in archive["comments"]] == [
        ("wp-701", None),
        ("wp-702", "wp-701"),
    ]
    assert "2 comments (0 on entries, 2 on pages)" in stdout
    page = (moved_site / "about/index.html").read_text(encoding="utf-8")
    section = BeautifulSoup(page, "html.parser").find("section", class_="travelog-comments")
    thread = section.find("ol", class_="travelog-thread")
    assert thread.li.find(class_="travelog-comment-author").get_text() == "Aunt May"
    assert "Thank you, May." in thread.li.find("ol", class_="travelog-replies").get_text()
    assert "Not approved yet" not in page and "may@family" not in page
    assert "198.51.100" not in page


@pytest.mark.e2e
def test_old_addresses_redirect_to_the_new_pages(moved, moved_site):
    project, stdout = moved
    stub = moved_site / "2015/11/14/along-the-ridge/index.html"
    head = BeautifulSoup(stub.read_text(encoding="utf-8"), "html.parser")
    refresh = head.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == "0; url=../../along-the-ridge/"
    assert (stub.parent / "../../along-the-ridge/index.html").resolve().is_file()
    assert head.find("link", rel="canonical")["href"].endswith("/2015/11/along-the-ridge/")
    rules = (moved_site / "_redirects").read_text(encoding="utf-8").splitlines()
    assert "/2015/11/14/along-the-ridge/ /2015/11/along-the-ridge/ 301" in rules
    assert "/ p=201 /2015/11/along-the-ridge/ 301" in rules
    assert "/ page_id=303 /gear/tents/ 301" in rules
    nginx = (project / "redirects.nginx.conf").read_text(encoding="utf-8")
    assert '"/?p=204" "/2017/08/hut-to-hut/";' in nginx
    assert "11 redirects" in stdout
    summit = _article(moved_site, "2017/06/summit-day")
    assert summit.find("a", string="the first walk")["href"] == "../../../2015/11/along-the-ridge/"
    assert summit.find("a", string="the notes")["href"] == "../../07/notes/"
    huts = _article(moved_site, "2017/08/hut-to-hut")
    assert huts.find("a", string="summit day")["href"] == "../../06/summit-day/"


@pytest.mark.e2e
def test_tags_in_every_script_are_kept_apart_under_their_own_names(moved, moved_site):
    project, stdout = moved
    topics = yaml.safe_load((project / "docs/topics.yml").read_text(encoding="utf-8"))
    for name in ("москва", "서울", "content περιεχόμενο", "content", "東京", "c++", "c"):
        assert name in topics, name
    assert "“東京”" in topics["東京"]
    assert "skipped: tag" not in stdout
    page = BeautifulSoup(
        (moved_site / "tags/서울/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert page.find("a", string="Along the ridge") is not None


@pytest.mark.e2e
def test_a_linked_pdf_is_copied_to_downloads(moved, moved_site, media):
    project, stdout = moved
    copy = project / "docs/downloads/hut-guide.pdf"
    assert copy.read_bytes() == (media / "2017/06/hut-guide.pdf").read_bytes()
    link = _article(moved_site, "2015/11/along-the-ridge").find("a", string="the hut guide (PDF)")
    assert (moved_site / "2015/11/along-the-ridge" / link["href"]).resolve() == (
        moved_site / "downloads/hut-guide.pdf"
    )
    assert "1 download" in stdout


def test_the_summary_counts_everything_and_names_each_missing_file_once(moved):
    _, stdout = moved
    first = stdout.splitlines()[1]
    assert first == (
        "imported: 4 entries (4 published, 0 drafts), 3 pages, 2 comments (0 on entries, "
        "2 on pages), 11 photos (1 missing), 2 galleries, 1 download, 11 redirects, "
        "0 shortcodes left as text; new: 0 authors, 7 tags"
    )
    assert [line for line in stdout.splitlines() if line.startswith("missing")] == [
        'missing media: 2017/07/ghost.jpg (in "Along the ridge" (docs/posts/along-the-ridge.md)):'
        " kept as a link to its old address"
    ]


@pytest.mark.e2e
def test_mkdocs_alone_builds_the_moved_journal_strictly(moved, tmp_path):
    project, _ = moved
    result = run_mkdocs("build", "--strict", "-d", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site/2017/08/hut-to-hut/index.html").is_file()
