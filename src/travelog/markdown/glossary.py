"""Ruby pronunciation and meaning for glossary terms, an inline syntax, and the glossary page.

- Glossary terms (``docs/glossary.yml``) in an entry's prose become
  ``<ruby lang="zh" title="meaning">国<rt>guó</rt>家<rt>jiā</rt></ruby>``: the first occurrence
  per page (``annotate: first``), every occurrence (``all``) or none (``off``). The longest
  term wins (国家 before 家); code, links, headings and existing ruby are left alone, also
  when written as inline HTML (``<a href=…>家</a>``).
- ``{国家|guó jiā}`` or ``{国家|guó jiā|nation}`` annotates a term explicitly: one not in the
  glossary, or with another reading. An empty reading (``{家||home}``) takes the glossary's
  or a generated one. Explicit annotations are kept even with ``annotate: off``.
- ``<!-- travelog:glossary -->`` on a page at the top of the docs folder becomes the list of
  all terms, sorted by pronunciation, with links to the entries using each.

Register as ``travelog.markdown.glossary`` with the options ``config_file`` (the journal's
mkdocs.yml, default ``mkdocs.yml``; the glossary is in its docs folder), ``docs_dir`` (only to
read a glossary without a journal), ``annotate`` (``first``, ``all`` or ``off``; default
``first``) and ``output`` (``ruby``, or ``text`` for email: "国家 (guójiā, nation)"; default
``ruby``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from travelog.config import SiteSettings, site_for
from travelog.file_readings import read_once
from travelog.glossary import DEFAULT_LANG, GLOSSARY_FILE, Glossary, Term, load_glossary
from travelog.glossary.page import glossary_page
from travelog.glossary.readings import resolve_reading
from travelog.glossary.ruby import TERM_CLASS, base_text, ruby_element, text_element
from travelog.journal import build_journal

PAGE_PRIORITY = 25  # like the topics marker: before html_block (20) stashes the comment
EXPLICIT_PRIORITY = 165  # after backticks (190) and escapes (180), before links (160)
ANNOTATE_PRIORITY = 15  # after inline patterns (20) have built the tree
_RAW_TAG = re.compile(
    r"^<(?P<closing>/)?(?P<name>[A-Za-z][A-Za-z0-9]*)\b[^>]*?(?P<self_closing>/)?>$", re.DOTALL
)
_PAGE_MARKER = re.compile(r"^<!--\s*travelog:glossary\s*-->\s*$")
EXPLICIT_PATTERN = r"\{(?P<term>[^{}|\n]+)\|(?P<reading>[^{}|\n]*)(?:\|(?P<meaning>[^{}\n]*))?\}"
# Content that keeps its words as written: code, links, headings, existing annotations.
SKIPPED_TAGS = frozenset(
    {"code", "pre", "kbd", "samp", "script", "style", "a", "abbr", "ruby", "rt", "rp"}
    | {f"h{level}" for level in range(1, 7)}
)


class Annotate(StrEnum):
    FIRST = "first"
    ALL = "all"
    OFF = "off"


_E = TypeVar("_E", bound=StrEnum)


class Output(StrEnum):
    RUBY = "ruby"
    TEXT = "text"


TermMarkup = Callable[[Term], etree.Element]
MARKUP: dict[Output, TermMarkup] = {Output.RUBY: ruby_element, Output.TEXT: text_element}


class _GlossarySource:
    """The glossary of one docs folder, read when a page first needs it.

    Reading lazily keeps a broken glossary out of MkDocs' extension check, so the travelog
    plugin and commands report it first, as one line.
    """

    def __init__(self, config_file: Path, docs_dir: Path | None):
        self.config_file = config_file
        self.given_docs_dir = docs_dir

    def site(self) -> SiteSettings:
        return site_for(self.config_file)

    @property
    def docs_dir(self) -> Path:
        return self.given_docs_dir or self.site().docs_dir

    def get(self) -> Glossary:
        if self.given_docs_dir is not None:
            docs_dir = self.given_docs_dir
            return read_once(docs_dir / GLOSSARY_FILE, load_glossary, docs_dir)
        site = self.site()
        return read_once(site.docs_dir / GLOSSARY_FILE, _journal_glossary, site)


def _journal_glossary(site: SiteSettings) -> Glossary:
    """The glossary of a journal, its generated readings kept in the journal's cache."""
    return load_glossary(site.docs_dir, site.project_dir)


class GlossaryPagePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, source: _GlossarySource):
        super().__init__(md)
        self.source = source

    def run(self, lines: list[str]) -> list[str]:
        if not any("travelog:glossary" in line for line in lines):
            return lines
        output: list[str] = []
        for line in lines:
            if _PAGE_MARKER.match(line):
                journal = build_journal(self.source.site())
                output.extend(glossary_page(journal, self.source.get(), self.md.htmlStash.store))
            else:
                output.append(line)
        return output


class ExplicitTermProcessor(InlineProcessor):
    """``{term|reading|meaning}`` -> a ruby element."""

    def __init__(self, pattern: str, md: Markdown, source: _GlossarySource, markup: TermMarkup):
        super().__init__(pattern, md)
        self.source = source
        self.markup = markup

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:
        text = m["term"].strip()
        if not text:
            return None, m.start(0), m.end(0)
        known = self.source.get().get(text)
        lang = known.lang if known else DEFAULT_LANG
        written = m["reading"].strip() or (known.reading if known else None)
        reading = resolve_reading(text, lang, written)
        if reading is None:
            return None, m.start(0), m.end(0)
        meaning = (m["meaning"] or "").strip()
        base = known or Term(text=text, lang=lang, reading="", syllables=(), meaning="")
        term = replace(
            base,
            reading=reading.text,
            syllables=reading.syllables,
            meaning=meaning or base.meaning,
            literal=base.literal if not meaning else "",
        )
        return self.markup(term), m.start(0), m.end(0)


class AnnotateTreeprocessor(Treeprocessor):
    """Wraps glossary terms in the page's prose in ruby, in document order."""

    def __init__(self, md: Markdown, source: _GlossarySource, mode: Annotate, markup: TermMarkup):
        super().__init__(md)
        self.source = source
        self.mode = mode
        self.markup = markup
        self.seen: set[str] = set()
        self.raw_open: list[str] = []

    def run(self, root: etree.Element) -> None:
        # One conversion is one page: "first" restarts on every page.
        self.seen = set()
        self.raw_open = []
        glossary = self.source.get()
        if self.mode is Annotate.OFF or glossary.pattern is None:
            return
        self._walk(root, glossary)

    def _walk(self, element: etree.Element, glossary: Glossary) -> None:
        if element.tag in ("ruby", "span") and TERM_CLASS in (element.get("class") or ""):
            self.seen.add(base_text(element))
            return
        if element.tag in SKIPPED_TAGS:
            return
        children = list(element)
        if element.text and not isinstance(element.text, AtomicString):
            element.text, new = self._split(element.text, glossary)
            for offset, ruby in enumerate(new):
                element.insert(offset, ruby)
        for child in children:
            self._walk(child, glossary)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, new = self._split(child.tail, glossary)
                position = list(element).index(child) + 1
                for offset, ruby in enumerate(new):
                    element.insert(position + offset, ruby)

    def _split(self, text: str, glossary: Glossary) -> tuple[str, list[etree.Element]]:
        """Text before the first annotated term, and ruby elements carrying the rest as tails."""
        assert glossary.pattern is not None
        lead = ""
        rubies: list[etree.Element] = []
        position = 0
        for start, end, term in self._matches(text, glossary):
            if self.mode is Annotate.FIRST and term.text in self.seen:
                continue
            self.seen.add(term.text)
            ruby = self.markup(term)
            if rubies:
                rubies[-1].tail = text[position:start]
            else:
                lead = text[position:start]
            ruby.tail = ""
            rubies.append(ruby)
            position = end
        if not rubies:
            return text, []
        rubies[-1].tail = text[position:]
        return lead, rubies

    def _matches(self, text: str, glossary: Glossary) -> Iterator[tuple[int, int, Term]]:
        """Term matches outside stashed raw HTML and outside raw HTML tags we skip (``<a>``).

        Inline HTML reaches the tree as placeholders around plain text, so ``<a>家</a>`` is
        tracked here, in document order, across text nodes.
        """
        assert glossary.pattern is not None
        position = 0
        for placeholder in [*HTML_PLACEHOLDER_RE.finditer(text), None]:
            end = placeholder.start() if placeholder else len(text)
            if not self.raw_open:
                for match in glossary.pattern.finditer(text, position, end):
                    term = glossary.get(match.group())
                    if term is not None:
                        yield match.start(), match.end(), term
            if placeholder is not None:
                self._track_raw_tag(int(placeholder.group(1)))
                position = placeholder.end()

    def _track_raw_tag(self, index: int) -> None:
        blocks = self.md.htmlStash.rawHtmlBlocks
        raw = blocks[index] if index < len(blocks) else None
        if not isinstance(raw, str) or not (tag := _RAW_TAG.match(raw)):
            return
        name = tag["name"].lower()
        if name not in SKIPPED_TAGS or tag["self_closing"]:
            return
        if tag["closing"]:
            if self.raw_open and self.raw_open[-1] == name:
                self.raw_open.pop()
        else:
            self.raw_open.append(name)


class GlossaryExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "config_file": ["mkdocs.yml", "The journal's mkdocs.yml (relative to the cwd)."],
            "docs_dir": ["", "A docs folder to read the glossary from without a journal."],
            "annotate": ["first", "Which occurrences get ruby: first (per page), all or off."],
            "output": ["ruby", "ruby (the site) or text (email): 国家 (guójiā, nation)."],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        mode = _choice(Annotate, "annotate", str(self.getConfig("annotate")))
        markup = MARKUP[_choice(Output, "output", str(self.getConfig("output")))]
        docs_dir = str(self.getConfig("docs_dir"))
        source = _GlossarySource(
            Path(self.getConfig("config_file")), Path(docs_dir) if docs_dir else None
        )
        md.preprocessors.register(
            GlossaryPagePreprocessor(md, source), "travelog_glossary_page", PAGE_PRIORITY
        )
        md.inlinePatterns.register(
            ExplicitTermProcessor(EXPLICIT_PATTERN, md, source, markup),
            "travelog_glossary_explicit",
            EXPLICIT_PRIORITY,
        )
        md.treeprocessors.register(
            AnnotateTreeprocessor(md, source, mode, markup),
            "travelog_glossary",
            ANNOTATE_PRIORITY,
        )


def _choice(kind: type[_E], option: str, value: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(item.value for item in kind)
        raise ValueError(f"{option}: expected one of {choices} but received {value!r}") from None


def makeExtension(**kwargs) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
