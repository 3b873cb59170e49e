"""Find the original upload behind any reference WordPress makes to a file.

Posts point at resized or edited copies (``name-1024x768.jpg``, ``name-scaled.jpg``,
``name-rotated.jpg``, ``name-e1491234567.jpg``), at CDN variants (``?w=1024``,
``i0.wp.com/<host>/...``, ``*.files.wordpress.com``) or at the attachment by id
(``class="wp-image-12"``, ``[gallery ids="12"]``); ``_wp_attached_file`` is relative or, on
WordPress.com, absolute. All resolve to one path inside the uploads folder
(``2024/09/name.jpg``), which is also where the original sits in ``--media``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from travelog.importers.wordpress.html_text import inline_markdown
from travelog.importers.wordpress.records import Item
from travelog.importers.wordpress.uploads import (
    UPLOADS_MARKER,
    MediaFile,
    MediaSource,
    inside_uploads,
)

# One derived-copy suffix at the end of a file stem: a size, WordPress's big-image and
# orientation copies, or an edit in the image editor (-e + a timestamp).
_COPY_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated|e\d{10,13})$")
_EDITED = re.compile(r"-e\d{10,13}$")
_WPCOM_FILES = re.compile(r"\.files\.wordpress\.com$")
_PHOTON = re.compile(r"^i\d\.wp\.com$")  # WordPress.com's image CDN: i0.wp.com/<host>/<path>
_DATED_PATH = re.compile(r"^(?:files/)?\d{4}/\d{2}/[^/]+$")


def copies_of(path: str) -> list[str]:
    """``path`` and each name it was derived from, down to the original upload's."""
    pure = PurePosixPath(path)
    stem, chain = pure.stem, [path]
    while found := _COPY_SUFFIX.search(stem):
        stem = stem[: found.start()]
        chain.append(str(pure.with_name(stem + pure.suffix)))
    return chain


def original_name(path: str) -> str:
    """The original upload's path: every size, scaled, rotated or edit suffix removed."""
    return copies_of(path)[-1]


def file_candidates(path: str) -> list[str]:
    """Where to look for the best copy: the edited full size, the original, then the rest."""
    chain = copies_of(path)
    edited = [p for p in chain if _EDITED.search(PurePosixPath(p).stem)]
    ordered = [*edited[-1:], chain[-1], *reversed(chain)]
    return list(dict.fromkeys(ordered))


def upload_copy(url: str) -> str | None:
    """The path inside the uploads folder that ``url`` names (a copy's name kept), if any."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path)
    host = (parts.hostname or "").lower()
    if _PHOTON.match(host):
        return upload_copy("https://" + path.lstrip("/"))
    if UPLOADS_MARKER in path or "/blogs.dir/" in path:
        return inside_uploads(path)
    if _WPCOM_FILES.search(host) or _DATED_PATH.match(path.lstrip("/")):
        return inside_uploads(path.lstrip("/").removeprefix("files/"))
    return None


def upload_path(url: str) -> str | None:
    """The original's path inside the uploads folder, or None if ``url`` is not an upload."""
    copy = upload_copy(url)
    return original_name(copy) if copy else None


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

    @property
    def original(self) -> str:
        return original_name(self.upload_path)


def attached_path(item: Item) -> str:
    """The attachment's file inside the uploads folder, from whichever field has it."""
    attached = item.meta.get("_wp_attached_file", "")
    return (inside_uploads(attached) if attached else None) or (
        upload_copy(item.attachment_url) or ""
    )


class MediaLibrary:
    """The export's attachments, indexed by id, by original path and by parent post."""

    def __init__(self, items: list[Item], media: MediaSource | None):
        self.media = media
        self.by_id: dict[str, Attachment] = {}
        self.by_path: dict[str, Attachment] = {}
        for item in items:
            attachment = Attachment(
                id=item.id,
                upload_path=attached_path(item),
                url=item.attachment_url,
                title=item.title,
                caption=inline_markdown(item.excerpt),
                alt=item.meta.get("_wp_attachment_image_alt", ""),
                parent=item.parent,
                menu_order=item.menu_order,
            )
            self.by_id[item.id] = attachment
            if attachment.upload_path:
                self.by_path.setdefault(attachment.original, attachment)

    def resolve(self, url: str, attachment_id: str | None = None) -> Attachment | None:
        """The attachment a reference means; an upload unknown to the export still resolves."""
        if attachment_id and attachment_id in self.by_id:
            return self.by_id[attachment_id]
        copy = upload_copy(url)
        if copy is None:
            return None
        return self.by_path.get(original_name(copy)) or Attachment(
            id="",
            upload_path=copy,
            url=url,
            title="",
            caption="",
            alt="",
            parent="",
            menu_order=0,
        )

    def children(self, post_id: str) -> list[Attachment]:
        """A post's attached files, in gallery order."""
        attached = [a for a in self.by_id.values() if a.parent == post_id and a.upload_path]
        return sorted(attached, key=lambda a: (a.menu_order, a.id.zfill(12)))

    def original(self, attachment: Attachment) -> MediaFile | None:
        """The best copy of the file in the media folder or archive, if it is there."""
        if self.media is None or not attachment.upload_path:
            return None
        for candidate in file_candidates(attachment.upload_path):
            if found := self.media.find(candidate):
                return found
        return None
