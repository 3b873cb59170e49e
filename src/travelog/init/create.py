"""Create a new journal folder: config, theme, starter pages, registries, empty folders.

Everything is written into a staging folder inside the target first, then moved into place
with ``mkdocs.yml`` last; on any failure what was moved is taken back out.
"""

from __future__ import annotations

import os
import shutil
import zoneinfo
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from travelog.atomic import make_temporary_dir, write_bytes_atomic, write_text_atomic
from travelog.avatars import avatar_path, avatar_svg
from travelog.blog import BlogLayout
from travelog.config import LOCAL_SITE_URL, PLUGIN_NAME, with_slash
from travelog.errors import TravelogError
from travelog.init import templates
from travelog.init.accent import DEFAULT_ACCENT, checked_accent
from travelog.init.site_config import config_value, derive_config
from travelog.init.theme import CONFIG_FILE, example_config, theme_files
from travelog.journal import AUTHORS_FILE
from travelog.slugs import author_id as make_author_id
from travelog.topics import REGISTRY_FILE, sync_tag_pages

DOCS_DIR = "docs"
# Folders init creates and refuses to mix with: a half-journal is not a journal.
OWN_FOLDERS = (DOCS_DIR, "overrides")
# Folders a writer may have started already (photos dropped in first): kept as they are.
SHARED_FOLDERS = ("photos", "comments")
GITIGNORE = ".gitignore"


@dataclass(frozen=True)
class JournalOptions:
    title: str = "Travel Journal"
    author_name: str = "Your Name"
    author_id: str | None = None  # default: made from the name
    site_url: str = LOCAL_SITE_URL
    timezone: str = "UTC"
    accent: str = DEFAULT_ACCENT
    tagline: str = ""  # default: "A travel journal by <the writers>."
    co_authors: tuple[str, ...] = ()  # more writers, beside the author

    @property
    def writers(self) -> tuple[str, ...]:
        return (self.author_name, *self.co_authors)

    def validated(self) -> JournalOptions:
        """These options, normalised; a :class:`TravelogError` names the bad one."""
        title, author = " ".join(self.title.split()), " ".join(self.author_name.split())
        if not title:
            raise TravelogError("--title is empty; give the journal a title")
        if not author:
            raise TravelogError("--author-name is empty; give the author's name")
        url = urlsplit(self.site_url)
        if url.scheme not in ("http", "https") or not url.netloc:
            raise TravelogError(
                f"--site-url {self.site_url!r}: give the public address, like https://example.org/"
            )
        try:
            zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise TravelogError(
                f"--timezone {self.timezone!r}: unknown time zone; use a name like Asia/Shanghai"
            ) from None
        author_id = self.author_id or make_author_id(author) or "author"
        site_url = with_slash(self.site_url)
        co_authors = tuple(" ".join(name.split()) for name in self.co_authors)
        if not all(co_authors):
            raise TravelogError("--co-author is empty; give the other writer's name")
        tagline = " ".join(self.tagline.split()) or (
            f"A travel journal by {templates.names(author, *co_authors)}."
        )
        return JournalOptions(
            title,
            author,
            author_id,
            site_url,
            self.timezone,
            checked_accent(self.accent),
            tagline,
            co_authors,
        )


def init_journal(target: Path, options: JournalOptions) -> None:
    """Make ``target`` a new journal; raise :class:`TravelogError` before writing anything."""
    options = options.validated()
    _refuse_existing(target)
    created_target = not target.exists()
    target.mkdir(parents=True, exist_ok=True)
    staging = make_temporary_dir(target, ".travelog-init-")
    moved: list[Path] = []
    try:
        _write_journal(staging, options)
        names = sorted(os.listdir(staging), key=lambda name: name == CONFIG_FILE)
        for name in names:
            moved += _move(staging / name, target / name)
    except BaseException:
        for path in reversed(moved):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created_target and not any(target.iterdir()):
            target.rmdir()


def _refuse_existing(target: Path) -> None:
    if (target / CONFIG_FILE).exists():
        raise TravelogError(
            "a journal is already here; choose a new folder for travelog init",
            path=target / CONFIG_FILE,
        )
    if target.exists() and not target.is_dir():
        raise TravelogError("not a folder; give travelog init a new folder", path=target)
    for name in OWN_FOLDERS:
        if (target / name).exists():
            raise TravelogError(
                "already exists without a mkdocs.yml; move it away or choose a new folder",
                path=target / name,
            )


def _move(source: Path, destination: Path) -> list[Path]:
    """Move one staged top-level entry into the journal; return what now belongs to init."""
    if source.name in SHARED_FOLDERS and destination.exists():
        return []
    if source.name == GITIGNORE and destination.exists():
        existing = destination.read_text(encoding="utf-8")
        write_text_atomic(destination, templates.gitignore(existing))
        return []
    os.replace(source, destination)
    return [destination]


def _write_journal(root: Path, options: JournalOptions) -> None:
    docs = root / DOCS_DIR
    example = example_config()
    config = derive_config(
        example,
        {
            ("site_name",): options.title,
            ("site_description",): options.tagline,
            ("site_author",): templates.names(*options.writers),
            ("site_url",): options.site_url,
            ("copyright",): f"Words and photos © {templates.names(*options.writers)}",
            ("extra", "travelog", "accent"): options.accent,
            ("plugins", PLUGIN_NAME, "timezone"): options.timezone,
            ("extra", "follow", "email"): "",  # the writer adds theirs to offer email
        },
    )
    for relative, data in theme_files().items():
        write_bytes_atomic(root / relative, data)
    for key in ("favicon", "logo"):
        icon = config_value(example, ("theme", key))
        if icon and not (docs / icon).exists():
            write_bytes_atomic(docs / icon, avatar_svg(options.title))
    writers = {options.author_id or "author": options.author_name}
    for name in options.co_authors:
        writers[_unused_id(make_author_id(name) or "author", writers)] = name
    write_text_atomic(
        docs / AUTHORS_FILE,
        templates.authors_file({key: (name, avatar_path(key)) for key, name in writers.items()}),
    )
    for key, name in writers.items():
        write_bytes_atomic(docs / avatar_path(key), avatar_svg(name))
    several = len(writers) > 1
    write_text_atomic(docs / "index.md", templates.index_page(options.title, several=several))
    write_text_atomic(docs / "about.md", templates.about_page(options.writers))
    write_text_atomic(docs / REGISTRY_FILE, templates.topics_registry())
    sync_tag_pages(docs)
    write_text_atomic(docs / "glossary.yml", templates.GLOSSARY_REGISTRY)
    write_text_atomic(docs / "glossary.md", templates.GLOSSARY_PAGE)
    write_text_atomic(docs / "places" / "index.md", templates.PLACES_PAGE)
    write_text_atomic(docs / "archive" / "index.md", templates.ARCHIVE_PAGE)
    for folder in (docs / _posts_path(example), root / "photos", root / "comments"):
        write_text_atomic(folder / ".gitkeep", "")
    write_text_atomic(root / GITIGNORE, templates.gitignore())
    write_text_atomic(root / CONFIG_FILE, config)


def _unused_id(wanted: str, taken: dict[str, str]) -> str:
    candidate, number = wanted, 2
    while candidate in taken:
        candidate, number = f"{wanted}-{number}", number + 1
    return candidate


def _posts_path(example: str) -> str:
    """Where the example's blog plugin settings put entries, relative to docs."""
    blog = BlogLayout()
    blog_dir = config_value(example, ("plugins", "blog", "blog_dir")) or blog.blog_dir
    post_dir = config_value(example, ("plugins", "blog", "post_dir")) or blog.post_dir
    return replace(blog, blog_dir=blog_dir, post_dir=post_dir).posts_path
