"""The ``travelog`` command. The only module that exits the process."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from travelog import deploy_cli
from travelog.build import Engine, build_site, serve_site
from travelog.checks import CheckReport, Severity, check_journal, count_line, find_problems
from travelog.comments import cli as comments_cli
from travelog.config import SiteSettings, load_site_settings
from travelog.errors import TravelogError
from travelog.glossary import commands as glossary_cli
from travelog.importers.wordpress import cli as wordpress_cli
from travelog.init import cli as init_cli
from travelog.journal import Audience
from travelog.mail import cli as mail_cli
from travelog.new_entry import create_entry
from travelog.topics import sync_tag_pages


def _comma_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def cmd_new(args: argparse.Namespace, settings: SiteSettings) -> int:
    path = create_entry(
        settings,
        args.title,
        tags=args.tags,
        place=args.place,
        authors=args.author,
        date=args.date,
        draft=args.draft,
        audience=Audience.FAMILY if args.family else Audience.EVERYONE,
    )
    print(path.relative_to(settings.project_dir).as_posix())
    return 0


def cmd_build(args: argparse.Namespace, settings: SiteSettings) -> int:
    if args.site_dir:
        settings = replace(settings, site_dir=Path(args.site_dir).resolve())
    report = find_problems(settings)
    if report.failed(strict=args.strict):
        # With --strict a warning stops the build: it is said as the error it then is.
        _print_problems(report, Severity.ERROR, Severity.WARNING, fatal_warnings=args.strict)
        return 1
    site = build_site(settings, Engine(args.engine), strict=args.strict)
    print(f"built {site}")
    return 0


def cmd_serve(args: argparse.Namespace, settings: SiteSettings) -> int:
    return serve_site(settings, address=args.address)


def cmd_check(args: argparse.Namespace, settings: SiteSettings) -> int:
    report = find_problems(settings)
    _print_problems(report, Severity.ERROR, Severity.WARNING, Severity.INFO)
    print(count_line(report))
    return 1 if report.failed(strict=args.strict) else 0


def _print_problems(
    report: CheckReport, *severities: Severity, fatal_warnings: bool = False
) -> None:
    for problem in report.problems:
        if problem.severity in severities:
            severity = problem.severity
            if fatal_warnings and severity is Severity.WARNING:
                severity = Severity.ERROR
            # Information (unused photos) is no problem: it goes with the summary.
            stream = sys.stdout if severity is Severity.INFO else sys.stderr
            print(f"travelog: {severity}: {problem.error}", file=stream)


def cmd_tags_sync(args: argparse.Namespace, settings: SiteSettings) -> int:
    created = sync_tag_pages(settings.docs_dir)
    print("\n".join(f"created docs/{name}" for name in created) or "all tag pages exist")
    return 0


def cmd_tags_list(args: argparse.Namespace, settings: SiteSettings) -> int:
    journal = check_journal(settings)
    for topic in journal.topics.topics:
        print(f"{topic.name}\t{len(journal.tagged(topic.name))}\t{topic.description}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="travelog",
        description="Write, preview and publish a travel journal (MkDocs + Material for MkDocs).",
    )
    parser.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        type=Path,
        help="the journal's mkdocs.yml (default: ./mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="write a new entry")
    new.add_argument("title")
    new.add_argument("--tags", type=_comma_list, default=[], help="comma-separated tags")
    new.add_argument("--place", help="where it happened (the entry's category)")
    new.add_argument("--author", action="append", default=[], help="author id (repeatable)")
    new.add_argument(
        "--date",
        type=dt.date.fromisoformat,
        default=dt.date.today(),
        help="YYYY-MM-DD (default: today)",
    )
    kept = new.add_mutually_exclusive_group()
    kept.add_argument("--draft", action="store_true", help="keep it out of the built site")
    kept.add_argument(
        "--family",
        action="store_true",
        help="for family only: published encrypted (audience: family)",
    )
    new.set_defaults(handler=cmd_new)

    build = commands.add_parser("build", help="build the journal")
    build.add_argument("--engine", choices=[e.value for e in Engine], default=Engine.MKDOCS)
    build.add_argument("-d", "--site-dir", help="output folder (MkDocs only; default: site/)")
    build.add_argument("--strict", action="store_true", help="fail on warnings")
    build.set_defaults(handler=cmd_build)

    serve = commands.add_parser("serve", help="live preview")
    serve.add_argument("-a", "--address", default="127.0.0.1:8000")
    serve.set_defaults(handler=cmd_serve)

    check = commands.add_parser(
        "check", help="list every problem the build would reject, all at once"
    )
    check.add_argument("--strict", action="store_true", help="warnings count as problems")
    check.set_defaults(handler=cmd_check)

    tags = commands.add_parser("tags", help="topic pages").add_subparsers(
        dest="tags_command", required=True
    )
    tags.add_parser("sync", help="create missing tag pages").set_defaults(handler=cmd_tags_sync)
    tags.add_parser("list", help="tags with entry counts").set_defaults(handler=cmd_tags_list)
    wordpress_cli.register(commands)
    glossary_cli.register(commands)
    comments_cli.register(commands)
    init_cli.register(commands)
    deploy_cli.register(commands)
    mail_cli.register(commands)
    return parser


DISK_FULL = (errno.ENOSPC, errno.EDQUOT)


def main(argv: Sequence[str] | None = None) -> None:
    # Material 9.8 prints an end-of-life banner in every MkDocs run it starts; the journal's
    # plans for that date are in README ("Material's end of life"), so keep builds quiet.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    args = build_parser().parse_args(argv)
    try:
        load_settings = getattr(args, "load_settings", load_site_settings)
        settings = load_settings(args.config_file.resolve())
        status = args.handler(args, settings)
    except TravelogError as error:
        print(f"travelog: error: {error}", file=sys.stderr)
        sys.exit(1)
    except BrokenPipeError:
        # The reader went away (``travelog tags list | head``): end quietly, as cat does.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as error:
        if error.errno not in DISK_FULL:
            raise
        where = f" writing {error.filename}" if error.filename else ""
        print(
            f"travelog: error: the disk is full{where}; free some space and run again "
            "(nothing was replaced: files are written whole or not at all)",
            file=sys.stderr,
        )
        sys.exit(1)
    sys.exit(status)
