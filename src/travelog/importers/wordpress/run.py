"""``travelog import wordpress``: read, plan, then write; a bad export writes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from travelog.importers.wordpress.plan import build_plan, journal_state
from travelog.importers.wordpress.report import Report
from travelog.importers.wordpress.uploads import MediaSource, open_media
from travelog.importers.wordpress.writer import load_manifest, write_plan
from travelog.importers.wordpress.wxr import read_export
from travelog.init.theme import CONFIG_FILE


@dataclass(frozen=True)
class ImportOptions:
    export: Path
    project_dir: Path
    docs_dir: Path
    media: Path | None
    timezone: dt.tzinfo
    force: bool = False
    site_url: str = ""
    new_journal: bool = False  # the import created the journal: its starter pages give way
    config_file: Path | None = None  # default: mkdocs.yml in project_dir


def open_media_option(media: Path | None) -> MediaSource | None:
    """The ``--media`` originals, checked before anything is written."""
    return open_media(media) if media is not None else None


def import_wordpress(options: ImportOptions) -> Report:
    """Import the export into the journal; raise :class:`TravelogError` before writing."""
    media = open_media_option(options.media)
    export = read_export(options.export, options.timezone)
    manifest = load_manifest(options.project_dir)
    state = journal_state(
        options.project_dir,
        options.docs_dir,
        set(manifest),
        site_url=options.site_url,
        new_journal=options.new_journal,
    )
    plan = build_plan(export, state, media)
    config_file = options.config_file or options.project_dir / CONFIG_FILE
    write_plan(plan, options.project_dir, options.docs_dir, config_file, force=options.force)
    return plan.report
