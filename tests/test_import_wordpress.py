"""`travelog import wordpress`: golden Markdown, photos, comments, drafts, re-runs, bad input."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, assert_one_line_error, run_travelog, serve_directory
from golden_files import assert_matches_golden
from PIL import Image
from wordpress_import import (
    EXPORTS,
    FIXTURES,
    GOLDEN,
    PRIVATE,
    SELF_HOSTED,
    UPLOADS,
    WORDPRESS_COM,
    empty_journal,
    import_into,
    import_into_new,
    make_uploads,
    tree,
)

GOLDEN_SUFFIXES = {".md", ".yml", ".svg"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ISSO_EMAIL_PLACEHOLDER = "name@example.org"
WRITERS_OWN = set(EMAIL.findall((ROOT / "mkdocs.yml").read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_uploads(tmp_path_factory.mktemp("media"))


@pytest.fixture(scope="session")
def imported(tmp_path_factory, uploads) -> dict[str, tuple[Path, str]]:
    """Each fixture imported with its media into its own empty journal: (project, stdout)."""
    results = {}
    for name, export in EXPORTS.items():
        project = empty_journal(tmp_path_factory.mktemp(name) / "journal")
        result = import_into(project, export, "--media", str(uploads))
        assert result.returncode == 0, result.stderr
        results[name] = (project, result.stdout)
    return results


@pytest.fixture(scope="session")
def built_import(tmp_path_factory, uploads) -> Path:
    """Both fixtures imported with their media into one journal, then built with --strict."""
    project = empty_journal(tmp_path_factory.mktemp("both") / "journal")
    for export in (SELF_HOSTED, WORDPRESS_COM):
        result = import_into(project, export, "--media", str(uploads))
        assert result.returncode == 0, result.stderr
    build = run_travelog("build", "--strict", "-d", str(project / "site"), cwd=project)
    assert build.returncode == 0, build.stderr
    return project


def read_front_matter(path: Path) -> dict:
    _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front)


def added_keys(project: Path, relative: str, key: str | None = None) -> str:
    """Only what the import added to a shared file, so the example journal can change."""

    def load(root: Path) -> dict:
        data = yaml.safe_load((root / relative).read_text(encoding="utf-8"))
        return data[key] if key else data

    before = load(ROOT)
    added = {name: value for name, value in load(project).items() if name not in before}
    return yaml.safe_dump(added, allow_unicode=True, sort_keys=False)


def golden_files(project: Path) -> dict[str, str]:
    manifest = json.loads((project / ".travelog-import.json").read_text(encoding="utf-8"))
    names = [name for name in manifest["files"] if Path(name).suffix in GOLDEN_SUFFIXES]
    files = {name: (project / name).read_text(encoding="utf-8") for name in sorted(names)}
    files["docs/topics.yml"] = added_keys(project, "docs/topics.yml")
    files["docs/.authors.yml"] = added_keys(project, "docs/.authors.yml", "authors")
    return files


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_import_matches_golden_files(imported, name):
    project, _ = imported[name]
    produced = golden_files(project)
    folder = GOLDEN / name
    for relative, text in produced.items():
        assert_matches_golden(text, folder / relative)
    expected = {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }
    assert sorted(produced) == sorted(expected)


def test_entries_keep_title_date_slug_places_tags_and_excerpt(imported):
    project, _ = imported["self-hosted"]
    posts = project / "docs" / "posts"
    cameras = read_front_matter(posts / "lianhuashan-cameras.md")
    assert cameras["title"] == "Lianhuashan & the cameras: a “quiet” walk"
    assert cameras["date"] == dt.datetime(
        2024, 9, 14, 20, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    assert cameras["categories"] == ["Futian"]
    assert cameras["tags"] == ["surveillance", "café culture"]
    assert cameras["description"] == "Counting the cameras on a Saturday walk & wondering why."
    assert cameras["authors"] == ["claire"]
    chinese = read_front_matter(posts / "shen-zhen-de-zao-chen.md")
    assert chinese["title"] == "深圳的早晨"
    assert chinese["tags"] == ["深圳", "street food"]
    assert chinese["authors"] == ["ted-w"]
    accented = read_front_matter(
        imported["wordpress-com"][0] / "docs/posts/creme-brulee-a-shekou.md"
    )
    assert accented["title"] == "Crème brûlée à Shekou"
    assert accented["categories"] == ["Shékǒu"]
    for path in posts.glob("*.md"):
        assert "<!-- more -->" in path.read_text(encoding="utf-8"), path.name
    topics = yaml.safe_load((project / "docs" / "topics.yml").read_text(encoding="utf-8"))
    assert topics["street food"] == "Noodles, skewers and everything eaten standing up."
    assert (project / "docs" / "tags" / "深圳.md").is_file()
    assert run_travelog("check", cwd=project).returncode == 0


def test_unpublished_posts_become_drafts_and_protected_ones_are_named(imported):
    project, stdout = imported["self-hosted"]
    posts = project / "docs" / "posts"
    for slug in (
        "secret-plans",
        "private-thoughts",
        "half-written",
        "waiting-for-review",
        "coming-soon",
    ):
        assert read_front_matter(posts / f"{slug}.md")["draft"] is True, slug
    for slug in ("lianhuashan-cameras", "shen-zhen-de-zao-chen", "noodles-on-sunday"):
        assert "draft" not in read_front_matter(posts / f"{slug}.md"), slug
    assert not (posts / "thrown-away.md").exists()
    assert not (project / "docs" / "unfinished-page.md").exists()
    warnings = [line for line in stdout.splitlines() if line.startswith("warning:")]
    assert any("Secret plans" in line and "password-protected" in line for line in warnings)
    assert any('page "About" (id 20) imported as about-2' in line for line in warnings)
    assert 'skipped: post "Thrown away" (id 18): in the trash' in stdout
    assert "missing media: 2024/10/ghost.jpg" in stdout
    assert (
        "alt text guessed from the caption or title (check it in captions.yml): "
        "photos/shen-zhen-de-zao-chen/dancers-1.jpg"
    ) in stdout
    assert "unknown shortcode left as text: [contact-form-7]" in stdout


def test_photos_are_copied_untouched_with_their_captions(imported, uploads):
    project, _ = imported["self-hosted"]
    folder = project / "photos" / "lianhuashan-cameras"
    original = uploads / "wp-content" / "uploads" / "2024/09/lianhua-gate.jpg"
    assert (folder / "lianhua-gate.jpg").read_bytes() == original.read_bytes()
    with Image.open(folder / "lianhua-gate.jpg") as image:
        assert image.size == UPLOADS["2024/09/lianhua-gate.jpg"][0]
    captions = yaml.safe_load((folder / "captions.yml").read_text(encoding="utf-8"))
    assert captions["lianhua-gate.jpg"]["caption"] == (
        "Six cameras at the south gate of "
        "[Lianhuashan Park](https://en.wikipedia.org/wiki/Lianhuashan_Park)"
    )
    entry = (project / "docs/posts/lianhuashan-cameras.md").read_text(encoding="utf-8")
    assert (
        "![A lamp post carrying six dome cameras](photos/lianhuashan-cameras/lianhua-gate.jpg)"
        in entry
    )
    com, _ = imported["wordpress-com"]
    with Image.open(com / "photos/day-trip-to-hong-kong/ferry.jpg") as image:
        assert image.size == (60, 40)


def test_comments_keep_threads_and_drop_the_rest(imported):
    project, stdout = imported["self-hosted"]
    archive = yaml.safe_load(
        (project / "comments/lianhuashan-cameras.yml").read_text(encoding="utf-8")
    )
    assert archive["entry"] == "lianhuashan-cameras"
    parents = {c["id"]: c["parent"] for c in archive["comments"]}
    assert parents == {"wp-1": None, "wp-2": "wp-1", "wp-3": "wp-2", "wp-6": "wp-1"}
    by_id = {c["id"]: c for c in archive["comments"]}
    assert by_id["wp-1"]["website"] == "https://katie.example.org/"
    assert "website" not in by_id["wp-2"]  # javascript: dropped
    assert "website" not in by_id["wp-6"]  # ftp: dropped
    assert "<script" not in by_id["wp-2"]["text"]
    assert "javascript" not in by_id["wp-3"]["text"] and "onclick" not in by_id["wp-3"]["text"]
    assert by_id["wp-1"]["date"] == dt.datetime(
        2024, 9, 15, 8, 12, tzinfo=dt.timezone(dt.timedelta(hours=8))
    )
    for reason in ("spam", "pending", "in the trash", "pingbacks", "trackbacks"):
        assert re.search(rf"skipped: 1 comments? \({reason}\)", stdout), reason
    com, _ = imported["wordpress-com"]
    thread = yaml.safe_load(
        (com / "comments/creme-brulee-a-shekou.yml").read_text(encoding="utf-8")
    )
    assert [(c["id"], c["parent"]) for c in thread["comments"]] == [
        ("wp-501", None),
        ("wp-502", "wp-501"),
        ("wp-503", "wp-502"),
        ("wp-504", "wp-503"),
    ]


@pytest.mark.e2e
def test_nothing_private_anywhere_in_the_output(imported, built_import):
    trees = [imported[name][0] for name in imported] + [built_import]
    for project in trees:
        for path in sorted(project.rglob("*")):
            if not path.is_file() or path.suffix in {".jpg", ".png"}:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for secret in PRIVATE:
                assert secret not in text, f"{secret} in {path}"
            if path.suffix in {".html", ".xml", ".yml", ".md", ".json"}:
                # Addresses a page may show: the comment form's placeholder and the
                # writer's own, from the journal's mkdocs.yml (not from the export).
                shown = set(EMAIL.findall(text)) - {ISSO_EMAIL_PLACEHOLDER} - WRITERS_OWN
                assert not shown, f"{shown} in {path}"


@pytest.mark.e2e
def test_imported_journal_builds_strictly_with_links_rewritten(built_import):
    site = built_import / "site"
    noodles = (site / "2024/10/noodles-on-sunday/index.html").read_text(encoding="utf-8")
    assert 'href="../../09/lianhuashan-cameras/"' in noodles
    assert 'href="../../../about-2/"' in noodles
    cameras = (site / "2024/09/lianhuashan-cameras/index.html").read_text(encoding="utf-8")
    assert "Lianhuashan &amp; the cameras" in cameras
    assert 'href="../../10/shen-zhen-de-zao-chen/"' in cameras
    assert (site / "2024/11/creme-brulee-a-shekou/index.html").is_file()
    assert not (site / "2024/10/secret-plans").exists()
    assert not (site / "2024/10/private-thoughts").exists()
    about = (site / "about-2/index.html").read_text(encoding="utf-8")
    assert 'href="../2024/10/shen-zhen-de-zao-chen/"' in about


@pytest.mark.e2e
def test_imported_photos_and_comments_render_in_the_built_journal(built_import):
    cameras = (built_import / "site/2024/09/lianhuashan-cameras/index.html").read_text("utf-8")
    figure = cameras[cameras.index("<figure") : cameras.index("</figure>")]
    assert "<picture>" in figure and 'type="image/avif"' in figure
    assert 'alt="A lamp post carrying six dome cameras"' in figure
    assert "Six cameras at the south gate of" in figure
    assert 'href="https://en.wikipedia.org/wiki/Lianhuashan_Park"' in figure
    assert "travelog-archive" in cameras or "travelog-comments" in cameras
    morning = (built_import / "site/2024/10/shen-zhen-de-zao-chen/index.html").read_text("utf-8")
    assert morning.count('data-gallery="') >= 2, "the [gallery] became one lightbox gallery"


def test_rerun_duplicates_nothing_and_keeps_edited_files(tmp_path, uploads):
    project = empty_journal(tmp_path / "journal")
    assert import_into(project, SELF_HOSTED, "--media", str(uploads)).returncode == 0
    before = tree(project)
    again = import_into(project, SELF_HOSTED, "--media", str(uploads))
    assert again.returncode == 0, again.stderr
    assert "files: 0 written" in again.stdout
    assert tree(project) == before
    entry = project / "docs/posts/lianhuashan-cameras.md"
    edited = entry.read_text(encoding="utf-8") + "\nA note added after the import.\n"
    entry.write_text(edited, encoding="utf-8")
    kept = import_into(project, SELF_HOSTED, "--media", str(uploads))
    assert (
        "kept (edited since the last import; --force overwrites): docs/posts/lianhuashan-cameras.md"
        in kept.stdout
    )
    assert entry.read_text(encoding="utf-8") == edited
    forced = import_into(project, SELF_HOSTED, "--media", str(uploads), "--force")
    assert forced.returncode == 0
    assert tree(project) == before


def test_existing_entries_are_never_overwritten(tmp_path):
    from conftest import copy_journal

    project = copy_journal(tmp_path / "journal", warm_photos=False)
    (project / "docs/posts/noodles-on-sunday.md").write_text(
        (project / "docs/posts/noodle-shop-morning.md")
        .read_text(encoding="utf-8")
        .replace("slug: noodle-shop-morning", "slug: noodles-on-sunday"),
        encoding="utf-8",
    )
    mine = (project / "docs/posts/noodles-on-sunday.md").read_bytes()
    result = import_into(project, SELF_HOSTED)
    assert result.returncode == 0, result.stderr
    assert (project / "docs/posts/noodles-on-sunday.md").read_bytes() == mine
    assert (project / "docs/posts/noodles-on-sunday-2.md").is_file()
    assert run_travelog("check", cwd=project).returncode == 0


@pytest.mark.parametrize(
    ("fixture", "needles"),
    [
        ("not-xml.xml", ["not-xml.xml:1", "not well-formed XML"]),
        ("truncated.xml", ["truncated.xml:", "truncated"]),
        ("rss-feed.xml", ["rss-feed.xml", "not a WordPress export", "RSS feed"]),
        ("entity-bomb.xml", ["entity-bomb.xml", "refused", "entities"]),
        ("missing.xml", ["missing.xml", "no such file"]),
    ],
)
def test_bad_exports_fail_with_one_line_and_write_nothing(tmp_path, fixture, needles):
    project = empty_journal(tmp_path / "journal")
    export = FIXTURES / fixture
    if fixture == "truncated.xml":
        export = tmp_path / fixture
        export.write_bytes(SELF_HOSTED.read_bytes()[:6000])
    elif fixture == "missing.xml":
        export = tmp_path / fixture
    before = tree(project)
    result = import_into(project, export)
    assert_one_line_error(result, *needles)
    assert tree(project) == before


@pytest.mark.e2e
def test_import_into_a_new_folder_starts_a_journal_that_builds(tmp_path, uploads):
    folder = tmp_path / "moving-in"
    result = import_into_new(folder, SELF_HOSTED, "--media", str(uploads))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("created a new journal in moving-in\nimported: 8 entries")
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Bennetts in Shenzhen"
    assert config["site_url"] == "https://bennetts.example.com/"
    assert config["site_author"] == "Claire Bennett"
    authors = yaml.safe_load((folder / "docs/.authors.yml").read_text(encoding="utf-8"))
    assert list(authors["authors"]) == ["claire", "ted-w"]
    assert authors["authors"]["claire"]["name"] == "Claire Bennett"
    entry = read_front_matter(folder / "docs/posts/lianhuashan-cameras.md")
    assert entry["authors"] == ["claire"]
    topics = yaml.safe_load((folder / "docs/topics.yml").read_text(encoding="utf-8"))
    assert {"daily life", "street food", "surveillance"} <= set(topics)
    assert (folder / "overrides/main.html").read_bytes() == (
        ROOT / "overrides/main.html"
    ).read_bytes()
    build = run_travelog("build", "--strict", cwd=folder)
    assert build.returncode == 0, build.stderr
    page = (folder / "site/2024/09/lianhuashan-cameras/index.html").read_text(encoding="utf-8")
    assert "<figure" in page and "Claire Bennett" in page
    again = import_into_new(folder, SELF_HOSTED, "--media", str(uploads))
    assert again.returncode == 0, again.stderr
    assert "created a new journal" not in again.stdout
    assert "0 written" in again.stdout


def test_new_journal_from_a_wordpress_com_export_takes_its_name_and_author(tmp_path):
    folder = tmp_path / "claire"
    result = import_into_new(folder, WORDPRESS_COM, "--timezone", "Asia/Shanghai")
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    plugin = next(item["travelog"] for item in config["plugins"] if "travelog" in item)
    assert plugin["timezone"] == "Asia/Shanghai"
    assert config["site_name"] == "Claire in Shenzhen"
    assert config["site_url"] == "https://claireinshenzhen.wordpress.com/"
    authors = yaml.safe_load((folder / "docs/.authors.yml").read_text(encoding="utf-8"))
    assert authors["authors"] == {
        "claireb": {"name": "Claire B.", "description": "", "avatar": "assets/authors/claireb.svg"}
    }
    check = run_travelog("check", cwd=folder)
    assert check.returncode == 0, check.stderr


@pytest.mark.parametrize(
    ("export", "extra", "needles"),
    [
        (FIXTURES / "not-xml.xml", (), ["not-xml.xml:1", "not well-formed XML"]),
        (SELF_HOSTED, ("--media", "no-such-uploads"), ["no-such-uploads", "no such folder"]),
        (SELF_HOSTED, ("--timezone", "Mars/Olympus"), ["Mars/Olympus"]),
    ],
)
def test_a_failed_move_in_creates_no_journal(tmp_path, export, extra, needles):
    folder = tmp_path / "moving-in"
    assert_one_line_error(import_into_new(folder, export, *extra), *needles)
    assert not folder.exists()


def test_import_without_into_needs_a_journal_here(tmp_path):
    result = run_travelog("import", "wordpress", str(SELF_HOSTED), cwd=tmp_path)
    assert_one_line_error(result, "mkdocs.yml", "no such file")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def import_server(built_import: Path):
    """The imported journal's built site on a free loopback port."""
    with serve_directory(built_import / "site") as url:
        yield url


@pytest.mark.e2e
def test_reader_follows_a_rewritten_link_between_imported_entries(import_server, page):
    page.goto(import_server + "2024/10/noodles-on-sunday/")
    page.get_by_role("link", name="the camera walk").click()
    page.wait_for_url("**/2024/09/lianhuashan-cameras/")
    assert "Lianhuashan & the cameras" in page.locator("article h1").first.inner_text()
    assert page.get_by_role("link", name="our morning post").is_visible()
