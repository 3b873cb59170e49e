"""Deriving variants from awkward originals: every mode comes out 8-bit sRGB and upright."""

from __future__ import annotations

from pathlib import Path

import pillow_heif
import pytest
from photo_helpers import make_jpeg
from PIL import Image, ImageCms

from travelog.config import plugin_settings
from travelog.photos.derive import derive
from travelog.photos.settings import photo_settings


@pytest.fixture
def settings(tmp_path: Path):
    config = plugin_settings({"photos": {"widths": [200, 400]}}, tmp_path / "mkdocs.yml")
    return photo_settings(config.photos, tmp_path / "mkdocs.yml")


def _open_all(folder: Path) -> list[Image.Image]:
    images = []
    for path in sorted(folder.glob("*.*")):
        if path.suffix != ".json":
            with Image.open(path) as image:
                image.load()
                images.append(image)
    return images


def _originals(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    sixteen = Image.linear_gradient("L").resize((640, 480)).convert("I")
    sixteen = sixteen.point(lambda value: value * 256).convert("I;16")
    sixteen.save(made.setdefault("16-bit grey PNG", folder / "sixteen.png"))
    cmyk = Image.new("CMYK", (640, 480), (0, 255, 255, 0))
    cmyk.save(made.setdefault("CMYK JPEG", folder / "cmyk.jpg"))
    palette = Image.new("P", (640, 480), 0)
    palette.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    palette.paste(1, (0, 0, 320, 480))
    palette.save(
        made.setdefault("palette PNG with transparency", folder / "pal.png"), transparency=1
    )
    Image.new("LA", (640, 480), (128, 255)).save(
        made.setdefault("opaque grey+alpha", folder / "la.png")
    )
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    Image.new("RGB", (640, 480), (10, 200, 30)).save(
        made.setdefault("JPEG with an ICC profile", folder / "icc.jpg"), icc_profile=srgb
    )
    pillow_heif.register_heif_opener()
    Image.new("RGB", (640, 480), (200, 100, 0)).save(made.setdefault("HEIC", folder / "phone.heic"))
    return made


def test_every_mode_becomes_8_bit_srgb_without_metadata(tmp_path: Path, settings):
    for label, source in _originals(tmp_path / "originals").items():
        derived = derive(source, tmp_path / "out" / source.stem, settings)
        images = _open_all(tmp_path / "out" / source.stem)
        assert len(images) == 2 * 2 + 1, label  # AVIF and WebP at two widths, one fallback
        for image in images:
            assert image.mode in ("RGB", "RGBA"), (label, image.mode)
            assert "icc_profile" not in image.info or not image.info["icc_profile"], label
            assert len(image.getexif()) == 0, label
        assert derived.alpha is (label == "palette PNG with transparency"), label
        assert {v.format for v in derived.variants} == (
            {"avif", "webp", "png"} if derived.alpha else {"avif", "webp", "jpeg"}
        )


def test_sideways_jpeg_is_published_upright(tmp_path: Path, settings):
    source = make_jpeg(tmp_path / "side.jpg", (1600, 1200), orientation=6)
    with Image.open(source) as stored:
        assert stored.size == (1200, 1600)  # pixels stored sideways
    derived = derive(source, tmp_path / "out", settings)
    assert (derived.width, derived.height) == (1600, 1200)
    with Image.open(tmp_path / "out" / "400.jpg") as image:
        assert image.size == (400, 300)
        top = image.convert("RGB").getpixel((200, 20))
        bottom = image.convert("RGB").getpixel((200, 280))
    assert top[0] > 200 and top[2] < 60  # red on top: upright
    assert bottom[2] > 200 and bottom[0] < 60


def test_the_original_is_left_byte_identical(tmp_path: Path, settings):
    source = make_jpeg(tmp_path / "a.jpg", (800, 600), orientation=6)
    before = source.read_bytes()
    derive(source, tmp_path / "out", settings)
    assert source.read_bytes() == before
