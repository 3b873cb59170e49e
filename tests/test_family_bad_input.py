"""Bad input around family entries: one line naming the file and what to do, a non-zero exit,
and the last good site left exactly as it was (nothing half-encrypted)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import assert_one_line_error
from family_helpers import (
    FAMILY_FILE,
    PASSPHRASE,
    entry_pages,
    family_journal,
    mark_family,
    mkdocs,
    open_page,
    travelog,
)
from photo_helpers import tree_hashes

from travelog.family.settings import MIN_PASSPHRASE_LENGTH

pytestmark = pytest.mark.e2e  # the last good site is a built journal


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A family journal built once with the passphrase: the last good site."""
    project = family_journal(tmp_path_factory.mktemp("family-bad") / "journal")
    result = travelog(project, "build")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "journal"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def assert_site_unchanged(project: Path, before: dict[str, str]) -> None:
    assert tree_hashes(project / "site") == before
    assert not [path for path in project.glob("site*") if path.name != "site"]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_no_passphrase_stops_before_building(project: Path, engine: str):
    before = tree_hashes(project / "site")
    result = travelog(project, "build", "--engine", engine, passphrase=None)
    assert_one_line_error(
        result,
        "docs/posts/family-visiting.md",
        "TRAVELOG_FAMILY_PASSPHRASE",
        "data/family/passphrase",
    )
    assert_site_unchanged(project, before)


def test_plain_mkdocs_without_passphrase_writes_nothing(project: Path):
    out = project / "out"
    result = mkdocs(project, "build", "-q", "-d", str(out), passphrase=None)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "needs the family passphrase" in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("given", ["short words", "fifteen chars!!", "  padded  "])
def test_short_passphrase_is_refused_with_advice(project: Path, given: str):
    assert len(given) < MIN_PASSPHRASE_LENGTH
    before = tree_hashes(project / "site")
    result = travelog(project, "build", passphrase=given)
    length = len(given.strip())  # surrounding spaces do not count
    assert_one_line_error(
        result, "family-visiting.md", f"{length} characters", "at least 16", "random words"
    )
    assert_site_unchanged(project, before)


def test_misspelt_audience_names_file_and_line(project: Path):
    entry = project / FAMILY_FILE
    entry.write_text(entry.read_text().replace("audience: family", "audience: famly"))
    before = tree_hashes(project / "site")
    result = travelog(project, "build")
    assert_one_line_error(
        result, "family-visiting.md:8", "unknown audience 'famly'", "everyone or family"
    )
    assert_site_unchanged(project, before)


def test_family_entry_that_is_also_a_draft_is_refused(project: Path):
    mark_family(project / FAMILY_FILE, "draft: true")
    before = tree_hashes(project / "site")
    result = travelog(project, "build")
    assert_one_line_error(result, "family-visiting.md:9", "both a draft and for family")
    assert_site_unchanged(project, before)
    result = travelog(project, "check")
    assert_one_line_error(result, "family-visiting.md:9", "both a draft and for family")


def test_passphrase_file_must_be_private_and_then_works(project: Path):
    secret = project / "data" / "family" / "passphrase"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    secret.chmod(0o644)
    before = tree_hashes(project / "site")
    result = travelog(project, "build", passphrase=None)
    assert_one_line_error(result, "data/family/passphrase", "chmod 600")
    assert_site_unchanged(project, before)
    secret.chmod(0o600)
    result = travelog(project, "build", passphrase=None)
    assert result.returncode == 0, result.stderr
    [page] = entry_pages(project / "site")
    assert open_page(page, PASSPHRASE)["title"] == "Dad and Aunt Katie come to Shenzhen"


def test_a_page_where_the_family_pages_go_is_refused(project: Path):
    (project / "docs" / "family.md").write_text("# Our family\n", encoding="utf-8")
    before = tree_hashes(project / "site")
    result = travelog(project, "build")
    assert_one_line_error(result, "docs/family.md", "published at family/", "rename it")
    assert_site_unchanged(project, before)
    result = mkdocs(project, "build", "-q", "-d", str(project / "out"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "published at family/" in result.stderr
