"""The site context: mkdocs.yml read once, through MkDocs' own loader, into typed settings.

MkDocs' loader means ``!ENV``, ``INHERIT``, ``!relative`` and every MkDocs default behave as
they do in MkDocs. The same :class:`SiteSettings` serves the commands (which also drive
Zensical, where MkDocs plugins do not run), the MkDocs plugin and the Markdown extensions, and
it alone knows entry, tag and place URLs, the base path, the folders and the time zone.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
import zoneinfo
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File

from travelog.blog import BlogLayout, blog_layout
from travelog.engine_warnings import mkdocs_warning
from travelog.errors import TravelogError
from travelog.slugs import tag_slug

PLUGIN_NAME = "travelog"
# Where the live preview serves, and the address used when mkdocs.yml sets no site_url.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"
PHOTOS_DIR = "photos"
#: The key of :meth:`SiteSettings.template_data` under ``extra`` in the theme's ``config``.
TEMPLATE_KEY = "travelog"
PRIVATE_DIR = "data"
TAGS_DIR = "tags"


class Provider(StrEnum):
    ISSO = "isso"
    GISCUS = "giscus"
    NONE = "none"


class IssoOptions(base.Config):
    url = c.Type(str, default="comments/")
    """Where readers' browsers reach Isso; relative URLs are resolved against the site's root."""
    port = c.Type(int, default=8090)
    """Port of the local Isso (``travelog serve``, ``travelog comments isso``); 0: any free port."""
    data_dir = c.Type(str, default="data/isso")
    """Database, salt and generated isso.cfg, relative to mkdocs.yml; keep it out of git."""
    reply_notifications = c.Type(bool, default=False)
    """Let commenters ask for an email when someone answers them (needs SMTP)."""


class GiscusOptions(base.Config):
    repo = c.Type(str, default="")
    repo_id = c.Type(str, default="")
    category = c.Type(str, default="")
    category_id = c.Type(str, default="")
    mapping = c.Choice(("pathname", "url", "title", "og:title"), default="pathname")


class CommentsConfig(base.Config):
    provider = c.Choice(tuple(p.value for p in Provider), default=Provider.ISSO.value)
    archive_dir = c.Type(str, default="comments")
    isso = c.SubConfig(IssoOptions)
    giscus = c.SubConfig(GiscusOptions)


# Screens of 2.5 device pixels per CSS pixel and more (3x phones) get images as for 2x:
# ``sizes`` tells them the slot is two thirds of its width. The difference is not visible at
# arm's length, and it halves the bytes.
DENSE_SCREEN = "(min-resolution: 2.5dppx)"
DENSE_SHARE = 2 / 3
PHOTO_SIZES = (
    f"(max-width: 50em) and {DENSE_SCREEN} {round(100 * DENSE_SHARE)}vw, "
    "(max-width: 50em) 100vw, 46rem"
)
GALLERY_SIZES = (
    f"(max-width: 50em) and {DENSE_SCREEN} {round(50 * DENSE_SHARE)}vw, "
    "(max-width: 50em) 50vw, 15rem"
)


class FamilyConfig(base.Config):
    data_dir = c.Type(str, default="data/family")
    """The journal's salt (created on first build) and, optionally, the passphrase file;
    relative to mkdocs.yml; keep it out of git and out of docs/ and site/."""


class Content(StrEnum):
    """What ``travelog mail`` sends of an entry (``mail.content``)."""

    FULL = "full"
    """The whole entry in the email."""
    EXCERPT = "excerpt"
    """Up to ``<!-- more -->``, then a "Read the rest" link to the entry."""


class MailConfig(base.Config):
    content = c.Choice(tuple(item.value for item in Content), default=Content.FULL.value)


class PhotosConfig(base.Config):
    """``photos:`` options; see travelog.photos.settings for what each one changes."""

    widths = c.ListOfItems(c.Type(int), default=[400, 800, 1200, 1600])
    fallback_widths = c.ListOfItems(c.Type(int), default=[1200])
    sizes = c.Type(str, default=PHOTO_SIZES)
    gallery_sizes = c.Type(str, default=GALLERY_SIZES)
    jpeg_quality = c.Type(int, default=82)
    webp_quality = c.Type(int, default=82)
    avif_quality = c.Type(int, default=63)
    avif_speed = c.Type(int, default=9)
    keep_exif = c.ListOfItems(c.Type(str), default=[])
    max_megapixels = c.Type(int, default=100)
    processes = c.Type(int, default=0)


class TravelogConfig(base.Config):
    enabled = c.Type(bool, default=True)
    timezone = c.Type(str, default="UTC")
    comments = c.SubConfig(CommentsConfig)
    photos = c.SubConfig(PhotosConfig)
    family = c.SubConfig(FamilyConfig)
    mail = c.SubConfig(MailConfig)


def plugin_settings(raw: Any, config_file: Path) -> TravelogConfig:
    """Validate the ``travelog`` plugin options; raise a one-line TravelogError naming the key."""
    settings = TravelogConfig(config_file_path=str(config_file))
    settings.load_dict(raw if isinstance(raw, dict) else {})
    failed, warnings = settings.validate()
    for key, error in [*failed, *warnings]:
        raise TravelogError(f"plugins.{PLUGIN_NAME}.{key}: {error}", path=config_file)
    check_plugin_settings(settings, config_file)
    return settings


def check_plugin_settings(settings: TravelogConfig, config_file: Path) -> None:
    """Checks the schema cannot express: a known time zone, giscus ids, a private data folder."""
    prefix = f"plugins.{PLUGIN_NAME}"
    try:
        zoneinfo.ZoneInfo(settings.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise TravelogError(
            f"{prefix}.timezone: unknown time zone {settings.timezone!r}; "
            "use a name like Asia/Shanghai",
            path=config_file,
        ) from None
    comments = settings.comments
    if comments.provider == Provider.GISCUS:
        for key in ("repo", "repo_id", "category", "category_id"):
            if not comments.giscus[key]:
                raise TravelogError(
                    f"{prefix}.comments.giscus.{key} is empty; copy it from https://giscus.app/ "
                    "or choose another provider",
                    path=config_file,
                )
    project = config_file.parent.resolve()
    data_dir = (project / comments.isso.data_dir).resolve()
    for folder in ("docs", "site"):
        if data_dir.is_relative_to(project / folder):
            raise TravelogError(
                f"{prefix}.comments.isso.data_dir {comments.isso.data_dir!r} is inside "
                f"{folder}/, where it would be published; use a folder such as data/isso",
                path=config_file,
            )


def with_slash(url: str) -> str:
    """``url`` ending in exactly one slash: the one normalisation of folder-like URLs."""
    return url.rstrip("/") + "/"


def base_path(site_url: str) -> str:
    """The path part of site_url, ending in a slash: the root of published URLs."""
    return with_slash(urlsplit(site_url).path)


@dataclass(frozen=True)
class SiteSettings:
    """What every command, the plugin and the extensions know about the journal."""

    config_file: Path
    site_name: str
    site_url: str
    """Absolute, ending in a slash (``LOCAL_SITE_URL`` when mkdocs.yml sets none)."""
    docs_dir: Path
    site_dir: Path
    plugin: TravelogConfig
    blog: BlogLayout
    mkdocs: MkDocsConfig | None = field(default=None, compare=False, repr=False)
    """MkDocs' own reading of mkdocs.yml, for building in this process."""

    @property
    def project_dir(self) -> Path:
        return self.config_file.parent

    @property
    def base_path(self) -> str:
        """The path part of site_url, ending in a slash: the root of published URLs."""
        return base_path(self.site_url)

    @property
    def timezone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.plugin.timezone)

    @property
    def posts_dir(self) -> Path:
        return self.docs_dir / self.blog.posts_path

    @property
    def authors_file(self) -> Path:
        return self.docs_dir / self.blog.authors_path

    @property
    def archive_dir(self) -> Path:
        """Where archived comments live: ``comments.archive_dir`` next to mkdocs.yml."""
        return self.project_dir / self.plugin.comments.archive_dir

    @property
    def photos_dir(self) -> Path:
        return self.project_dir / PHOTOS_DIR

    @property
    def private_dir(self) -> Path:
        """The journal's private files (the family list, what was mailed): git-ignored,
        never published."""
        return self.project_dir / PRIVATE_DIR

    @property
    def data_dir(self) -> Path:
        """Isso's database, salt and generated configuration."""
        return (self.project_dir / self.plugin.comments.isso.data_dir).resolve()

    def absolute(self, url: str) -> str:
        """A site-relative URL (``2024/09/park/``) made absolute under site_url."""
        return self.site_url + url.lstrip("/")

    def rooted(self, url: str) -> str:
        """A site-relative URL made root-relative under the base path (``/journal/2024/``)."""
        return self.base_path + url.lstrip("/")

    def output_file(self, url: str) -> Path:
        """The built HTML file of a page's site-relative URL."""
        path = self.site_dir / url
        return path / "index.html" if url == "" or url.endswith("/") else path

    def page_url(self, src_path: str) -> str:
        """Site-relative URL of the page ``src_path`` (below docs_dir), as MkDocs makes it."""
        return File(src_path, None, "", self.blog.use_directory_urls).url

    def template_data(self, tags: Iterable[str]) -> dict[str, Any]:
        """What the theme overrides read as ``config.extra.travelog``, so that no URL rule is
        written again in Jinja: each tag's page (``tag_urls``)."""
        return {"tag_urls": {name: self.tag_url(name) for name in tags}}

    def tag_url(self, name: str) -> str:
        return f"{TAGS_DIR}/{tag_slug(name)}/"

    def place_url(self, name: str) -> str:
        return self.blog.place_url(name)

    def local_time(self, value: dt.datetime | dt.date) -> dt.datetime:
        """A date or time as written by the writer: without an offset it is the journal's
        time zone (``plugins.travelog.timezone``)."""
        if not isinstance(value, dt.datetime):
            value = dt.datetime.combine(value, dt.time())
        return value if value.tzinfo else value.replace(tzinfo=self.timezone)


def site_from_mkdocs(config: MkDocsConfig) -> SiteSettings:
    """The site context of a configuration MkDocs has loaded and validated."""
    config_file = Path(config.config_file_path).resolve()
    raw_plugin = config.plugins.get(PLUGIN_NAME)
    if raw_plugin is None:
        plugin = plugin_settings({}, config_file)
    else:
        plugin = raw_plugin.config
        check_plugin_settings(plugin, config_file)
    return SiteSettings(
        config_file=config_file,
        site_name=config.site_name,
        site_url=with_slash(config.site_url or LOCAL_SITE_URL),
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        plugin=plugin,
        blog=blog_layout(
            config.plugins,
            locale=str(config.theme["language"] or "en"),
            use_directory_urls=config.use_directory_urls,
        ),
        mkdocs=config,
    )


def load_site_settings(config_file: Path) -> SiteSettings:
    """Load mkdocs.yml with MkDocs' loader; raise a one-line TravelogError naming the file."""
    if not config_file.is_file():
        raise TravelogError("no such file; run travelog in the journal's folder", path=config_file)
    with mkdocs_errors() as errors:
        try:
            config = load_config(str(config_file))
        except MkDocsException as error:
            reason = errors[0] if errors else str(error)
            raise TravelogError(reason, path=config_file) from None
    return site_from_mkdocs(config)


_SITES: dict[Path, tuple[int, SiteSettings]] = {}


def remember_site(site: SiteSettings) -> None:
    """Let the Markdown extensions of this process use ``site`` (the plugin's, under MkDocs)."""
    _SITES[site.config_file] = (_mtime(site.config_file), site)


def site_for(config_file: Path) -> SiteSettings:
    """The site of ``config_file`` for a Markdown extension: the one the plugin or a command
    already loaded, else loaded now (under Zensical, which runs no MkDocs plugin).

    Called for every page, so a path given as the site knows it (absolute, resolved, as the
    plugin hands it to the extensions) is found without resolving it again."""
    path = config_file if config_file in _SITES else config_file.resolve()
    known = _SITES.get(path)
    if known is not None and known[0] == _mtime(path):
        return known[1]
    site = load_site_settings(path)
    remember_site(site)
    return site


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return -1


class _Collect(logging.Handler):
    """Keeps MkDocs' errors for one line; shows its warnings as travelog's."""

    def __init__(self, into: list[str], docs_dir: Path | None = None):
        super().__init__(logging.WARNING)
        self.into = into
        self.docs_dir = docs_dir

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            self.into.append(record.getMessage())
        else:
            message = record.getMessage().removeprefix(f"{PLUGIN_NAME}: ")
            message = mkdocs_warning(message, self.docs_dir)
            print(f"{PLUGIN_NAME}: warning: {message}", file=sys.stderr)


@contextmanager
def mkdocs_errors(docs_dir: Path | None = None) -> Iterator[list[str]]:
    """MkDocs logs each error before it aborts: keep them, to report the first in one line.
    Its warnings are shown as travelog's (a broken link with its file under ``docs_dir``)."""
    errors: list[str] = []
    handler = _Collect(errors, docs_dir)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield errors
    finally:
        logger.removeHandler(handler)
