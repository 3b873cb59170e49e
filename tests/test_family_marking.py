"""``audience: family`` in front matter: read once in the journal model, kept out of
everything public that reads ``Journal.published``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_journal, run_travelog

from travelog.config import SiteSettings, load_site_settings
from travelog.errors import FrontMatterError
from travelog.journal import Audience, load_journal

FAMILY_SOURCE = "family-visiting.md"


def _docs_with(tmp_path: Path, front_matter_line: str) -> SiteSettings:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    entry = docs / "posts" / FAMILY_SOURCE
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("slug:", f"{front_matter_line}\nslug:", 1), encoding="utf-8")
    return load_site_settings(tmp_path / "mkdocs.yml")


def test_family_entries_are_not_published_but_listed_for_family(tmp_path: Path):
    journal = load_journal(_docs_with(tmp_path, "audience: family"))
    family = [entry for entry in journal.entries if entry.source.name == FAMILY_SOURCE]
    assert [entry.audience for entry in family] == [Audience.FAMILY]
    assert journal.family == family
    assert all(not entry.for_family for entry in journal.published)
    assert FAMILY_SOURCE not in {entry.source.name for entry in journal.published}
    assert all(entry.source.name != FAMILY_SOURCE for entry in journal.tagged("family"))


def test_everyone_is_the_default_and_can_be_written(tmp_path: Path):
    journal = load_journal(_docs_with(tmp_path, "audience: everyone"))
    assert journal.family == []
    assert FAMILY_SOURCE in {entry.source.name for entry in journal.published}


@pytest.mark.parametrize(
    ("line", "needles"),
    [
        ("audience: famly", ["family-visiting.md:8", "unknown audience 'famly'", "family"]),
        ("audience: [family]", ["family-visiting.md:8", "unknown audience"]),
        (
            "audience: family\ndraft: true",
            ["family-visiting.md:9", "both a draft and for family", "draft: true"],
        ),
    ],
    ids=["misspelt", "a list", "draft and family"],
)
def test_bad_audience_is_one_line_naming_file_and_line(tmp_path: Path, line, needles):
    with pytest.raises(FrontMatterError) as raised:
        load_journal(_docs_with(tmp_path, line))
    message = str(raised.value)
    assert "\n" not in message
    for needle in needles:
        assert needle in message, message


def test_new_family_entry_is_written_with_its_audience(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    result = run_travelog("new", "Lunch with Dad", "--tags", "family", "--family", cwd=project)
    assert result.returncode == 0, result.stderr
    written = project / result.stdout.strip()
    assert "\naudience: family\n" in written.read_text(encoding="utf-8")
    journal = load_journal(load_site_settings(project / "mkdocs.yml"))
    assert [entry.title for entry in journal.family] == ["Lunch with Dad"]
    result = run_travelog("new", "Half a thought", "--family", "--draft", cwd=project)
    assert result.returncode != 0 and "not allowed with" in result.stderr
