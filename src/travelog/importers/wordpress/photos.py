"""Place one post's images: originals copied to ``photos/<post-slug>/`` plus their sidecar.

Each use of a photo keeps its own caption: a caption every use shares goes to the sidecar
(``captions.yml``), while a photo shown with different captions carries each one on its
Markdown line (``![alt](photos/... "caption")``, which wins over the sidecar). Lines are
placeholders until :meth:`PostPhotos.finish`, when every use is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from travelog.config import PHOTOS_DIR
from travelog.importers.wordpress.media import Attachment, MediaLibrary
from travelog.importers.wordpress.uploads import MediaFile

_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_PLACEHOLDER = re.compile(r"\x00photo(\d+)\x00")
CAPTIONS_FILE = "captions.yml"


@dataclass(frozen=True)
class MissingMedia:
    upload_path: str
    url: str


@dataclass(frozen=True)
class _Use:
    name: str
    alt: str
    caption: str


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
    used: set[str] = field(default_factory=set)
    _uses: list[_Use] = field(default_factory=list)
    _names: dict[str, str] = field(default_factory=dict)

    def markdown(self, attachment: Attachment, *, alt: str = "", caption: str = "") -> str:
        """The photo line for the entry, or a link to the old address when the file is missing.

        A missing photo keeps its caption as a line of text under its link.
        """
        alt = " ".join((alt or attachment.alt).split())
        caption = " ".join((caption or attachment.caption).split())
        self.used.add(attachment.original)
        source = self.library.original(attachment)
        if source is None:
            self.missing.append(MissingMedia(attachment.upload_path, attachment.url))
            label = (
                alt
                or _MARKDOWN_LINK.sub(r"\1", caption)
                or PurePosixPath(attachment.upload_path).name
            )
            link = f"[Photo: {escape_label(label)}]({attachment.url or attachment.upload_path})"
            return f"{link}  \n{caption}" if caption else link
        name = self._name_for(attachment.original)
        self.copies[f"{PHOTOS_DIR}/{self.folder}/{name}"] = source
        if not alt:
            # The journal requires alt text (a strict build fails without it): describe the
            # photo from its caption or its WordPress title, and list it for the writer.
            alt = _MARKDOWN_LINK.sub(r"\1", caption) or _title_words(attachment, name)
            guessed = f"{PHOTOS_DIR}/{self.folder}/{name}"
            if guessed not in self.guessed_alt:
                self.guessed_alt.append(guessed)
        self._uses.append(_Use(name, alt, caption))
        return f"\x00photo{len(self._uses) - 1}\x00"

    @staticmethod
    def is_photo(line: str) -> bool:
        """Whether a line from :meth:`markdown` is a photo (not a link to a missing one)."""
        return _PLACEHOLDER.fullmatch(line) is not None

    def finish(self, markdown: str) -> str:
        """Fill in the photo lines; decide which captions the sidecar holds."""
        by_name: dict[str, list[_Use]] = {}
        for use in self._uses:
            by_name.setdefault(use.name, []).append(use)
        shared: dict[str, str] = {}
        for name, uses in by_name.items():
            sidecar = self.captions.setdefault(name, {})
            captions = {use.caption for use in uses}
            if len(captions) == 1 and uses[0].caption:
                sidecar["caption"] = shared[name] = uses[0].caption
            sidecar["alt"] = uses[0].alt

        def line(match: re.Match[str]) -> str:
            use = self._uses[int(match.group(1))]
            path = f"{PHOTOS_DIR}/{self.folder}/{use.name}"
            title = "" if use.name in shared or not use.caption else _title(use.caption)
            return f"![{escape_label(use.alt)}]({path}{title})"

        return _PLACEHOLDER.sub(line, markdown)

    def _name_for(self, original: str) -> str:
        """One file name per original; two originals with the same name get -2, -3..."""
        if original not in self._names:
            path = PurePosixPath(original)
            taken = set(self._names.values())
            name = path.name
            counter = 2
            while name in taken:
                name = f"{path.stem}-{counter}{path.suffix}"
                counter += 1
            self._names[original] = name
        return self._names[original]


def _title(caption: str) -> str:
    """The caption as a Markdown image title, quoted with whichever quote it lacks."""
    quote = "'" if '"' in caption and "'" not in caption else '"'
    return f" {quote}{caption}{quote}"


def _title_words(attachment: Attachment, name: str) -> str:
    """The attachment's title, or its file name, as words ("dancers-1" -> "dancers 1")."""
    title = attachment.title.strip() or PurePosixPath(name).stem
    return " ".join(re.split(r"[-_\s]+", title)).strip()


def escape_label(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
