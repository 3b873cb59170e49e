"""Split a Markdown file into its YAML front matter and body, with line-accurate errors."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from travelog.errors import FrontMatterError
from travelog.yaml_loader import load_yaml

_FENCE = re.compile(r"^---[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, line number where the body starts)."""
    if not text.startswith("---"):
        raise FrontMatterError(
            "no front matter; start the file with a '---' line, the YAML keys, and '---'",
            path=path,
            line=1,
        )
    first = text.find("\n")
    closing = _FENCE.search(text, first + 1) if first != -1 else None
    if closing is None:
        raise FrontMatterError(
            "front matter is not closed; add a '---' line after the YAML keys", path=path, line=1
        )
    raw = text[first + 1 : closing.start()]
    try:
        data = load_yaml(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise FrontMatterError(
            f"malformed front matter ({problem}); fix the YAML", path=path, line=line
        ) from None
    if not isinstance(data, dict):
        raise FrontMatterError(
            "front matter must be YAML keys and values (key: value)", path=path, line=2
        )
    body_start = text.count("\n", 0, closing.end()) + 2
    return data, text[closing.end() :].lstrip("\n"), body_start


def key_line(text: str, key: str) -> int | None:
    """The 1-based line of a top-level front matter key, for error messages."""
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
