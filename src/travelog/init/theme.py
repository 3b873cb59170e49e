"""The theme parts shipped in the package: the example journal's own files, via symlinks.

``travelog/theme/`` links to the example's ``overrides/``, ``docs/assets/travelog/`` and
``mkdocs.yml``, so a wheel carries copies of exactly those files and nothing is kept twice.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

# Packaged part -> where it goes in a journal.
THEME_PARTS = {"overrides": "overrides", "assets": "docs/assets/travelog"}
CONFIG_FILE = "mkdocs.yml"


def theme_root() -> Traversable:
    return files("travelog") / "theme"


def example_config() -> str:
    """The example journal's mkdocs.yml, as shipped."""
    return (theme_root() / CONFIG_FILE).read_text(encoding="utf-8")


def theme_files() -> dict[str, bytes]:
    """Every packaged theme file by its path in a journal (``overrides/main.html``...)."""
    found: dict[str, bytes] = {}
    for part, destination in THEME_PARTS.items():
        _collect(theme_root() / part, destination, found)
    return found


def _collect(node: Traversable, relative: str, found: dict[str, bytes]) -> None:
    if node.is_dir():
        for child in sorted(node.iterdir(), key=lambda child: child.name):
            if child.name != "__pycache__":
                _collect(child, f"{relative}/{child.name}", found)
    elif node.is_file():
        found[relative] = node.read_bytes()
