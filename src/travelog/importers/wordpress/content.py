"""WordPress post HTML to this journal's Markdown.

Order matters: shortcodes are cut out first (their inner HTML is not paragraph text), then
WordPress's automatic paragraphs are applied, then the HTML tree is adjusted (photos, embeds,
links between imported posts) and markdownify writes the Markdown. Photos and galleries are
held as placeholder words during conversion and put back as whole Markdown blocks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from bs4 import BeautifulSoup, NavigableString, Tag

from travelog.importers.wordpress import shortcodes
from travelog.importers.wordpress.autop import autop
from travelog.importers.wordpress.html_text import converter, drop_empty_items, inline_markdown
from travelog.importers.wordpress.media import Attachment
from travelog.importers.wordpress.photos import PostPhotos, escape_label
from travelog.journal import EXCERPT_SEPARATOR
from travelog.photos.step import SUPPORTED_SUFFIXES

_MORE = re.compile(r"<!--\s*more\b.*?-->", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TOKEN = re.compile(r"TLBLOCK(\d+)Z")
_MORE_TOKEN = "TLMOREZ"
_URL_ONLY = re.compile(r"^https?://\S+$")
_WP_IMAGE_CLASS = re.compile(r"^wp-image-(\d+)$")
_BLANK_LINES = re.compile(r"\n{3,}")
GALLERY_OPENING = "::: gallery"
_LANGUAGE = re.compile(r"^[\w+#-]{1,30}$")
# Block-editor galleries (nested figures since WordPress 5.9, a list before) and Jetpack's.
_GALLERY_CLASSES = ["wp-block-gallery", "blocks-gallery-grid", "tiled-gallery"]

LinkTarget = Callable[[str], str | None]


@dataclass
class Converted:
    markdown: str
    unknown_shortcodes: list[str]
    external_images: list[str] = field(default_factory=list)


class _Blocks:
    """Placeholder words standing for Markdown blocks during conversion."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def token(self, markdown: str) -> str:
        self.blocks.append(markdown)
        return f"TLBLOCK{len(self.blocks) - 1}Z"

    def restore(self, text: str) -> str:
        return _TOKEN.sub(lambda m: f"\n\n{self.blocks[int(m.group(1))]}\n\n", text)


def to_markdown(
    html: str,
    photos: PostPhotos,
    link_target: LinkTarget,
    *,
    excerpt: bool = True,
    lead: Attachment | None = None,
) -> Converted:
    """Convert one post body; ``link_target`` maps an old URL to its new relative link.

    With ``excerpt`` (entries), the body gets the excerpt separator the blog requires.
    ``lead`` (the featured image) opens the body when the body does not show it already.
    """
    blocks = _Blocks()
    text = _MORE.sub(f"\n\n{_MORE_TOKEN}\n\n", html)
    text = _COMMENT.sub("", text)
    text = shortcodes.CODE.sub(_code, text)
    text = shortcodes.CAPTION.sub(lambda m: _caption(m, photos, blocks), text)
    text = shortcodes.GALLERY.sub(lambda m: _gallery(m, photos, blocks), text)
    text = shortcodes.EMBED.sub(lambda m: f"\n\n{m.group(1).strip()}\n\n", text)
    text = shortcodes.MEDIA.sub(lambda m: _media_link(m), text)
    unknown = shortcodes.unknown_shortcodes(text)
    soup = BeautifulSoup(autop(text), "html.parser")
    for node in soup.find_all(["script", "style", "noscript"]):
        node.decompose()
    external = _block_galleries(soup, photos, blocks)
    external += _photos(soup, photos, blocks)
    _embeds(soup)
    _links(soup, link_target)
    markdown = drop_empty_items(blocks.restore(converter.convert_soup(soup)))
    markdown = _BLANK_LINES.sub("\n\n", "\n".join(_trim(line) for line in markdown.splitlines()))
    markdown = markdown.strip()
    if excerpt:
        markdown = _with_excerpt(markdown)
    else:
        markdown = _BLANK_LINES.sub("\n\n", markdown.replace(_MORE_TOKEN, "")).strip()
    if lead is not None and lead.original not in photos.used:
        markdown = f"{photos.markdown(lead)}\n\n{markdown}"
    return Converted(photos.finish(markdown), unknown, external)


def _trim(line: str) -> str:
    """Drop trailing spaces, except the two that mark a line break."""
    stripped = line.rstrip()
    return line if stripped and line[len(stripped) :] == "  " else stripped


def _with_excerpt(markdown: str) -> str:
    """Keep WordPress's "more" split; without one, the first paragraph is the excerpt."""
    if _MORE_TOKEN in markdown:
        return markdown.replace(_MORE_TOKEN, EXCERPT_SEPARATOR, 1).replace(_MORE_TOKEN, "")
    first, _, rest = markdown.partition("\n\n")
    return f"{first}\n\n{EXCERPT_SEPARATOR}" + (f"\n\n{rest}" if rest else "")


def _caption(match: re.Match[str], photos: PostPhotos, blocks: _Blocks) -> str:
    """``[caption]<a><img></a> Text[/caption]`` becomes one photo with its caption."""
    attributes = shortcodes.attributes(match.group(2))
    inner = BeautifulSoup(match.group(3), "html.parser")
    image = inner.find("img")
    if not isinstance(image, Tag):
        return match.group(3)
    _wrapper(image).extract()
    caption = inline_markdown(str(inner)) or attributes.get("caption", "")
    attachment_id = attributes.get("id", "").removeprefix("attachment_")
    attachment = photos.library.resolve(
        str(image.get("src", "")), attachment_id or _image_id(image)
    )
    if attachment is None:
        return f"\n\n[{caption or image.get('alt') or 'Photo'}]({image.get('src')})\n\n"
    line = photos.markdown(attachment, alt=str(image.get("alt", "")), caption=caption)
    return f"\n\n{blocks.token(line)}\n\n"


def _gallery(match: re.Match[str], photos: PostPhotos, blocks: _Blocks) -> str:
    """``[gallery ids="1,2"]`` (or every image attached to the post) as a gallery block."""
    attributes = shortcodes.attributes(match.group(1))
    ids = [i.strip() for i in (attributes.get("ids") or attributes.get("include", "")).split(",")]
    library = photos.library
    if any(ids):
        members = [library.by_id[i] for i in ids if i in library.by_id]
    else:
        members = library.children(photos.post_id)
    lines = [photos.markdown(attachment) for attachment in members if _is_image(attachment)]
    return _gallery_tokens(lines, photos, blocks)


def _gallery_tokens(lines: list[str], photos: PostPhotos, blocks: _Blocks) -> str:
    """A ``::: gallery`` block of the photos found, then a list of links to missing ones."""
    shown = [line for line in lines if photos.is_photo(line)]
    links = ["- " + line.replace("\n", "\n    ") for line in lines if not photos.is_photo(line)]
    parts = []
    if shown:
        parts.append("\n".join([GALLERY_OPENING, *shown, ":::"]))
    if links:
        parts.append("\n".join(links))
    return "".join(f"\n\n{blocks.token(part)}\n\n" for part in parts)


def _is_image(attachment: Attachment) -> bool:
    return PurePosixPath(attachment.original).suffix.lower() in SUPPORTED_SUFFIXES


def _code(match: re.Match[str]) -> str:
    """``[code lang="python"]...[/code]`` (and ``[sourcecode]``) as a code block."""
    attributes = shortcodes.attributes(match.group(2))
    language = attributes.get("language") or attributes.get("lang") or ""
    language = language if _LANGUAGE.match(language) else ""
    css = f' class="language-{language}"' if language else ""
    return f"\n\n<pre><code{css}>{match.group(3).strip(chr(10))}</code></pre>\n\n"


def _block_galleries(soup: BeautifulSoup, photos: PostPhotos, blocks: _Blocks) -> list[str]:
    """Block-editor (and Jetpack tiled) galleries as gallery blocks, each image's caption kept.

    The gallery's own caption stays as a paragraph under it.
    """
    external: list[str] = []
    for gallery in soup.find_all(class_=_GALLERY_CLASSES):
        if gallery.parent is None or gallery.find_parent(class_=_GALLERY_CLASSES):
            continue
        lines = []
        for image in gallery.find_all("img"):
            figure = image.find_parent("figure")
            caption_node = (
                figure.find("figcaption") if figure is not None and figure is not gallery else None
            )
            caption = inline_markdown(caption_node.decode_contents()) if caption_node else ""
            source = str(image.get("src", ""))
            attachment = photos.library.resolve(source, _image_id(image))
            if attachment is None:
                external.append(source)
                label = caption or str(image.get("alt") or "") or source
                lines.append(f"[{escape_label(label)}]({source})")
                continue
            lines.append(
                photos.markdown(attachment, alt=str(image.get("alt", "")), caption=caption)
            )
        own_caption = gallery.find("figcaption", recursive=False)
        replacement = soup.new_tag("div")
        replacement.append(NavigableString(_gallery_tokens(lines, photos, blocks)))
        if isinstance(own_caption, Tag):
            paragraph = soup.new_tag("p")
            paragraph.extend(list(own_caption.contents))
            replacement.append(paragraph)
        gallery.replace_with(replacement)
    return external


def _media_link(match: re.Match[str]) -> str:
    attributes = shortcodes.attributes(match.group(2))
    source = attributes.get("src") or attributes.get("mp3") or attributes.get("mp4") or ""
    return f'\n\n<a href="{source}">{source}</a>\n\n' if source else ""


def _wrapper(image: Tag) -> Tag:
    """The image, or the link around it when the link holds nothing else."""
    parent = image.parent
    if isinstance(parent, Tag) and parent.name == "a":
        others = [c for c in parent.contents if c is not image and str(c).strip()]
        if not others:
            return parent
    return image


def _image_id(image: Tag) -> str | None:
    for name in image.get("class") or []:
        if match := _WP_IMAGE_CLASS.match(name):
            return match.group(1)
    return None


def _photos(soup: BeautifulSoup, photos: PostPhotos, blocks: _Blocks) -> list[str]:
    """Images of uploads become photo blocks; other hosts' images become plain links."""
    external = []
    for image in soup.find_all("img"):
        if image.parent is None:
            continue
        figure = image.find_parent("figure")
        if figure is not None and len(figure.find_all("img")) != 1:
            figure = None
        caption_node = figure.find("figcaption") if figure else None
        target: Tag = figure if figure is not None else _wrapper(image)
        caption = inline_markdown(caption_node.decode_contents()) if caption_node else ""
        source = str(image.get("src", ""))
        attachment = photos.library.resolve(source, _image_id(image))
        if attachment is None:
            external.append(source)
            link = soup.new_tag("a", href=source)
            link.string = caption or str(image.get("alt") or "") or source
            target.replace_with(link)
            continue
        line = photos.markdown(attachment, alt=str(image.get("alt", "")), caption=caption)
        target.replace_with(NavigableString(blocks.token(line)))
    return external


def _embeds(soup: BeautifulSoup) -> None:
    """Embedded players become links; a URL alone on its line (an oEmbed) becomes a link."""
    for frame in soup.find_all(["iframe", "embed"]):
        source = str(frame.get("src", ""))
        link = soup.new_tag("a", href=source)
        link.string = source
        frame.replace_with(link)
    for block in soup.find_all(["p", "div", "figure"]):
        if block.find(True) is None and _URL_ONLY.match(block.get_text().strip()):
            url = block.get_text().strip()
            link = soup.new_tag("a", href=url)
            link.string = url
            block.clear()
            block.append(link)


def _links(soup: BeautifulSoup, link_target: LinkTarget) -> None:
    for anchor in soup.find_all("a", href=True):
        new = link_target(str(anchor["href"]))
        if new is not None:
            anchor["href"] = new
