"""The photo index: every processed photo with its variants, captions and published names.

The photo step writes it as a JSON manifest; the Markdown extension reads it back, so the
extension needs no image library and works the same under MkDocs and Zensical.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from travelog.atomic import write_text_atomic
from travelog.errors import TravelogError
from travelog.photos.captions import Captions
from travelog.photos.derive import Derived, Variant
from travelog.photos.settings import CACHE_DIR, SITE_PREFIX, PageSettings

MANIFEST_FILE = "manifest.json"
MANIFEST_VERSION = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def default_manifest(project_dir: Path) -> Path:
    return project_dir / CACHE_DIR / MANIFEST_FILE


@functools.cache
def _site_prefix(path: str, key: str) -> str:
    """``assets/photos/<folder>/<safe stem>-<key>``: computed once per photo, used per variant."""
    original = PurePosixPath(path)
    stem = _UNSAFE.sub("-", original.stem).strip("-") or "photo"
    return str(PurePosixPath(SITE_PREFIX) / original.parent / f"{stem}-{key[:10]}")


@dataclass(frozen=True)
class PhotoRecord:
    """One original (``path`` is below photos/) and what was derived from it."""

    path: str
    key: str
    derived: Derived
    sidecar: Captions = field(default_factory=Captions)
    # Planned, not derived yet (live preview): its variants do not exist so far.
    pending: bool = False

    def site_file(self, variant: Variant) -> str:
        """The variant's path inside the built site; content-addressed, so never stale."""
        return f"{_site_prefix(self.path, self.key)}-{variant.file}"


@dataclass(frozen=True)
class PhotoIndex:
    base_url: str
    page: PageSettings
    photos: dict[str, PhotoRecord]

    def url(self, record: PhotoRecord, variant: Variant) -> str:
        """Root-relative URL of a variant under the site's base path."""
        return self.base_url + quote(record.site_file(variant))

    def to_json(self) -> dict:
        return {
            "version": MANIFEST_VERSION,
            "base_url": self.base_url,
            "sizes": self.page.sizes,
            "gallery_sizes": self.page.gallery_sizes,
            "photos": {
                path: {
                    "key": record.key,
                    "derived": record.derived.to_json(),
                    "sidecar": vars(record.sidecar),
                    **({"pending": True} if record.pending else {}),
                }
                for path, record in sorted(self.photos.items())
            },
        }

    def write(self, path: Path) -> bool:
        """Write the manifest unless it already says the same; return whether it was written.

        An unchanged manifest keeps its time stamp, so readers keep what they made from it.
        """
        text = json.dumps(self.to_json(), indent=1, ensure_ascii=False)
        try:
            if path.read_text(encoding="utf-8") == text:
                return False
        except OSError:
            pass
        write_text_atomic(path, text)
        return True

    @classmethod
    def read(cls, path: Path) -> PhotoIndex:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != MANIFEST_VERSION:
                raise ValueError("old manifest")
            return cls(
                base_url=data["base_url"],
                page=PageSettings(sizes=data["sizes"], gallery_sizes=data["gallery_sizes"]),
                photos={
                    path: PhotoRecord(
                        path=path,
                        key=item["key"],
                        derived=Derived.from_json(item["derived"]),
                        sidecar=Captions(**item["sidecar"]),
                        pending=item.get("pending", False),
                    )
                    for path, item in data["photos"].items()
                },
            )
        except (OSError, ValueError, KeyError, TypeError):
            raise TravelogError(
                "photo manifest missing or outdated; build with `travelog build` "
                "(or mkdocs with the travelog plugin), which processes the photos first",
                path=path,
            ) from None
