"""Archived comments: one YAML file per entry under ``comments/``, validated as a thread.

Pages keep theirs under ``comments/pages/``, at the page's path (``pages/about.yml``), with
the file's name as ``entry``.

Format (fixed with the other travelog features)::

    entry: park-cameras
    comments:
      - id: "isso-12"          # unique within the file
        parent: null           # or another comment's id, any depth
        author: "Aunt Katie"
        website: "https://example.org/"   # optional, http(s) only
        date: 2024-09-15T08:12:00+08:00   # ISO 8601 with offset
        text: "<p>HTML fragment</p>"      # sanitized when stored and again when rendered

Commenters' emails and IP addresses are never part of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from travelog.atomic import write_text_atomic
from travelog.errors import TravelogError
from travelog.text_files import read_text
from travelog.yaml_loader import SafeLoader

ARCHIVE_SUFFIX = ".yml"
PAGES_DIR = "pages"  # below the archive folder: archived comments of pages
COMMENT_KEYS = frozenset({"id", "parent", "author", "website", "date", "text"})
PRIVATE_KEYS = frozenset({"email", "ip", "remote_addr", "mail"})


def archive_name(entry: str) -> str:
    """The archive file of an entry, inside the archive folder: ``<entry-slug>.yml``."""
    return f"{entry}{ARCHIVE_SUFFIX}"


class ArchiveError(TravelogError):
    """An archive file is malformed or does not fit the journal."""


@dataclass(frozen=True)
class ArchivedComment:
    id: str
    parent: str | None
    author: str
    date: dt.datetime
    text: str
    website: str | None = None


@dataclass(frozen=True)
class Archive:
    path: Path
    entry: str
    comments: tuple[ArchivedComment, ...]

    def ids(self) -> set[str]:
        return {comment.id for comment in self.comments}

    def children(self, parent: str | None) -> list[ArchivedComment]:
        """Direct replies to ``parent`` (None: top level), oldest first."""
        found = [comment for comment in self.comments if comment.parent == parent]
        return sorted(found, key=lambda comment: (comment.date, comment.id))


def load_archives(archive_dir: Path, entry_slugs: Iterable[str]) -> dict[str, Archive]:
    """Every archive in ``archive_dir`` by entry slug; raise :class:`ArchiveError` on the first
    problem. A missing folder means no archived comments."""
    known = set(entry_slugs)
    archives: dict[str, Archive] = {}
    if not archive_dir.is_dir():
        return archives
    for path in sorted(archive_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix not in (".yml", ".yaml"):
            raise ArchiveError(
                "not an archive; comment archives are <entry-slug>.yml files", path=path
            )
        archive = read_archive(path)
        if archive.entry not in known:
            raise ArchiveError(
                f"no entry has the slug {archive.entry!r}; rename the file to an entry's slug "
                "or remove it",
                path=path,
            )
        archives[archive.entry] = archive
    return archives


def load_page_archives(archive_dir: Path, docs_dir: Path) -> dict[str, Archive]:
    """Archives of pages: ``<archive_dir>/pages/<page path>.yml`` for ``docs/<page path>.md``,
    keyed by the page's path below docs/ (``gear/tents.md``)."""
    archives: dict[str, Archive] = {}
    pages_dir = archive_dir / PAGES_DIR
    if not pages_dir.is_dir():
        return archives
    for path in sorted(pages_dir.rglob(f"*{ARCHIVE_SUFFIX}")):
        page = path.relative_to(pages_dir).with_suffix(".md").as_posix()
        if not (docs_dir / page).is_file():
            raise ArchiveError(
                f"no page docs/{page}; move the file to the page's path or remove it", path=path
            )
        archives[page] = read_archive(path)
    return archives


def read_archive(path: Path) -> Archive:
    text = read_text(path)
    try:
        root = yaml.compose(text, Loader=SafeLoader)
        data = yaml.load(text, Loader=SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ArchiveError(
            "invalid YAML; fix the syntax", path=path, line=mark.line + 1 if mark else None
        ) from None
    if not isinstance(data, dict):
        raise ArchiveError("expected a mapping with 'entry:' and 'comments:'", path=path)
    entry = data.get("entry")
    if not isinstance(entry, str) or not entry:
        raise ArchiveError("missing 'entry:' (the entry's slug)", path=path)
    if entry != path.stem:
        raise ArchiveError(
            f"'entry: {entry}' does not match the file name; name the file {entry}.yml",
            path=path,
            line=_key_line(root, "entry"),
        )
    raw = data.get("comments")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise ArchiveError(
            "'comments:' must be a list", path=path, line=_key_line(root, "comments")
        )
    lines = _item_lines(root)
    comments = [
        _read_comment(item, path, lines[index] if index < len(lines) else None)
        for index, item in enumerate(raw)
    ]
    _check_thread(comments, path, lines)
    return Archive(path=path, entry=entry, comments=tuple(comments))


def _read_comment(item: Any, path: Path, line: int | None) -> ArchivedComment:
    def fail(message: str) -> ArchiveError:
        return ArchiveError(message, path=path, line=line)

    if not isinstance(item, dict):
        raise fail("each comment must be a mapping with id, parent, author, date and text")
    private = PRIVATE_KEYS & set(item)
    if private:
        raise fail(
            f"'{sorted(private)[0]}' must not be archived; remove it (archives never hold "
            "commenters' emails or IP addresses)"
        )
    unknown = set(item) - COMMENT_KEYS
    if unknown:
        raise fail(
            f"unknown key {sorted(unknown)[0]!r}; allowed: {', '.join(sorted(COMMENT_KEYS))}"
        )
    comment_id = item.get("id")
    if not isinstance(comment_id, str) or not comment_id.strip():
        raise fail("'id' must be a non-empty string such as \"isso-12\"")
    parent = item.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise fail(f"comment {comment_id}: 'parent' must be null or another comment's id")
    author = item.get("author")
    if not isinstance(author, str) or not author.strip():
        raise fail(f"comment {comment_id}: 'author' must be a name")
    website = item.get("website")
    if website is not None and not isinstance(website, str):
        raise fail(f"comment {comment_id}: 'website' must be an http(s) address")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise fail(f"comment {comment_id}: 'text' must be the comment's HTML")
    return ArchivedComment(
        id=comment_id,
        parent=parent,
        author=author,
        website=website or None,
        date=_comment_date(item.get("date"), comment_id, fail),
        text=text,
    )


def _comment_date(value: Any, comment_id: str, fail) -> dt.datetime:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            value = None
    if not isinstance(value, dt.datetime) or value.tzinfo is None:
        raise fail(
            f"comment {comment_id}: 'date' must be ISO 8601 with an offset, "
            "like 2024-09-15T08:12:00+08:00"
        )
    return value


def _check_thread(comments: list[ArchivedComment], path: Path, lines: list[int]) -> None:
    by_id: dict[str, ArchivedComment] = {}
    for index, comment in enumerate(comments):
        if comment.id in by_id:
            raise ArchiveError(
                f"duplicate id {comment.id!r}; ids must be unique within the file",
                path=path,
                line=lines[index] if index < len(lines) else None,
            )
        by_id[comment.id] = comment
    for index, comment in enumerate(comments):
        line = lines[index] if index < len(lines) else None
        if comment.parent is not None and comment.parent not in by_id:
            raise ArchiveError(
                f"comment {comment.id}: parent {comment.parent!r} is not in this file; "
                "fix the id or set parent: null",
                path=path,
                line=line,
            )
        seen = {comment.id}
        parent = comment.parent
        while parent is not None:
            if parent in seen:
                raise ArchiveError(
                    f"comment {comment.id}: its parents loop back to it; fix a 'parent'",
                    path=path,
                    line=line,
                )
            seen.add(parent)
            parent = by_id[parent].parent


def _key_line(root: yaml.Node | None, key: str) -> int | None:
    if isinstance(root, yaml.MappingNode):
        for key_node, _ in root.value:
            if getattr(key_node, "value", None) == key:
                return key_node.start_mark.line + 1
    return None


def _item_lines(root: yaml.Node | None) -> list[int]:
    if isinstance(root, yaml.MappingNode):
        for key_node, value in root.value:
            if key_node.value == "comments" and isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
    return []


class _ArchiveDumper(yaml.SafeDumper):
    """Writes dates as ISO 8601 with a ``T``, and text of several lines as a literal block."""


def _represent_datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_ArchiveDumper.add_representer(dt.datetime, _represent_datetime)
_ArchiveDumper.add_representer(str, _represent_text)


def archive_text(entry: str, comments: Iterable[ArchivedComment]) -> str:
    """The YAML text of an archive file."""
    items: list[Mapping[str, Any]] = []
    for comment in comments:
        item: dict[str, Any] = {
            "id": comment.id,
            "parent": comment.parent,
            "author": comment.author,
        }
        if comment.website:
            item["website"] = comment.website
        item["date"] = comment.date
        item["text"] = comment.text
        items.append(item)
    return yaml.dump(
        {"entry": entry, "comments": items},
        Dumper=_ArchiveDumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )


def write_archive(path: Path, entry: str, comments: Iterable[ArchivedComment]) -> None:
    write_text_atomic(path, archive_text(entry, comments))
