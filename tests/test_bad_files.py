"""One line for every bad file: not UTF-8, binary junk, impossible dates, a full disk, a
closed pipe. A byte-order mark is accepted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, assert_one_line_error, copy_journal, run_travelog

ENTRY = "docs/posts/park-cameras.md"
LATIN_1 = "Café in Futian, naïve, with crème brûlée".encode("latin-1")


def journal(tmp_path: Path) -> Path:
    return copy_journal(tmp_path / "journal", warm_photos=False)


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("relative", "line"),
    [(ENTRY, 3), ("docs/glossary.yml", 6), ("docs/topics.yml", 3)],
)
def test_a_file_that_is_not_utf8_is_named_with_its_line(tmp_path: Path, relative, line):
    project = journal(tmp_path)
    path = project / relative
    lines = path.read_bytes().split(b"\n")
    lines[line - 1] += b" " + LATIN_1
    path.write_bytes(b"\n".join(lines))
    result = run_travelog("check", cwd=project)
    assert_one_line_error(result, f"{relative}:{line}:", "not UTF-8", "save it as UTF-8")


def test_binary_junk_in_an_entry_is_named(tmp_path: Path):
    project = journal(tmp_path)
    (project / "docs" / "posts" / "junk.md").write_bytes(b"---\x00\xff\xfe" + os.urandom(64))
    result = run_travelog("check", cwd=project)
    assert_one_line_error(result, "docs/posts/junk.md:1:", "binary data")


def test_an_impossible_date_is_named_with_its_line(tmp_path: Path):
    project = journal(tmp_path)
    replace_line(project / ENTRY, "date: 2024-09-14", "date: 2025-02-30")
    result = run_travelog("check", cwd=project)
    assert_one_line_error(result, f"{ENTRY}:3:", "impossible date '2025-02-30'", "YYYY-MM-DD")


def test_a_byte_order_mark_is_accepted(tmp_path: Path):
    project = journal(tmp_path)
    for relative in (ENTRY, "docs/topics.yml", "docs/glossary.yml", "docs/.authors.yml"):
        path = project / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = run_travelog("check", cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.mark.e2e
@pytest.mark.parametrize(
    "relative", ["photos/park-cameras/captions.yml", "comments/park-cameras.yml"]
)
def test_build_names_a_sidecar_or_archive_that_is_not_utf8(tmp_path: Path, relative):
    project = journal(tmp_path)
    path = project / relative
    path.write_bytes(path.read_bytes().replace(b"\n", b"\n# " + LATIN_1 + b"\n", 1))
    result = run_travelog("build", cwd=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{relative}:2: is not UTF-8 text" in result.stderr, result.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path):
    command = [sys.executable, "-m", "travelog", "glossary", "list"]
    reader = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.readline()
    reader.stdout.close()  # like `| head -1`
    stderr = reader.stderr.read().decode()
    reader.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr


def test_a_full_disk_is_said_in_one_line(tmp_path: Path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "travelog", "glossary", "list"],
            cwd=ROOT,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    result.stdout = ""  # it went to /dev/full
    assert_one_line_error(result, "the disk is full", "free some space")


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_init_on_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path):
    small = tmp_path / "small"
    small.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48k", "tmpfs", str(small)], check=True)
    try:
        result = run_travelog("init", str(small / "journal"), "--title", "Full", cwd=tmp_path)
        assert_one_line_error(result, "the disk is full", "free some space")
        assert list(small.iterdir()) == [], "a failed init leaves nothing behind"
    finally:
        subprocess.run(["umount", str(small)], check=True)
