"""An entry as an email: the journal's own Markdown extensions in their email mode.

The entry is converted with the extensions listed in mkdocs.yml (read by MkDocs' config
loader), with three changes for mail: photos become attached images referenced by ``cid:``
(about 800 px JPEGs, alt text and captions kept), glossary terms become text like
"国家 (guójiā, nation)", and headings carry no permalink. Links are made absolute; nothing
is fetched from anywhere when the message is opened.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import quote, urljoin, urlsplit

import jinja2
from bs4 import BeautifulSoup, Comment
from markdown import Markdown
from markdownify import MarkdownConverter
from PIL import Image

from travelog.comments.render import HEADING_ID, comments_enabled
from travelog.config import Content, Provider, SiteSettings
from travelog.errors import TravelogError
from travelog.journal import EXCERPT_SEPARATOR, Entry, Journal
from travelog.markdown import PHOTOS_EXTENSION, markdown_options
from travelog.markdown.photos import CREDIT_CLASS, EMAIL_IMAGE_WIDTH
from travelog.photos.cache import PhotoCache
from travelog.photos.derive import Variant
from travelog.photos.index import PhotoRecord
from travelog.photos.settings import CACHE_DIR

GLOSSARY_EXTENSION = "travelog.markdown.glossary"
#: Gmail clips a message whose HTML is larger than about 102 KB (images apart).
HTML_LIMIT_BYTES = 100_000
CID_DOMAIN = "travelog"
_SUFFIX = {"jpeg": "jpg", "png": "png"}
# Elements an email must not carry: scripts, frames, remote media and forms.
_DROPPED_TAGS = (
    *("script", "style", "link", "meta", "base", "iframe", "object", "embed"),
    *("video", "audio", "source", "form"),
)
_INLINE_IMAGE_STYLE = "max-width:100%;height:auto;display:block;border:0"
_environment = jinja2.Environment(
    loader=jinja2.PackageLoader("travelog.mail", "templates"),
    autoescape=jinja2.select_autoescape(("html",)),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class InlineImage:
    cid: str
    data: bytes
    subtype: str
    filename: str


@dataclass
class Attachments:
    """Collects the photos an entry shows; each is attached once, under a stable cid, at most
    ``EMAIL_IMAGE_WIDTH`` wide (the site's fallback JPEG, scaled down when it is wider)."""

    cache: PhotoCache
    jpeg_quality: int
    images: dict[str, InlineImage] = field(default_factory=dict)

    def __call__(self, record: PhotoRecord, variant: Variant) -> str:
        cid = f"photo-{record.key[:16]}-{EMAIL_IMAGE_WIDTH}@{CID_DOMAIN}"
        if cid not in self.images:
            data = (self.cache.folder(record.key) / variant.file).read_bytes()
            if variant.width > EMAIL_IMAGE_WIDTH:
                data = self._scaled(data, variant.format)
            self.images[cid] = InlineImage(
                cid=cid,
                data=data,
                subtype=variant.format,
                filename=f"{PurePosixPath(record.path).stem}.{_SUFFIX[variant.format]}",
            )
        return f"cid:{cid}"

    def _scaled(self, data: bytes, fmt: str) -> bytes:
        with Image.open(io.BytesIO(data)) as image:
            height = round(image.height * EMAIL_IMAGE_WIDTH / image.width)
            image.draft(image.mode, (EMAIL_IMAGE_WIDTH, height))
            smaller = image.resize((EMAIL_IMAGE_WIDTH, height), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        if fmt == "jpeg":
            smaller.save(out, "JPEG", quality=self.jpeg_quality, optimize=True, progressive=True)
        else:
            smaller.save(out, "PNG", optimize=True)
        return out.getvalue()


@dataclass(frozen=True)
class RenderedEntry:
    entry: Entry
    subject: str
    html: str
    text: str
    images: tuple[InlineImage, ...]


@dataclass(frozen=True)
class MailSite:
    """What every message of a run shares: the site context and the journal."""

    settings: SiteSettings
    journal: Journal

    @property
    def writer(self) -> str:
        """Who answers reach: ``site_author``, else the journal's name."""
        config = self.settings.mkdocs
        return (config.site_author if config else "") or self.settings.site_name

    def entry_url(self, entry: Entry) -> str:
        return self.settings.absolute(entry.url)

    def markdown(self, attachments: Attachments) -> Markdown:
        """The journal's own Markdown extensions and options, in their email mode."""
        extensions, site_configs = markdown_options(self.settings)
        configs = {name: dict(options) for name, options in site_configs.items()}
        if GLOSSARY_EXTENSION in extensions:
            configs.setdefault(GLOSSARY_EXTENSION, {})["output"] = "text"
        if PHOTOS_EXTENSION in extensions:
            configs.setdefault(PHOTOS_EXTENSION, {})["embed"] = attachments
        if "toc" in extensions:
            configs.setdefault("toc", {})["permalink"] = False
        return Markdown(extensions=extensions, extension_configs=configs)


def render_entry(site: MailSite, entry: Entry) -> RenderedEntry:
    """The entry's email: HTML (photos attached), a plain-text twin, and the images."""
    attachments = Attachments(
        PhotoCache(site.settings.project_dir / CACHE_DIR),
        jpeg_quality=site.settings.plugin.photos.jpeg_quality,
    )
    excerpt_only = site.settings.plugin.mail.content == Content.EXCERPT
    source, separator, _ = entry.body.partition(EXCERPT_SEPARATOR)
    cut = excerpt_only and bool(separator)
    try:
        body = site.markdown(attachments).convert(source if cut else entry.body)
    except TravelogError as error:
        raise TravelogError(error.message, path=entry.source) from None
    soup = _clean(body, site, entry)
    url = site.entry_url(entry)
    subject = " ".join(entry.title.split())
    context = {
        "lang": site.settings.blog.locale,
        "site_name": site.settings.site_name,
        "site_url": site.settings.site_url,
        "title": subject,
        "date": _long_date(entry.date),
        "authors": ", ".join(site.journal.authors.get(a, a) for a in entry.authors),
        "body": str(soup),
        "url": url,
        "read_more": cut,
        "comment_url": _comment_url(site, entry),
        "writer": site.writer,
    }
    html = _environment.get_template("entry.html").render(context)
    text = _environment.get_template("entry.txt").render({**context, "body": _plain_text(soup)})
    return RenderedEntry(
        entry=entry,
        subject=subject,
        html=html,
        text=text,
        images=tuple(attachments.images.values()),
    )


def _comment_url(site: MailSite, entry: Entry) -> str | None:
    comments = site.settings.plugin.comments
    if comments.provider == Provider.NONE or not comments_enabled(entry):
        return None
    return f"{site.entry_url(entry)}#{HEADING_ID}"


def _long_date(value: dt.datetime) -> str:
    return f"{value.day} {value:%B %Y}"


def _clean(body: str, site: MailSite, entry: Entry) -> BeautifulSoup:
    """Absolute links, only attached images, nothing fetched from the web (no remote image,
    background, style sheet or frame), no scripts or comments, images fit the column."""
    soup = BeautifulSoup(body, "html.parser")
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for tag in soup.find_all(_DROPPED_TAGS):
        tag.decompose()
    for picture in soup.find_all("picture"):
        picture.unwrap()
    for styled in soup.find_all(style=True):
        if "url(" in str(styled["style"]).replace(" ", "").lower():
            del styled["style"]  # a background fetched from the web
    for image in soup.find_all("img"):
        if not str(image.get("src", "")).startswith("cid:"):
            image.decompose()
            continue
        image["style"] = _INLINE_IMAGE_STYLE
        for attribute in ("srcset", "sizes", "loading", "decoding", "fetchpriority", "class"):
            del image[attribute]
    for link in soup.find_all("a", href=True):
        link["href"] = _absolute(str(link["href"]), site, entry)
    return soup


def _absolute(href: str, site: MailSite, entry: Entry) -> str:
    """A link as the reader's mail client needs it: absolute, ``.md`` links as page URLs."""
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if not parts.path:
        return site.entry_url(entry) + href  # an anchor within the entry
    if parts.path.startswith("/"):
        return urljoin(site.settings.site_url, href)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(entry.src_path), parts.path))
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if target.endswith(".md"):
        return site.settings.absolute(quote(_page_url(target, site))) + fragment
    return site.settings.absolute(quote(target)) + fragment


def _page_url(src_path: str, site: MailSite) -> str:
    """The site URL of a Markdown page: the entry's, or the page's as MkDocs makes it."""
    for entry in site.journal.entries:
        if entry.src_path == src_path:
            return entry.url
    return site.settings.page_url(src_path)


class _TextConverter(MarkdownConverter):
    """Plain text for the text/plain part: photos as "[Photo: alt]", captions below them."""

    def convert_img(self, el, text, parent_tags):
        alt = " ".join(str(el.get("alt", "")).split())
        return f"[Photo: {alt}]" if alt else "[Photo]"

    def convert_figure(self, el, text, parent_tags):
        return f"\n\n{text.strip()}\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        return f"\n{text.strip()}\n"

    def convert_span(self, el, text, parent_tags):
        if CREDIT_CLASS in (el.get("class") or []):
            return f" ({text.strip()})"
        return text


def _plain_text(soup: BeautifulSoup) -> str:
    text = _TextConverter(heading_style="ATX", bullets="-", escape_misc=False).convert_soup(soup)
    lines = [line.rstrip() for line in text.splitlines()]
    collapsed: list[str] = []
    for line in lines:
        if line or (collapsed and collapsed[-1]):
            collapsed.append(line)
    return "\n".join(collapsed).strip()
