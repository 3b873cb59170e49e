"""The example journal's built photos: private, upright, never enlarged, placed and linked."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import feedparser
from conftest import ROOT
from PIL import Image, ImageOps

PHOTOS = ROOT / "photos"
ORIGINAL_SUFFIXES = {".jpg", ".jpeg", ".png"}


def _published(site: Path) -> list[Path]:
    return sorted(path for path in (site / "assets" / "photos").rglob("*") if path.is_file())


def _original_of(site_file: Path, site: Path) -> Path:
    relative = site_file.relative_to(site / "assets" / "photos")
    stem = re.sub(r"-[0-9a-f]{10}-\d+$", "", relative.stem)
    matches = [p for p in (PHOTOS / relative.parent).glob(f"{stem}.*") if p.suffix != ".yml"]
    assert len(matches) == 1, site_file
    return matches[0]


def test_every_published_image_is_private_upright_and_not_enlarged(built_site: Path):
    published = _published(built_site)
    originals = {p for p in PHOTOS.rglob("*") if p.suffix.lower() in ORIGINAL_SUFFIXES}
    assert len(originals) >= 12
    assert {_original_of(path, built_site) for path in published} == originals
    formats = set()
    for path in published:
        with Image.open(path) as image:
            image.load()
            formats.add(image.format)
            exif = image.getexif()
            assert len(exif) == 0, (path, dict(exif))
            assert not exif.get_ifd(0x8825), path
            assert "xmp" not in image.info and "XML:com.adobe.xmp" not in image.info, path
            with Image.open(_original_of(path, built_site)) as original:
                upright = ImageOps.exif_transpose(original)
                assert image.width <= upright.width and image.height <= upright.height
                assert abs(image.width / image.height - upright.width / upright.height) < 0.01
    assert formats == {"AVIF", "WEBP", "JPEG", "PNG"}


def test_sideways_phone_photo_is_published_upright(built_site: Path):
    # cameras-lawn.jpg is stored 3024 wide x 4032 high with Orientation 6: upright 4032x3024.
    variants = sorted((built_site / "assets/photos/park-cameras").glob("cameras-lawn-*-800.webp"))
    with Image.open(variants[0]) as image:
        assert image.size == (800, 600)


def test_originals_are_never_published(built_site: Path):
    originals = {hashlib.sha256(p.read_bytes()).digest() for p in PHOTOS.rglob("*.*")}
    for path in built_site.rglob("*"):
        if path.is_file() and path.suffix.lower() in {".jpg", ".png", ".jpeg"}:
            assert hashlib.sha256(path.read_bytes()).digest() not in originals, path
    assert not (built_site / "photos").exists()


def _entry_body(page: Path) -> str:
    """An entry page up to its links to other entries (they carry those entries' photos)."""
    return page.read_text(encoding="utf-8").split('<nav class="travelog-prevnext"', 1)[0]


def test_entry_page_has_figures_lazy_except_the_first(built_site: Path):
    html = _entry_body(built_site / "2024/09/park-cameras/index.html")
    images = re.findall(r"<img class=\"off-glb\"[^>]*>", html)
    assert len(images) == 3
    assert 'loading="eager"' in images[0] and 'fetchpriority="high"' in images[0]
    for image in images[1:]:
        assert 'loading="lazy"' in image and 'decoding="async"' in image
    assert "<figcaption>Six cameras watch the park&#x27;s south gate." in html or (
        "<figcaption>Six cameras watch the park's south gate." in html
    )
    assert html.count('type="image/avif"') == 3 and html.count('type="image/webp"') == 3
    assert len(set(re.findall(r'data-gallery="([^"]+)"', html))) == 1
    assert 'property="og:image" content="http://127.0.0.1:8000/assets/photos/park-cameras/' in html


def test_gallery_and_embedded_description(built_site: Path):
    dancing = _entry_body(built_site / "2025/01/square-dancing/index.html")
    gallery = dancing.split('<div class="travelog-gallery">', 1)[1]
    assert gallery.count("<figure") == 3 and ".png" in gallery
    noise = (built_site / "2024/11/noise-display/index.html").read_text(encoding="utf-8")
    assert "<figcaption>The noise pole at the corner of the construction site" in noise


def test_lead_photo_is_the_card_image_and_in_the_feed(built_site: Path):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'src="/assets/photos/noodle-shop-morning/noodle-bowl-' in home
    feed = feedparser.parse((built_site / "feed.xml").read_bytes())
    for item in feed.entries:
        assert item.media_content[0]["url"].startswith("http://127.0.0.1:8000/assets/photos/")
        assert item.media_content[0]["type"] == "image/jpeg" or item.media_content[0][
            "url"
        ].endswith(".png")
