"""Reading time that counts Chinese, Japanese and Korean text by its characters.

Material's blog splits text on non-word characters, so a paragraph of Chinese counts as a
few "words" (squidfunk/mkdocs-material#8161). Here words written with spaces count as
words and CJK characters count one by one, each at its own reading speed.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

WORDS_PER_MINUTE = 265  # Material's default for words
CJK_CHARACTERS_PER_MINUTE = 400  # a common figure for reading Chinese
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"\w+")
_SKIPPED = {"rt", "rp", "script", "style", "code", "pre"}  # readings are not read twice


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def reading_minutes(html: str) -> int:
    """Minutes to read ``html`` (at least one)."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = " ".join(parser.parts)
    characters = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text)))
    minutes = words / WORDS_PER_MINUTE + characters / CJK_CHARACTERS_PER_MINUTE
    return max(1, math.ceil(minutes))
