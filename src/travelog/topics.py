"""The topic registry: every allowed tag with a one-paragraph description.

The registry is ``docs/topics.yml``, a mapping of tag name to description. Each tag has a
page at ``docs/tags/<slug>.md`` holding the marker ``<!-- travelog:topic NAME -->``, which the
``travelog.markdown.topics`` extension expands; ``travelog tags sync`` writes missing pages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from travelog.atomic import write_text_atomic
from travelog.config import TAGS_DIR
from travelog.errors import TopicError
from travelog.slugs import tag_slug
from travelog.text_files import read_text
from travelog.yaml_loader import load_yaml

REGISTRY_FILE = "topics.yml"
REGISTRY_HEADER = (
    "# The topics (tags) this journal allows. Each needs a page docs/tags/<slug>.md:\n"
    "# run `travelog tags sync` after adding one.\n"
)
# Lower-case letters of any script, digits, single spaces or hyphens between words, and "+"
# (c++): safe in YAML, file names and URLs alike.
_TAG_NAME = re.compile(r"^[^\W_]+\+*(?:[ -][^\W_]+\+*)*$")


def is_tag_name(name: object) -> bool:
    """Whether ``name`` can name a tag in the registry."""
    if not isinstance(name, str) or name != name.lower():
        return False
    # Combining marks (Devanagari vowel signs, accents written apart) belong to their letter.
    base = "".join(char for char in name if not unicodedata.category(char).startswith("M"))
    return bool(_TAG_NAME.match(base))


@dataclass(frozen=True)
class Topic:
    name: str
    description: str

    @property
    def slug(self) -> str:
        return tag_slug(self.name)

    @property
    def url(self) -> str:
        return f"{TAGS_DIR}/{self.slug}/"

    @property
    def page_path(self) -> str:
        return f"{TAGS_DIR}/{self.slug}.md"


@dataclass(frozen=True)
class TopicRegistry:
    path: Path
    topics: tuple[Topic, ...]

    def names(self) -> list[str]:
        return [topic.name for topic in self.topics]

    def get(self, name: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.name == name), None)


def load_topics(docs_dir: Path) -> TopicRegistry:
    path = docs_dir / REGISTRY_FILE
    if not path.is_file():
        raise TopicError(
            "topic registry missing; create it with one 'tag: description' line per tag",
            path=path,
        )
    try:
        data = load_yaml(read_text(path))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise TopicError(
            "invalid YAML; fix the syntax", path=path, line=mark.line + 1 if mark else None
        ) from None
    if not isinstance(data, dict) or not data:
        raise TopicError("expected a mapping of tag name to description", path=path)
    topics = []
    for name, description in data.items():
        if not is_tag_name(name):
            raise TopicError(
                f"tag {name!r}: use lower-case letters (any script), digits, single spaces or "
                "hyphens between words, and + after a word",
                path=path,
            )
        if not isinstance(description, str) or not description.strip():
            raise TopicError(
                f"tag {name!r} has no description; give it a one-paragraph description",
                path=path,
            )
        topics.append(Topic(name=name, description=" ".join(description.split())))
    return TopicRegistry(path=path, topics=tuple(topics))


def missing_tag_pages(docs_dir: Path, registry: TopicRegistry) -> list[Topic]:
    return [topic for topic in registry.topics if not (docs_dir / topic.page_path).is_file()]


def tag_page_text(topic: Topic) -> str:
    return f"<!-- travelog:topic {topic.name} -->\n"


TAGS_INDEX_TEXT = "# Topics\n\n<!-- travelog:topics -->\n"


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
