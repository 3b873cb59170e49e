"""A topic: a tag name the journal allows and its one-paragraph description."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from travelog.config import TAGS_DIR
from travelog.slugs import tag_slug

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
