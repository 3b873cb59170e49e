"""Read once per build: the journal's entries by URL and their archived comments."""

from __future__ import annotations

from pathlib import Path

from travelog.comments.archive import load_archives, load_page_archives
from travelog.comments.render import CommentsContext
from travelog.comments.settings import CommentsConfig
from travelog.journal import Journal, page_url


def load_context(
    journal: Journal, settings: CommentsConfig, *, site_url: str, project_dir: Path
) -> CommentsContext:
    """Validate the archives against the journal; raise ``ArchiveError`` naming the file."""
    archive_dir = project_dir / settings.archive_dir
    archives = load_archives(archive_dir, (entry.slug for entry in journal.entries))
    pages = load_page_archives(archive_dir, journal.docs_dir)
    return CommentsContext(
        settings=settings,
        site_url=site_url,
        entries_by_url={entry.url: entry for entry in journal.entries},
        archives=archives,
        page_archives={page_url(page): archive for page, archive in pages.items()},
    )
