"""The markup for an annotated term, shared by the Markdown extension and the page.

On the site a term is ruby (the reading above it, the meaning as its title); in email, where
ruby and tooltips are unreliable, it is plain text: "国家 (guójiā, nation)".
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from travelog.glossary.model import Term

TERM_CLASS = "travelog-term"
PINYIN_LANG = "zh-Latn-pinyin"
SEARCH_EXCLUDE = "data-search-exclude"  # Material's search skips elements with it


def reading_lang(lang: str) -> str | None:
    """The language tag of a reading: pinyin for Chinese; otherwise the term's own."""
    return PINYIN_LANG if lang.split("-")[0] == "zh" else None


def ruby_element(term: Term) -> etree.Element:
    """``<ruby lang title>国<rp>(</rp><rt>guó</rt><rp>)</rp>…</ruby>``.

    One ``rt`` per character when the reading is split into syllables, else one for the word.
    The ``rp`` parentheses show where ruby is not supported (feed readers, copied text).
    Readings are excluded from Material's search index, so a search for 国家 finds the term.
    """
    ruby = etree.Element("ruby", {"class": TERM_CLASS, "lang": term.lang})
    if term.tooltip:
        ruby.set("title", term.tooltip)
    pairs = (
        list(zip(term.text, term.syllables, strict=True))
        if len(term.syllables) == len(term.text)
        else [(term.text, term.reading)]
    )
    ruby.text = ""
    last: etree.Element | None = None
    for base, reading in pairs:
        if last is None:
            ruby.text += base
        else:
            last.tail = base
        etree.SubElement(ruby, "rp", {SEARCH_EXCLUDE: ""}).text = "("
        rt = etree.SubElement(ruby, "rt", {SEARCH_EXCLUDE: ""})
        rt.text = reading
        if lang := reading_lang(term.lang):
            rt.set("lang", lang)
        last = etree.SubElement(ruby, "rp", {SEARCH_EXCLUDE: ""})
        last.text = ")"
    return ruby


def text_element(term: Term) -> etree.Element:
    """``<span class lang>国家</span>`` followed by `` (guójiā, nation)``, in one span."""
    outer = etree.Element("span", {"class": TERM_CLASS})
    word = etree.SubElement(outer, "span", {"lang": term.lang})
    word.text = term.text
    reading = "".join(term.syllables) if reading_lang(term.lang) else term.reading
    word.tail = " (" + ", ".join(part for part in (reading, term.tooltip) if part) + ")"
    return outer


def base_text(element: etree.Element) -> str:
    """The annotated term inside a term element (its text without the readings)."""
    if element.tag == "span":
        return element[0].text or "" if len(element) else ""
    return (element.text or "") + "".join(child.tail or "" for child in element)


def ruby_html(term: Term) -> str:
    return etree.tostring(ruby_element(term), encoding="unicode", method="html")
