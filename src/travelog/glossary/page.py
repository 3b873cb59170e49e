"""The glossary page: every term sorted by pronunciation, with meaning and the entries using it.

The output is Markdown (links to the entries' source files, so both MkDocs and Zensical
resolve them) for a page at the top of the docs folder, such as ``docs/glossary.md``.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from travelog.escaping import plain
from travelog.glossary.model import Glossary, Term
from travelog.glossary.ruby import reading_lang
from travelog.glossary.usage import backlinks
from travelog.journal import Entry, Journal


def glossary_page(
    journal: Journal, glossary: Glossary, stash: Callable[[str], str] = lambda html: html
) -> list[str]:
    """Markdown lines; ``stash`` keeps each term's HTML away from later processing."""
    if not glossary.terms:
        return [f"*The glossary is empty: add terms to {glossary.path.name}.*", ""]
    used = backlinks(journal, glossary)
    lines: list[str] = []
    for term in glossary.sorted_terms():
        lines.append(f"- {stash(_headline(term))}")
        entries = used[term.text]
        if entries:
            links = ", ".join(_entry_link(entry) for entry in entries)
            lines.append(f"  <br>Used in: {links}")
        else:
            lines.append("  <br>Not used in any entry yet.")
    return [*lines, ""]


def _headline(term: Term) -> str:
    reading_attr = f' lang="{lang}"' if (lang := reading_lang(term.lang)) else ""
    parts = [
        f'<span class="travelog-glossary-term" id="{term.anchor}" lang="{escape(term.lang)}">'
        f"{escape(term.text)}</span>",
        f'<span class="travelog-glossary-reading"{reading_attr}>{escape(term.reading)}</span>',
        f"— {escape(term.meaning)}",
    ]
    headline = " ".join(parts)
    if term.literal:
        headline += f"; literally “{escape(term.literal)}”"
    if term.note:
        headline += f". {escape(term.note)}"
    return headline


def _entry_link(entry: Entry) -> str:
    return f"[{plain(entry.title)}]({entry.src_path})"
