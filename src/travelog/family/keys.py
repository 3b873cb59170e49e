"""The family passphrase and the journal's salt: read, checked, never published.

The passphrase comes from ``TRAVELOG_FAMILY_PASSPHRASE`` or from ``<data_dir>/passphrase``
(readable by its owner only). The salt file holds the PBKDF2 salt and the secret behind the
pages' opaque addresses; it is created once, mode 0600, and kept across builds so a
remembered key keeps working.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from travelog.atomic import write_bytes_atomic
from travelog.errors import TravelogError
from travelog.family.crypto import SALT_BYTES, derive_key, normalise
from travelog.family.settings import (
    MIN_PASSPHRASE_LENGTH,
    PASSPHRASE_ENV,
    PASSPHRASE_FILE,
    SALT_FILE,
)

SALT_FILE_VERSION = 1
ID_SECRET_BYTES = 32
OPAQUE_ID_CHARS = 20  # 80 bits of an HMAC: no title, slug or date shows in an address


@dataclass(frozen=True)
class JournalSalt:
    """The public PBKDF2 salt and the private secret that names pages and files."""

    salt: bytes
    id_secret: bytes

    def opaque_id(self, kind: str, name: str) -> str:
        digest = hmac.new(self.id_secret, f"{kind}\0{name}".encode(), hashlib.sha256)
        return digest.hexdigest()[:OPAQUE_ID_CHARS]


@dataclass(frozen=True)
class FamilyKey:
    """The derived key with what a browser needs to derive it again."""

    key: bytes
    salt: JournalSalt

    @property
    def generation(self) -> str:
        """Changes with the passphrase: sealed files get new names, so no browser shows a
        copy it cached under the old key."""
        return hashlib.sha256(b"travelog-family-generation\0" + self.key).hexdigest()[:16]


def read_passphrase(data_dir: Path, needed_by: Path, environ: Mapping[str, str]) -> str:
    """The passphrase (the file's first line), checked; ``needed_by`` (a family entry) is named
    when there is none."""
    given = environ.get(PASSPHRASE_ENV, "")
    source = PASSPHRASE_ENV
    if not given.strip():
        path = data_dir / PASSPHRASE_FILE
        if not path.is_file():
            raise TravelogError(
                f"audience: family needs the family passphrase; set {PASSPHRASE_ENV} or write "
                f"it into {_shown(path)} (chmod 600)",
                path=needed_by,
            )
        if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise TravelogError(
                f"the passphrase file can be read by other users; run chmod 600 {_shown(path)}",
                path=path,
            )
        lines = path.read_text(encoding="utf-8").splitlines()
        given = lines[0] if lines else ""
        source = _shown(path)
    length = len(normalise(given).decode("utf-8"))
    if length < MIN_PASSPHRASE_LENGTH:
        raise TravelogError(
            f"the family passphrase from {source} is {length} characters, too short to resist "
            f"guessing; use at least {MIN_PASSPHRASE_LENGTH}, best four or more random words",
            path=needed_by,
        )
    return given


def load_salt(data_dir: Path) -> JournalSalt:
    """The journal's salt, created (mode 0600) on first use."""
    path = data_dir / SALT_FILE
    if not path.exists():
        salt = JournalSalt(os.urandom(SALT_BYTES), os.urandom(ID_SECRET_BYTES))
        data = {"version": SALT_FILE_VERSION, "salt": _b64(salt.salt), "ids": _b64(salt.id_secret)}
        write_bytes_atomic(path, (json.dumps(data, indent=1) + "\n").encode("utf-8"), private=True)
        return salt
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != SALT_FILE_VERSION:
            raise ValueError
        salt = JournalSalt(base64.b64decode(data["salt"]), base64.b64decode(data["ids"]))
        if len(salt.salt) != SALT_BYTES or len(salt.id_secret) != ID_SECRET_BYTES:
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError):
        raise TravelogError(
            "not a travelog family salt file; restore it from a backup, or delete it to start "
            "a new one (family members then enter the passphrase again)",
            path=path,
        ) from None
    return salt


def family_key(passphrase: str, salt: JournalSalt) -> FamilyKey:
    return FamilyKey(derive_key(passphrase, salt.salt), salt)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
