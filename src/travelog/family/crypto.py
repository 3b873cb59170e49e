"""The one encryption format, shared by the build (here) and the browser (assets/family.js).

Key: PBKDF2-HMAC-SHA256 over the NFC-normalised, trimmed passphrase with the journal's salt,
``ITERATIONS`` rounds, 32 bytes (AES-256). Item: a fresh 12-byte nonce followed by the
AES-GCM ciphertext and tag; the associated data names the item (``travelog-family/1/<name>``),
so one sealed file cannot be swapped for another.
"""

from __future__ import annotations

import os
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

FORMAT_VERSION = 1
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
#: The plaintext of the key check: a page can tell a wrong passphrase from a damaged file.
CHECK_PLAINTEXT = b"travelog family key check"
CHECK_ITEM = "check"


class DecryptionError(Exception):
    """The key is wrong or the sealed bytes were changed."""


def normalise(passphrase: str) -> bytes:
    """What is hashed: typed on a phone or read from a file, the same words give the same key."""
    return unicodedata.normalize("NFC", passphrase.strip()).encode("utf-8")


def derive_key(passphrase: str, salt: bytes, iterations: int = ITERATIONS) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, iterations=iterations)
    return kdf.derive(normalise(passphrase))


def associated_data(item: str) -> bytes:
    return f"travelog-family/{FORMAT_VERSION}/{item}".encode()


def seal(key: bytes, plaintext: bytes, item: str) -> bytes:
    """Nonce + ciphertext + tag, with a fresh random nonce every time."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data(item))


def unseal(key: bytes, sealed: bytes, item: str) -> bytes:
    if len(sealed) < NONCE_BYTES + 16:
        raise DecryptionError(f"{item}: too short to be sealed")
    nonce, body = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, body, associated_data(item))
    except InvalidTag:
        raise DecryptionError(f"{item}: wrong key or changed bytes") from None
