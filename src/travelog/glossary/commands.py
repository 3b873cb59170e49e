"""``travelog glossary list``: every term with its reading (and whether it was generated)."""

from __future__ import annotations

import argparse

from travelog.config import SiteSettings
from travelog.glossary.loader import load_glossary
from travelog.glossary.usage import backlinks
from travelog.journal import load_journal


def cmd_glossary_list(args: argparse.Namespace, settings: SiteSettings) -> int:
    journal = load_journal(settings)
    glossary = load_glossary(settings.docs_dir, settings.project_dir)
    used = backlinks(journal, glossary)
    for term in glossary.sorted_terms():
        origin = "generated" if term.generated else "written"
        count = len(used[term.text])
        print(f"{term.text}\t{term.reading}\t{origin}\t{count}\t{term.meaning}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    glossary = commands.add_parser("glossary", help="glossary terms").add_subparsers(
        dest="glossary_command", required=True
    )
    glossary.add_parser(
        "list", help="terms sorted by pronunciation: term, reading, origin, entries, meaning"
    ).set_defaults(handler=cmd_glossary_list)
