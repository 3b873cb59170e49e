"""`travelog build --engine zensical` runs the photo step too: figures, variants, og:image."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_travelog
from photo_helpers import journal_without_photos, make_jpeg


@pytest.mark.e2e
def test_zensical_build_publishes_photos(tmp_path: Path):
    project = journal_without_photos(tmp_path / "journal")
    make_jpeg(project / "photos" / "park" / "gate.jpg", (1000, 750), orientation=6)
    make_jpeg(project / "photos" / "park" / "lawn.jpg", (900, 600))
    entry = project / "docs" / "posts" / "park-cameras.md"
    text = entry.read_text(encoding="utf-8").replace(
        "<!-- more -->",
        '![Gate](photos/park/gate.jpg "The gate")\n\n<!-- more -->\n\n'
        "::: gallery\n![Lawn](photos/park/lawn.jpg)\n:::",
    )
    entry.write_text(text, encoding="utf-8")
    result = run_travelog("build", "--engine", "zensical", "--strict", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    html = (site / "2024/09/park-cameras/index.html").read_text(encoding="utf-8")
    assert html.count('<figure class="travelog-photo">') == 2
    assert "<figcaption>The gate</figcaption>" in html
    assert 'property="og:image" content="http://127.0.0.1:8000/assets/photos/park/gate-' in html
    published = sorted(p.name for p in (site / "assets" / "photos" / "park").iterdir())
    # gate is 1000 wide upright: 400, 800, 1000; lawn 900: 400, 800, 900; AVIF and WebP at
    # each width, one JPEG fallback per photo.
    assert len(published) == 2 * (3 * 2 + 1)
    assert sum(name.endswith(".jpg") for name in published) == 2
    assert 'fetchpriority="high"' in html
    assert "media:content" in (site / "feed.xml").read_text(encoding="utf-8")
