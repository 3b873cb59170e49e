"""The comments section of an entry: the archived thread as static HTML, then the live thread.

Templates cannot read files, so ``overrides/partials/comments.html`` leaves :data:`SLOT` in
every page and :func:`fill_slot` replaces it: from the MkDocs plugin page by page, and from
``travelog build`` over the HTML files Zensical wrote.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from travelog.atomic import write_text_atomic
from travelog.comments.archive import Archive, ArchivedComment
from travelog.comments.providers import live_thread
from travelog.comments.sanitize import LINK_REL, clean_text, plain_author, safe_website
from travelog.config import SiteSettings
from travelog.journal import Entry

SLOT = '<div data-travelog-comments="slot"></div>'
HEADING_ID = "travelog-comments-heading"
#: Archive ids of comments frozen from Isso: ``isso-<id>``, or ``isso-<id>-<unix time>`` when
#: an earlier database already used that id.
ISSO_ID = re.compile(r"isso-(\d+)(?:-\d+)?")


@dataclass(frozen=True)
class CommentsContext:
    """Everything :func:`fill_slot` needs, read once per build."""

    site: SiteSettings
    entries_by_url: dict[str, Entry]
    archives: dict[str, Archive]
    page_archives: dict[str, Archive] = field(default_factory=dict)  # by page URL


def comments_enabled(entry: Entry) -> bool:
    return entry.meta.get("comments", True) is not False


def render_archive(archive: Archive) -> str:
    """The archived comments as nested lists, readable without JavaScript."""
    if not archive.comments:
        return ""
    return (
        '<div class="travelog-archive">\n'
        f'<h3 class="travelog-archive-title">{len(archive.comments)} archived '
        f"comment{'s' if len(archive.comments) != 1 else ''}</h3>\n"
        f"{_render_level(archive, None)}"
        "</div>\n"
    )


def _render_level(archive: Archive, parent: str | None) -> str:
    children = archive.children(parent)
    if not children:
        return ""
    css = "travelog-thread" if parent is None else "travelog-replies"
    items = "".join(_render_comment(archive, comment) for comment in children)
    return f'<ol class="{css}">\n{items}</ol>\n'


def _render_comment(archive: Archive, comment: ArchivedComment) -> str:
    author = html.escape(plain_author(comment.author) or "Anonymous")
    website = safe_website(comment.website)
    if website:
        author = (
            f'<a class="travelog-comment-author" href="{html.escape(website, quote=True)}" '
            f'rel="{LINK_REL}">{author}</a>'
        )
    else:
        author = f'<span class="travelog-comment-author">{author}</span>'
    anchor = html.escape(f"comment-{comment.id}", quote=True)
    when = comment.date.isoformat()
    shown = f"{comment.date:%B} {comment.date.day}, {comment.date:%Y}"
    return (
        f'<li class="travelog-comment" id="{anchor}"{_isso_match(comment)}>\n'
        '<article class="travelog-comment-body">\n'
        f'<header class="travelog-comment-meta">{author} '
        f'<time datetime="{html.escape(when, quote=True)}">{shown}</time></header>\n'
        f'<div class="travelog-comment-text">{clean_text(comment.text)}</div>\n'
        "</article>\n"
        f"{_render_level(archive, comment.id)}"
        "</li>\n"
    )


def _isso_match(comment: ArchivedComment) -> str:
    """Lets the live thread hide an Isso comment that is already archived: Isso's element id
    and the UTC time it shows must both match (ids restart when a database is replaced)."""
    found = ISSO_ID.fullmatch(comment.id)
    if not found:
        return ""
    shown = comment.date.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f' data-isso-match="isso-{found.group(1)}@{shown}"'


def render_section(entry: Entry, context: CommentsContext, *, live_comments: bool = True) -> str:
    """The whole comments section for an entry (empty when comments are off); without
    ``live_comments`` only the archived thread (family entries: Isso's API is public)."""
    archive = context.archives.get(entry.slug)
    archived = render_archive(archive) if archive else ""
    live = live_thread(entry, context.site) if live_comments else ""
    count = len(archive.comments) if archive else 0
    return _section(archived, live, count)


def _section(archived: str, live: str, count: int) -> str:
    if not archived and not live:
        return ""
    return (
        f'<section class="travelog-comments" aria-labelledby="{HEADING_ID}" '
        f'data-archived="{count}">\n'
        f'<h2 id="{HEADING_ID}">{comment_count(count)}</h2>\n{archived}{live}</section>\n'
    )


def comment_count(count: int) -> str:
    """The section's one heading: archived and live comments together (the live thread's
    script counts again with the comments Isso shows)."""
    if count == 0:
        return "Comments"
    return f"{count} comment{'s' if count != 1 else ''}"


def fill_slot(page_html: str, page_url: str, context: CommentsContext) -> str:
    """Replace the comments slot with the entry's section, or remove it on other pages."""
    if SLOT not in page_html:
        return page_html
    entry = context.entries_by_url.get(page_url)
    section = render_section(entry, context) if entry and comments_enabled(entry) else ""
    if entry is None and page_url in context.page_archives:
        # A page's comments (imported from WordPress): the archive, as under entries.
        archive = context.page_archives[page_url]
        section = _section(render_archive(archive), "", len(archive.comments))
    return page_html.replace(SLOT, section, 1)


def fill_site(site_dir: Path, context: CommentsContext) -> int:
    """Fill the slot in every built HTML file (for engines without MkDocs plugins)."""
    filled = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if SLOT not in text:
            continue
        url = page.parent.relative_to(site_dir).as_posix()
        url = "" if url == "." else url + "/"
        write_text_atomic(page, fill_slot(text, url, context))
        filled += 1
    return filled
