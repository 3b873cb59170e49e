"""``travelog family add|remove|list|import`` and ``travelog mail``; registered by
``travelog.cli``."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from travelog.checks import check_journal
from travelog.config import SiteSettings
from travelog.mail.family_list import add_person, import_subscribers, load_family, remove_person
from travelog.smtp_settings import require_smtp_settings


def cmd_family_add(args: argparse.Namespace, settings: SiteSettings) -> int:
    person = add_person(settings.private_dir, args.name, args.email, today=dt.date.today())
    print(f"added {person.name} <{person.email}>")
    return 0


def cmd_family_remove(args: argparse.Namespace, settings: SiteSettings) -> int:
    person = remove_person(settings.private_dir, args.email)
    print(f"removed {person.name} <{person.email}>")
    return 0


def cmd_family_list(args: argparse.Namespace, settings: SiteSettings) -> int:
    people = load_family(settings.private_dir)
    for person in people:
        print(f"{person.name}\t{person.email}\tsince {person.added}")
    if not people:
        print('nobody yet: travelog family add "Name" EMAIL', file=sys.stderr)
    return 0


def cmd_family_import(args: argparse.Namespace, settings: SiteSettings) -> int:
    report = import_subscribers(settings.private_dir, args.csv.resolve(), today=dt.date.today())
    for person in report.added:
        print(f"added {person.name} <{person.email}>")
    print(f"{len(report.added)} added, {report.already} already on the list")
    return 0


def cmd_mail(args: argparse.Namespace, settings: SiteSettings) -> int:
    # Rendering and sending (email, SMTP, TLS) are loaded to mail, not for every command.
    from travelog.mail.run import MailOptions, run_mail

    journal = check_journal(settings)
    smtp = require_smtp_settings(os.environ, "travelog mail")
    options = MailOptions(
        include_existing=args.include_existing,
        family=args.family,
        entry=args.entry,
        to=args.to,
        dry_run=args.dry_run.resolve() if args.dry_run else None,
    )
    report = run_mail(
        settings,
        journal,
        smtp,
        options,
        on_sent=lambda d: print(f"sent {d.entry.slug} to {d.person.email}", flush=True),
    )
    for entry in report.noted:
        print(f"noted {entry.slug} (published before mail was set up; not mailed)")
    if report.noted:
        print("first run: nothing old was mailed; --include-existing mails these too")
    for path in report.written:
        print(f"wrote {path}")
    for warning in report.warnings:
        print(f"travelog: warning: {warning}", file=sys.stderr)
    for delivery, reason in report.refused:
        print(
            f"travelog: warning: {delivery.person.email} refused {delivery.entry.slug} "
            f"({reason}); it will be tried again on the next run (if the address is wrong: "
            f"travelog family remove {delivery.person.email})",
            file=sys.stderr,
        )
    if not (report.sent or report.written or report.noted or report.refused):
        print("nothing new to mail")
    return 1 if report.refused else 0


def register(subparsers: argparse._SubParsersAction) -> None:
    family = subparsers.add_parser(
        "family", help="the private list of people who get new entries by email"
    ).add_subparsers(dest="family_command", required=True)
    add = family.add_parser("add", help="add someone to the family list")
    add.add_argument("name", help='their name, e.g. "Aunt Katie"')
    add.add_argument("email")
    add.set_defaults(handler=cmd_family_add)
    remove = family.add_parser("remove", help="take someone off the family list")
    remove.add_argument("email")
    remove.set_defaults(handler=cmd_family_remove)
    family.add_parser("list", help="who is on the family list").set_defaults(
        handler=cmd_family_list
    )
    load = family.add_parser("import", help="add the subscribers WordPress.com exported (CSV)")
    load.add_argument("csv", type=Path, metavar="FILE.csv")
    load.set_defaults(handler=cmd_family_import)

    mail = subparsers.add_parser(
        "mail", help="email new entries to the family list (TRAVELOG_SMTP_* settings)"
    )
    mail.add_argument(
        "--include-existing",
        action="store_true",
        help="on the first run, also mail the entries published before mail was set up",
    )
    mail.add_argument("--entry", metavar="SLUG", help="mail this entry to everyone lacking it")
    mail.add_argument("--to", metavar="EMAIL", help="mail this person every entry they lack")
    mail.add_argument(
        "--family", action="store_true", help="also mail family-only entries (audience: family)"
    )
    mail.add_argument(
        "--dry-run", type=Path, metavar="DIR", help="write .eml files into DIR; send nothing"
    )
    mail.set_defaults(handler=cmd_mail)
