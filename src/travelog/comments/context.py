"""Read once per build: the journal's entries by URL and their archived comments."""

from __future__ import annotations

from pathlib import Path

from travelog.comments.archive import load_archives
from travelog.comments.render import CommentsContext
from travelog.comments.settings import CommentsConfig
from travelog.journal import Journal


def load_context(
    journal: Journal, settings: CommentsConfig, *, site_url: str, project_dir: Path
) -> CommentsContext:
    """Validate the archives against the journal; raise ``ArchiveError`` naming the file."""
    archives = load_archives(
        project_dir / settings.archive_dir, (entry.slug for entry in journal.entries)
    )
    return CommentsContext(
        settings=settings,
        site_url=site_url,
        entries_by_url={entry.url: entry for entry in journal.entries},
        archives=archives,
    )
