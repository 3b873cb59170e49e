"""A new journal's mkdocs.yml: the example's, with only its example-specific values replaced.

The values are spliced into the text at the positions YAML's composer reports, so every
comment, every other setting and the layout stay exactly as in the example.
"""

from __future__ import annotations

import yaml

from travelog.errors import TravelogError

# A key path through mappings; inside a list (plugins), the item that is a mapping with
# that key, e.g. plugins -> travelog -> timezone.
KeyPath = tuple[str, ...]


def derive_config(example: str, values: dict[KeyPath, str]) -> str:
    """``example`` with the scalar at each key path replaced by its new value."""
    root = yaml.compose(example, Loader=yaml.SafeLoader)
    spans = []
    for path, value in values.items():
        node = _find(root, path)
        if not isinstance(node, yaml.ScalarNode):
            raise TravelogError(f"the packaged mkdocs.yml has no single value at {'.'.join(path)}")
        spans.append((node.start_mark.index, node.end_mark.index, yaml_scalar(value)))
    text = example
    for start, end, replacement in sorted(spans, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def yaml_scalar(value: str) -> str:
    """``value`` as one YAML scalar: plain when that reads back the same, else quoted."""
    if "\n" in value or "\r" in value:
        raise TravelogError(f"{value!r}: write it on one line")
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1_000_000)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _find(node: yaml.Node | None, path: KeyPath) -> yaml.Node | None:
    for key in path:
        if isinstance(node, yaml.SequenceNode):
            node = next(
                (item for item in node.value if _value(item, key) is not None),
                None,
            )
        node = _value(node, key)
        if node is None:
            return None
    return node


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(
        (
            value
            for name, value in node.value
            if isinstance(name, yaml.ScalarNode) and name.value == key
        ),
        None,
    )


def config_value(example: str, path: KeyPath) -> str | None:
    """The plain value at ``path`` in ``example``, if it is a single value."""
    node = _find(yaml.compose(example, Loader=yaml.SafeLoader), path)
    return node.value if isinstance(node, yaml.ScalarNode) else None
