"""WordPress shortcodes: ``[name attr="value"]...[/name]`` in post content."""

from __future__ import annotations

import re

_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'\]]+))""")
CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL)
CODE = re.compile(r"\[(code|sourcecode)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL)
GALLERY = re.compile(r"\[gallery\b([^\]]*)\]")
EMBED = re.compile(r"\[embed\b[^\]]*\](.*?)\[/embed\]", re.DOTALL)
MEDIA = re.compile(r"\[(audio|video)\b([^\]]*)\](?:.*?\[/\1\])?", re.DOTALL)
_ANY = re.compile(r"\[(/?)([a-z][a-z0-9_-]*)((?:\s[^\]]*)?)\]")


def attributes(text: str) -> dict[str, str]:
    return {
        match[1].lower(): next(value for value in match.groups()[1:] if value is not None)
        for match in _ATTRIBUTE.finditer(text)
    }


def unknown_shortcodes(text: str) -> list[str]:
    """Names of the shortcodes left in ``text``.

    A bracketed word counts as a shortcode when it has attributes, a closing tag or a
    hyphen/underscore in its name, so that ordinary prose such as "[sic]" is not reported.
    """
    found = list(_ANY.finditer(text))
    closed = {m[2] for m in found if m[1]}
    names = [
        m[2]
        for m in found
        if not m[1] and ("=" in m[3] or m[2] in closed or "-" in m[2] or "_" in m[2])
    ]
    return list(dict.fromkeys(names))
