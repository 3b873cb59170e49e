"""Atomic file writes with ordinary modes.

Every file travelog writes goes to a temporary file beside the target, then is renamed over
it, so a reader never sees half a file. Temporary files and folders are created private
(``mkstemp``/``mkdtemp`` use 0600/0700); they are given the modes a plain ``open()`` or
``mkdir`` would give under the user's umask (0644 and 0755 with the usual 022) before they
become visible, so any web server can serve what lands in ``site/``. Secrets and personal
data are written ``private``: 0600 files in 0700 folders.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def _read_umask() -> int:
    # os.umask can only be read by setting it; restore it at once (done once, at import).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
FILE_MODE = 0o666 & ~_UMASK
DIR_MODE = 0o777 & ~_UMASK


def write_bytes_atomic(path: Path, data: bytes, *, private: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step (0600 when ``private``)."""
    if private:
        ensure_private_dir(path.parent)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(handle, PRIVATE_FILE_MODE if private else FILE_MODE)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str, *, private: bool = False) -> None:
    write_bytes_atomic(path, text.encode("utf-8"), private=private)


def make_temporary_dir(parent: Path, prefix: str) -> Path:
    """A new empty folder in ``parent`` with an ordinary folder mode, to fill and then rename
    into place (``tempfile.mkdtemp`` alone would leave it 0700)."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    folder.chmod(DIR_MODE)
    return folder


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if needed; make it 0700 whatever it was."""
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(PRIVATE_DIR_MODE)
    return folder


def ensure_private_file(path: Path) -> Path:
    """Create ``path`` empty if it does not exist; make it 0600 (e.g. a database that another
    program opens and fills, so its data is never readable by others even for a moment)."""
    ensure_private_dir(path.parent)
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
    os.close(descriptor)
    path.chmod(PRIVATE_FILE_MODE)
    return path


@contextlib.contextmanager
def replacing_folder(target: Path) -> Iterator[Path]:
    """Yield a fresh, empty folder beside ``target`` to fill; when the block succeeds it takes
    ``target``'s place (the old one is removed), when it fails it is removed and ``target``
    stays exactly as it was. A build into it can never leave a half-written site."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = make_temporary_dir(target.parent, f".{target.name}.new-")
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        try:
            os.replace(target, previous)
        except OSError:
            # target cannot be renamed (a mount point, a folder in a read-only parent):
            # replace what it holds instead, entry by entry.
            _refill(target, staging)
            return
    try:
        os.replace(staging, target)
    except BaseException:
        if previous.exists():
            os.replace(previous, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(previous, ignore_errors=True)


def _refill(target: Path, staging: Path) -> None:
    for child in list(target.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in list(staging.iterdir()):
        shutil.move(child, target / child.name)  # may cross devices (a mount point)
    staging.rmdir()
