"""Place one post's images: originals copied to ``photos/<post-slug>/`` plus their sidecar."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from travelog.importers.wordpress.media import Attachment, MediaLibrary
from travelog.importers.wordpress.uploads import MediaFile

PHOTOS_DIR = "photos"
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
CAPTIONS_FILE = "captions.yml"


@dataclass(frozen=True)
class MissingMedia:
    upload_path: str
    url: str


@dataclass
class PostPhotos:
    """Collects the photos of one post while its content is converted."""

    folder: str
    post_id: str
    library: MediaLibrary
    copies: dict[str, MediaFile] = field(default_factory=dict)
    captions: dict[str, dict[str, str]] = field(default_factory=dict)
    missing: list[MissingMedia] = field(default_factory=list)
    guessed_alt: list[str] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)

    def markdown(self, attachment: Attachment, *, alt: str = "", caption: str = "") -> str:
        """The photo line for the entry, or a link to the old address when the file is missing."""
        alt = " ".join((alt or attachment.alt).split())
        caption = " ".join((caption or attachment.caption).split())
        source = self.library.original(attachment)
        if source is None:
            self.missing.append(MissingMedia(attachment.upload_path, attachment.url))
            label = (
                alt
                or _MARKDOWN_LINK.sub(r"\1", caption)
                or PurePosixPath(attachment.upload_path).name
            )
            return f"[Photo: {_escape_label(label)}]({attachment.url or attachment.upload_path})"
        name = self._name_for(attachment.original)
        self.copies[f"{PHOTOS_DIR}/{self.folder}/{name}"] = source
        if not alt:
            # The journal requires alt text (a strict build fails without it): describe the
            # photo from its caption or its WordPress title, and list it for the writer.
            alt = _MARKDOWN_LINK.sub(r"\1", caption) or _title_words(attachment, name)
            self.guessed_alt.append(f"{PHOTOS_DIR}/{self.folder}/{name}")
        sidecar = self.captions.setdefault(name, {})
        if caption:
            sidecar["caption"] = caption
        if alt:
            sidecar["alt"] = alt
        return f"![{_escape_label(alt)}]({PHOTOS_DIR}/{self.folder}/{name})"

    def _name_for(self, upload_path: str) -> str:
        """One file name per original; two originals with the same name get -2, -3..."""
        if upload_path not in self._names:
            path = PurePosixPath(upload_path)
            taken = set(self._names.values())
            name = path.name
            counter = 2
            while name in taken:
                name = f"{path.stem}-{counter}{path.suffix}"
                counter += 1
            self._names[upload_path] = name
        return self._names[upload_path]


def _title_words(attachment: Attachment, name: str) -> str:
    """The attachment's title, or its file name, as words ("dancers-1" -> "dancers 1")."""
    title = attachment.title.strip() or PurePosixPath(name).stem
    return " ".join(re.split(r"[-_\s]+", title)).strip()


def _escape_label(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
