"""The pages a topic needs: ``docs/tags/<slug>.md`` per topic and the topics index, each
holding only the marker that ``travelog.markdown.topics`` expands."""

from __future__ import annotations

from pathlib import Path

from travelog.atomic import write_text_atomic
from travelog.config import TAGS_DIR
from travelog.topics.loader import load_topics
from travelog.topics.model import Topic, TopicRegistry

TAGS_INDEX_TEXT = "# Topics\n\n<!-- travelog:topics -->\n"


def missing_tag_pages(docs_dir: Path, registry: TopicRegistry) -> list[Topic]:
    return [topic for topic in registry.topics if not (docs_dir / topic.page_path).is_file()]


def tag_page_text(topic: Topic) -> str:
    return f"<!-- travelog:topic {topic.name} -->\n"


def sync_tag_pages(docs_dir: Path) -> list[str]:
    """Write every missing tag page and the topics index; their paths relative to docs."""
    registry = load_topics(docs_dir)
    created = []
    for topic in missing_tag_pages(docs_dir, registry):
        write_text_atomic(docs_dir / topic.page_path, tag_page_text(topic))
        created.append(topic.page_path)
    index = docs_dir / TAGS_DIR / "index.md"
    if not index.exists():
        write_text_atomic(index, TAGS_INDEX_TEXT)
        created.append(f"{TAGS_DIR}/index.md")
    return created
