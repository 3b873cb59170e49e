"""``travelog import wordpress``: read, plan, then write; a bad export writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from travelog.config import SiteSettings
from travelog.importers.wordpress.plan import build_plan, journal_state
from travelog.importers.wordpress.report import Report
from travelog.importers.wordpress.uploads import MediaSource, open_media
from travelog.importers.wordpress.writer import load_manifest, write_plan
from travelog.importers.wordpress.wxr import read_export


@dataclass(frozen=True)
class ImportOptions:
    export: Path
    site: SiteSettings
    """The journal imported into: its folders, blog layout, site_url and time zone."""
    media: Path | None
    force: bool = False
    new_journal: bool = False  # the import created the journal: its starter pages give way


def open_media_option(media: Path | None) -> MediaSource | None:
    """The ``--media`` originals, checked before anything is written."""
    return open_media(media) if media is not None else None


def import_wordpress(options: ImportOptions) -> Report:
    """Import the export into the journal; raise :class:`TravelogError` before writing."""
    media = open_media_option(options.media)
    site = options.site
    export = read_export(options.export, site.timezone)
    manifest = load_manifest(site.project_dir)
    state = journal_state(site, set(manifest), new_journal=options.new_journal)
    plan = build_plan(export, state, media)
    write_plan(plan, site.project_dir, site.docs_dir, site.config_file, force=options.force)
    return plan.report
