"""The family step at the end of a build: every family page and sealed photo, then one swap.

Everything is written into a fresh folder beside ``site/family`` and renamed into place at
the end, so ``site/`` never holds half of it; nothing of a family entry is written anywhere
else in ``site/`` (the engines never see the entries, and a published build leaves their
photos out).
"""

from __future__ import annotations

import base64
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from travelog.atomic import make_temporary_dir, write_bytes_atomic, write_text_atomic
from travelog.comments.render import CommentsContext
from travelog.config import SiteSettings
from travelog.errors import TravelogError
from travelog.family.crypto import (
    CHECK_ITEM,
    CHECK_PLAINTEXT,
    FORMAT_VERSION,
    ITERATIONS,
    seal,
)
from travelog.family.keys import FamilyKey, JournalSalt
from travelog.family.page import Shell, locked_body, preview_body
from travelog.family.render import EntryRenderer, PageLinks, entry_page, list_page
from travelog.family.settings import SITE_FOLDER
from travelog.journal import Entry, Journal
from travelog.lightbox import LIGHTBOX_FILES
from travelog.photos.cache import PhotoCache
from travelog.photos.settings import CACHE_DIR
from travelog.photos.step import StepResult

ASSETS_FOLDER = "assets"
FILES_FOLDER = "files"
LIST_ITEM = "page/list"
#: The variants sealed for the browser: shown in the page and in the lightbox.
SEALED_FORMAT = "webp"
_OWN_ASSETS = ("family.js", "family.css")


@dataclass(frozen=True)
class FamilyBuild:
    """What the family step needs, gathered by the build pipeline."""

    journal: Journal
    salt: JournalSalt
    key: FamilyKey | None  # None: the writer's preview, pages shown open
    renderer: EntryRenderer
    comments: CommentsContext | None
    photos: StepResult | None
    site: SiteSettings


@dataclass(frozen=True)
class SealedFile:
    """A photo variant as the sealed page knows it."""

    plain_url: str  # the variant's address in the rendered HTML (never published)
    url: str  # where the sealed bytes are published
    item: str  # the name bound into the seal
    mime: str
    source: Path  # the cached variant


def write_family_site(build: FamilyBuild, site_dir: Path) -> Path:
    """Write ``site/family/`` (replacing the one an earlier build of this folder wrote)."""
    target = site_dir / SITE_FOLDER
    if target.exists() and not (target / ASSETS_FOLDER / _OWN_ASSETS[0]).is_file():
        raise TravelogError(
            f"the site already has a page at {SITE_FOLDER}/, where the family pages go; "
            f"rename the page that makes it (docs/{SITE_FOLDER}.md or docs/{SITE_FOLDER}/)",
            path=site_dir,
        )
    shell = Shell.read(site_dir)
    root = build.site.rooted(SITE_FOLDER + "/")
    stage = make_temporary_dir(site_dir, f".{SITE_FOLDER}-")
    try:
        _fill(stage, build, shell, root)
        _swap(stage, target)
    finally:
        if stage.exists():
            shutil.rmtree(stage)
    return target


def entry_url(salt: JournalSalt, entry: Entry, root: str) -> str:
    """An entry's opaque address: nothing of its title, slug or date shows."""
    return f"{root}{salt.opaque_id('entry', entry.slug)}/"


def _fill(stage: Path, build: FamilyBuild, shell: Shell, root: str) -> None:
    assets = root + ASSETS_FOLDER + "/"
    # The site's own GLightbox (both engines' builds put it there).
    lightbox = {
        "js": build.site.rooted(LIGHTBOX_FILES["glightbox.min.js"]),
        "css": build.site.rooted(LIGHTBOX_FILES["glightbox.min.css"]),
    }
    listed = [(entry, entry_url(build.salt, entry, root)) for entry in build.journal.family]
    links = PageLinks(
        build.journal.docs_dir,
        {
            **{entry.source: build.site.rooted(entry.url) for entry in build.journal.published},
            **{entry.source: url for entry, url in listed},
        },
        build.site.base_path,
    )
    for entry, url in listed:
        content = entry_page(
            entry,
            build.renderer.body(entry, links),
            authors=build.journal.authors,
            comments=build.comments,
        )
        files = list(_sealed_files(build, entry, root))
        page_id = url[len(root) :].strip("/")
        body = _body(
            build,
            content,
            title=entry.title,
            item=f"page/{page_id}",
            files=files,
            root=root,
            site_name=shell.site_name,
        )
        write_text_atomic(
            stage / page_id / "index.html",
            shell.page(body, assets_url=assets, lightbox=lightbox),
        )
        if build.key is not None:
            for sealed in files:
                name = sealed.url[len(root) :]
                if not (stage / name).exists():
                    data = seal(build.key.key, sealed.source.read_bytes(), sealed.item)
                    write_bytes_atomic(stage / name, data)
    body = _body(
        build,
        list_page(listed),
        title="",
        item=LIST_ITEM,
        files=[],
        root=root,
        site_name=shell.site_name,
    )
    write_text_atomic(stage / "index.html", shell.page(body, assets_url=assets, lightbox=lightbox))
    _copy_assets(stage / ASSETS_FOLDER)


def _body(
    build: FamilyBuild,
    content: str,
    *,
    title: str,
    item: str,
    files: list[SealedFile],
    root: str,
    site_name: str,
) -> str:
    if build.key is None:
        return preview_body(content)
    payload = {
        "title": title,
        "html": content,
        "files": {
            sealed.plain_url: {"url": sealed.url, "item": sealed.item, "type": sealed.mime}
            for sealed in files
        },
    }
    key = build.key.key
    data = {
        "version": FORMAT_VERSION,
        "kdf": {
            "name": "PBKDF2",
            "hash": "SHA-256",
            "iterations": ITERATIONS,
            "salt": _b64(build.key.salt.salt),
        },
        "check": _b64(seal(key, CHECK_PLAINTEXT, CHECK_ITEM)),
        "item": item,
        "sealed": _b64(seal(key, json.dumps(payload).encode("utf-8"), item)),
        "list": root,
        "site": site_name,
    }
    return locked_body(data)


def _sealed_files(build: FamilyBuild, entry: Entry, root: str) -> Iterator[SealedFile]:
    """The entry's photo variants that the page shows (each sealed once per build)."""
    if build.photos is None:
        return
    cache = PhotoCache(build.site.project_dir / CACHE_DIR)
    generation = build.key.generation if build.key is not None else "preview"
    index = build.photos.index
    seen = set()
    for usage in build.photos.usages:
        if usage.source != entry.source or usage.ref.path in seen:
            continue
        seen.add(usage.ref.path)
        record = index.photos[usage.ref.path]
        for variant in record.derived.of_format(SEALED_FORMAT):
            name = build.salt.opaque_id("file", f"{generation}/{record.key}/{variant.file}")
            yield SealedFile(
                plain_url=index.url(record, variant),
                url=f"{root}{FILES_FOLDER}/{name}.bin",
                item=f"file/{name}",
                mime=variant.mime,
                source=cache.folder(record.key) / variant.file,
            )


def _copy_assets(folder: Path) -> None:
    own = resources.files("travelog.family") / "assets"
    for name in _OWN_ASSETS:
        write_bytes_atomic(folder / name, (own / name).read_bytes())


def _swap(stage: Path, target: Path) -> None:
    if target.exists():
        old = target.with_name(f".{target.name}-old")
        if old.exists():
            shutil.rmtree(old)
        target.rename(old)
        stage.rename(target)
        shutil.rmtree(old)
    else:
        stage.rename(target)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
