"""`travelog new`, `check` and bad input: one line naming the file, non-zero, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import assert_one_line_error, copy_journal, run_mkdocs, run_travelog


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """A copy of the example for commands that stop before building it."""
    return copy_journal(tmp_path / "journal", warm_photos=False)


@pytest.mark.e2e
def test_new_writes_a_valid_entry_that_builds(tmp_path: Path):
    journal = copy_journal(tmp_path / "journal")
    result = run_travelog(
        "new",
        "Night market on Dongmen",
        "--tags",
        "food,daily life",
        "--place",
        "Luohu",
        "--date",
        "2026-01-10",
        cwd=journal,
    )
    assert result.returncode == 0, result.stderr
    path = journal / result.stdout.strip()
    assert path == journal / "docs" / "posts" / "night-market-on-dongmen.md"
    _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Night market on Dongmen"
    assert meta["tags"] == ["food", "daily life"]
    assert meta["categories"] == ["Luohu"]
    assert str(meta["date"]) == "2026-01-10"
    assert "<!-- more -->" in body
    build = run_travelog("build", "-d", str(journal / "out"), cwd=journal)
    assert build.returncode == 0, build.stderr
    page = journal / "out" / "2026" / "01" / "night-market-on-dongmen" / "index.html"
    assert "Night market on Dongmen" in page.read_text(encoding="utf-8")


def test_new_gives_a_unique_slug(journal: Path):
    first = run_travelog("new", "Rain again", "--date", "2026-02-01", cwd=journal)
    second = run_travelog("new", "Rain again", "--date", "2026-02-02", cwd=journal)
    assert first.stdout.strip().endswith("rain-again.md")
    assert second.stdout.strip().endswith("rain-again-2.md")
    assert run_travelog("check", cwd=journal).returncode == 0


def test_new_refuses_unknown_tags_listing_the_known_ones(journal: Path):
    before = sorted((journal / "docs" / "posts").iterdir())
    result = run_travelog("new", "Typhoon day", "--tags", "weather", cwd=journal)
    assert_one_line_error(result, "weather", "surveillance", "community life")
    assert sorted((journal / "docs" / "posts").iterdir()) == before


def write_entry(journal: Path, name: str, text: str) -> Path:
    path = journal / "docs" / "posts" / name
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """---
title: "A test entry"
date: 2026-03-01
authors: [claire]
categories: [Futian]
tags: [food]
description: "Test."
---
Opening.

<!-- more -->
"""


@pytest.mark.parametrize(
    ("name", "text", "needles"),
    [
        (
            "broken.md",
            GOOD.replace('title: "A test entry"', "title: [unclosed"),
            ["broken.md:", "malformed"],
        ),
        ("undated.md", GOOD.replace("date: 2026-03-01\n", ""), ["undated.md", "date"]),
        (
            "badtag.md",
            GOOD.replace("tags: [food]", "tags: [weather]"),
            ["badtag.md:6", "'weather'"],
        ),
        ("nofront.md", "Just text.\n", ["nofront.md:1", "front matter"]),
        (
            "copy.md",
            GOOD.replace("description", "slug: park-cameras\ndescription"),
            ["copy.md", "duplicate slug"],
        ),
    ],
    ids=["malformed", "missing date", "unknown tag", "no front matter", "duplicate slug"],
)
@pytest.mark.parametrize("engine", ["travelog", "mkdocs"])
def test_bad_entries_fail_with_one_line(journal: Path, name, text, needles, engine):
    write_entry(journal, name, text)
    if engine == "travelog":
        result = run_travelog("build", "-d", str(journal / "out"), cwd=journal)
        assert_one_line_error(result, *needles)
    else:
        result = run_mkdocs("build", "-q", "-d", str(journal / "out"), cwd=journal)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert all(needle in result.stderr for needle in needles), result.stderr
    assert not (journal / "out" / "index.html").exists()


def test_unknown_tag_in_registry_page_and_missing_tag_page(journal: Path):
    (journal / "docs" / "tags" / "food.md").unlink()
    result = run_travelog("check", cwd=journal)
    assert_one_line_error(result, "topics.yml", "tags/food.md", "travelog tags sync")
    assert run_travelog("tags", "sync", cwd=journal).returncode == 0
    assert run_travelog("check", cwd=journal).returncode == 0


def test_registry_without_description_is_refused(journal: Path):
    registry = journal / "docs" / "topics.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "weather: ''\n", encoding="utf-8")
    assert_one_line_error(
        run_travelog("check", cwd=journal), "topics.yml", "'weather'", "description"
    )
