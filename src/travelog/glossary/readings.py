"""Pronunciations: pinyin generated with pypinyin, written readings split per character.

pypinyin loads its phrase dictionary on import (about half a CPU second), so it is imported
only when a reading is generated, and a journal keeps the readings it generated in
:class:`PinyinCache` for the next build.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from travelog.atomic import write_text_atomic

Syllables = Callable[[str], tuple[str, ...]]

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
# A pinyin syllable starting with a, o or e needs an apostrophe after another syllable (xī'ān).
_VOWEL_START = re.compile(r"^[aoeāáǎàōóǒòēéěè]", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    text: str
    syllables: tuple[str, ...]
    generated: bool


def is_han(text: str) -> bool:
    return bool(text) and all(_HAN.match(char) for char in text)


def generate_syllables(text: str) -> tuple[str, ...]:
    """Mandarin pinyin with tone marks, one syllable per Han character (pypinyin's choice)."""
    from pypinyin import Style, pinyin  # heavy: imported when a reading is first generated

    return tuple(item[0] for item in pinyin(text, style=Style.TONE, strict=True))


class PinyinCache:
    """:func:`generate_syllables` remembered in a JSON file across builds.

    The file is keyed by pypinyin's version, so an upgrade that reads a word differently is
    seen; :meth:`save` writes it only when a reading was added.
    """

    def __init__(self, path: Path):
        self.path = path
        self.version = version("pypinyin")
        self.added = False
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = None
        valid = isinstance(stored, dict) and stored.get("pypinyin") == self.version
        readings = stored.get("readings") if valid else None
        self.readings: dict[str, list[str]] = readings if isinstance(readings, dict) else {}

    def __call__(self, text: str) -> tuple[str, ...]:
        known = self.readings.get(text)
        if isinstance(known, list) and all(isinstance(item, str) for item in known):
            return tuple(known)
        syllables = generate_syllables(text)
        self.readings[text] = list(syllables)
        self.added = True
        return syllables

    def save(self) -> None:
        if self.added:
            data = {"pypinyin": self.version, "readings": self.readings}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True))
            self.added = False


def join_pinyin(syllables: tuple[str, ...] | list[str]) -> str:
    """Write syllables as one pinyin word: 西安 -> xī'ān, 国家 -> guójiā."""
    word = ""
    for syllable in syllables:
        if word and _VOWEL_START.match(syllable):
            word += "'"
        word += syllable
    return word


def resolve_reading(
    text: str, lang: str, written: str | None, syllables_of: Syllables = generate_syllables
) -> Reading | None:
    """The reading of ``text``: the written one, else generated (Chinese characters only).

    A written reading with one space-separated syllable per character gives per-character
    ruby; a Mandarin reading written as one word is split when it matches pypinyin's reading.
    ``syllables_of``: pypinyin's reading (or a :class:`PinyinCache` of it).
    """
    chinese = lang.split("-")[0] == "zh"
    if written is None or not written.strip():
        if not chinese or not _HAN.search(text):
            return None
        syllables = syllables_of(text)
        aligned = is_han(text) and len(syllables) == len(text)
        return Reading(join_pinyin(syllables), syllables if aligned else (), generated=True)
    tokens = written.split()
    if len(tokens) == len(text) and len(tokens) > 1:
        display = join_pinyin(tokens) if chinese else " ".join(tokens)
        return Reading(display, tuple(tokens), generated=False)
    written = " ".join(tokens)
    if len(text) == 1:
        return Reading(written, (written,), generated=False)
    if chinese and is_han(text):
        syllables = syllables_of(text)
        if join_pinyin(syllables).lower() == written.lower():
            return Reading(written, syllables, generated=False)
    return Reading(written, (), generated=False)


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if char.isalnum())


def sort_key(reading: str) -> tuple[str, str]:
    """Alphabetical by letters (tone marks and tone digits ignored), then by the exact form."""
    letters = "".join(char for char in _plain(reading) if not char.isdigit())
    return letters, reading.lower()
