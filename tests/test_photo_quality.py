"""Cheaper variants that look the same: planned sizes for portraits and landscapes, a reduced
JPEG decode that always has enough pixels, and SSIM above the level of the slower pipeline."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from photo_helpers import make_jpeg, textured_photo
from PIL import Image, ImageOps
from skimage.metrics import structural_similarity

from travelog.config import plugin_settings
from travelog.photos.derive import derive
from travelog.photos.settings import photo_settings
from travelog.photos.sizes import decode_size, scaled_height, variant_widths

# The lowest SSIM (luma, Gaussian window) of any variant of the test photos under the
# pipeline before it was made cheaper (AVIF speed 8, WebP method 4, every width from the
# full decode); each format must stay at that level or above.
SSIM_FLOOR = {"avif": 0.922, "webp": 0.915, "jpeg": 0.937}


def _settings(tmp_path: Path, **photos):
    config = plugin_settings({"photos": photos}, tmp_path / "mkdocs.yml")
    return photo_settings(config.photos, tmp_path / "mkdocs.yml")


@pytest.mark.parametrize(
    ("upright", "orientation", "planned"),
    [
        ((2000, 1500), 1, {200: (200, 150), 400: (400, 300), 800: (800, 600)}),
        ((1500, 2000), 6, {200: (200, 267), 400: (400, 533), 600: (600, 800)}),
        ((700, 500), 1, {200: (200, 143), 400: (400, 286), 700: (700, 500)}),
    ],
)
def test_variants_have_the_planned_sizes_never_larger(tmp_path, upright, orientation, planned):
    source = make_jpeg(tmp_path / "photo.jpg", upright, orientation=orientation)
    settings = _settings(tmp_path, widths=[200, 400, 800], fallback_widths=[400])
    derived = derive(source, tmp_path / "out", settings)
    assert (derived.width, derived.height) == upright
    responsive = {v.width: (v.width, v.height) for v in derived.variants if v.format == "avif"}
    assert responsive == planned
    assert [(v.width, v.height) for v in derived.of_format("jpeg")] == [planned[400]]
    for variant in derived.variants:
        with Image.open(tmp_path / "out" / variant.file) as image:
            assert image.size == (variant.width, variant.height), variant
            assert max(image.size) <= 800, variant
            top = image.convert("RGB").getpixel((image.width // 2, 2))
            assert top[0] > 200 and top[2] < 60, variant  # red on top: upright


@pytest.mark.parametrize("orientation", [1, 6])
@pytest.mark.parametrize(
    "upright", [(4032, 3024), (3024, 4032), (1601, 1201), (3200, 1000), (1000, 3200)]
)
def test_reduced_decode_never_has_fewer_pixels_than_the_largest_variant(
    tmp_path, upright, orientation
):
    source = make_jpeg(tmp_path / "photo.jpg", upright, orientation=orientation, quality=50)
    widths = variant_widths(*upright, [400, 800, 1200, 1600])
    needed = (max(widths), scaled_height(*upright, max(widths)))
    with Image.open(source) as image:
        stored = image.size
        image.draft("RGB", decode_size(stored, upright[0], max(widths)))
        decoded = image.size if orientation == 1 else image.size[::-1]
    assert decoded[0] >= needed[0] and decoded[1] >= needed[1], (decoded, needed)
    assert decoded[0] < upright[0] or upright[0] < 2 * needed[0]  # reduced whenever it can be


def _ssim(expected: Image.Image, actual: Image.Image) -> float:
    return float(
        structural_similarity(
            numpy.asarray(expected.convert("L"), dtype=numpy.float64),
            numpy.asarray(actual.convert("L"), dtype=numpy.float64),
            data_range=255,
            gaussian_weights=True,
            sigma=1.5,
            use_sample_covariance=False,
        )
    )


def test_every_format_keeps_its_ssim_against_a_full_quality_resize(tmp_path):
    settings = _settings(tmp_path)
    scores: dict[str, list[float]] = {}
    photos = (("landscape", (2400, 1800), 1), ("portrait", (1800, 2400), 6))
    for name, upright, orientation in photos:
        source = textured_photo(tmp_path / f"{name}.jpg", upright, orientation=orientation)
        derived = derive(source, tmp_path / name, settings)
        with Image.open(source) as original:
            reference = ImageOps.exif_transpose(original).convert("RGB")
        for variant in derived.variants:
            expected = reference.resize((variant.width, variant.height), Image.Resampling.LANCZOS)
            with Image.open(tmp_path / name / variant.file) as actual:
                scores.setdefault(variant.format, []).append(_ssim(expected, actual))
    assert set(scores) == set(SSIM_FLOOR)
    for fmt, values in scores.items():
        assert min(values) >= SSIM_FLOOR[fmt], (fmt, values)
