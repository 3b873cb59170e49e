"""Typed settings for travelog, read from the ``travelog`` plugin entry in mkdocs.yml.

The same schema serves the MkDocs plugin and the ``travelog`` commands (which also drive
Zensical, where MkDocs plugins do not run), so both validate settings identically.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import base
from mkdocs.config import config_options as c

from travelog.comments.settings import CommentsConfig, check_comments_settings
from travelog.errors import TravelogError
from travelog.family.settings import FamilyConfig
from travelog.photos.sizes import DENSE_SCREEN, DENSE_SHARE

PLUGIN_NAME = "travelog"
# Where the live preview serves, and the address used when mkdocs.yml sets no site_url.
LOCAL_SITE_URL = "http://127.0.0.1:8000/"


# On phones with 3x screens images are chosen as for 2x (see travelog.photos.sizes): the
# difference is not visible at arm's length, and it halves the bytes.
PHOTO_SIZES = (
    f"(max-width: 50em) and {DENSE_SCREEN} {round(100 * DENSE_SHARE)}vw, "
    "(max-width: 50em) 100vw, 46rem"
)
GALLERY_SIZES = (
    f"(max-width: 50em) and {DENSE_SCREEN} {round(50 * DENSE_SHARE)}vw, "
    "(max-width: 50em) 50vw, 15rem"
)


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


@dataclass(frozen=True)
class SiteSettings:
    """What the commands need from mkdocs.yml."""

    config_file: Path
    site_name: str
    site_url: str
    docs_dir: Path
    site_dir: Path
    plugin: TravelogConfig

    @property
    def project_dir(self) -> Path:
        return self.config_file.parent


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without executing its ``!!python/...`` or ``!ENV`` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def plugin_settings(raw: Any, config_file: Path) -> TravelogConfig:
    settings = TravelogConfig(config_file_path=str(config_file))
    settings.load_dict(raw if isinstance(raw, dict) else {})
    failed, warnings = settings.validate()
    for key, error in [*failed, *warnings]:
        raise TravelogError(f"plugins.{PLUGIN_NAME}.{key}: {error}", path=config_file)
    try:
        zoneinfo.ZoneInfo(settings.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise TravelogError(
            f"plugins.{PLUGIN_NAME}.timezone: unknown time zone {settings.timezone!r}; "
            "use a name like Asia/Shanghai",
            path=config_file,
        ) from None
    check_comments_settings(settings.comments, config_file)
    return settings


def load_site_settings(config_file: Path) -> SiteSettings:
    if not config_file.is_file():
        raise TravelogError("no such file; run travelog in the journal's folder", path=config_file)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except yaml.YAMLError:
        raise TravelogError("invalid YAML; fix the syntax", path=config_file) from None
    raw_plugin: Any = {}
    for item in data.get("plugins") or []:
        if isinstance(item, dict) and PLUGIN_NAME in item:
            raw_plugin = item[PLUGIN_NAME]
    project = config_file.parent
    return SiteSettings(
        config_file=config_file,
        site_name=str(data.get("site_name", "Journal")),
        site_url=str(data.get("site_url") or LOCAL_SITE_URL),
        docs_dir=project / str(data.get("docs_dir", "docs")),
        site_dir=project / str(data.get("site_dir", "site")),
        plugin=plugin_settings(raw_plugin, config_file),
    )
