"""Caption sidecars (``photos/<folder>/captions.yml``) and the precedence rule.

Precedence, field by field: what the Markdown line says, then the sidecar, then the
description embedded in the file (the camera's or editor's ImageDescription).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from travelog.errors import TravelogError
from travelog.text_files import read_text

SIDECAR = "captions.yml"
FIELDS = ("caption", "alt", "credit", "focus")
#: ``focus: 30% 60%``: the point a crop keeps, from the left and from the top.
_FOCUS = re.compile(r"(\d{1,3}(?:\.\d+)?)%\s+(\d{1,3}(?:\.\d+)?)%")


@dataclass(frozen=True)
class Captions:
    caption: str = ""
    alt: str = ""
    credit: str = ""
    focus: str = ""


def focus_point(text: str) -> str | None:
    """``"30% 60%"`` normalised, or None when it is not two percentages from 0 to 100."""
    match = _FOCUS.fullmatch(text.strip())
    if not match or any(float(value) > 100 for value in match.groups()):
        return None
    return f"{match[1]}% {match[2]}%"


def load_sidecar(folder: Path) -> dict[str, Captions]:
    """File name -> captions for one folder; an absent sidecar is an empty mapping."""
    path = folder / SIDECAR
    if not path.is_file():
        return {}
    try:
        root = yaml.compose(read_text(path), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise TravelogError(
            "invalid YAML; fix the syntax", path=path, line=mark.line + 1 if mark else None
        ) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        raise TravelogError("expected a mapping of file name to caption, alt, credit", path=path)
    result: dict[str, Captions] = {}
    for key_node, value_node in root.value:
        name = key_node.value
        line = key_node.start_mark.line + 1
        if not isinstance(value_node, yaml.MappingNode):
            raise TravelogError(
                f"{name}: expected caption/alt/credit keys under the file name",
                path=path,
                line=line,
            )
        fields: dict[str, str] = {}
        for field_key, field_value in value_node.value:
            field_line = field_key.start_mark.line + 1
            if field_key.value not in FIELDS:
                raise TravelogError(
                    f"{name}: unknown key {field_key.value!r}; use {', '.join(FIELDS)}",
                    path=path,
                    line=field_line,
                )
            if not isinstance(field_value, yaml.ScalarNode) or field_value.tag.endswith(":null"):
                raise TravelogError(
                    f"{name}.{field_key.value}: expected text", path=path, line=field_line
                )
            fields[field_key.value] = " ".join(str(field_value.value).split())
            if field_key.value == "focus":
                point = focus_point(fields["focus"])
                if point is None:
                    raise TravelogError(
                        f'{name}.focus: expected two percentages like "30% 60%" (from the '
                        "left, from the top)",
                        path=path,
                        line=field_line,
                    )
                fields["focus"] = point
        result[name] = Captions(**fields)
    return result


def resolve(markdown_alt: str, markdown_title: str, sidecar: Captions, embedded: str) -> Captions:
    """Apply the precedence Markdown > sidecar > embedded description."""
    return Captions(
        caption=markdown_title or sidecar.caption or embedded,
        alt=markdown_alt or sidecar.alt or embedded,
        credit=sidecar.credit,
        focus=sidecar.focus,
    )
