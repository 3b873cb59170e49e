"""``travelog comments status``: archived, live and waiting comments per entry."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from travelog.comments.isso_api import IssoUnreachable, count_threads
from travelog.comments.render import CommentsContext
from travelog.comments.settings import thread_uri

ISSO_WAITING = 2  # Isso's mode for a comment in the moderation queue


@dataclass(frozen=True)
class EntryCounts:
    slug: str
    archived: int
    live: int | None
    waiting: int | None


def entry_counts(
    context: CommentsContext, isso_url: str, database: Path
) -> tuple[list[EntryCounts], str | None]:
    """Counts per entry, and a note when Isso or its database could not be read."""
    entries = sorted(context.entries_by_url.values(), key=lambda entry: entry.date)
    uris = {entry.slug: thread_uri(entry, context.site) for entry in entries}
    notes = []
    try:
        live: dict[str, int] | None = count_threads(isso_url, list(uris.values()))
    except IssoUnreachable as error:
        live = None
        notes.append(f"live counts unknown: {error}")
    waiting = waiting_by_uri(database)
    if waiting is None:
        notes.append(f"waiting counts unknown: no Isso database at {database}")
    rows = [
        EntryCounts(
            slug=entry.slug,
            archived=len(context.archives[entry.slug].comments)
            if entry.slug in context.archives
            else 0,
            live=None if live is None else live[uris[entry.slug]],
            waiting=None if waiting is None else waiting.get(uris[entry.slug], 0),
        )
        for entry in entries
    ]
    return rows, "; ".join(notes) or None


def waiting_by_uri(database: Path) -> dict[str, int] | None:
    """Comments in Isso's moderation queue per thread, read from its SQLite file (read-only)."""
    if not database.is_file():
        return None
    with sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT threads.uri, COUNT(*) FROM comments JOIN threads ON comments.tid = threads.id "
            "WHERE comments.mode = ? GROUP BY threads.uri",
            (ISSO_WAITING,),
        ).fetchall()
    return {uri: count for uri, count in rows}


def format_table(rows: list[EntryCounts]) -> str:
    def show(value: int | None) -> str:
        return "?" if value is None else str(value)

    width = max([len("entry"), *(len(row.slug) for row in rows)])
    lines = [f"{'entry':<{width}}  archived  live  waiting"]
    lines += [
        f"{row.slug:<{width}}  {row.archived:>8}  {show(row.live):>4}  {show(row.waiting):>7}"
        for row in rows
    ]
    total_waiting = sum(row.waiting or 0 for row in rows)
    lines.append(f"{total_waiting} comment(s) waiting for moderation")
    return "\n".join(lines)
