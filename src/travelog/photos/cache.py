"""Content-addressed cache of derived photos, outside site/.

A photo's key hashes its bytes and every setting that changes the output; its variants live
in ``objects/<key>/``. A small stat index (size, mtime) spares re-reading unchanged originals.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from travelog.atomic import write_text_atomic
from travelog.photos.settings import PhotoSettings

STAT_FILE = "stat.json"
_CHUNK = 1 << 20


class PhotoCache:
    def __init__(self, root: Path):
        self.root = root
        self.objects = root / "objects"
        self._stat_path = root / STAT_FILE
        self._stats = self._read_stats()
        self._seen: dict[str, list] = {}

    def _read_stats(self) -> dict[str, list]:
        try:
            data = json.loads(self._stat_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def digest(self, path: str, source: Path) -> str:
        """SHA-256 of the original's bytes, reusing the last one while size and mtime hold."""
        status = source.stat()
        stamp = [status.st_size, status.st_mtime_ns]
        known = self._stats.get(path)
        if isinstance(known, list) and len(known) == 3 and known[:2] == stamp:
            self._seen[path] = known
            return known[2]
        hasher = hashlib.sha256()
        with source.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                hasher.update(chunk)
        self._seen[path] = [*stamp, hasher.hexdigest()]
        return hasher.hexdigest()

    def key(self, digest: str, settings: PhotoSettings) -> str:
        return hashlib.sha256(f"{digest}:{settings.fingerprint()}".encode()).hexdigest()[:32]

    def folder(self, key: str) -> Path:
        return self.objects / key

    def save_stats(self) -> None:
        """Keep the stat index of the originals seen in this run only."""
        write_text_atomic(self._stat_path, json.dumps(self._seen, sort_keys=True))

    def prune(self, keep: set[str]) -> int:
        """Delete cached objects no photo uses any more; return how many went."""
        if not self.objects.is_dir():
            return 0
        removed = 0
        for folder in self.objects.iterdir():
            # Dot folders are variants being written (see derive); they are renamed when done.
            if folder.name not in keep and not folder.name.startswith("."):
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed
