"""WordPress HTML as the Markdown the journal's engine reads back to the same page.

markdownify does the conversion; this subclass fits its output to Python-Markdown (as the
journal configures it: ``sane_lists``, ``def_list``, ``tables``, ``fenced_code``): list
items indented by four spaces so nested lists stay nested, adjacent lists kept apart, code
blocks with their language, ``<sub>``/``<sup>`` kept, and text escaped wherever Markdown
would read it as syntax (``#travel``, ``1986. A year``, ``> x``, ``- x``, ``===``,
a stray ``<tag>``), so the page says what WordPress said. Links and images keep only safe
URLs: ``javascript:``, ``data:`` and ``vbscript:`` ones are dropped (their text is kept).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from bs4 import BeautifulSoup, Tag
from markdownify import ATX, MarkdownConverter

from travelog.escaping import safe_link

LIST_INDENT = 4
FENCE = (
    "```"  # markdownify's code fence  # Python-Markdown's tab length: nested blocks need this much
)
# Syntax Markdown reads at the start of a line, after optional spaces.
_LINE_START = re.compile(
    r"^(?P<space>\s*)(?:(?P<number>\d+)\.(?=\s|$)|(?P<mark>[#>+-])|(?P<equals>=)|(?P<colon>:)(?=\s))"
)
# Text that Python-Markdown would read as an entity or an HTML tag.
_ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")
_TAG_LIKE = re.compile(r"<(?=[A-Za-z/!?])")
_LANGUAGE_CLASS = re.compile(r"^(?:language|lang)-([\w+#-]+)$")
_BRUSH = re.compile(r"brush:\s*([\w+#-]+)")
_LANGUAGE_NAME = re.compile(r"^[\w+#-]{1,30}$")
_EMPTY_ITEM = re.compile(r"^\s*(?:[-+*]|\d+\.)\s*$")


def code_language(pre: Tag) -> str:
    """The language a code block names: ``class="language-x"``, ``lang``, or ``brush: x``."""
    code = pre.find("code")
    candidates = [pre, code] if isinstance(code, Tag) else [pre]
    for node in candidates:
        for name in node.get("class") or []:
            if found := _LANGUAGE_CLASS.match(name):
                return found.group(1)
        lang = str(node.get("lang") or node.get("data-lang") or "")
        if _LANGUAGE_NAME.match(lang):
            return lang
        if found := _BRUSH.search(" ".join(node.get("class") or [])):
            return found.group(1)
    return ""


def escape_line_start(text: str) -> str:
    """Escape what Markdown would read as syntax at the start of ``text``.

    Every replacement reads back as the same character, so escaping text that is not at
    the start of a line changes nothing a reader sees.
    """

    def replace(match: re.Match[str]) -> str:
        space = match["space"]
        if match["number"] is not None:
            return f"{space}{match['number']}\\."
        if match["mark"] is not None:
            return f"{space}\\{match['mark']}"
        if match["equals"] is not None:
            return f"{space}&#61;"
        return f"{space}&#58;"

    return _LINE_START.sub(replace, text, count=1)


# Characters a URL keeps as they are inside Markdown's (...): no space, quote, bracket or <.
_URL_SAFE = ":/?#[]@!$&*+,;=%~.-_"


class _Converter(MarkdownConverter):
    def __init__(self) -> None:
        super().__init__(
            heading_style=ATX,
            bullets="-",
            strip=["span", "font"],
            code_language_callback=code_language,
        )

    def escape(self, text: str, parent_tags: set[str]) -> str:
        text = super().escape(text, parent_tags).replace("`", "\\`")
        text = _TAG_LIKE.sub("&lt;", _ENTITY_LIKE.sub("&amp;", text))
        return escape_line_start(text)

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A list item whose content is indented four spaces, as Python-Markdown needs."""
        text = (text or "").strip()
        if not text:
            return "\n"
        parent = el.parent
        if parent is not None and parent.name == "ol":
            start = str(parent.get("start") or "1")
            first = int(start) if start.isdigit() else 1
            bullet = f"{first + len(el.find_previous_siblings('li'))}."
        else:
            bullet = "-"
        width = max(LIST_INDENT, len(bullet) + 1)
        lines = text.split("\n")
        indented = [lines[0]] + [(" " * width + line) if line else "" for line in lines[1:]]
        return bullet.ljust(width) + "\n".join(indented) + "\n"

    def convert_list(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        converted = super().convert_list(el, text, parent_tags)
        previous = el.find_previous_sibling()
        if "li" not in parent_tags and previous is not None and previous.name == el.name:
            # Two lists in a row would read as one: an empty comment keeps them apart.
            return "\n\n<!-- -->" + converted
        return converted

    convert_ul = convert_list
    convert_ol = convert_list

    def _kept_inline(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"<{el.name}>{text}</{el.name}>" if text.strip() else text

    convert_sub = convert_sup = convert_del = convert_s = _kept_inline
    convert_ins = convert_mark = convert_u = _kept_inline

    def convert_a(self, el, text: str, parent_tags: set[str]) -> str:
        _keep_safe_url(el, "href")
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text: str, parent_tags: set[str]) -> str:
        if not _keep_safe_url(el, "src"):
            return self.escape(str(el.get("alt") or ""), parent_tags)
        return super().convert_img(el, text, parent_tags)


def _keep_safe_url(element, attribute: str) -> bool:
    """Keep ``element[attribute]`` only if it is a safe link, quoted for Markdown."""
    url = safe_link(element.get(attribute))
    if url is None:
        element.attrs.pop(attribute, None)
        return False
    element[attribute] = quote(url, safe=_URL_SAFE)
    return True


converter = _Converter()


def drop_empty_items(markdown: str) -> str:
    """Remove list items left empty (their image moved out as a photo block); code blocks
    are left as they are."""
    kept, fence = [], ""
    for line in markdown.split("\n"):
        stripped = line.strip()
        if fence and stripped == fence:
            fence = ""
        elif not fence and stripped.startswith(FENCE):
            fence = FENCE
        elif not fence and _EMPTY_ITEM.match(line):
            continue
        kept.append(line)
    return "\n".join(kept)


def inline_markdown(fragment: str) -> str:
    """A fragment (a caption, say) as one line of inline Markdown."""
    return " ".join(converter.convert(fragment).split())


def plain_text(fragment: str) -> str:
    """Text only: tags removed, entities decoded (the build escapes it where it lands)."""
    return " ".join(BeautifulSoup(fragment, "html.parser").get_text(" ").split())
