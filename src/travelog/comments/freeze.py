"""``travelog comments freeze``: copy approved comments from Isso into the archive.

Idempotent: comments already archived (by id) are left as they are, so a second run adds only
new ones. Everything is fetched before anything is written: if Isso cannot be reached, no
archive file changes.
"""

from __future__ import annotations

import datetime as dt
import html
import zoneinfo
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from travelog.comments.archive import Archive, ArchivedComment, archive_name, write_archive
from travelog.comments.isso_api import fetch_thread
from travelog.comments.render import CommentsContext, comments_enabled
from travelog.comments.sanitize import clean_text, plain_author, safe_website
from travelog.comments.settings import thread_uri

ISSO_PREFIX = "isso-"
ISSO_DELETED = 4  # Isso's mode for a deleted comment that still has replies


@dataclass(frozen=True)
class FreezeResult:
    slug: str
    path: Path
    added: int
    total: int


def freeze(
    context: CommentsContext, isso_url: str, archive_dir: Path, timezone: zoneinfo.ZoneInfo
) -> list[FreezeResult]:
    """Merge each entry's approved Isso comments into ``archive_dir``; return what changed."""
    plans: list[tuple[str, Path, list[ArchivedComment], int]] = []
    for entry in context.entries_by_url.values():
        if not comments_enabled(entry):
            continue
        fetched = fetch_thread(isso_url, thread_uri(entry, context.site))
        existing = context.archives.get(entry.slug)
        merged, added = merge(existing, archived_records(fetched, existing, timezone))
        if added:
            path = existing.path if existing else archive_dir / archive_name(entry.slug)
            plans.append((entry.slug, path, merged, added))
    results = []
    for slug, path, comments, added in sorted(plans):
        write_archive(path, slug, comments)
        results.append(FreezeResult(slug=slug, path=path, added=added, total=len(comments)))
    return results


def merge(
    existing: Archive | None, fetched: list[ArchivedComment]
) -> tuple[list[ArchivedComment], int]:
    """The archive's comments followed by the fetched ones it does not hold yet."""
    kept = list(existing.comments) if existing else []
    known = {comment.id for comment in kept}
    new = [comment for comment in fetched if comment.id not in known]
    merged = kept + sorted(new, key=lambda comment: (comment.date, comment.id))
    ids = {comment.id for comment in merged}
    # A reply whose parent was never approved or was deleted becomes a top-level comment.
    merged = [
        comment
        if comment.parent is None or comment.parent in ids
        else replace(comment, parent=None)
        for comment in merged
    ]
    return merged, len(new)


def archived_records(
    thread: list[dict[str, Any]], existing: Archive | None, timezone: zoneinfo.ZoneInfo
) -> list[ArchivedComment]:
    """Isso's published comments as archive records: sanitized, no email, no address.

    A comment is the archived one with the same id only if it was also written at the same
    second: a replaced Isso database numbers its comments from 1 again, so a new comment
    whose id is taken is archived as ``isso-<id>-<unix time>``.
    """
    archived = {comment.id: comment for comment in existing.comments} if existing else {}
    by_id = {item["id"]: item for item in thread}
    dates = {item["id"]: _date(item, timezone) for item in thread}
    names: dict[int, str] = {}
    for item in thread:
        name = f"{ISSO_PREFIX}{item['id']}"
        if name in archived and archived[name].date != dates[item["id"]]:
            name = f"{name}-{int(float(item['created']))}"
        names[item["id"]] = name
    records = []
    for item in thread:
        if item.get("mode") == ISSO_DELETED:
            continue
        parent = item.get("parent")
        while parent is not None and by_id.get(parent, {}).get("mode") == ISSO_DELETED:
            parent = by_id[parent].get("parent")
        website = item.get("website")
        records.append(
            ArchivedComment(
                id=names[item["id"]],
                parent=names.get(parent) if parent is not None else None,
                author=plain_author(item.get("author") or "") or "Anonymous",
                website=safe_website(html.unescape(website)) if website else None,
                date=dates[item["id"]],
                text=clean_text(item.get("text") or ""),
            )
        )
    return records


def _date(item: dict[str, Any], timezone: zoneinfo.ZoneInfo) -> dt.datetime:
    return dt.datetime.fromtimestamp(float(item["created"]), tz=timezone).replace(microsecond=0)
