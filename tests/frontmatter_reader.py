"""Read the example entries' front matter independently of travelog's own parser."""

from __future__ import annotations

import yaml
from conftest import ROOT

POSTS = ROOT / "docs" / "posts"


def example_entries() -> list[dict]:
    entries = []
    for path in sorted(POSTS.glob("*.md")):
        _, front, _ = path.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        meta["file"] = path.name
        entries.append(meta)
    return entries


def published_entries() -> list[dict]:
    return [entry for entry in example_entries() if not entry.get("draft")]


def entry_url(entry: dict) -> str:
    return f"{entry['date']:%Y/%m}/{entry['slug']}/"
