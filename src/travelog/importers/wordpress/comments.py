"""Approved WordPress comments as comment-archive records, with nothing private kept.

The records are the archive's own (:class:`~travelog.comments.archive.ArchivedComment`),
cleaned by the same sanitizer as ``travelog comments freeze`` and written by the same code.
Emails and IP addresses are never read into them (the sanitizer removes anything shaped like
one from names and text); websites keep only http(s). A reply whose parent was not kept (spam,
pending...) moves up to the nearest kept ancestor, so threads stay whole at any depth.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from travelog.comments.archive import ArchivedComment
from travelog.comments.sanitize import clean_text, plain_author, safe_website
from travelog.importers.wordpress.autop import autop
from travelog.importers.wordpress.records import Comment, CommentState

ID_PREFIX = "wp-"
_SKIP_REASONS: dict[str, str] = {
    CommentState.SPAM: "spam",
    CommentState.PENDING: "pending",
    CommentState.TRASH: "in the trash",
}
MENTION_KINDS = {"pingback", "trackback"}


@dataclass
class CommentTally:
    kept: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def sanitize(text: str) -> str:
    """WordPress comment text (plain lines and a little HTML) to the archive's safe HTML."""
    return clean_text(autop(text.strip()))


def archive(comments: tuple[Comment, ...], tally: CommentTally) -> list[ArchivedComment]:
    """One entry's approved comments as archive records, parents before their replies."""
    kept: dict[str, Comment] = {}
    by_id = {comment.id: comment for comment in comments}
    for comment in comments:
        if comment.kind in MENTION_KINDS:
            tally.skipped[f"{comment.kind}s"] += 1
        elif comment.state != CommentState.APPROVED:
            tally.skipped[_SKIP_REASONS.get(comment.state, f"status {comment.state!r}")] += 1
        elif not plain_author(sanitize(comment.text)):
            # Nothing but markup the sanitizer removes (a script, say): no comment to keep.
            tally.skipped["empty once cleaned"] += 1
        else:
            kept[comment.id] = comment
    tally.kept += len(kept)
    return [
        ArchivedComment(
            id=ID_PREFIX + comment.id,
            parent=_kept_parent(comment, kept, by_id),
            author=plain_author(comment.author) or "Anonymous",
            website=safe_website(comment.website),
            date=comment.date,
            text=sanitize(comment.text),
        )
        for comment in _parents_first(kept, by_id)
    ]


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
