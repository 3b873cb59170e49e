"""The ``travelog init`` subcommand."""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
from pathlib import Path

from travelog.config import LOCAL_SITE_URL, SiteSettings
from travelog.init.create import JournalOptions, init_journal


def no_settings(config_file: Path) -> None:
    """For commands that run before there is a journal to read."""
    return None


def travelog_command() -> str:
    """How a shell reaches this travelog: its name when PATH finds it, else its full path."""
    script = Path(sys.executable).parent / "travelog"
    if not script.is_file():
        return f"{shlex.quote(sys.executable)} -m travelog"
    found = shutil.which("travelog")
    if found is not None and Path(found).resolve() == script.resolve():
        return "travelog"
    return shlex.quote(str(script))


def next_steps(folder: Path) -> list[str]:
    """What to type next, exactly as a shell in the current folder takes it."""
    travelog = travelog_command()
    return [
        f"created a new journal in {folder}",
        "next steps:",
        f"  cd {shlex.quote(str(folder))}",
        f'  {travelog} new "My first entry" --tags "daily life"',
        f"  {travelog} serve        # live preview at {LOCAL_SITE_URL}",
        "edit docs/about.md, docs/topics.yml and docs/.authors.yml to make it yours",
    ]


def cmd_init(args: argparse.Namespace, settings: SiteSettings | None) -> int:
    options = JournalOptions(
        title=args.title,
        author_name=args.author_name,
        site_url=args.site_url,
        timezone=args.timezone,
        accent=args.accent,
        tagline=args.tagline,
        co_authors=tuple(args.co_author),
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
    init.add_argument(
        "--co-author",
        action="append",
        default=[],
        metavar="NAME",
        help="another writer (repeat for more); the starter pages then say 'we'",
    )
    init.add_argument(
        "--accent",
        default=defaults.accent,
        help="colour of links and buttons, as hex (default %(default)s); dark enough to read",
    )
    init.add_argument(
        "--tagline",
        default="",
        help="one line under the title on the home page (default: 'A travel journal by ...')",
    )
    init.set_defaults(handler=cmd_init, load_settings=no_settings)
