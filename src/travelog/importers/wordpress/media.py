"""Find the original upload behind any reference WordPress makes to an image.

Posts point at resized copies (``name-1024x768.jpg``, ``name-scaled.jpg``), at CDN variants
(``?w=1024``, ``i0.wp.com``, ``*.files.wordpress.com``) or at the attachment by id
(``class="wp-image-12"``, ``[gallery ids="12"]``). All resolve to one path relative to the
uploads folder (``2024/09/name.jpg``), which is also where the original sits in the
``--media`` tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from travelog.importers.wordpress.html_text import inline_markdown
from travelog.importers.wordpress.records import Item

UPLOADS_MARKER = "/wp-content/uploads/"
_RESIZED = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
_WPCOM_FILES = re.compile(r"\.files\.wordpress\.com$")
_PHOTON = re.compile(r"^i\d\.wp\.com$")  # WordPress.com's image CDN: i0.wp.com/<host>/<path>
_DATED_PATH = re.compile(r"^\d{4}/\d{2}/[^/]+$")


@dataclass(frozen=True)
class Attachment:
    id: str
    upload_path: str
    url: str
    title: str
    caption: str
    alt: str
    parent: str
    menu_order: int


def upload_path(url: str) -> str | None:
    """The original's path inside the uploads folder, or None if ``url`` is not an upload."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path)
    if _PHOTON.match(parts.hostname or ""):
        return upload_path("https://" + path.lstrip("/"))
    if UPLOADS_MARKER in path:
        relative = path.split(UPLOADS_MARKER, 1)[1]
    elif _WPCOM_FILES.search(parts.hostname or "") or _DATED_PATH.match(path.lstrip("/")):
        relative = path.lstrip("/")
    else:
        return None
    return _RESIZED.sub("", relative) or None


def find_uploads_dir(media: Path) -> Path:
    """Accept the uploads folder itself or a folder holding ``wp-content/uploads``."""
    for candidate in (media / "wp-content" / "uploads", media / "uploads"):
        if candidate.is_dir():
            return candidate
    return media


class MediaLibrary:
    """The export's attachments, indexed by id, by upload path and by parent post."""

    def __init__(self, items: list[Item], uploads_dir: Path | None):
        self.uploads_dir = uploads_dir
        self.by_id: dict[str, Attachment] = {}
        self.by_path: dict[str, Attachment] = {}
        for item in items:
            path = item.meta.get("_wp_attached_file") or upload_path(item.attachment_url) or ""
            attachment = Attachment(
                id=item.id,
                upload_path=_RESIZED.sub("", path),
                url=item.attachment_url,
                title=item.title,
                caption=inline_markdown(item.excerpt),
                alt=item.meta.get("_wp_attachment_image_alt", ""),
                parent=item.parent,
                menu_order=item.menu_order,
            )
            self.by_id[item.id] = attachment
            if attachment.upload_path:
                self.by_path[attachment.upload_path] = attachment

    def resolve(self, url: str, attachment_id: str | None = None) -> Attachment | None:
        """The attachment a reference means; an upload unknown to the export still resolves."""
        if attachment_id and attachment_id in self.by_id:
            return self.by_id[attachment_id]
        path = upload_path(url)
        if path is None:
            return None
        return self.by_path.get(path) or Attachment(
            id="",
            upload_path=path,
            url=url,
            title="",
            caption="",
            alt="",
            parent="",
            menu_order=0,
        )

    def children(self, post_id: str) -> list[Attachment]:
        """A post's attached images, in gallery order."""
        attached = [a for a in self.by_id.values() if a.parent == post_id and a.upload_path]
        return sorted(attached, key=lambda a: (a.menu_order, a.id.zfill(12)))

    def original(self, attachment: Attachment) -> Path | None:
        """The original file in the media folder, if it is there."""
        if self.uploads_dir is None:
            return None
        root = self.uploads_dir.resolve()
        candidate = (root / attachment.upload_path).resolve()
        if not candidate.is_relative_to(root):
            return None
        return candidate if candidate.is_file() else None
