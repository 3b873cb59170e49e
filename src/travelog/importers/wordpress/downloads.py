"""Uploads that posts link to but that are not photos (PDF, audio, video, documents...).

Each is copied once into ``docs/downloads/`` and the links point at the copy; a file the
media folder lacks keeps its old address and is listed once. Images linked as text are
not copied (originals carry EXIF, GPS included): photos go through the photo pipeline.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from travelog.importers.wordpress.media import MediaLibrary, upload_copy
from travelog.importers.wordpress.uploads import MediaFile
from travelog.photos.step import SUPPORTED_SUFFIXES

DOWNLOADS_DIR = "downloads"
_NOT_DOWNLOADS = SUPPORTED_SUFFIXES | {".bmp", ".svg", ".ico"}


@dataclass
class Downloads:
    """The journal's downloads folder as the import fills it (paths relative to docs/)."""

    library: MediaLibrary
    copies: dict[str, MediaFile] = field(default_factory=dict)
    missing: dict[str, list[str]] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)

    def link(self, href: str, source: str, label: str) -> str | None:
        """The new relative link from docs file ``source`` for an upload, else None."""
        path = upload_copy(href)
        if path is None or PurePosixPath(path).suffix.lower() in _NOT_DOWNLOADS:
            return None
        if path not in self._names:
            found = self.library.media.find(path) if self.library.media else None
            if found is None:
                self.missing.setdefault(path, []).append(label)
                return None
            self._names[path] = self._unique(PurePosixPath(path).name)
            self.copies[f"{DOWNLOADS_DIR}/{self._names[path]}"] = found
        target = f"{DOWNLOADS_DIR}/{self._names[path]}"
        return posixpath.relpath(target, posixpath.dirname(source) or ".")

    def _unique(self, name: str) -> str:
        taken = set(self._names.values())
        stem, suffix = posixpath.splitext(name)
        candidate, counter = name, 2
        while candidate in taken:
            candidate, counter = f"{stem}-{counter}{suffix}", counter + 1
        return candidate
