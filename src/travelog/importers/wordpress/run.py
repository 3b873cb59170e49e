"""``travelog import wordpress``: read, plan, then write; a bad export writes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from travelog.errors import TravelogError
from travelog.importers.wordpress.media import find_uploads_dir
from travelog.importers.wordpress.plan import build_plan, journal_state
from travelog.importers.wordpress.report import Report
from travelog.importers.wordpress.writer import load_manifest, write_plan
from travelog.importers.wordpress.wxr import read_export


@dataclass(frozen=True)
class ImportOptions:
    export: Path
    project_dir: Path
    docs_dir: Path
    media: Path | None
    timezone: dt.tzinfo
    force: bool = False


def check_media_dir(media: Path | None) -> None:
    if media is not None and not media.is_dir():
        raise TravelogError(
            "no such folder; give --media the WordPress uploads folder (wp-content/uploads)",
            path=media,
        )


def import_wordpress(options: ImportOptions) -> Report:
    """Import the export into the journal; raise :class:`TravelogError` before writing."""
    check_media_dir(options.media)
    export = read_export(options.export, options.timezone)
    uploads = find_uploads_dir(options.media) if options.media is not None else None
    manifest = load_manifest(options.project_dir)
    state = journal_state(options.project_dir, options.docs_dir, set(manifest))
    plan = build_plan(export, state, uploads)
    write_plan(plan, options.project_dir, options.docs_dir, force=options.force)
    return plan.report
