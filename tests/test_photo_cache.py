"""The content-addressed cache: nothing re-encoded when nothing changed, only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from photo_helpers import make_jpeg, tree_hashes
from PIL import Image

from travelog.config import plugin_settings
from travelog.errors import TravelogError
from travelog.photos.step import prepare_photos, publish_photos


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "journal"
    for name, size in (("one", (900, 600)), ("two", (960, 640)), ("three", (840, 560))):
        make_jpeg(project / "photos" / "walk" / f"{name}.jpg", size)
    (project / "docs").mkdir()
    (project / "docs" / "entry.md").write_text(
        "# Walk\n\n![One](photos/walk/one.jpg)\n\n::: gallery\n"
        "![Two](photos/walk/two.jpg)\n![Three](photos/walk/three.jpg)\n:::\n",
        encoding="utf-8",
    )
    return project


def _step(project: Path, **photos):
    settings = plugin_settings({"photos": photos}, project / "mkdocs.yml")
    return prepare_photos(
        project,
        project / "docs",
        settings.photos,
        config_file=project / "mkdocs.yml",
        base_url="/",
    )


def test_second_run_re_encodes_nothing_and_one_change_only_its_variants(tmp_path: Path):
    project = _project(tmp_path)
    originals = tree_hashes(project / "photos")
    first = _step(project)
    assert sorted(first.derived) == ["walk/one.jpg", "walk/three.jpg", "walk/two.jpg"]
    site = project / "site"
    # photos x (3 widths x AVIF and WebP + one JPEG)
    assert publish_photos(first.index, project, site) == 3 * (3 * 2 + 1)
    assert _step(project).derived == []
    assert publish_photos(_step(project).index, project, site) == 0

    make_jpeg(project / "photos" / "walk" / "two.jpg", (960, 640), quality=60)
    changed = _step(project)
    assert changed.derived == ["walk/two.jpg"]
    assert publish_photos(changed.index, project, site) == 7
    old = "two-" + first.index.photos["walk/two.jpg"].key[:10]
    assert not any(old in path.name for path in site.rglob("*"))
    assert tree_hashes(project / "photos") != originals  # only because the test rewrote one


def test_a_setting_that_changes_output_re_encodes_everything(tmp_path: Path):
    project = _project(tmp_path)
    _step(project)
    assert len(_step(project, webp_quality=50).derived) == 3
    assert _step(project, webp_quality=50, sizes="50vw").derived == []  # markup only


def test_removed_photos_leave_no_stale_files(tmp_path: Path):
    project = _project(tmp_path)
    site = project / "site"
    publish_photos(_step(project).index, project, site)
    (project / "docs" / "entry.md").write_text("![One](photos/walk/one.jpg)\n", encoding="utf-8")
    result = _step(project)
    publish_photos(result.index, project, site)
    published = {p.name.split("-")[0] for p in (site / "assets" / "photos").rglob("*.*")}
    assert published == {"one"}
    assert result.pruned == 2
    objects = list((project / ".travelog-cache" / "photos" / "objects").iterdir())
    assert [folder.name for folder in objects] == [result.index.photos["walk/one.jpg"].key]


def test_allow_listed_exif_survives_and_nothing_else(tmp_path: Path):
    project = _project(tmp_path)
    result = _step(project, keep_exif=["Make", "Model", "DateTimeOriginal"])
    site = project / "site"
    publish_photos(result.index, project, site)
    for path in (site / "assets" / "photos").rglob("*.*"):
        with Image.open(path) as image:
            exif = image.getexif()
            assert dict(exif.items()).get(0x010F) == "Apple", path
            assert set(exif) <= {0x010F, 0x0110, 0x8769}, path
            assert dict(exif.get_ifd(0x8769)) == {0x9003: "2024:09:14 09:41:07"}, path
            assert not exif.get_ifd(0x8825)


@pytest.mark.parametrize("tag", ["GPSInfo", "GPSLatitude", "BodySerialNumber", "MakerNote"])
def test_gps_and_serial_numbers_cannot_be_allow_listed(tmp_path: Path, tag: str):
    with pytest.raises(TravelogError, match=rf"keep_exif: EXIF tag '{tag}' can never be published"):
        _step(_project(tmp_path), keep_exif=["Model", tag])
