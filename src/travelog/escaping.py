"""One escaping rule per kind of field a writer or an export controls.

- **Plain text** (entry titles and descriptions, author names and descriptions, place and
  tag names, the site's name, author, description and copyright): every character is text.
  :func:`plain` turns it into character references for HTML's special characters *and* for
  Markdown's syntax characters, so the same value is safe in an element, a quoted attribute
  and in Markdown source rendered later (Material's blog writes titles into Markdown): no
  tag and no ``[link](javascript:…)`` can come out of it, and it still reads as written.
- **Markdown by design** (topic descriptions): rendered, then cleaned by the same allow-list
  sanitizer as comments (:func:`markdown_html`).
- **Links a writer gives** (author pages, avatars): kept only when they are relative or
  http(s)/mailto (:func:`safe_link`); ``javascript:``, ``data:`` and ``vbscript:`` never reach
  an ``href`` or ``src``.

Material's templates print most fields raw (MkDocs renders them without autoescaping), so
travelog escapes the data before the templates see it (see ``travelog.template_data``);
escaped values are :class:`markupsafe.Markup`, which a template's own ``|e`` leaves alone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import markdown
from markupsafe import Markup

from travelog.comments.sanitize import clean_text

#: HTML's special characters and the characters that make Markdown (links, images, emphasis,
#: code, headings, attribute lists, glossary terms), as numeric character references.
_PLAIN = str.maketrans({char: f"&#{ord(char)};" for char in "&<>\"'\\`*_{}[]()#!"})
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def plain(text: object) -> Markup:
    """Plain text for HTML (element text or a quoted attribute) and for Markdown source."""
    if isinstance(text, Markup):
        return text
    return Markup(str(text).translate(_PLAIN))


def markdown_html(text: str, *, inline: bool = False) -> str:
    """A Markdown field rendered and cleaned like a comment (allow-listed tags and links).
    ``inline`` drops the paragraph around a one-paragraph text, for use inside a line."""
    cleaned = clean_text(markdown.markdown(text))
    if inline and cleaned.startswith("<p>") and cleaned.endswith("</p>"):
        inner = cleaned[3:-4]
        if "<p>" not in inner:
            return inner
    return cleaned


def safe_striptags(value: object) -> Markup:
    """Jinja's ``striptags`` that returns escaped text.

    The stock filter strips tags and then *unescapes* entities, so an escaped title like
    ``&lt;script&gt;`` would come out as a live tag where autoescaping is off (MkDocs)."""
    return plain(Markup(str(value)).striptags())


def safe_link(url: object) -> str | None:
    """``url`` if it is relative or http(s)/mailto, else None."""
    if not isinstance(url, str):
        return None
    candidate = "".join(url.split())  # browsers ignore whitespace inside a scheme
    if not candidate:
        return None
    try:
        scheme = urlsplit(candidate).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in SAFE_LINK_SCHEMES:
        return None
    if any(ord(char) < 0x20 for char in url):
        return None
    return url.strip()
