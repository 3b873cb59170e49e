"""The ``travelog import wordpress`` subcommand."""

from __future__ import annotations

import argparse
import zoneinfo
from pathlib import Path

from travelog.config import SiteSettings
from travelog.importers.wordpress.run import ImportOptions, import_wordpress


class _IntoJournal(argparse.Action):
    """``--into DIR`` also points the command at DIR's mkdocs.yml."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        folder = Path(str(values))
        namespace.into = folder
        namespace.config_file = folder / "mkdocs.yml"


def cmd_import_wordpress(args: argparse.Namespace, settings: SiteSettings) -> int:
    report = import_wordpress(
        ImportOptions(
            export=args.export.resolve(),
            project_dir=settings.project_dir,
            docs_dir=settings.docs_dir,
            media=args.media.resolve() if args.media else None,
            timezone=zoneinfo.ZoneInfo(settings.plugin.timezone),
            force=args.force,
        )
    )
    print("\n".join(report.lines()))
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    sources = commands.add_parser("import", help="move a journal in from another platform")
    sources = sources.add_subparsers(dest="import_source", required=True)
    wordpress = sources.add_parser(
        "wordpress",
        help="import a WordPress export (WXR): posts, pages, photos, comments",
    )
    wordpress.add_argument("export", type=Path, help="the export file (Tools > Export)")
    wordpress.add_argument(
        "--media", type=Path, help="the uploads folder (wp-content/uploads) holding the originals"
    )
    wordpress.add_argument(
        "--into", action=_IntoJournal, metavar="DIR", help="the journal folder (default: here)"
    )
    wordpress.add_argument(
        "--force", action="store_true", help="overwrite files edited since the last import"
    )
    wordpress.set_defaults(handler=cmd_import_wordpress)
