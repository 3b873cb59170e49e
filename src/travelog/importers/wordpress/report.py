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
    photos: int = 0
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    skipped_items: Counter[str] = field(default_factory=Counter)
    skipped_comments: Counter[str] = field(default_factory=Counter)
    missing_media: list[str] = field(default_factory=list)
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
            f"{_count(self.comments, 'comment')}, {_count(self.photos, 'photo')}; "
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
        lines += [f"missing media: {item}" for item in self.missing_media]
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


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
