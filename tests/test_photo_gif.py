"""GIFs build like photos: a still GIF as any photo, an animated one as animated WebP and AVIF
with a still first-frame fallback, without metadata, within the photo size limit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from travelog.config import plugin_settings
from travelog.photos.derive import DeriveError, derive
from travelog.photos.settings import photo_settings

COLOURS = ("red", "green", "blue")


@pytest.fixture(autouse=True)
def _pillow_pixel_limit(monkeypatch):
    """derive() sets Pillow's process-wide pixel limit: give it back to later tests."""
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)


def _settings(tmp_path: Path, **photos):
    config = plugin_settings({"photos": {"widths": [50, 100], **photos}}, tmp_path / "mkdocs.yml")
    return photo_settings(config.photos, tmp_path / "mkdocs.yml")


def animated_gif(path: Path, size=(120, 90), *, transparent: bool = False) -> Path:
    """Three frames, red, green, blue, 80 ms each, with a comment that must not survive."""
    frames = [Image.new("RGBA" if transparent else "RGB", size, colour) for colour in COLOURS]
    if transparent:
        for frame in frames:
            frame.paste((0, 0, 0, 0), (0, 0, size[0] // 2, size[1]))
    path.parent.mkdir(parents=True, exist_ok=True)
    frames[0].save(
        path,
        save_all=True,
        append_images=frames[1:],
        duration=80,
        loop=0,
        comment=b"secret location 22.54N",
    )
    return path


def still_gif(path: Path, size=(120, 90)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "orange").convert("P").save(path, comment=b"secret location")
    return path


def _frames(path: Path) -> list[tuple[int, int, int]]:
    with Image.open(path) as image:
        colours = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            colours.append(image.convert("RGB").getpixel((image.width - 1, 0)))
        return colours


def test_still_gif_becomes_an_ordinary_photo(tmp_path: Path):
    derived = derive(still_gif(tmp_path / "map.gif"), tmp_path / "out", _settings(tmp_path))
    assert (derived.width, derived.height) == (120, 90)
    assert {v.format for v in derived.variants} == {"avif", "webp", "jpeg"}
    for variant in derived.variants:
        path = tmp_path / "out" / variant.file
        with Image.open(path) as image:
            assert image.size == (variant.width, variant.height)
            assert getattr(image, "n_frames", 1) == 1
            assert "comment" not in image.info and not image.getexif()
        assert b"secret" not in path.read_bytes()


@pytest.mark.parametrize("transparent", [False, True])
def test_animated_gif_moves_in_webp_and_avif_and_falls_back_to_its_first_frame(
    tmp_path: Path, transparent: bool
):
    source = animated_gif(tmp_path / "falls.gif", transparent=transparent)
    derived = derive(source, tmp_path / "out", _settings(tmp_path))
    assert derived.alpha is transparent
    assert [v.width for v in derived.of_format("webp")] == [100, 50]
    for variant in derived.variants:
        path = tmp_path / "out" / variant.file
        assert b"secret" not in path.read_bytes()
        colours = _frames(path)
        if variant.format in ("webp", "avif"):
            assert len(colours) == 3, variant
            assert [c.index(max(c)) for c in colours] == [0, 1, 2], (variant, colours)
            with Image.open(path) as image:
                image.seek(1)
                image.load()
                assert image.size == (variant.width, variant.height)
                assert image.info.get("duration") == 80
        else:
            assert variant.format == ("png" if transparent else "jpeg")
            assert len(colours) == 1 and colours[0][0] > 200  # the red first frame


def test_an_animation_larger_than_the_photo_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # derive() sets Pillow's process-wide pixel limit: give it back to the later tests.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)
    source = animated_gif(tmp_path / "long.gif", size=(600, 600))
    with pytest.raises(DeriveError, match="3 frames, more than 1 megapixels"):
        derive(source, tmp_path / "out", _settings(tmp_path, max_megapixels=1))
    assert not (tmp_path / "out").exists()
