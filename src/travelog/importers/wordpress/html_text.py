"""Small HTML fragments (captions, excerpts) as inline Markdown or plain text."""

from __future__ import annotations

from bs4 import BeautifulSoup
from markdownify import ATX, MarkdownConverter


class _Converter(MarkdownConverter):
    def __init__(self) -> None:
        super().__init__(heading_style=ATX, bullets="-", strip=["span", "font"])


converter = _Converter()


def inline_markdown(html: str) -> str:
    """A fragment (a caption, say) as one line of inline Markdown."""
    return " ".join(converter.convert(html).split())


def plain_text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
