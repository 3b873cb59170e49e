"""WordPress's automatic paragraphs (wpautop): blank lines separate paragraphs, a single
newline inside a paragraph is a line break, and block-level HTML stands on its own.

Classic-editor posts are stored this way, without ``<p>`` tags; block-editor posts already
carry them, and pass through unchanged.
"""

from __future__ import annotations

import re

_BLOCK = (
    r"(?:address|article|aside|blockquote|caption|col|colgroup|dd|details|div|dl|dt|"
    r"fieldset|figcaption|figure|footer|form|h[1-6]|header|hgroup|hr|iframe|legend|li|"
    r"map|math|menu|nav|ol|p|pre|section|style|summary|table|tbody|td|tfoot|th|thead|tr|ul)"
)
# Blocks whose content is itself made of paragraphs (the others hold one run of text).
_CONTAINER = r"(?:article|aside|blockquote|details|div|footer|header|nav|section)"
_BLOCK_OPEN = re.compile(rf"(<{_BLOCK}[\s/>])", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"(</{_BLOCK}>)", re.IGNORECASE)
_CONTAINER_OPEN = re.compile(rf"(<{_CONTAINER}(?:\s[^>]*)?>)", re.IGNORECASE)
_CONTAINER_CLOSE = re.compile(rf"(</{_CONTAINER}>)", re.IGNORECASE)
_STARTS_WITH_BLOCK = re.compile(rf"^</?{_BLOCK}[\s/>]", re.IGNORECASE)
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
_BLANK_LINE = re.compile(r"\n\s*\n")


def autop(text: str) -> str:
    """Wrap loose text in ``<p>``; keep ``<pre>`` blocks exactly as written."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\n\n<pre>\x00{len(kept) - 1}\x00</pre>\n\n"

    text = _PRE.sub(keep, text)
    text = _BLOCK_CLOSE.sub(r"\1\n\n", _BLOCK_OPEN.sub(r"\n\n\1", text))
    text = _CONTAINER_CLOSE.sub(r"\n\n\1", _CONTAINER_OPEN.sub(r"\1\n\n", text))
    chunks = []
    for chunk in _BLANK_LINE.split(text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_WITH_BLOCK.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.replace("\n", "<br />\n") + "</p>")
    joined = "\n".join(chunks)
    return re.sub(r"<pre>\x00(\d+)\x00</pre>", lambda m: kept[int(m.group(1))], joined)
