"""``travelog family``: the private family list (add, remove, list, import from WordPress.com)."""

from __future__ import annotations

import json
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import assert_one_line_error, run_travelog

from travelog.init.create import JournalOptions, init_journal

WORDPRESS_CSV = (
    "\ufeffemail_address,subscribed,status\n"
    "dad@example.org,2021-03-04 10:11:12,subscribed\n"
    "Katie.Aunt@Example.ORG,2022-05-06 01:02:03,subscribed\n"
    "\n"
    "cara@example.org,2023-07-08 00:00:00,subscribed\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "journal"
    init_journal(folder, JournalOptions(title="Letters home", author_name="Claire Bennett"))
    return folder


def family(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_travelog("family", *args, cwd=project)


def people(project: Path) -> list[dict]:
    return json.loads((project / "data" / "family.json").read_text(encoding="utf-8"))["people"]


def test_add_list_remove_and_the_file_stays_private(project: Path):
    assert family(project, "add", "Dad", "dad@example.org").returncode == 0
    assert family(project, "add", " Aunt  Katie ", "katie@example.org").returncode == 0
    listed = family(project, "list")
    assert listed.returncode == 0
    assert [line.split("\t")[:2] for line in listed.stdout.splitlines()] == [
        ["Aunt Katie", "katie@example.org"],
        ["Dad", "dad@example.org"],
    ]
    path = project / "data" / "family.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    removed = family(project, "remove", "DAD@example.org")
    assert removed.returncode == 0 and "removed Dad" in removed.stdout
    assert [person["email"] for person in people(project)] == ["katie@example.org"]


def test_the_list_is_never_committed(project: Path):
    family(project, "add", "Dad", "dad@example.org")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=project, capture_output=True, text=True, check=True
    ).stdout
    assert "docs/index.md" in tracked
    assert "data/" not in tracked and "dad@example.org" not in tracked


@pytest.mark.parametrize(
    ("address", "needle"),
    [
        ("dad", "'dad' is not an email address"),
        ("dad@example", "'dad@example' is not an email address"),
        ("dad @example.org", "is not an email address"),
        ("a@b.org, c@d.org", "is not an email address"),
        ("dad@example.org\nBcc: x@y.org", "is not an email address"),
    ],
)
def test_an_invalid_address_is_one_line_and_changes_nothing(
    project: Path, address: str, needle: str
):
    family(project, "add", "Cara", "cara@example.org")
    assert_one_line_error(family(project, "add", "Dad", address), needle)
    assert [person["email"] for person in people(project)] == ["cara@example.org"]


def test_a_duplicate_and_an_unknown_address_are_one_line(project: Path):
    family(project, "add", "Dad", "dad@example.org")
    assert_one_line_error(
        family(project, "add", "Father", "Dad@Example.org"), "already on the family list"
    )
    assert_one_line_error(family(project, "remove", "nobody@example.org"), "not on the family")
    assert [person["name"] for person in people(project)] == ["Dad"]


def test_import_a_wordpress_subscriber_export(project: Path, tmp_path: Path):
    family(project, "add", "Dad", "dad@example.org")
    export = tmp_path / "subscribers.csv"
    export.write_text(WORDPRESS_CSV, encoding="utf-8")
    result = family(project, "import", str(export))
    assert result.returncode == 0, result.stderr
    assert "2 added, 1 already on the list" in result.stdout
    by_email = {person["email"]: person for person in people(project)}
    assert by_email["Katie.Aunt@example.org"]["added"] == "2022-05-06"
    assert by_email["Katie.Aunt@example.org"]["name"] == "Katie.Aunt"
    assert by_email["dad@example.org"]["name"] == "Dad"
    again = family(project, "import", str(export))
    assert "0 added, 3 already on the list" in again.stdout


def test_an_import_with_a_bad_line_adds_nobody(project: Path, tmp_path: Path):
    export = tmp_path / "subscribers.csv"
    export.write_text("email,date\ndad@example.org,2021-01-01\nnot-an-address,2021-01-02\n")
    assert_one_line_error(family(project, "import", str(export)), "subscribers.csv:3", "nothing")
    assert not (project / "data" / "family.json").exists()


def test_a_csv_without_an_email_column_is_one_line(project: Path, tmp_path: Path):
    export = tmp_path / "people.csv"
    export.write_text("name,date\nDad,2021-01-01\n", encoding="utf-8")
    assert_one_line_error(family(project, "import", str(export)), "people.csv:1", "no email column")
    assert_one_line_error(family(project, "import", str(tmp_path / "missing.csv")), "missing.csv")
    export.write_bytes(b"email\n\xff\xfe\n")
    assert_one_line_error(family(project, "import", str(export)), "people.csv", "UTF-8")
