"""The ``travelog import wordpress`` subcommand."""

from __future__ import annotations

import argparse
from pathlib import Path

from travelog.config import SiteSettings, load_site_settings


def _settings_if_journal(config_file: Path) -> SiteSettings | None:
    """The journal's settings, or None when the folder has no journal yet."""
    return load_site_settings(config_file) if config_file.exists() else None


class _IntoJournal(argparse.Action):
    """``--into DIR`` points the command at DIR's mkdocs.yml; without one, DIR becomes a journal."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        folder = Path(str(values))
        namespace.into = folder
        namespace.config_file = folder / "mkdocs.yml"
        namespace.load_settings = _settings_if_journal


def cmd_import_wordpress(args: argparse.Namespace, settings: SiteSettings | None) -> int:
    # The importer (its HTML and XML parsers) is loaded for an import, not for every command.
    from travelog.importers.wordpress.new_journal import start_journal
    from travelog.importers.wordpress.run import ImportOptions, import_wordpress, open_media_option

    open_media_option(args.media)
    new_journal = settings is None
    if settings is None:
        settings = start_journal(args.export.resolve(), args.into, args.timezone)
        print(f"created a new journal in {args.into}")
    report = import_wordpress(
        ImportOptions(
            export=args.export.resolve(),
            site=settings,
            media=args.media.resolve() if args.media else None,
            force=args.force,
            new_journal=new_journal,
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
        "--media",
        type=Path,
        help="the originals: the uploads folder (wp-content/uploads), the folder above it, "
        "or WordPress.com's media .tar",
    )
    wordpress.add_argument(
        "--into",
        action=_IntoJournal,
        metavar="DIR",
        help="the journal folder (default: here); a new journal when it has none",
    )
    wordpress.add_argument(
        "--force", action="store_true", help="overwrite files edited since the last import"
    )
    wordpress.add_argument(
        "--timezone",
        metavar="AREA/CITY",
        help="the time zone of a new journal made by this import, e.g. Asia/Shanghai",
    )
    wordpress.set_defaults(handler=cmd_import_wordpress)
