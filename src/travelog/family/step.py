"""The family step as the build pipeline calls it: before the engine, and after it.

Before: the family entries' files (which neither engine may see) and the key, checked first so
a missing or short passphrase stops the build before anything is written. After: the pages.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from travelog.atomic import write_text_atomic
from travelog.comments.render import CommentsContext
from travelog.config import SiteSettings
from travelog.family.checks import check_no_page_at_family
from travelog.family.keys import FamilyKey, JournalSalt, family_key, load_salt, read_passphrase
from travelog.family.publish import FamilyBuild, write_family_site
from travelog.family.render import EntryRenderer
from travelog.family.settings import family_data_dir
from travelog.journal import Journal
from travelog.photos.step import StepResult

#: Special characters of gitignore-style patterns (MkDocs' and Zensical's exclude_docs).
_PATTERN_SPECIALS = "\\*?[]!# "


@dataclass(frozen=True)
class FamilySetup:
    """The journal's salt and, for a published build, the key (None in the live preview)."""

    salt: JournalSalt
    key: FamilyKey | None


def family_sources(journal: Journal) -> frozenset[Path]:
    """The Markdown files of family entries: no engine may render them."""
    return frozenset(entry.source for entry in journal.family)


def prepare_family(
    journal: Journal,
    site: SiteSettings,
    *,
    preview: bool,
    environ: Mapping[str, str] = os.environ,
) -> FamilySetup | None:
    """Check the passphrase (unless previewing) and derive the key; None without family
    entries. Raises a one-line TravelogError before anything is written."""
    if not journal.family:
        return None
    check_no_page_at_family(site)
    data_dir = family_data_dir(site.plugin.family, site.config_file)
    if preview:
        return FamilySetup(load_salt(data_dir), None)
    passphrase = read_passphrase(data_dir, journal.family[0].source, environ)
    salt = load_salt(data_dir)
    return FamilySetup(salt, family_key(passphrase, salt))


def finish_family(
    setup: FamilySetup | None,
    journal: Journal,
    site: SiteSettings,
    *,
    markdown: tuple[Sequence[Any], Mapping[str, Any]],
    comments: CommentsContext | None,
    photos: StepResult | None,
) -> Path | None:
    """Write ``site/family/`` (nothing without family entries)."""
    if setup is None:
        return None
    extensions, configs = markdown
    build = FamilyBuild(
        journal=journal,
        salt=setup.salt,
        key=setup.key,
        renderer=EntryRenderer(extensions, configs),
        comments=comments,
        photos=photos,
        site=site,
    )
    return write_family_site(build, site.site_dir)


@contextmanager
def config_excluding(
    site: SiteSettings,
    sources: frozenset[Path],
    overrides: Mapping[str, Any] | None = None,
) -> Iterator[Path]:
    """A configuration for engines that run no MkDocs plugin (Zensical): mkdocs.yml itself,
    with the family entries added to ``exclude_docs`` and ``overrides`` (settings the build
    gives the engine instead of mkdocs.yml's, e.g. ``site_dir``). Yields the file to build
    with."""
    config_file, docs_dir = site.config_file, site.docs_dir
    if not sources and not overrides:
        yield config_file
        return
    settings: dict[str, Any] = {"INHERIT": config_file.name, **(overrides or {})}
    if sources:
        patterns = _written_exclusions(site)
        patterns += ["/" + _escaped(source.relative_to(docs_dir).as_posix()) for source in sources]
        settings["exclude_docs"] = "\n".join(p for p in patterns if p) + "\n"
    text = yaml.safe_dump(settings, allow_unicode=True)
    path = config_file.with_name(f".travelog-family-{os.getpid()}.yml")
    write_text_atomic(path, text)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)


def _written_exclusions(site: SiteSettings) -> list[str]:
    """The ``exclude_docs`` patterns mkdocs.yml already has (as MkDocs read them), kept first."""
    spec = site.mkdocs.exclude_docs if site.mkdocs is not None else None
    if spec is None:
        return []
    # Comments and blank lines are patterns that include nothing (``include`` is None).
    return [str(pattern.pattern) for pattern in spec.patterns if pattern.include is not None]


def _escaped(path: str) -> str:
    return "".join("\\" + char if char in _PATTERN_SPECIALS else char for char in path)
