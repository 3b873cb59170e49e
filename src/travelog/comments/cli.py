"""``travelog comments freeze|status|isso``; registered by ``travelog.cli``."""

from __future__ import annotations

import argparse
import os
import sys
from urllib.parse import urljoin, urlsplit

from travelog.comments.context import load_context
from travelog.comments.freeze import freeze
from travelog.comments.isso_server import DATABASE_NAME, IssoSetup, run_foreground
from travelog.comments.render import CommentsContext
from travelog.comments.settings import isso_api_url, isso_browser_url
from travelog.comments.status import entry_counts, format_table
from travelog.config import SiteSettings
from travelog.errors import TravelogError
from travelog.journal import load_journal


def _context(settings: SiteSettings) -> CommentsContext:
    return load_context(load_journal(settings), settings)


def cmd_freeze(args: argparse.Namespace, settings: SiteSettings) -> int:
    comments = settings.plugin.comments
    results = freeze(
        _context(settings),
        isso_api_url(comments, args.isso),
        settings.archive_dir,
        settings.timezone,
    )
    for result in results:
        where = result.path.relative_to(settings.project_dir).as_posix()
        print(f"{where}: +{result.added} ({result.total} archived)")
    if not results:
        print("archive up to date: no new approved comments")
    return 0


def cmd_status(args: argparse.Namespace, settings: SiteSettings) -> int:
    comments = settings.plugin.comments
    database = settings.data_dir / DATABASE_NAME
    rows, note = entry_counts(_context(settings), isso_api_url(comments, args.isso), database)
    print(format_table(rows))
    if note:
        print(f"note: {note}", file=sys.stderr)
    return 0


def cmd_isso(args: argparse.Namespace, settings: SiteSettings) -> int:
    """Isso for the published site: readers reach it through the reverse proxy."""
    comments = settings.plugin.comments
    site = urlsplit(settings.site_url)
    if site.scheme not in ("http", "https"):
        raise TravelogError(
            "site_url must be the public http(s) address", path=settings.config_file
        )
    public = urljoin(settings.site_url, isso_browser_url(settings))
    setup = IssoSetup(
        data_dir=settings.data_dir,
        port=args.port or comments.isso.port,
        site_origins=(f"{site.scheme}://{site.netloc}",),
        public_endpoint=public,
        reply_notifications=comments.isso.reply_notifications,
        sender_name=settings.site_name,
    )
    return run_foreground(setup, os.environ)


def register(subparsers: argparse._SubParsersAction) -> None:
    commands = subparsers.add_parser("comments", help="archived and live comments").add_subparsers(
        dest="comments_command", required=True
    )
    isso_help = "Isso's address (default: comments.isso.url if absolute, else 127.0.0.1:port)"
    freeze_parser = commands.add_parser("freeze", help="archive approved comments from Isso")
    freeze_parser.add_argument("--isso", help=isso_help)
    freeze_parser.set_defaults(handler=cmd_freeze)
    status_parser = commands.add_parser("status", help="comments per entry, waiting ones")
    status_parser.add_argument("--isso", help=isso_help)
    status_parser.set_defaults(handler=cmd_status)
    isso_parser = commands.add_parser("isso", help="run Isso for the published site")
    isso_parser.add_argument("--port", type=int, help="port on 127.0.0.1 (default: from config)")
    isso_parser.set_defaults(handler=cmd_isso)
