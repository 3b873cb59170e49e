"""The docs folder as Zensical is given it: writers' plain-text fields escaped.

Zensical prints titles, descriptions, place and author names into its pages as they are
(no autoescaping, and travelog has no plugin there to escape them first, as it does for
MkDocs). So Zensical builds from a copy of docs/ whose front matter and authors file carry
those fields escaped; every other file is a hard link to the writer's, and the writer's own
files are never modified.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from travelog.atomic import write_text_atomic
from travelog.config import SiteSettings
from travelog.escaping import plain, safe_link
from travelog.frontmatter import split_front_matter
from travelog.journal import Journal
from travelog.text_files import read_text
from travelog.yaml_loader import load_yaml

ENTRY_TEXT_KEYS = ("title", "description")
DOCS_COPY = ".travelog-zensical-docs"


#: What would open a tag or close an attribute. An ordinary title has none of them and goes
#: through unchanged (where Zensical escapes a field itself, nothing is escaped twice).
_BREAKOUT = str.maketrans({"<": "&lt;", ">": "&gt;", '"': "&quot;"})


def text(value: Any) -> Any:
    """A plain-text field that can neither start a tag nor leave an attribute."""
    return value.translate(_BREAKOUT) if isinstance(value, str) else value


#: What could make markup of a name: a tag, an entity, a quote, a link or image, code, or an
#: attribute list.
_MARKUP = re.compile(r"[<>\"&`\[\]{}]")


def name(value: Any) -> Any:
    """A place or author name: Zensical also writes it into a generated ``# name`` heading,
    renders that as Markdown and prints the heading's decoded text in ``<title>``, so its
    Markdown syntax is neutralised and its angle brackets survive one decoding as text."""
    if not isinstance(value, str) or not _MARKUP.search(value):
        return value  # an ordinary name keeps its slug, and its URL, as MkDocs makes it
    return str(plain(value)).replace("&#60;", "&amp;#60;").replace("&#62;", "&amp;#62;")


@contextlib.contextmanager
def escaped_docs(site: SiteSettings, journal: Journal) -> Iterator[Path]:
    """Yield a copy of ``site.docs_dir`` for Zensical; removed afterwards."""
    # One name per journal: Zensical's cache (keyed by paths) then serves the next build.
    folder = site.project_dir / DOCS_COPY
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    slugs = {entry.source: entry.slug for entry in journal.entries}
    try:
        for source in sorted(site.docs_dir.rglob("*")):
            target = folder / source.relative_to(site.docs_dir)
            if source.is_dir():
                target.mkdir(exist_ok=True)
            elif source == site.authors_file:
                write_text_atomic(target, _authors(source))
            elif source.suffix == ".md":
                write_text_atomic(target, _page(source, slugs.get(source)))
            else:
                _link(source, target)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _page(source: Path, slug: str | None) -> str:
    content = read_text(source)
    if not content.startswith("---"):
        return content
    meta, body, _ = split_front_matter(content, source)
    for key in ENTRY_TEXT_KEYS:
        meta[key] = text(meta.get(key)) if key in meta else None
        if meta[key] is None:
            del meta[key]
    if isinstance(meta.get("categories"), list):
        meta["categories"] = [name(place) for place in meta["categories"]]
    if slug is not None:
        meta["slug"] = slug  # as travelog computed it from the title as written
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}"


def _authors(source: Path) -> str:
    data = load_yaml(read_text(source)) or {}
    for author in (data.get("authors") or {}).values():
        if not isinstance(author, dict):
            continue
        author["name"] = name(author.get("name", ""))
        author["description"] = text(author.get("description", ""))
        for key in ("url", "avatar"):
            if key in author:
                author[key] = safe_link(author[key]) or ""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
