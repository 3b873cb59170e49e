"""``travelog check`` lists every problem the build would reject, all at once, one line each
with its file and line; ``travelog build`` refuses and leaves site/ exactly as it was."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import copy_journal, run_travelog

Plant = Callable[[Path], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def no_more_separator(project: Path) -> None:
    edit(project / "docs/posts/square-dancing.md", "<!-- more -->\n", "")


def only_front_matter(project: Path) -> None:
    (project / "docs/posts/empty.md").write_text(
        "---\ntitle: Nothing yet\ndate: 2025-03-01\nauthors: [mark]\nslug: nothing-yet\n---\n"
    )


def missing_photo(project: Path) -> None:
    edit(project / "docs/posts/park-cameras.md", "cameras-lawn.jpg)", "Cameras-Lawn.jpg)")


def caption_key_typo(project: Path) -> None:
    edit(project / "photos/noise-display/captions.yml", "noise-display.jpg:", "noise-display.JPG:")


def photo_without_alt(project: Path) -> None:
    sidecar = project / "photos/family-visiting/captions.yml"
    text = sidecar.read_text("utf-8")
    sidecar.write_text("\n".join(line for line in text.splitlines() if "alt:" not in line) + "\n")


def broken_link(project: Path) -> None:
    edit(
        project / "docs/about.md",
        "\n",
        "\nSee [our first week](posts/first-week.md).\n",
    )


def unknown_tag(project: Path) -> None:
    edit(project / "docs/posts/noise-display.md", "tags: [surveillance,", "tags: [noise,")


def duplicate_tag(project: Path) -> None:
    with (project / "docs/topics.yml").open("a", encoding="utf-8") as topics:
        topics.write("food: Again, with another description.\n")


def glossary_without_meaning(project: Path) -> None:
    with (project / "docs/glossary.yml").open("a", encoding="utf-8") as glossary:
        glossary.write("\n- term: 二胡\n  pronunciation: èr hú\n")


def broken_archive(project: Path) -> None:
    edit(project / "comments/family-visiting.yml", '    author: "Richard Bennett"\n', "")


def not_utf8(project: Path) -> None:
    path = project / "docs/posts/learning-the-language.md"
    path.write_bytes(path.read_bytes().replace(b"\n\n", b"\n\ncaf\xe9\n\n", 1))


def impossible_date(project: Path) -> None:
    edit(project / "docs/posts/family-visiting.md", "date: 2025-10-19", "date: 2025-02-30")


def deleted_authors_file(project: Path) -> None:
    (project / "docs/.authors.yml").unlink()


# Each case: what it plants, and what its line says (file:line and words).
CASES: dict[str, tuple[Plant, tuple[str, ...]]] = {
    "no more": (no_more_separator, ("docs/posts/square-dancing.md:", "<!-- more -->")),
    "front matter only": (only_front_matter, ("docs/posts/empty.md:", "<!-- more -->")),
    "missing photo": (
        missing_photo,
        ("docs/posts/park-cameras.md:21:", "Cameras-Lawn.jpg not found", "cameras-lawn.jpg?"),
    ),
    "caption key": (
        caption_key_typo,
        (
            "photos/noise-display/captions.yml:1:",
            "noise-display.JPG",
            "did you mean noise-display.jpg",
        ),
    ),
    "no alt": (photo_without_alt, ("docs/posts/family-visiting.md:13:", "alt text")),
    "broken link": (broken_link, ("docs/about.md:", "posts/first-week.md")),
    "unknown tag": (unknown_tag, ("docs/posts/noise-display.md:6:", "unknown tag 'noise'")),
    "duplicate tag": (duplicate_tag, ("docs/topics.yml:", "'food' is listed twice")),
    "glossary": (glossary_without_meaning, ("docs/glossary.yml:", "二胡", "meaning")),
    "archive": (broken_archive, ("comments/family-visiting.yml:", "author")),
    "not utf-8": (not_utf8, ("docs/posts/learning-the-language.md:", "not UTF-8")),
    "impossible date": (impossible_date, ("docs/posts/family-visiting.md:3:", "2025-02-30")),
}
STRICT_ONLY = {"no alt", "broken link"}


def problem_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("travelog: ")]


def assert_listed(lines: list[str], needles: tuple[str, ...]) -> None:
    assert any(all(needle in line for needle in needles) for line in lines), (needles, lines)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal with a good site/ from a first build, to copy for each case."""
    project = copy_journal(tmp_path_factory.mktemp("checked") / "journal")
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def snapshot(site: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(site).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_the_example_journal_checks_clean(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    result = run_travelog("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(": ok")
    assert problem_lines(result.stderr) == []


def test_every_planted_problem_is_listed_in_one_run(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    for plant, _ in CASES.values():
        plant(project)
    result = run_travelog("check", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = problem_lines(result.stderr)
    for _, needles in CASES.values():
        assert_listed(lines, needles)
    assert len([line for line in lines if line.startswith("travelog: error:")]) >= 10
    for name in STRICT_ONLY:  # warnings: the build goes on unless --strict
        assert_listed(lines, ("travelog: warning:", *CASES[name][1]))
    assert "errors" in result.stdout and ": ok" not in result.stdout


def test_an_unused_photo_is_information_only(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    shutil.copy(project / "photos/noise-display/noise-pole.jpg", project / "photos/spare.jpg")
    result = run_travelog("check", cwd=project)
    assert result.returncode == 0, result.stderr
    assert problem_lines(result.stderr) == []
    assert_listed(problem_lines(result.stdout), ("info:", "photos/spare.jpg", "not placed"))


@pytest.mark.e2e
@pytest.mark.parametrize("name", sorted(CASES))
def test_build_refuses_and_leaves_the_site_as_it_was(built_once: Path, tmp_path: Path, name):
    project = tmp_path / "journal"
    shutil.copytree(built_once, project, symlinks=True)
    before = snapshot(project / "site")
    plant, needles = CASES[name]
    plant(project)
    command = ("build", "--strict") if name in STRICT_ONLY else ("build",)
    result = run_travelog(*command, cwd=project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert_listed(problem_lines(result.stderr), needles)
    assert snapshot(project / "site") == before
    check = run_travelog("check", "--strict", cwd=project)
    assert check.returncode == 1
    assert_listed(problem_lines(check.stderr), needles)
