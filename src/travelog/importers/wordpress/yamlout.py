"""YAML as the journal writes it: keys in order, Unicode kept, dates as ISO 8601 with offset."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _datetime(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    """Several lines read best as a literal block."""
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


class _FlowListDumper(_Dumper):
    """Front matter style: ``tags: [a, b]``."""


def _flow_list(dumper: yaml.SafeDumper, value: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(dt.datetime, _datetime)
_Dumper.add_representer(str, _text)
_FlowListDumper.add_representer(list, _flow_list)


def dump(data: Any, *, flow_lists: bool = False) -> str:
    return yaml.dump(
        data,
        Dumper=_FlowListDumper if flow_lists else _Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
