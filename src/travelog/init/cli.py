"""The ``travelog init`` subcommand."""

from __future__ import annotations

import argparse
from pathlib import Path

from travelog.config import LOCAL_SITE_URL, SiteSettings
from travelog.init.create import JournalOptions, init_journal


def no_settings(config_file: Path) -> None:
    """For commands that run before there is a journal to read."""
    return None


def next_steps(folder: Path) -> list[str]:
    return [
        f"created a new journal in {folder}",
        "next steps:",
        f"  cd {folder}",
        '  travelog new "My first entry" --tags "daily life"',
        "  travelog serve        # live preview at http://127.0.0.1:8000/",
        "edit docs/about.md, docs/topics.yml and docs/.authors.yml to make it yours",
    ]


def cmd_init(args: argparse.Namespace, settings: SiteSettings | None) -> int:
    options = JournalOptions(
        title=args.title,
        author_name=args.author_name,
        site_url=args.site_url,
        timezone=args.timezone,
    )
    init_journal(args.folder, options)
    print("\n".join(next_steps(args.folder)))
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    defaults = JournalOptions()
    init = commands.add_parser("init", help="start a new, empty journal in a folder")
    init.add_argument("folder", type=Path, metavar="DIR", help="the new journal's folder")
    init.add_argument("--title", default=defaults.title, help="the journal's name")
    init.add_argument(
        "--author-name", default=defaults.author_name, help="your name, as readers see it"
    )
    init.add_argument(
        "--site-url",
        default=LOCAL_SITE_URL,
        help="the public address (default: the local preview's)",
    )
    init.add_argument(
        "--timezone", default=defaults.timezone, help="where you live, e.g. Asia/Shanghai"
    )
    init.set_defaults(handler=cmd_init, load_settings=no_settings)
