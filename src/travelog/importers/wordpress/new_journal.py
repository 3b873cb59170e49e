"""Moving in with one command: a new journal named after the export, before the import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from travelog.config import SiteSettings, load_site_settings
from travelog.importers.wordpress.records import Export
from travelog.importers.wordpress.wxr import read_export
from travelog.init.create import JournalOptions, init_journal
from travelog.init.theme import CONFIG_FILE
from travelog.slugs import author_id

FALLBACK_AUTHOR_ID = "author"


def journal_options(export: Export, timezone: str | None = None) -> JournalOptions:
    """Title from the blog's name, address from its link, author from its first author.

    An export carries UTC offsets but no time zone name: the writer may give one.
    """
    defaults = JournalOptions()
    login, name = "", ""
    if export.authors:
        login, name = export.authors[0].login, export.authors[0].display_name
    else:
        login = next((item.author for item in export.items if item.author), "")
        name = login
    link = urlsplit(export.link)
    has_link = link.scheme in ("http", "https") and bool(link.netloc)
    return JournalOptions(
        title=export.title or defaults.title,
        author_name=name or defaults.author_name,
        author_id=(author_id(login) or FALLBACK_AUTHOR_ID) if login else None,
        site_url=export.link if has_link else defaults.site_url,
        timezone=timezone or defaults.timezone,
    )


def start_journal(export_file: Path, folder: Path, timezone: str | None = None) -> SiteSettings:
    """Create a journal in ``folder`` from the export's facts; a bad export creates nothing."""
    export = read_export(export_file, dt.UTC)
    init_journal(folder, journal_options(export, timezone))
    return load_site_settings((folder / CONFIG_FILE).resolve())
