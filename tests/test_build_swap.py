"""A failed build never destroys the last good site (both engines), and warnings are shown:
one line each, and ``--strict`` fails on them, saying which."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import copy_journal, run_travelog

pytestmark = pytest.mark.e2e  # every test builds the journal
ABOUT = "docs/about.md"


def snapshot(site: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(site).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".site."))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_journal(tmp_path_factory.mktemp("swap") / "journal")
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "journal"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def with_front_matter(path: Path, front: str) -> None:
    path.write_text(f"---\n{front}\n---\n\n" + path.read_text("utf-8"), "utf-8")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_build_that_fails_midway_leaves_the_site_as_it_was(project: Path, engine: str):
    before = snapshot(project / "site")
    with_front_matter(project / ABOUT, "template: nowhere.html")  # fails while writing pages
    result = run_travelog("build", "--engine", engine, cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("travelog: error:")]
    assert len(errors) == 1, result.stderr
    assert "nowhere.html" in errors[0] and errors[0].endswith("site/ was left as it was")
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_good_build_replaces_the_site_whole(project: Path):
    stale = project / "site" / "old-page" / "index.html"
    stale.parent.mkdir()
    stale.write_text("from a removed entry")
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not stale.exists() and not stale.parent.exists()
    assert (project / "site" / "index.html").is_file()
    assert leftovers(project) == []


def test_warnings_are_shown_and_strict_fails_on_them_saying_which(project: Path):
    about = project / ABOUT
    about.write_text(about.read_text("utf-8") + "\nOur [old flyer](assets/flyer.pdf).\n")
    before = snapshot(project / "site")
    lenient = run_travelog("build", cwd=project)
    assert lenient.returncode == 0, lenient.stderr
    warnings = [line for line in lenient.stderr.splitlines() if "flyer.pdf" in line]
    assert len(warnings) == 1 and warnings[0].startswith("travelog: warning:"), lenient.stderr
    assert warnings[0].startswith("travelog: warning: docs/about.md:"), warnings[0]
    assert warnings[0].endswith("fix the path (relative to this file) or remove the link")
    assert snapshot(project / "site") != before
    before = snapshot(project / "site")
    strict = run_travelog("build", "--strict", cwd=project)
    assert strict.returncode == 1
    assert "Traceback" not in strict.stderr
    assert any("about.md" in line and "flyer.pdf" in line for line in strict.stderr.splitlines())
    assert strict.stderr.strip().splitlines()[-1].endswith("site/ was left as it was")
    assert snapshot(project / "site") == before


def test_zensical_warnings_are_one_line_each_and_strict_names_them(project: Path):
    about = project / ABOUT
    about.write_text(about.read_text("utf-8") + "\nSee [the gear list](gear.md).\n")
    # travelog check finds this link first; with --no-check-like leniency it is a warning
    lenient = run_travelog("build", "--engine", "zensical", cwd=project)
    assert lenient.returncode == 0, lenient.stderr
    lines = [
        line for line in lenient.stderr.splitlines() if "gear.md" in line or "about.md" in line
    ]
    assert lines and all(line.startswith("travelog: warning:") for line in lines), lenient.stderr
    assert "\x1b[" not in lenient.stderr
