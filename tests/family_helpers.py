"""Test material for family-only entries: the example journal with one family entry, what of
it must never be readable in site/, and an independent reading of the sealed format."""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import html
import json
import os
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import yaml
from conftest import ROOT, copy_journal, run_mkdocs, run_travelog
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PASSPHRASE = "walnut ferry lantern orchid"
PASSPHRASE_ENV = "TRAVELOG_FAMILY_PASSPHRASE"
PHOTO_CACHE = ".travelog-cache/photos"
FAMILY_SLUG = "family-visiting"
FAMILY_FILE = f"docs/posts/{FAMILY_SLUG}.md"
PHOTO_PATH = "family-visiting/arrivals.jpg"
DATA_SCRIPT = re.compile(
    r'<script type="application/json" id="travelog-family-data">(.*?)</script>', re.DOTALL
)
OPAQUE_ID = re.compile(r"^[0-9a-f]{20}$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_MARKUP = re.compile(r"<[^>]+>")


def family_journal(destination: Path) -> Path:
    """The example journal with ``family-visiting`` (photo, archived comments) for family."""
    project = copy_journal(destination)
    mark_family(project / FAMILY_FILE)
    return project


def mark_family(entry: Path, line: str = "audience: family") -> None:
    text = entry.read_text(encoding="utf-8")
    entry.write_text(text.replace("\nslug:", f"\n{line}\nslug:", 1), encoding="utf-8")


def travelog(
    project: Path, *args: str, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    """``travelog ARGS`` in ``project`` with the family passphrase in the environment (or none)."""
    with passphrase_in_environment(passphrase):
        return run_travelog(*args, cwd=project)


def mkdocs(
    project: Path, *args: str, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    """Plain ``mkdocs ARGS`` (the plugin alone does the family step)."""
    with passphrase_in_environment(passphrase):
        return run_mkdocs(*args, cwd=project)


@contextlib.contextmanager
def passphrase_in_environment(passphrase: str | None) -> Iterator[None]:
    """Commands started meanwhile see this passphrase (or none) in their environment."""
    saved = os.environ.pop(PASSPHRASE_ENV, None)
    if passphrase is not None:
        os.environ[PASSPHRASE_ENV] = passphrase
    try:
        yield
    finally:
        os.environ.pop(PASSPHRASE_ENV, None)
        if saved is not None:
            os.environ[PASSPHRASE_ENV] = saved


def secret_sentences(project: Path = ROOT, slug: str = FAMILY_SLUG) -> list[str]:
    """Every sentence of an entry a stranger must not read: title, description, body,
    photo captions and archived comments."""
    entry = project / "docs" / "posts" / f"{slug}.md"
    _, front, body = entry.read_text(encoding="utf-8").split("---\n", 2)
    meta = yaml.safe_load(front)
    texts = [meta["title"], meta["description"]]
    for line in body.splitlines():
        if line.strip() and not line.startswith(("#", "!", "<!--")):
            texts.extend(_SENTENCE_END.split(line.strip()))
    folder = project / "photos" / slug
    if (folder / "captions.yml").is_file():
        for captions in yaml.safe_load((folder / "captions.yml").read_text()).values():
            texts.extend(str(captions[key]) for key in ("caption", "alt") if key in captions)
    archive = project / "comments" / f"{slug}.yml"
    if archive.is_file():
        for comment in yaml.safe_load(archive.read_text(encoding="utf-8"))["comments"]:
            texts.extend(_SENTENCE_END.split(html.unescape(_MARKUP.sub("", comment["text"]))))
    return [text.strip() for text in texts if len(text.strip()) >= 20]


def spellings(text: str) -> set[bytes]:
    """The ways a sentence can be written into HTML, JSON or XML."""
    forms = {
        text,
        html.escape(text),
        html.escape(text, quote=False),
        html.escape(text).replace("&#x27;", "&#39;"),
        json.dumps(text)[1:-1],
        json.dumps(text, ensure_ascii=False)[1:-1],
    }
    return {form.encode("utf-8") for form in forms}


def files_containing(site: Path, sentences: list[str]) -> dict[str, list[str]]:
    """Site files (any kind) holding any of the sentences: {file: sentences found}."""
    found: dict[str, list[str]] = {}
    needles = [(sentence, spellings(sentence)) for sentence in sentences]
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":  # sitemap.xml.gz: read what it holds
            data = gzip.decompress(data)
        for sentence, forms in needles:
            if any(form in data for form in forms):
                found.setdefault(path.relative_to(site).as_posix(), []).append(sentence)
    return found


def page_data(page: Path) -> dict:
    match = DATA_SCRIPT.search(page.read_text(encoding="utf-8"))
    assert match, f"{page} holds no sealed data"
    return json.loads(match.group(1))


def derive(passphrase: str, data: dict) -> bytes:
    """The key, derived as the format says (independently of travelog's code)."""
    kdf = data["kdf"]
    assert (kdf["name"], kdf["hash"]) == ("PBKDF2", "SHA-256")
    assert kdf["iterations"] >= 600_000
    normalised = unicodedata.normalize("NFC", passphrase.strip()).encode()
    return PBKDF2HMAC(
        algorithm=hashes.SHA256(),
        length=32,
        salt=base64.b64decode(kdf["salt"]),
        iterations=kdf["iterations"],
    ).derive(normalised)


def unseal(key: bytes, sealed: bytes, item: str) -> bytes:
    """Raises cryptography's InvalidTag for a wrong key or a changed byte."""
    return AESGCM(key).decrypt(sealed[:12], sealed[12:], f"travelog-family/1/{item}".encode())


def open_page(page: Path, passphrase: str) -> dict:
    data = page_data(page)
    key = derive(passphrase, data)
    unseal(key, base64.b64decode(data["check"]), "check")
    return json.loads(unseal(key, base64.b64decode(data["sealed"]), data["item"]))


def entry_pages(site: Path) -> list[Path]:
    folder = site / "family"
    return sorted(
        path / "index.html"
        for path in folder.iterdir()
        if path.is_dir() and OPAQUE_ID.match(path.name)
    )


def cached_variants(project: Path, photo: str = PHOTO_PATH) -> list[Path]:
    """Every variant the photo step derived from one original (from its manifest)."""
    manifest = json.loads((project / PHOTO_CACHE / "manifest.json").read_text())
    key = manifest["photos"][photo]["key"]
    folder = project / PHOTO_CACHE / "objects" / key
    return sorted(path for path in folder.iterdir() if path.suffix in {".avif", ".webp", ".jpg"})


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def visible_text(markup: str) -> str:
    """What a reader sees of some HTML: no tags, no ruby readings, attributes as text."""
    markup = re.sub(r"<(rt|rp)\b[^>]*>.*?</\1>", "", markup, flags=re.DOTALL)
    attributes = " ".join(re.findall(r'(?:alt|data-description)="([^"]*)"', markup))
    text = _MARKUP.sub("", markup) + " " + attributes
    return html.unescape(re.sub(r"[ \t\n]+", " ", html.unescape(text)))
