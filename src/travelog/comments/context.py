"""Read once per build: the journal's entries by URL and their archived comments."""

from __future__ import annotations

from travelog.comments.archive import load_archives, load_page_archives
from travelog.comments.render import CommentsContext
from travelog.config import SiteSettings
from travelog.journal import Journal


def load_context(journal: Journal, site: SiteSettings) -> CommentsContext:
    """Validate the archives against the journal; raise ``ArchiveError`` naming the file."""
    archives = load_archives(site.archive_dir, (entry.slug for entry in journal.entries))
    pages = load_page_archives(site.archive_dir, journal.docs_dir)
    return CommentsContext(
        site=site,
        entries_by_url={entry.url: entry for entry in journal.entries},
        archives=archives,
        page_archives={site.page_url(page): archive for page, archive in pages.items()},
    )
