"""Which entries use which terms: the glossary page's backlinks."""

from __future__ import annotations

import re

from travelog.glossary.model import Glossary
from travelog.journal import Entry, Journal

_FENCED_CODE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)


def terms_in(text: str, glossary: Glossary) -> set[str]:
    """Glossary terms in Markdown text, outside code, matched longest first like the ruby."""
    if glossary.pattern is None:
        return set()
    prose = _INLINE_CODE.sub(" ", _FENCED_CODE.sub(" ", text))
    return {match.group() for match in glossary.pattern.finditer(prose)}


def backlinks(journal: Journal, glossary: Glossary) -> dict[str, list[Entry]]:
    """Term -> the published entries using it, newest first."""
    used: dict[str, list[Entry]] = {term.text: [] for term in glossary.terms}
    for entry in journal.published:
        for text in terms_in(entry.body, glossary):
            used[text].append(entry)
    return used
