"""Archived comments: golden renderings, validation of bad files, the archive in both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, assert_one_line_error, copy_journal, run_travelog
from frontmatter_reader import published_entries
from golden_files import assert_matches_golden

from travelog.comments.archive import ArchiveError, load_archives, read_archive
from travelog.comments.render import render_archive

GOLDEN = Path(__file__).parent / "golden" / "comments"


@pytest.mark.parametrize("case", sorted(p.stem for p in GOLDEN.glob("*.yml")))
def test_archive_rendering_matches_golden_file(case: str):
    rendered = render_archive(read_archive(GOLDEN / f"{case}.yml"))
    assert_matches_golden(rendered, GOLDEN / f"{case}.html")


def test_threads_nest_at_any_depth_and_sort_by_date():
    html = render_archive(read_archive(GOLDEN / "threaded.yml"))
    assert html.index('id="comment-isso-1"') < html.index('id="comment-wp-2"')
    # isso-4 answers isso-3, which answers isso-1: three levels of lists.
    chain = html[html.index('id="comment-isso-1"') : html.index('id="comment-wp-2"')]
    assert chain.count('<ol class="travelog-replies">') == 2


def test_example_journal_archives_are_valid_and_threaded():
    slugs = [entry["slug"] for entry in published_entries()]
    archives = load_archives(ROOT / "comments", slugs)
    assert len(archives) >= 2
    replies = [c for a in archives.values() for c in a.comments if c.parent is not None]
    assert replies and all(
        c.author in ("Claire Bennett", "Mark Bennett", "Aunt Katie") for c in replies
    )


def test_built_entry_shows_archived_thread_then_live_thread(built_site: Path):
    html = (built_site / "2024/09/park-cameras/index.html").read_text("utf-8")
    assert html.index('class="travelog-archive"') < html.index('id="isso-thread"')
    assert 'data-isso-id="/2024/09/park-cameras/"' in html
    assert "data-travelog-comments" not in html
    about = (built_site / "about/index.html").read_text("utf-8")
    assert "travelog-comments" not in about and "data-travelog-comments" not in about


@pytest.mark.e2e
def test_comments_false_turns_the_section_off(tmp_path: Path):
    project = copy_journal(tmp_path / "journal")
    post = project / "docs/posts/park-cameras.md"
    post.write_text(
        post.read_text("utf-8").replace(
            "slug: park-cameras\n", "slug: park-cameras\ncomments: false\n"
        ),
        "utf-8",
    )
    assert run_travelog("build", cwd=project).returncode == 0
    html = (project / "site/2024/09/park-cameras/index.html").read_text("utf-8")
    assert "travelog-comments" not in html and "isso-thread" not in html


def test_zensical_build_fills_the_comments_slot(zensical_site: Path):
    html = (zensical_site / "2025/10/family-visiting/index.html").read_text("utf-8")
    assert "Richard Bennett" in html and 'id="isso-thread"' in html
    assert not [
        p for p in zensical_site.rglob("*.html") if "data-travelog-comments" in p.read_text("utf-8")
    ]


BAD_FILES = {
    "malformed": ("park-cameras.yml", "entry: park-cameras\ncomments: [\n", "invalid YAML"),
    "missing parent": (
        "park-cameras.yml",
        "entry: park-cameras\ncomments:\n  - id: a\n    parent: zz\n    author: Dad\n"
        "    date: 2024-09-15T07:48:00+08:00\n    text: hi\n",
        "parent 'zz' is not in this file",
    ),
    "no such entry": (
        "no-such-entry.yml",
        "entry: no-such-entry\ncomments: []\n",
        "no entry has the slug 'no-such-entry'",
    ),
    "email": (
        "park-cameras.yml",
        "entry: park-cameras\ncomments:\n  - id: a\n    parent: null\n    author: Dad\n"
        "    email: dad@example.org\n    date: 2024-09-15T07:48:00+08:00\n    text: hi\n",
        "'email' must not be archived",
    ),
    "naive date": (
        "park-cameras.yml",
        "entry: park-cameras\ncomments:\n  - id: a\n    parent: null\n    author: Dad\n"
        "    date: 2024-09-15 07:48:00\n    text: hi\n",
        "ISO 8601 with an offset",
    ),
    "parent loop": (
        "park-cameras.yml",
        "entry: park-cameras\ncomments:\n"
        "  - {id: a, parent: b, author: Dad, date: 2024-09-15T07:48:00+08:00, text: hi}\n"
        "  - {id: b, parent: a, author: Dad, date: 2024-09-15T07:48:00+08:00, text: hi}\n",
        "loop",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_archive_stops_build_with_one_line(tmp_path: Path, name: str):
    filename, text, message = BAD_FILES[name]
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    bad = project / "comments" / filename
    bad.write_text(text, encoding="utf-8")
    for command in (["build"], ["comments", "status"]):
        result = run_travelog(*command, cwd=project)
        assert_one_line_error(result, f"comments/{filename}", message)
    assert bad.read_text(encoding="utf-8") == text


def test_missing_parent_line_number_points_at_the_comment(tmp_path: Path):
    path = tmp_path / "park-cameras.yml"
    path.write_text(BAD_FILES["missing parent"][1], encoding="utf-8")
    with pytest.raises(ArchiveError) as error:
        read_archive(path)
    assert error.value.line == 3


def test_comments_follow_the_light_and_dark_palettes(browser, site_server: str):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(site_server + "2024/09/park-cameras/")
        text = page.locator(".travelog-comment-author").first
        colours[scheme] = text.evaluate("node => getComputedStyle(node).color")
        page.get_by_text("Comments are unavailable right now.").wait_for()
        context.close()
    assert colours["light"] != colours["dark"]


def test_archived_comment_links_are_reachable_by_keyboard(page, site_server: str):
    page.goto(site_server + "2024/09/park-cameras/")
    link = page.locator(".travelog-archive a.travelog-comment-author").first
    link.focus()
    assert page.evaluate("document.activeElement.classList.contains('travelog-comment-author')")
