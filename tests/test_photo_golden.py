"""Golden HTML for a photo and a gallery. Regenerate with TRAVELOG_UPDATE_GOLDEN=1 pytest."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from golden_files import assert_matches_golden

from travelog.markdown.photos import PhotosExtension, caption_html, load_photos
from travelog.photos.captions import Captions
from travelog.photos.derive import Derived, Variant
from travelog.photos.index import PhotoIndex, PhotoRecord
from travelog.photos.settings import PageSettings

GOLDEN = Path(__file__).parent / "golden"


def _derived(width: int, height: int, widths: list[int], alpha: bool = False) -> Derived:
    fallback = "png" if alpha else "jpeg"
    variants = []
    for w in widths:
        for fmt in ("avif", "webp", fallback):
            ext = "jpg" if fmt == "jpeg" else fmt
            variants.append(Variant(w, round(height * w / width), fmt, f"{w}.{ext}"))
    return Derived(width, height, alpha, "Embedded description", tuple(variants))


def _index() -> PhotoIndex:
    gate = PhotoRecord(
        "park/gate.jpg",
        "a" * 32,
        _derived(3024, 4032, [400, 800, 1200, 1600]),
        Captions(caption="Six cameras <watch> the gate.", alt="A lamp post", credit="Claire"),
    )
    cart = PhotoRecord("square/cart.png", "b" * 32, _derived(900, 600, [400, 800, 900], True))
    lawn = PhotoRecord("park/lawn.jpg", "c" * 32, _derived(1000, 750, [400, 800, 1000]))
    return PhotoIndex(
        base_url="/journal/",
        page=PageSettings(sizes="(max-width: 50em) 100vw, 46rem", gallery_sizes="15rem"),
        photos={record.path: record for record in (gate, cart, lawn)},
    )


CASES = {
    "photo-figure": "# Title\n\nText.\n\n![](photos/park/gate.jpg)\n\nMore text.\n",
    "photo-gallery": (
        "![Lawn](photos/park/lawn.jpg)\n\n::: gallery\n![](photos/park/gate.jpg)\n"
        '![Cart alt](photos/square/cart.png "Markdown caption wins")\n:::\n'
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendering_matches_golden_html(tmp_path: Path, name: str):
    manifest = tmp_path / "manifest.json"
    _index().write(manifest)
    html = markdown.markdown(CASES[name], extensions=[PhotosExtension(manifest=str(manifest))])
    html = html.replace("><", ">\n<") + "\n"
    assert_matches_golden(html, GOLDEN / f"{name}.html")


def test_captions_render_links_and_emphasis_but_show_raw_html_as_text():
    assert caption_html("At [the park](https://example.org/?a=1&b=2), *early*") == (
        'At <a href="https://example.org/?a=1&amp;b=2">the park</a>, <em>early</em>'
    )
    assert caption_html("<script>alert(1)</script> & <b>") == (
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"
    )


def test_each_placement_is_rendered_once_per_manifest(tmp_path: Path):
    """The blog plugin renders an entry many times; its figures are built once."""
    manifest = tmp_path / "manifest.json"
    _index().write(manifest)
    extension = PhotosExtension(manifest=str(manifest))
    first = markdown.markdown(CASES["photo-gallery"], extensions=[extension])
    photos = load_photos(manifest)
    rendered = dict(photos._markup)
    assert len(rendered) == 2  # the photo and the gallery
    again = markdown.markdown(CASES["photo-gallery"], extensions=[extension])
    assert again == first
    assert load_photos(manifest) is photos
    assert all(photos._markup[key] is markup for key, markup in rendered.items())


def test_an_unchanged_manifest_is_not_rewritten(tmp_path: Path):
    manifest = tmp_path / "manifest.json"
    assert _index().write(manifest)
    stamp = manifest.stat().st_mtime_ns
    assert not _index().write(manifest)
    assert manifest.stat().st_mtime_ns == stamp
