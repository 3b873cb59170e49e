"""Where the originals are: the uploads folder, the folder above it, or a media ``.tar``.

WordPress.com's "Export media library" gives a ``.tar`` of the uploads; it is read in place
(nothing is unpacked), and refused whole when any member is a link or leads outside the
archive. Every form is looked up by the path inside the uploads folder (``2015/11/a.jpg``).
"""

from __future__ import annotations

import re
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from travelog.errors import TravelogError

UPLOADS_MARKER = "/wp-content/uploads/"
# WordPress.com and old multisite installs: .../blogs.dir/<shard>/<blog id>/files/2015/11/a.jpg
_BLOGS_DIR = re.compile(r"/blogs\.dir/(?:[^/]+/){1,2}files/")
_DATED = re.compile(r"(?:^|/)(\d{4}/\d{2}/[^/]+)$")
ARCHIVE_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
_ASK = "give --media the uploads folder (wp-content/uploads), the folder above it or the media .tar"


def inside_uploads(path: str) -> str | None:
    """The part of a file path (absolute, relative or in an archive) below the uploads folder.

    ``/home/wpcom/.../blogs.dir/9ff/93551069/files/2015/11/a.jpg`` and
    ``/srv/site/wp-content/uploads/2015/11/a.jpg`` both give ``2015/11/a.jpg``; a relative
    path is kept as it is. None for a path that climbs out with ``..``.
    """
    path = path.replace("\\", "/")
    for marker in (UPLOADS_MARKER, "/uploads/"):
        if marker in "/" + path:
            path = ("/" + path).split(marker, 1)[1]
            break
    else:
        if found := _BLOGS_DIR.search(path):
            path = path[found.end() :]
        elif path.startswith("/"):
            dated = _DATED.search(path)
            path = dated.group(1) if dated else path.rsplit("/", 1)[-1]
    parts = PurePosixPath(path).parts
    if not parts or ".." in parts or parts[0] == "/":
        return None
    return "/".join(part for part in parts if part != ".")


class MediaFile:
    """An original to copy: a file on disk or a member of the media archive."""

    def read_bytes(self) -> bytes:
        raise NotImplementedError


@dataclass(frozen=True)
class _DiskFile(MediaFile):
    path: Path

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


@dataclass(frozen=True)
class _ArchiveMember(MediaFile):
    archive: tarfile.TarFile
    member: tarfile.TarInfo

    def read_bytes(self) -> bytes:
        stream = self.archive.extractfile(self.member)
        if stream is None:  # only regular files are indexed, so this cannot happen
            raise TravelogError(f"cannot read {self.member.name} in the media archive")
        with stream:
            return stream.read()


class MediaSource:
    """Look up an original by its path below the uploads folder."""

    def find(self, relative: str) -> MediaFile | None:
        raise NotImplementedError


class UploadsFolder(MediaSource):
    def __init__(self, folder: Path):
        self.root = folder.resolve()

    def find(self, relative: str) -> MediaFile | None:
        candidate = (self.root / relative).resolve()
        if candidate.is_relative_to(self.root) and candidate.is_file():
            return _DiskFile(candidate)
        return None


class UploadsArchive(MediaSource):
    """A media ``.tar``: every regular file indexed by its path below the uploads folder."""

    def __init__(self, path: Path):
        try:
            self.archive = tarfile.open(path)  # noqa: SIM115 - kept open while the import reads
            members = self.archive.getmembers()
        except (tarfile.TarError, OSError, EOFError) as error:
            raise TravelogError(
                f"not a readable .tar archive ({error}); {_ASK}", path=path
            ) from None
        self.members: dict[str, tarfile.TarInfo] = {}
        for member in members:
            name = member.name
            if member.issym() or member.islnk():
                raise TravelogError(
                    f"refused: the archive holds a link ({name}); export the media again",
                    path=path,
                )
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or ".." in parts:
                raise TravelogError(
                    f"refused: archive member {name!r} leads outside the archive; "
                    "export the media again",
                    path=path,
                )
            if not (member.isfile() or member.isdir()):
                raise TravelogError(
                    f"refused: archive member {name!r} is not a file or folder; "
                    "export the media again",
                    path=path,
                )
            if member.isfile():
                for key in _archive_keys(name):
                    self.members.setdefault(key, member)

    def find(self, relative: str) -> MediaFile | None:
        member = self.members.get(relative)
        return _ArchiveMember(self.archive, member) if member else None


def _archive_keys(name: str) -> list[str]:
    """The member's path below the uploads folder, however deep the archive put it."""
    keys = []
    relative = inside_uploads("/" + name.lstrip("./"))
    if relative:
        keys.append(relative)
    plain = name.removeprefix("./")
    keys.append(plain)
    if "/" in plain:
        keys.append(plain.split("/", 1)[1])  # one top folder around the YYYY/MM tree
    return keys


def open_media(media: Path) -> MediaSource:
    """The uploads folder, a folder holding it, or a media archive; one-line error otherwise."""
    if media.is_file() and media.name.lower().endswith(ARCHIVE_SUFFIXES):
        return UploadsArchive(media)
    if not media.is_dir():
        raise TravelogError(f"no such folder; {_ASK}", path=media)
    for candidate in (media / "wp-content" / "uploads", media / "uploads"):
        if candidate.is_dir():
            return UploadsFolder(candidate)
    return UploadsFolder(media)
