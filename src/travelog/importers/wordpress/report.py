"""What an import did and did not do, printed as the command's summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    published: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    authors_added: list[str] = field(default_factory=list)
    tags_added: list[str] = field(default_factory=list)
    tag_names: dict[str, str] = field(default_factory=dict)
    comments: int = 0
    page_comments: int = 0
    photos: int = 0
    galleries: int = 0
    downloads: int = 0
    redirects: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    skipped_items: Counter[str] = field(default_factory=Counter)
    skipped_comments: Counter[str] = field(default_factory=Counter)
    missing_media: dict[str, list[str]] = field(default_factory=dict)  # path -> where used
    missing_downloads: dict[str, list[str]] = field(default_factory=dict)
    guessed_alt: list[str] = field(default_factory=list)
    external_images: list[str] = field(default_factory=list)
    shortcodes: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        entries = len(self.published) + len(self.drafts)
        lines = [
            f"imported: {_count(entries, 'entry', 'entries')} ({len(self.published)} published, "
            f"{len(self.drafts)} drafts), {_count(len(self.pages), 'page')}, "
            f"{_count(self.comments + self.page_comments, 'comment')} "
            f"({self.comments} on entries, {self.page_comments} on pages), "
            f"{_count(self.photos, 'photo')} ({len(self.missing_media)} missing), "
            f"{_count(self.galleries, 'gallery', 'galleries')}, "
            f"{_count(self.downloads, 'download')}, {_count(self.redirects, 'redirect')}, "
            f"{_count(len(self.shortcodes), 'shortcode')} left as text; "
            f"new: {_count(len(self.authors_added), 'author')}, "
            f"{_count(len(self.tags_added), 'tag')}"
        ]
        lines += [f"warning: {warning}" for warning in self.warnings]
        renamed = {old: new for old, new in self.tag_names.items() if old.lower() != new}
        lines += [f"tag: {old!r} is now {new!r}" for old, new in renamed.items()]
        lines += [f"skipped: {reason}" for reason in self.skipped]
        lines += [f"skipped: {count} {kind}" for kind, count in sorted(self.skipped_items.items())]
        lines += [
            f"skipped: {_count(count, 'comment')} ({reason})"
            for reason, count in sorted(self.skipped_comments.items())
        ]
        lines += [
            f"missing media: {path} ({_where(used)}): kept as a link to its old address"
            for path, used in sorted(self.missing_media.items())
        ]
        lines += [
            f"missing download: {path} ({_where(used)}): kept as a link to its old address"
            for path, used in sorted(self.missing_downloads.items())
        ]
        lines += [
            f"alt text guessed from the caption or title (check it in captions.yml): {item}"
            for item in self.guessed_alt
        ]
        lines += [f"external image kept as a link: {url}" for url in self.external_images]
        lines += [f"unknown shortcode left as text: {item}" for item in self.shortcodes]
        lines += [
            f"kept (edited since the last import; --force overwrites): {path}" for path in self.kept
        ]
        lines.append(f"files: {len(self.written)} written, {len(self.unchanged)} unchanged")
        return lines


def _where(used: list[str]) -> str:
    """Where a missing file is used: the first place, and how many more."""
    places = list(dict.fromkeys(used))
    more = f" and {len(places) - 1} more" if len(places) > 1 else ""
    uses = f", {len(used)} uses" if len(used) > len(places) else ""
    return f"in {places[0]}{more}{uses}"


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
