"""``travelog deploy``: a strict build published to a folder, with rsync, and as a gh-pages
branch pushed to a (local, bare) git remote; a local site_url is refused."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest
from conftest import assert_one_line_error, copy_journal, run_travelog

from travelog.atomic import DIR_MODE, FILE_MODE
from travelog.deploy import rsync_target

pytestmark = pytest.mark.e2e  # every deploy builds the journal
PUBLIC = "https://journal.example.org/"
REMOVED_ENTRY = "docs/posts/learning-the-language.md"


def public_journal(folder: Path) -> Path:
    project = copy_journal(folder)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "site_url: http://127.0.0.1:8000/\n" in text
    config.write_text(text.replace("site_url: http://127.0.0.1:8000/", f"site_url: {PUBLIC}"))
    return project


def files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def assert_ordinary_modes(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        expected = DIR_MODE if path.is_dir() else FILE_MODE
        assert stat.S_IMODE(path.stat().st_mode) == expected, path


def test_deploy_to_a_folder_syncs_removes_and_sets_modes(tmp_path: Path):
    project = public_journal(tmp_path / "journal")
    destination = tmp_path / "www" / "journal"
    first = run_travelog("deploy", str(destination), cwd=project)
    assert first.returncode == 0, first.stderr
    assert f"the journal is at {PUBLIC}" in first.stdout
    assert files(destination) == files(project / "site")
    assert_ordinary_modes(destination)
    assert PUBLIC + "2024/" in (destination / "feed.xml").read_text("utf-8")
    page = destination / "2025" / "08" / "learning-the-language" / "index.html"
    assert page.is_file()

    (project / REMOVED_ENTRY).unlink()
    (destination / "index.html").chmod(0o600)
    second = run_travelog("deploy", str(destination), cwd=project)
    assert second.returncode == 0, second.stderr
    assert not page.exists() and not page.parent.exists(), "a removed entry's page is removed"
    assert files(destination) == files(project / "site")
    assert_ordinary_modes(destination)


def test_deploy_with_rsync_to_a_path(tmp_path: Path):
    project = public_journal(tmp_path / "journal")
    destination = tmp_path / "rsync-target"
    (destination / "stale").mkdir(parents=True)
    (destination / "index.html").write_text("old")
    (destination / "stale" / "index.html").write_text("old")
    result = run_travelog("deploy", "--rsync", str(destination), cwd=project)
    assert result.returncode == 0, result.stderr
    assert files(destination) == files(project / "site"), "rsync deletes what is not built"
    assert_ordinary_modes(destination)


def test_host_path_is_an_rsync_target():
    assert rsync_target("journal@example.org:/srv/journal")
    assert rsync_target("example.org:journal")
    assert not rsync_target("/srv/journal")
    assert not rsync_target("./a:b")
    assert not rsync_target("C:")


def test_deploy_to_github_pages_pushes_a_gh_pages_branch(tmp_path: Path):
    project = public_journal(tmp_path / "journal")
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "--bare", "-q", str(remote)], check=True)
    subprocess.run([*git, "init", "-q"], cwd=project, check=True)
    for key, value in (("user.name", "Claire"), ("user.email", "claire@example.org")):
        subprocess.run(["git", "config", key, value], cwd=project, check=True)
    subprocess.run(["git", "remote", "add", "origin", str(remote)], cwd=project, check=True)
    result = run_travelog("deploy", "--github-pages", cwd=project)
    assert result.returncode == 0, result.stderr
    listed = subprocess.run(
        ["git", "--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert ".nojekyll" in listed
    assert sorted(set(listed) - {".nojekyll"}) == sorted(files(project / "site"))
    index = subprocess.run(
        ["git", "--git-dir", str(remote), "show", "gh-pages:index.html"],
        capture_output=True,
        check=True,
    ).stdout
    assert index == (project / "site" / "index.html").read_bytes()


def test_a_local_site_url_is_refused_and_nothing_published(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    destination = tmp_path / "www"
    result = run_travelog("deploy", str(destination), cwd=project)
    assert_one_line_error(result, "mkdocs.yml", "site_url", "public address")
    assert not destination.exists() and not (project / "site").exists()


def test_a_folder_that_is_not_a_site_is_refused(tmp_path: Path):
    project = public_journal(tmp_path / "journal")
    home = tmp_path / "home"
    home.mkdir()
    (home / "letter.txt").write_text("keep me")
    result = run_travelog("deploy", str(home), cwd=project)
    assert_one_line_error(result, "no index.html")
    assert (home / "letter.txt").read_text() == "keep me"
