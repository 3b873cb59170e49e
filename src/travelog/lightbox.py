"""The photo lightbox for engines without the glightbox plugin (Zensical).

Zensical's theme opens ``a.glightbox`` links with GLightbox, fetching it from a public CDN
unless the page already defines it. travelog's theme loads it from the site instead (see
``overrides/main.html``), from the same places the MkDocs plugin writes it: this copies the
files that the installed mkdocs-glightbox package ships there.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from travelog.atomic import write_bytes_atomic

#: Packaged file -> its place in the site (the MkDocs glightbox plugin's own places).
LIGHTBOX_FILES = {
    "glightbox.min.js": "assets/javascripts/glightbox.min.js",
    "glightbox.min.css": "assets/stylesheets/glightbox.min.css",
}


def copy_lightbox(site_dir: Path) -> None:
    packaged = resources.files("mkdocs_glightbox") / "glightbox"
    for name, target in LIGHTBOX_FILES.items():
        write_bytes_atomic(site_dir / target, (packaged / name).read_bytes())
