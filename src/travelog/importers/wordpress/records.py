"""Neutral records read from a WordPress export, independent of XML and of the journal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class CommentState(StrEnum):
    APPROVED = "1"
    PENDING = "0"
    SPAM = "spam"
    TRASH = "trash"


@dataclass(frozen=True)
class Author:
    login: str
    display_name: str


@dataclass(frozen=True)
class Term:
    """A category or a tag, with WordPress's description when it has one."""

    slug: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Comment:
    id: str
    parent: str | None
    author: str
    website: str
    date: dt.datetime
    text: str
    state: str
    kind: str  # "comment", "pingback" or "trackback"


@dataclass(frozen=True)
class Item:
    """One ``<item>``: a post, a page, an attachment or anything else WordPress exports."""

    id: str
    post_type: str
    title: str
    link: str
    guid: str
    slug: str
    status: str
    password: str
    author: str
    date: dt.datetime | None
    content: str
    excerpt: str
    parent: str
    menu_order: int
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    comments: tuple[Comment, ...] = ()
    attachment_url: str = ""
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Export:
    """The whole export: site facts, terms and items in file order."""

    wxr_version: str
    base_url: str
    authors: tuple[Author, ...]
    categories: tuple[Term, ...]
    tags: tuple[Term, ...]
    items: tuple[Item, ...]
    title: str = ""
    link: str = ""
