"""The live preview's photo step: nothing derived before pages are built, photos planned at
their final sizes, derived in the background, and a photo that fails reported by the next
build like any bad photo."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from conftest import wait_until
from photo_helpers import make_jpeg

from travelog.config import plugin_settings
from travelog.errors import TravelogError
from travelog.photos.background import BackgroundPhotos
from travelog.photos.index import PhotoIndex, default_manifest
from travelog.photos.step import prepare_photos


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "journal"
    make_jpeg(project / "photos" / "walk" / "good.jpg", (900, 600))
    broken = make_jpeg(project / "photos" / "walk" / "broken.jpg", (960, 640))
    broken.write_bytes(broken.read_bytes()[: broken.stat().st_size // 2])  # a cut-off copy
    (project / "docs").mkdir()
    (project / "docs" / "entry.md").write_text(
        "# Walk\n\n![Good](photos/walk/good.jpg)\n\n![Broken](photos/walk/broken.jpg)\n",
        encoding="utf-8",
    )
    return project


def _step(project: Path, background: BackgroundPhotos):
    settings = plugin_settings({}, project / "mkdocs.yml")
    return prepare_photos(
        project,
        project / "docs",
        settings.photos,
        config_file=project / "mkdocs.yml",
        base_url="/",
        background=background,
    )


def test_photos_are_planned_then_derived_in_the_background(tmp_path: Path):
    project = _project(tmp_path)
    arrived = threading.Event()
    lines: list[str] = []
    background = BackgroundPhotos(1, arrived=arrived.set, report=lines.append)
    try:
        first = _step(project, background)
        objects = project / ".travelog-cache" / "photos" / "objects"
        assert not objects.exists() or not any(objects.iterdir()), "derived before the pages"
        good = first.index.photos["walk/good.jpg"]
        assert good.pending and first.index.photos["walk/broken.jpg"].pending
        assert [(v.width, v.height, v.format) for v in good.derived.variants] == [
            (900, 600, "avif"),
            (900, 600, "webp"),
            (900, 600, "jpeg"),
            (800, 533, "avif"),
            (800, 533, "webp"),
            (400, 267, "avif"),
            (400, 267, "webp"),
        ]
        assert PhotoIndex.read(default_manifest(project)).photos["walk/good.jpg"].pending

        background.start()
        wait_until(lambda: True if len(lines) >= 3 else None, "both photos to be tried")
        assert arrived.is_set()
        assert any("2 of 2 ready" in line for line in lines), lines
        with pytest.raises(TravelogError) as raised:
            _step(project, background)
        message = str(raised.value)
        assert "entry.md:5:" in message and "broken.jpg" in message, message
        assert "cannot be decoded" in message, message

        (project / "docs" / "entry.md").write_text("![Good](photos/walk/good.jpg)\n")
        again = _step(project, background)
        record = again.index.photos["walk/good.jpg"]
        assert not record.pending and record.derived == good.derived
    finally:
        background.stop()
