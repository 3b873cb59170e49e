"""Approved WordPress comments to the journal's comment archive, with nothing private kept.

Emails and IP addresses are never read into the archive; websites keep only http(s); the
text is sanitized HTML. A reply whose parent was not kept (spam, pending...) moves up to the
nearest kept ancestor, so threads stay whole at any depth.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import nh3

from travelog.importers.wordpress.autop import autop
from travelog.importers.wordpress.records import Comment, CommentState

COMMENTS_DIR = "comments"
ID_PREFIX = "wp-"
ALLOWED_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "code",
    "em",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "ul",
}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6 = re.compile(r"\b(?:[0-9a-f]{1,4}:){3,7}[0-9a-f]{1,4}\b", re.IGNORECASE)
_SKIP_REASONS = {
    CommentState.SPAM: "spam",
    CommentState.PENDING: "pending",
    CommentState.TRASH: "in the trash",
}
MENTION_KINDS = {"pingback", "trackback"}


@dataclass
class CommentTally:
    kept: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def redact(text: str) -> str:
    """Remove anything shaped like an email or IP address from free text."""
    text = _EMAIL.sub("[email removed]", text)
    return _IPV6.sub("[address removed]", _IPV4.sub("[address removed]", text))


def sanitize(text: str) -> str:
    """WordPress comment text (plain lines and a little HTML) to a safe HTML fragment."""
    return nh3.clean(
        autop(redact(text.strip())),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow noopener noreferrer",
    ).strip()


def safe_website(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.hostname and "@" not in parts.netloc:
        return url.strip()
    return ""


def archive(
    entry_slug: str, comments: tuple[Comment, ...], tally: CommentTally
) -> dict[str, Any] | None:
    """The archive document for one entry, or None when it has no approved comments."""
    kept: dict[str, Comment] = {}
    by_id = {comment.id: comment for comment in comments}
    for comment in comments:
        if comment.kind in MENTION_KINDS:
            tally.skipped[f"{comment.kind}s"] += 1
        elif comment.state != CommentState.APPROVED:
            tally.skipped[_SKIP_REASONS.get(comment.state, f"status {comment.state!r}")] += 1
        elif not nh3.clean(sanitize(comment.text), tags=set()).strip():
            # Nothing but markup the sanitizer removes (a script, say): no comment to keep.
            tally.skipped["empty once cleaned"] += 1
        else:
            kept[comment.id] = comment
    if not kept:
        return None
    tally.kept += len(kept)
    records = []
    for comment in _parents_first(kept, by_id):
        record: dict[str, Any] = {
            "id": ID_PREFIX + comment.id,
            "parent": _kept_parent(comment, kept, by_id),
            "author": redact(comment.author) or "Anonymous",
        }
        if website := safe_website(comment.website):
            record["website"] = website
        record["date"] = comment.date
        record["text"] = sanitize(comment.text)
        records.append(record)
    return {"entry": entry_slug, "comments": records}


def _kept_parent(
    comment: Comment, kept: dict[str, Comment], by_id: dict[str, Comment]
) -> str | None:
    seen = {comment.id}
    parent = comment.parent
    while parent is not None and parent not in kept and parent in by_id and parent not in seen:
        seen.add(parent)
        parent = by_id[parent].parent
    return ID_PREFIX + parent if parent in kept else None


def _parents_first(kept: dict[str, Comment], by_id: dict[str, Comment]) -> list[Comment]:
    """Oldest first, but never a reply before the comment it answers."""
    ordered: list[Comment] = []
    placed: set[str] = set()

    def place(comment: Comment) -> None:
        if comment.id in placed:
            return
        placed.add(comment.id)
        parent = _kept_parent(comment, kept, by_id)
        if parent is not None:
            place(kept[parent.removeprefix(ID_PREFIX)])
        ordered.append(comment)

    for comment in sorted(kept.values(), key=lambda c: (c.date, c.id.zfill(12))):
        place(comment)
    return ordered
