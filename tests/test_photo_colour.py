"""Colour: originals in other colour spaces and depths come out as the same colours in sRGB."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from photo_helpers import matrix_trc_profile, write_png_rgb16
from PIL import Image, ImageCms

from travelog.config import plugin_settings
from travelog.photos.derive import derive
from travelog.photos.settings import photo_settings

ADOBE_RGB = matrix_trc_profile("Adobe RGB (1998) compatible, test")
# A green inside both gamuts: Adobe RGB's wider green primary makes it read much more
# saturated in sRGB (red falls by about 40), without clipping any channel.
GREEN = (120, 180, 110)
# Lossy AVIF, WebP and JPEG encodings of a flat colour stay this close to it.
TOLERANCE = 6
SIZE = (640, 480)


@pytest.fixture
def settings(tmp_path: Path):
    config = plugin_settings({"photos": {"widths": [200, 400]}}, tmp_path / "mkdocs.yml")
    return photo_settings(config.photos, tmp_path / "mkdocs.yml")


def _in_srgb(colour: tuple[int, int, int], icc: bytes) -> tuple[int, int, int]:
    """What LittleCMS (through ImageCms) makes of ``colour`` in the ``icc`` space."""
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    target = ImageCms.createProfile("sRGB")
    return ImageCms.profileToProfile(Image.new("RGB", (1, 1), colour), source, target).getpixel(
        (0, 0)
    )


def _published_colours(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Each variant's centre pixel, after checking it carries no profile but sRGB."""
    colours = {}
    for path in sorted(folder.glob("*.*")):
        if path.suffix == ".json":
            continue
        with Image.open(path) as image:
            icc = image.info.get("icc_profile")
            if icc:
                profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
                assert "sRGB" in ImageCms.getProfileDescription(profile), path
            colours[path.name] = image.convert("RGB").getpixel(
                (image.width // 2, image.height // 2)
            )
    assert len(colours) == 2 * 2 + 1  # AVIF and WebP at two widths, one fallback
    return colours


def _distance(one: tuple[int, ...], other: tuple[int, ...]) -> int:
    return max(abs(a - b) for a, b in zip(one, other, strict=True))


def _assert_converted(colours: dict[str, tuple[int, int, int]], original, expected) -> None:
    for name, colour in colours.items():
        assert _distance(colour, expected) <= TOLERANCE, (name, colour, expected)
        assert _distance(colour, original) > 3 * TOLERANCE, (name, colour, "not converted")
        assert colour[0] < original[0] - 25, (name, colour, "green not more saturated")


def test_the_test_profile_is_a_real_wide_gamut_rgb_profile():
    profile = ImageCms.ImageCmsProfile(io.BytesIO(ADOBE_RGB))
    assert profile.profile.xcolor_space.strip() == "RGB"
    assert profile.profile.connection_space.strip() == "XYZ"
    assert ImageCms.getProfileDescription(profile).startswith("Adobe RGB (1998)")
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    green_x, green_y, _ = profile.profile.green_colorant[1]
    srgb_x, srgb_y, _ = srgb.profile.green_colorant[1]
    assert green_x < srgb_x - 0.05 and green_y > srgb_y + 0.05  # a wider, purer green
    expected = _in_srgb(GREEN, ADOBE_RGB)
    assert _distance(expected, GREEN) > 30
    assert all(0 < channel < 255 for channel in expected)


def test_adobe_rgb_jpeg_is_converted_to_srgb(tmp_path: Path, settings):
    source = tmp_path / "adobe.jpg"
    Image.new("RGB", SIZE, GREEN).save(source, quality=95, icc_profile=ADOBE_RGB)
    derive(source, tmp_path / "out", settings)
    _assert_converted(_published_colours(tmp_path / "out"), GREEN, _in_srgb(GREEN, ADOBE_RGB))


def test_16_bit_adobe_rgb_png_is_converted_to_srgb(tmp_path: Path, settings):
    sixteen = tuple(channel * 257 for channel in GREEN)
    source = write_png_rgb16(tmp_path / "adobe16.png", SIZE, sixteen, icc=ADOBE_RGB)
    derived = derive(source, tmp_path / "out", settings)
    assert not derived.alpha
    _assert_converted(_published_colours(tmp_path / "out"), GREEN, _in_srgb(GREEN, ADOBE_RGB))


def test_16_bit_rgb_png_without_profile_keeps_its_colour(tmp_path: Path, settings):
    sixteen = tuple(channel * 257 + 100 for channel in GREEN)
    source = write_png_rgb16(tmp_path / "plain16.png", SIZE, sixteen)
    derive(source, tmp_path / "out", settings)
    for name, colour in _published_colours(tmp_path / "out").items():
        assert _distance(colour, GREEN) <= TOLERANCE, (name, colour)


@pytest.mark.parametrize("level", [0x0400, 0x8000, 0xEA60])
def test_16_bit_grey_png_keeps_its_brightness(tmp_path: Path, settings, level: int):
    source = tmp_path / "grey16.png"
    Image.new("I;16", SIZE, level).save(source)
    with Image.open(source) as check:
        assert check.mode == "I;16"
    derive(source, tmp_path / "out", settings)
    expected = (level >> 8,) * 3
    for name, colour in _published_colours(tmp_path / "out").items():
        assert _distance(colour, expected) <= TOLERANCE, (name, colour, expected)


@pytest.mark.parametrize(
    ("cmyk", "rgb"),
    [
        ((0, 255, 255, 0), (255, 0, 0)),
        ((0, 128, 255, 0), (255, 127, 0)),
        ((0, 0, 0, 255), (0, 0, 0)),
    ],
)
def test_cmyk_jpeg_comes_out_in_its_colours_not_inverted(tmp_path: Path, settings, cmyk, rgb):
    source = tmp_path / "cmyk.jpg"
    Image.new("CMYK", SIZE, cmyk).save(source, quality=95)
    derive(source, tmp_path / "out", settings)
    for name, colour in _published_colours(tmp_path / "out").items():
        assert _distance(colour, rgb) <= TOLERANCE, (name, colour, rgb)


def test_transparent_adobe_rgb_png_is_converted_and_keeps_its_transparency(tmp_path, settings):
    image = Image.new("RGBA", SIZE, (*GREEN, 255))
    image.paste((0, 0, 0, 0), (0, 0, SIZE[0] // 4, SIZE[1]))
    source = tmp_path / "adobe-alpha.png"
    image.save(source, icc_profile=ADOBE_RGB)
    derived = derive(source, tmp_path / "out", settings)
    assert derived.alpha
    _assert_converted(_published_colours(tmp_path / "out"), GREEN, _in_srgb(GREEN, ADOBE_RGB))
    for path in (tmp_path / "out").glob("*.png"):
        with Image.open(path) as published:
            assert published.mode == "RGBA"
            assert published.getpixel((2, published.height // 2))[3] == 0, path
            assert published.getpixel((published.width - 3, published.height // 2))[3] == 255
