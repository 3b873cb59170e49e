"""Imported pages in the journal's navigation: ``nav:`` in mkdocs.yml, hierarchy kept.

The new entries are spliced in as text after the last item of ``nav:``, so every comment
and every other line of mkdocs.yml stays as the writer left it. Pages already in the nav
are not added again; without a ``nav:`` MkDocs lists every page by itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from travelog.init.site_config import yaml_scalar


@dataclass
class NavPage:
    """A page (``path`` relative to docs/) and the pages under it."""

    title: str
    path: str
    children: list[NavPage] = field(default_factory=list)


def _last_scalar(node: yaml.Node) -> yaml.Node:
    """The node's last scalar, whose end mark is exact (a block's ends at the next line)."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _paths(node: yaml.Node) -> set[str]:
    if isinstance(node, yaml.ScalarNode):
        return {str(node.value)}
    if isinstance(node, yaml.SequenceNode):
        return set().union(*(_paths(item) for item in node.value))
    if isinstance(node, yaml.MappingNode):
        return set().union(*(_paths(value) for _, value in node.value))
    return set()


def _lines(pages: list[NavPage], indent: str, present: set[str]) -> list[str]:
    lines = []
    for page in pages:
        if page.path in present:
            lines += _lines(page.children, indent, present)
            continue
        title = yaml_scalar(page.title)
        if not page.children:
            lines.append(f"{indent}- {title}: {yaml_scalar(page.path)}")
            continue
        lines.append(f"{indent}- {title}:")
        lines.append(f"{indent}    - {yaml_scalar(page.path)}")
        lines += _lines(page.children, indent + "    ", present)
    return lines


def add_pages(config_text: str, pages: list[NavPage]) -> str:
    """``config_text`` with ``pages`` appended to its ``nav:`` (unchanged without a nav)."""
    root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return config_text
    nav = next(
        (value for key, value in root.value if getattr(key, "value", None) == "nav"),
        None,
    )
    if not isinstance(nav, yaml.SequenceNode) or not nav.value:
        return config_text
    first = nav.value[0]
    indent = " " * max(0, first.start_mark.column - 2)
    added = _lines(pages, indent, _paths(nav))
    if not added:
        return config_text
    end = _last_scalar(nav).end_mark.index
    line_end = config_text.find("\n", end)
    line_end = len(config_text) if line_end < 0 else line_end
    return config_text[:line_end] + "\n" + "\n".join(added) + config_text[line_end:]
