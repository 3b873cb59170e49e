"""The starter pages and registries of a new journal: short, generic, meant to be rewritten."""

from __future__ import annotations

import textwrap

import yaml

from travelog.topics import REGISTRY_HEADER

STARTER_TOPICS = {
    "daily life": (
        "The ordinary days in a new country: errands, commutes, neighbours, the weather and "
        "the small routines that slowly turn a strange city into home."
    ),
    "food": (
        "What we eat and where: markets, street stalls, the dishes we learned to cook and the "
        "ones we still cannot pronounce."
    ),
    "family": (
        "The people we left behind and the ones who come to visit: calls across time zones, "
        "holidays apart and the guests who finally see where we live."
    ),
    "language": (
        "Learning the local language one mistake at a time: lessons, signs, misunderstandings "
        "and the words that explain something about the place."
    ),
    "travel": (
        "Trips beyond our own neighbourhood: weekends away, long train rides and the places "
        "we went to see for ourselves."
    ),
}

GITIGNORE_LINES = ("/site/", "/.venv/", "/.cache/", "/.travelog-cache/", "/data/")


def names(*people: str) -> str:
    """ "Ana", "Ana and Rui", "Ana, Rui and Eva"."""
    if len(people) < 2:
        return "".join(people)
    return f"{', '.join(people[:-1])} and {people[-1]}"


def index_page(title: str, *, several: bool = False) -> str:
    we, us = ("we", "us") if several else ("I", "me")
    return (
        f"# {title}\n\n"
        f"Letters home: what {we} see, eat, learn and wonder about. New here? Start with\n"
        f"[the topics](tags/index.md) or read [about {us}](about.md).\n"
    )


def about_page(writers: tuple[str, ...]) -> str:
    if len(writers) > 1:
        ask = "Tell your readers who you are, where you live now and why you write together"
    else:
        ask = "Tell your readers who you are, where you live now and why you write"
    return (
        "# About\n\n"
        f"This is the travel journal of {names(*writers)}. {ask}: a few sentences are\n"
        "enough, and you can change them at any time.\n"
    )


def topics_registry() -> str:
    """The starter topics, each description a folded block like the example's."""
    blocks = [
        f"{name}: >-\n" + textwrap.fill(text, width=92, initial_indent="  ", subsequent_indent="  ")
        for name, text in STARTER_TOPICS.items()
    ]
    return REGISTRY_HEADER + "\n".join(blocks) + "\n"


def authors_file(writers: dict[str, tuple[str, str]]) -> str:
    """``.authors.yml`` for writers given as id -> (name, avatar path)."""
    authors = {
        "authors": {
            key: {"name": name, "description": "", "avatar": avatar}
            for key, (name, avatar) in writers.items()
        }
    }
    return yaml.safe_dump(authors, allow_unicode=True, sort_keys=False)


GLOSSARY_REGISTRY = """\
# Words from the local language, with how to say them and what they mean. Entries show the
# pronunciation above each term and its meaning as a tooltip. Add terms as a list, e.g.:
#
# - term: 你好
#   pronunciation: nǐ hǎo    # optional for Chinese: generated
#   meaning: hello
#   lang: zh                 # optional, default zh; other languages need a pronunciation
"""

GLOSSARY_PAGE = """\
---
title: Glossary
description: The foreign words in this journal, how to say them and what they mean.
---

# Glossary

The words from the local language that turn up in the entries, sorted by pronunciation, with
the entries that use them.

<!-- travelog:glossary -->
"""


def gitignore(existing: str = "") -> str:
    """``existing`` with every line travelog needs ignored appended once."""
    present = set(existing.splitlines())
    missing = [line for line in GITIGNORE_LINES if line not in present]
    if not missing:
        return existing
    prefix = existing if not existing or existing.endswith("\n") else existing + "\n"
    return prefix + "\n".join(missing) + "\n"


PLACES_PAGE = """\
# Places

Where the entries happened, the most written-about first.

<!-- travelog:places -->
"""

ARCHIVE_PAGE = """\
# Archive

Every month of the journal, newest first.

<!-- travelog:archive -->
"""
