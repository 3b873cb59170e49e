"""replacing_folder: a folder is filled beside its target and replaces it only on success."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from travelog.atomic import replacing_folder


def names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def test_success_replaces_the_folder_whole(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    with replacing_folder(site) as fresh:
        (fresh / "new.html").write_text("new")
    assert names(site) == ["new.html"]
    assert names(tmp_path) == ["site"]


def test_failure_leaves_the_folder_as_it_was(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "old.html").write_text("old")
    with pytest.raises(RuntimeError), replacing_folder(site) as fresh:
        (fresh / "half.html").write_text("half")
        raise RuntimeError("the engine failed")
    assert names(site) == ["old.html"] and (site / "old.html").read_text() == "old"
    assert names(tmp_path) == ["site"]


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tmpfs needs root")
def test_a_mount_point_is_refilled_in_place(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(site)], check=True)
    try:
        (site / "old.html").write_text("old")
        with replacing_folder(site) as fresh:
            (fresh / "new.html").write_text("new")
        assert names(site) == ["new.html"]
        assert names(tmp_path) == ["site"]
    finally:
        subprocess.run(["umount", str(site)], check=True)
