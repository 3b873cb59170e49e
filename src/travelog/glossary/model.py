"""Glossary terms and the longest-match pattern that finds them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from travelog.glossary.readings import sort_key

DEFAULT_LANG = "zh"
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Term:
    """One glossary term.

    ``syllables`` pairs one reading with each character of ``text`` (per-character ruby); it is
    empty when the reading cannot be split, and the whole word then carries ``reading``.
    """

    text: str
    lang: str
    reading: str
    syllables: tuple[str, ...]
    meaning: str
    literal: str = ""
    note: str = ""
    generated: bool = False

    @property
    def tooltip(self) -> str:
        if self.literal:
            return f"{self.meaning}; literally “{self.literal}”"
        return self.meaning

    @property
    def anchor(self) -> str:
        """An id for the term on the glossary page, stable and ASCII where possible."""
        base = re.sub(r"[^a-z0-9]+", "-", sort_key(self.reading)[0]).strip("-")
        return f"term-{base or 'x'}-{'-'.join(f'{ord(char):x}' for char in self.text)}"


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: tuple[Term, ...]

    def get(self, text: str) -> Term | None:
        return self._by_text.get(text)

    def sorted_terms(self) -> list[Term]:
        """Terms ordered by pronunciation (tone marks ignored, then by tone), then by term."""
        return sorted(self.terms, key=lambda term: (sort_key(term.reading), term.text))

    @cached_property
    def _by_text(self) -> dict[str, Term]:
        return {term.text: term for term in self.terms}

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Matches any term; longer terms first, so 国家 wins over 家."""
        if not self.terms:
            return None
        ordered = sorted(self._by_text, key=len, reverse=True)
        return re.compile("|".join(_term_regex(text) for text in ordered))


def _term_regex(text: str) -> str:
    """A term's regex; Latin-script terms only match whole words."""
    regex = re.escape(text)
    if _LATIN.match(text[0]):
        regex = f"(?<![A-Za-z]){regex}"
    if _LATIN.match(text[-1]):
        regex = f"{regex}(?![A-Za-z])"
    return regex
