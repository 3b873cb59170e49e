"""`travelog init`: a new journal that checks, builds with both engines and takes entries."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, assert_one_line_error, copy_journal, run_travelog
from wordpress_import import tree

from travelog.init.site_config import derive_config

TITLE = "Letters from Lisbon"
AUTHOR = "Ana Müller"
TIMEZONE = "Europe/Lisbon"
SITE_URL = "https://letters.example.org/"
THEME_LINKS = {
    "overrides": "../../../overrides",
    "assets": "../../../docs/assets/travelog",
    "mkdocs.yml": "../../../mkdocs.yml",
}


def init(folder: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_travelog("init", str(folder), *extra, cwd=folder.parent)


@pytest.fixture(scope="session")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A journal made by ``travelog init`` with every option given (read-only for tests)."""
    folder = tmp_path_factory.mktemp("init") / "lisbon"
    result = init(
        folder,
        "--title",
        TITLE,
        "--author-name",
        AUTHOR,
        "--timezone",
        TIMEZONE,
        "--site-url",
        SITE_URL,
    )
    assert result.returncode == 0, result.stderr
    assert "travelog new" in result.stdout and "travelog serve" in result.stdout
    return folder


@pytest.fixture(scope="session")
def built(journal: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("init-site")
    result = run_travelog("build", "--strict", "-d", str(site), cwd=journal)
    assert result.returncode == 0, result.stderr
    return site


def copy_of(journal: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(journal, tmp_path / journal.name))


def test_new_journal_has_the_layout_a_writer_starts_from(journal: Path):
    for folder in ("docs/posts", "photos", "comments"):
        assert (journal / folder).is_dir()
    for page in ("index.md", "about.md", "glossary.md", "glossary.yml", "tags/index.md"):
        assert (journal / "docs" / page).is_file()
    topics = yaml.safe_load((journal / "docs/topics.yml").read_text(encoding="utf-8"))
    assert {"daily life", "food", "family", "language"} <= set(topics)
    for name, description in topics.items():
        assert len(description.split()) > 10
        page = journal / "docs/tags" / f"{name.replace(' ', '-')}.md"
        assert page.read_text(encoding="utf-8") == f"<!-- travelog:topic {name} -->\n"
    ignored = (journal / ".gitignore").read_text(encoding="utf-8").split()
    assert {"/site/", "/.venv/", "/.cache/", "/.travelog-cache/", "/data/"} <= set(ignored)


def test_config_is_the_example_with_only_the_journal_values_replaced(journal: Path):
    example = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    derived = (journal / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert len(derived) == len(example)
    changed = {
        old.split(":")[0].strip() for old, new in zip(example, derived, strict=True) if old != new
    }
    assert changed == {"site_name", "site_description", "site_author", "site_url"} | {
        "copyright",
        "timezone",
        "email",  # extra.follow.email: the example's address is not the new writer's
    }
    config = yaml.safe_load("\n".join(derived))
    assert config["site_name"] == TITLE
    assert config["site_author"] == AUTHOR
    assert config["site_url"] == SITE_URL
    assert config["copyright"].endswith(AUTHOR)
    travelog = next(
        p["travelog"] for p in config["plugins"] if isinstance(p, dict) and "travelog" in p
    )
    assert travelog["timezone"] == TIMEZONE
    assert config["extra"]["follow"]["email"] == ""


def test_author_has_an_id_from_the_name_and_a_local_avatar(journal: Path):
    authors = yaml.safe_load((journal / "docs/.authors.yml").read_text(encoding="utf-8"))
    assert authors == {
        "authors": {
            "ana-muller": {
                "name": AUTHOR,
                "description": "",
                "avatar": "assets/authors/ana-muller.svg",
            }
        }
    }
    avatar = (journal / "docs/assets/authors/ana-muller.svg").read_text(encoding="utf-8")
    assert ">AM</text>" in avatar and "http" not in avatar.replace("http://www.w3.org", "")


def test_new_journal_passes_check(journal: Path):
    result = run_travelog("check", cwd=journal)
    assert result.returncode == 0, result.stderr
    assert "0 entries" in result.stdout


@pytest.mark.e2e
def test_new_journal_builds_strictly_with_mkdocs(built: Path):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert TITLE in home
    assert "assets/travelog/travelog.css" in home and "assets/travelog/glossary.js" in home
    assert (built / "assets/travelog/travelog.css").is_file()
    assert (built / "assets/favicon.svg").is_file()
    for page in ("about", "glossary", "tags", "tags/daily-life"):
        assert (built / page / "index.html").is_file()
    assert "The glossary is empty" in (built / "glossary/index.html").read_text(encoding="utf-8")


@pytest.mark.e2e
def test_new_journal_builds_with_zensical(journal: Path, tmp_path: Path):
    project = copy_of(journal, tmp_path)
    result = run_travelog("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 0, result.stderr
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert TITLE in home and "assets/travelog/travelog.css" in home
    assert (project / "site/tags/food/index.html").is_file()


@pytest.mark.e2e
def test_new_entry_in_a_new_journal_builds(journal: Path, tmp_path: Path):
    project = copy_of(journal, tmp_path)
    result = run_travelog(
        "new",
        "First week in Alfama",
        "--tags",
        "food,daily life",
        "--place",
        "Alfama",
        "--date",
        "2025-03-02",
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    entry = project / "docs/posts/first-week-in-alfama.md"
    _, front, _ = entry.read_text(encoding="utf-8").split("---\n", 2)
    assert yaml.safe_load(front)["authors"] == ["ana-muller"]
    build = run_travelog("build", "--strict", cwd=project)
    assert build.returncode == 0, build.stderr
    page = (project / "site/2025/03/first-week-in-alfama/index.html").read_text(encoding="utf-8")
    assert "First week in Alfama" in page and AUTHOR in page
    food = (project / "site/tags/food/index.html").read_text(encoding="utf-8")
    assert "first-week-in-alfama" in food


@pytest.mark.e2e
def test_defaults_give_a_journal_that_builds(tmp_path: Path):
    folder = tmp_path / "nested" / "journal"
    result = run_travelog("init", "nested/journal", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == "http://127.0.0.1:8000/"
    build = run_travelog("build", "--strict", cwd=folder)
    assert build.returncode == 0, build.stderr


def test_init_refuses_an_existing_journal_and_changes_nothing(journal: Path):
    before = tree(journal)
    result = init(journal)
    assert_one_line_error(result, "mkdocs.yml", "already")
    assert tree(journal) == before


def test_init_refuses_the_example_journal(tmp_path: Path):
    project = copy_journal(tmp_path / "example", warm_photos=False)
    before = tree(project)
    assert_one_line_error(init(project), "mkdocs.yml")
    assert tree(project) == before


def test_init_refuses_a_folder_with_docs_but_no_config(tmp_path: Path):
    folder = tmp_path / "half"
    (folder / "docs").mkdir(parents=True)
    (folder / "docs/notes.md").write_text("mine\n", encoding="utf-8")
    assert_one_line_error(init(folder), "docs", "already exists")
    assert tree(folder) == {"docs/notes.md": b"mine\n"}


@pytest.mark.parametrize(
    ("option", "value", "needle"),
    [
        ("--timezone", "Mars/Olympus", "--timezone"),
        ("--site-url", "letters.example.org", "--site-url"),
        ("--title", "  ", "--title"),
        ("--accent", "teal", "--accent"),
        ("--accent", "#ffcc00", "too light"),
        ("--co-author", " ", "--co-author"),
    ],
)
def test_bad_options_fail_with_one_line_and_write_nothing(tmp_path, option, value, needle):
    folder = tmp_path / "journal"
    assert_one_line_error(init(folder, option, value), needle)
    assert not folder.exists()


def test_init_keeps_what_a_folder_already_holds(tmp_path: Path):
    folder = tmp_path / "started"
    (folder / "photos/trip").mkdir(parents=True)
    (folder / "photos/trip/tram.jpg").write_bytes(b"not really a jpeg")
    (folder / ".gitignore").write_text("*.tmp\n/site/\n", encoding="utf-8")
    result = init(folder)
    assert result.returncode == 0, result.stderr
    assert (folder / "photos/trip/tram.jpg").read_bytes() == b"not really a jpeg"
    ignored = (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ignored[:2] == ["*.tmp", "/site/"] and ignored.count("/site/") == 1
    assert "/data/" in ignored
    assert not [p for p in folder.iterdir() if p.name.startswith(".travelog-init")]


def test_derived_config_quotes_values_yaml_would_misread():
    example = (
        "# keep me\nsite_name: Old  # the name\n"
        "plugins:\n  - search\n  - travelog:\n      timezone: UTC\n"
    )
    title = 'Notes: "Lisbon" # 2'
    derived = derive_config(
        example, {("site_name",): title, ("plugins", "travelog", "timezone"): "Europe/Lisbon"}
    )
    assert derived.startswith("# keep me\n") and "# the name" in derived
    config = yaml.safe_load(derived)
    assert config["site_name"] == title
    assert config["plugins"][1] == {"travelog": {"timezone": "Europe/Lisbon"}}


def test_packaged_theme_is_the_example_theme_through_relative_symlinks():
    theme = ROOT / "src/travelog/theme"
    for name, target in THEME_LINKS.items():
        assert (theme / name).is_symlink()
        assert str((theme / name).readlink()) == target
    packaged = files("travelog") / "theme"
    for source, part in (
        (ROOT / "overrides", "overrides"),
        (ROOT / "docs/assets/travelog", "assets"),
    ):
        originals = sorted(p for p in source.rglob("*") if p.is_file())
        assert originals
        for original in originals:
            relative = original.relative_to(source).as_posix()
            assert (packaged / part / relative).read_bytes() == original.read_bytes()
    assert (packaged / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()


def test_wheel_carries_the_theme_files_as_real_files(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("travelog-*.whl")
    expected = {
        **{
            f"travelog/theme/overrides/{p.relative_to(ROOT / 'overrides').as_posix()}": p
            for p in (ROOT / "overrides").rglob("*")
            if p.is_file()
        },
        **{f"travelog/theme/assets/{p.name}": p for p in (ROOT / "docs/assets/travelog").iterdir()},
        "travelog/theme/mkdocs.yml": ROOT / "mkdocs.yml",
    }
    with zipfile.ZipFile(wheel) as archive:
        for name, original in expected.items():
            assert archive.read(name) == original.read_bytes(), name


def test_one_writer_gets_starter_text_in_the_first_person_singular(journal: Path):
    index = (journal / "docs" / "index.md").read_text(encoding="utf-8")
    about = (journal / "docs" / "about.md").read_text(encoding="utf-8")
    assert "what I see" in index and "[about me]" in index
    assert " we " not in index and "about us" not in index
    assert f"the travel journal of {AUTHOR}." in about
    config = yaml.safe_load((journal / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_description"] == f"A travel journal by {AUTHOR}."


@pytest.mark.e2e
def test_accent_tagline_and_several_writers(tmp_path: Path):
    folder = tmp_path / "alfama"
    result = init(
        folder,
        "--title",
        TITLE,
        "--author-name",
        AUTHOR,
        "--co-author",
        "Rui Costa",
        "--accent",
        "#1D5E8C",
        "--tagline",
        "Letters home from the Alfama",
    )
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["extra"]["travelog"]["accent"] == "#1d5e8c"
    assert config["site_description"] == "Letters home from the Alfama"
    assert config["site_author"] == f"{AUTHOR} and Rui Costa"
    authors = yaml.safe_load((folder / "docs" / ".authors.yml").read_text(encoding="utf-8"))
    assert [a["name"] for a in authors["authors"].values()] == [AUTHOR, "Rui Costa"]
    for author in authors["authors"].values():
        assert (folder / "docs" / author["avatar"]).is_file()
    index = (folder / "docs" / "index.md").read_text(encoding="utf-8")
    assert "what we see" in index and "[about us]" in index
    assert f"{AUTHOR} and Rui Costa" in (folder / "docs" / "about.md").read_text("utf-8")
    built = run_travelog("build", "--strict", cwd=folder)
    assert built.returncode == 0, built.stderr
    home = (folder / "site" / "index.html").read_text(encoding="utf-8")
    assert "Letters home from the Alfama" in home
    assert "--travelog-accent:#1d5e8c" in home
