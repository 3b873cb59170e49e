"""Topics: the tags a journal allows, each with a description and a page.

``docs/topics.yml`` maps each tag name to a one-paragraph description (``loader``, ``model``).
Each topic has a page at ``docs/tags/<slug>.md`` holding the marker
``<!-- travelog:topic NAME -->``, which the ``travelog.markdown.topics`` extension expands;
``travelog tags sync`` writes missing pages (``pages``).

This package sits below the journal model, which checks every entry's tags against the
registry; so nothing here may import ``travelog.journal`` (tests/test_layering.py).
"""

from travelog.topics.loader import REGISTRY_FILE, REGISTRY_HEADER, load_topics
from travelog.topics.model import Topic, TopicRegistry, is_tag_name
from travelog.topics.pages import (
    TAGS_INDEX_TEXT,
    missing_tag_pages,
    sync_tag_pages,
    tag_page_text,
)

__all__ = [
    "REGISTRY_FILE",
    "REGISTRY_HEADER",
    "TAGS_INDEX_TEXT",
    "Topic",
    "TopicRegistry",
    "is_tag_name",
    "load_topics",
    "missing_tag_pages",
    "sync_tag_pages",
    "tag_page_text",
]
