"""Reading the topic registry, ``docs/topics.yml``: a mapping of tag name to description."""

from __future__ import annotations

from pathlib import Path

import yaml

from travelog.errors import TopicError
from travelog.text_files import read_text
from travelog.topics.model import Topic, TopicRegistry, is_tag_name
from travelog.yaml_loader import load_yaml

REGISTRY_FILE = "topics.yml"
REGISTRY_HEADER = (
    "# The topics (tags) this journal allows. Each needs a page docs/tags/<slug>.md:\n"
    "# run `travelog tags sync` after adding one.\n"
)


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
