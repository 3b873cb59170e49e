"""Render photos and galleries placed in entries as captioned, responsive figures.

``![alt](photos/folder/file.jpg "caption")`` on a line of its own becomes a ``<figure>``
holding a ``<picture>`` (AVIF and WebP sources, a JPEG or PNG fallback, srcset and sizes,
width and height) inside a glightbox anchor, with a ``<figcaption>``. Lines between
``::: gallery`` and ``:::`` become one gallery of such figures. All photos of a page share one
lightbox gallery; the page's first photo loads eagerly with high priority.

The variants come from the manifest that the photo step writes (option ``manifest``, default
``.travelog-cache/photos/manifest.json`` relative to the working directory).

For email (option ``embed``, a function given each photo's record and its JPEG/PNG variant
about ``EMAIL_IMAGE_WIDTH`` wide, returning the ``cid:`` URL under which it is attached), a
photo becomes a plain ``<figure>`` with one ``<img>`` and its caption: no lightbox, no srcset.

Register as ``travelog.markdown.photos``.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from travelog.errors import TravelogError
from travelog.file_readings import read_once
from travelog.photos.captions import Captions, resolve
from travelog.photos.derive import Variant
from travelog.photos.index import MANIFEST_FILE, PhotoIndex, PhotoRecord
from travelog.photos.settings import CACHE_DIR, PHOTOS_DIR
from travelog.photos.sizes import lightbox_sizes, pick_width, scaled_height, srcset
from travelog.photos.syntax import ImageRef, Kind, PhotoSyntaxError, Placement, find_placements

# After normalize_whitespace (30); before fenced code (25) and html_block (20) run.
PRIORITY = 27
IMG_WIDTH = 800  # the fallback <img src> for browsers without srcset
# Emails show photos in a column of at most EMAIL_COLUMN CSS pixels; the attached variant is
# sharper than that on high-density screens, yet small enough for a mailbox.
EMAIL_IMAGE_WIDTH = 800
EMAIL_COLUMN = 600
LIGHTBOX_WIDTH = 1600
# glightbox (the MkDocs plugin and Zensical's extension) skips images with this class,
# so they do not wrap our <img> in a second anchor.
NO_AUTO_LIGHTBOX = "off-glb"
CREDIT_CLASS = "travelog-photo__credit"
# Stands in for the caption's HTML while the figure is serialised, then is replaced by it.
CAPTION_SLOT = "\x02travelog-caption\x03"
# A photo the live preview is still deriving: a grey box of its size, replaced on reload.
PENDING_CLASS = "travelog-photo--pending"
PLACEHOLDER_FILL = "#8888"
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def _caption_renderer() -> Markdown:
    """Markdown for captions: links and emphasis, but raw HTML is shown as text."""
    renderer = Markdown()
    renderer.inlinePatterns.deregister("html")
    renderer.preprocessors.deregister("html_block")
    return renderer


_caption_markdown = _caption_renderer()


@functools.lru_cache(maxsize=4096)
def caption_html(text: str) -> str:
    """A caption's inline Markdown (links, emphasis) as HTML, without the paragraph."""
    rendered = _caption_markdown.reset().convert(text).strip()
    match = _PARAGRAPH.match(rendered)
    return match.group(1) if match else html.escape(text)


def _figure(
    index: PhotoIndex,
    record: PhotoRecord,
    ref: ImageRef,
    *,
    sizes: str,
    gallery: str,
    first: bool,
) -> tuple[etree.Element, str]:
    """The figure, and its caption's HTML to put in place of ``CAPTION_SLOT``."""
    captions = resolve(ref.alt, ref.title, record.sidecar, record.derived.description)
    caption_markup = caption_html(captions.caption) if captions.caption else ""
    if record.pending:
        figure = etree.Element("figure", {"class": f"travelog-photo {PENDING_CLASS}"})
        _placeholder(figure, record, captions.alt)
    else:
        figure = etree.Element("figure", {"class": "travelog-photo"})
        description = _lightbox_text(_TAG.sub("", caption_markup), captions.credit)
        link = _lightbox_link(figure, index, record, gallery, description)
        _picture(link, index, record, sizes, captions.alt, first, captions.focus)
    _add_caption(figure, captions, caption_markup)
    return figure, caption_markup


def _add_caption(figure: etree.Element, captions: Captions, caption_markup: str) -> None:
    """The figcaption: the caption (its HTML goes in place of ``CAPTION_SLOT``), the credit."""
    if captions.caption or captions.credit:
        caption = etree.SubElement(figure, "figcaption")
        caption.text = CAPTION_SLOT if caption_markup else ""
        if captions.credit:
            credit = etree.SubElement(caption, "span", {"class": CREDIT_CLASS})
            credit.text = f"Photo: {captions.credit}"


def _lightbox_link(
    figure: etree.Element, index: PhotoIndex, record: PhotoRecord, gallery: str, description: str
) -> etree.Element:
    derived = record.derived
    webp = derived.of_format("webp")
    large = next(v for v in webp if v.width == pick_width([v.width for v in webp], LIGHTBOX_WIDTH))
    link = etree.SubElement(
        figure,
        "a",
        {
            "class": "glightbox",
            "href": index.url(record, large),
            "data-type": "image",
            "data-gallery": gallery,
            # The lightbox picks the WebP that fits the screen (glightbox reads both).
            "data-srcset": srcset([(index.url(record, v), v.width) for v in webp]),
            "data-sizes": lightbox_sizes(derived.width, derived.height),
        },
    )
    if description:
        link.set("data-description", description)
    return link


def _picture(
    link: etree.Element,
    index: PhotoIndex,
    record: PhotoRecord,
    sizes: str,
    alt: str,
    first: bool,
    focus: str,
) -> None:
    derived = record.derived
    picture = etree.SubElement(link, "picture")
    for fmt in ("avif", "webp"):
        etree.SubElement(
            picture,
            "source",
            {
                "type": derived.of_format(fmt)[0].mime,
                "srcset": srcset([(index.url(record, v), v.width) for v in derived.of_format(fmt)]),
                "sizes": sizes,
            },
        )
    fallback = derived.of_format(derived.fallback_format)
    src = next(v for v in fallback if v.width == pick_width([v.width for v in fallback], IMG_WIDTH))
    image = etree.SubElement(
        picture,
        "img",
        {
            "class": NO_AUTO_LIGHTBOX,
            "src": index.url(record, src),
            "srcset": srcset([(index.url(record, v), v.width) for v in fallback]),
            "sizes": sizes,
            "width": str(src.width),
            "height": str(src.height),
            "alt": alt,
        },
    )
    if focus:
        # Crops (cards, galleries) keep this point in view; see travelog-photos.css.
        image.set("style", f"--travelog-focus: {focus}")
    if first:
        image.set("loading", "eager")
        image.set("fetchpriority", "high")
    else:
        image.set("loading", "lazy")
        image.set("decoding", "async")


def _placeholder(figure: etree.Element, record: PhotoRecord, alt: str) -> None:
    """A flat box of the photo's size and shape while the live preview derives it."""
    width, height = record.derived.width, record.derived.height
    box = (
        f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}'>"
        f"<rect width='100%' height='100%' fill='{PLACEHOLDER_FILL}'/></svg>"
    )
    shown = pick_width([variant.width for variant in record.derived.variants], IMG_WIDTH)
    etree.SubElement(
        figure,
        "img",
        {
            "class": NO_AUTO_LIGHTBOX,
            "src": "data:image/svg+xml," + quote(box),
            "width": str(shown),
            "height": str(scaled_height(width, height, shown)),
            "alt": alt,
        },
    )


def _lightbox_text(caption_text: str, credit: str) -> str:
    """The lightbox description: glightbox inserts it as HTML, so it is escaped text."""
    parts = [caption_text, html.escape(f"Photo: {credit}") if credit else ""]
    return " · ".join(part for part in parts if part)


#: Email mode: (photo, variant to attach) -> the URL the message gives it (``cid:...``).
Embed = Callable[[PhotoRecord, Variant], str]


def _email_figure(record: PhotoRecord, ref: ImageRef, embed: Embed) -> tuple[etree.Element, str]:
    """A figure for an email: one attached image at most the column's width, its caption."""
    derived = record.derived
    captions = resolve(ref.alt, ref.title, record.sidecar, derived.description)
    fallback = derived.of_format(derived.fallback_format)
    variant = next(
        v for v in fallback if v.width == pick_width([v.width for v in fallback], EMAIL_IMAGE_WIDTH)
    )
    shown = min(variant.width, EMAIL_COLUMN)
    figure = etree.Element("figure", {"class": "travelog-photo"})
    etree.SubElement(
        figure,
        "img",
        {
            "src": embed(record, variant),
            "alt": captions.alt,
            "width": str(shown),
            "height": str(round(variant.height * shown / variant.width)),
        },
    )
    caption_markup = caption_html(captions.caption) if captions.caption else ""
    _add_caption(figure, captions, caption_markup)
    return figure, caption_markup


def render_placement(
    index: PhotoIndex,
    placement: Placement,
    *,
    gallery: str,
    first: bool,
    embed: Embed | None = None,
) -> str:
    """The HTML of one photo or gallery (``first``: it holds the page's first photo)."""
    figures = []
    caption_markups = []
    for position, ref in enumerate(placement.images):
        record = index.photos.get(ref.path)
        if record is None:
            raise TravelogError(
                f"photo {PHOTOS_DIR}/{ref.path} has not been processed; build with "
                "`travelog build`, which runs the photo step first"
            )
        sizes = index.page.gallery_sizes if placement.kind is Kind.GALLERY else index.page.sizes
        if embed is not None:
            figure, markup = _email_figure(record, ref, embed)
        else:
            figure, markup = _figure(
                index, record, ref, sizes=sizes, gallery=gallery, first=first and position == 0
            )
        figures.append(figure)
        caption_markups.append(markup)
    if placement.kind is Kind.PHOTO:
        element = figures[0]
    else:
        element = etree.Element("div", {"class": "travelog-gallery"})
        element.extend(figures)
    rendered = etree.tostring(element, encoding="unicode", method="html")
    for markup in caption_markups:
        if markup:
            rendered = rendered.replace(CAPTION_SLOT, markup, 1)
    return rendered


def gallery_id(placements: list[Placement]) -> str:
    """One lightbox gallery per page, named after the photos it holds."""
    paths = "\n".join(ref.path for placement in placements for ref in placement.images)
    return "photos-" + hashlib.sha1(paths.encode()).hexdigest()[:10]


class RenderedPhotos:
    """The manifest's photos and their markup, each placement rendered once per manifest.

    The blog plugin renders an entry's Markdown several times (page, excerpts on index,
    archive, tag and place pages); the markup of a photo depends only on the manifest and the
    placement, so it is computed once.
    """

    def __init__(self, manifest: Path):
        self.index = PhotoIndex.read(manifest)
        self._markup: dict[tuple[Placement, str, bool], str] = {}

    def markup(self, placement: Placement, *, gallery: str, first: bool) -> str:
        key = (placement, gallery, first)
        if key not in self._markup:
            self._markup[key] = render_placement(
                self.index, placement, gallery=gallery, first=first
            )
        return self._markup[key]


def load_photos(manifest: Path) -> RenderedPhotos:
    return read_once(manifest, RenderedPhotos, manifest)


class PhotosPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, manifest: Path, embed: Embed | None = None):
        super().__init__(md)
        self.manifest = manifest
        self.embed = embed

    def run(self, lines: list[str]) -> list[str]:
        if not any(PHOTOS_DIR in line for line in lines):
            return lines
        try:
            placements = find_placements(lines)
        except PhotoSyntaxError as error:
            raise TravelogError(f"line {error.line + 1} of the Markdown: {error}") from None
        if not placements:
            return lines
        photos = load_photos(self.manifest)
        gallery = gallery_id(placements)
        output: list[str] = []
        cursor = 0
        for number, placement in enumerate(placements):
            output.extend(lines[cursor : placement.first])
            if self.embed is not None:  # email: not cached, each message collects its images
                rendered = render_placement(
                    photos.index, placement, gallery=gallery, first=False, embed=self.embed
                )
            else:
                rendered = photos.markup(placement, gallery=gallery, first=number == 0)
            output.extend(["", self.md.htmlStash.store(rendered), ""])
            cursor = placement.last + 1
        output.extend(lines[cursor:])
        return output


class PhotosExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {
            "manifest": [
                f"{CACHE_DIR}/{MANIFEST_FILE}",
                "The photo manifest written by the photo step (relative to the cwd).",
            ],
            "embed": [
                "",  # not None: Python-Markdown would read a None default as a boolean
                "Email mode: a function (photo record, variant) -> the attached image's URL.",
            ],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        embed = self.getConfig("embed")
        md.preprocessors.register(
            PhotosPreprocessor(
                md, Path(self.getConfig("manifest")), embed if callable(embed) else None
            ),
            "travelog_photos",
            PRIORITY,
        )


def makeExtension(**kwargs) -> PhotosExtension:
    return PhotosExtension(**kwargs)
