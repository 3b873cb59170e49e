"""The ``travelog deploy`` subcommand: build (strictly by default), then publish."""

from __future__ import annotations

import argparse
from pathlib import Path

from travelog.build import Engine, build_site
from travelog.config import SiteSettings
from travelog.deploy import (
    Published,
    check_public_address,
    push_github_pages,
    rsync_target,
    sync_folder,
    sync_rsync,
)
from travelog.errors import TravelogError


def cmd_deploy(args: argparse.Namespace, settings: SiteSettings) -> int:
    if args.github_pages == bool(args.destination):
        raise TravelogError("give a destination (a folder or host:path) or --github-pages")
    address = check_public_address(settings.site_url, settings.config_file)
    site = build_site(settings, Engine(args.engine), strict=not args.no_strict)
    published: Published
    if args.github_pages:
        published = push_github_pages(
            site, settings.project_dir, remote=args.remote, message="Publish the journal"
        )
    elif args.rsync or rsync_target(args.destination):
        published = sync_rsync(site, args.destination)
    else:
        published = sync_folder(site, Path(args.destination).resolve())
    counts = ""
    if published.copied or published.removed:
        counts = f" ({published.copied} files copied, {published.removed} removed)"
    print(f"published to {published.destination}{counts}")
    print(f"the journal is at {address}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    deploy = commands.add_parser(
        "deploy", help="build strictly and publish to a folder, an rsync target or GitHub Pages"
    )
    deploy.add_argument(
        "destination",
        nargs="?",
        metavar="DEST",
        help="a folder (e.g. /var/www/journal) or an rsync target (host:path)",
    )
    deploy.add_argument("--rsync", action="store_true", help="use rsync even for a local DEST")
    deploy.add_argument(
        "--github-pages",
        action="store_true",
        help="push the site as the gh-pages branch of the journal's git remote",
    )
    deploy.add_argument("--remote", default="origin", help="git remote for --github-pages")
    deploy.add_argument("--engine", choices=[e.value for e in Engine], default=Engine.MKDOCS)
    deploy.add_argument(
        "--no-strict", action="store_true", help="publish even when the build has warnings"
    )
    deploy.set_defaults(handler=cmd_deploy)
