"""Whole-site checks that run before any engine builds: the journal and its topic pages."""

from __future__ import annotations

import re

from travelog.config import TAGS_DIR, SiteSettings
from travelog.errors import TopicError
from travelog.glossary import load_glossary
from travelog.journal import Journal, load_journal
from travelog.text_files import read_text

_TOPIC_MARKER = re.compile(r"<!--\s*travelog:topic\s+(?P<name>[^>]+?)\s*-->")


def check_journal(site: SiteSettings) -> Journal:
    """Load and validate the journal and its glossary; every topic must have its page."""
    docs_dir = site.docs_dir
    journal = load_journal(site)
    load_glossary(docs_dir)
    for topic in journal.topics.topics:
        page = docs_dir / topic.page_path
        if not page.is_file():
            raise TopicError(
                f"tag {topic.name!r} has no page {TAGS_DIR}/{topic.slug}.md; "
                "run `travelog tags sync` to create it",
                path=journal.topics.path,
            )
    for page in sorted((docs_dir / TAGS_DIR).glob("*.md")):
        for match in _TOPIC_MARKER.finditer(read_text(page)):
            if journal.topics.get(match["name"]) is None:
                raise TopicError(
                    f"marker names unknown tag {match['name']!r}; add it to "
                    f"{journal.topics.path.name} or delete this page",
                    path=page,
                )
    return journal
