"""MkDocs event wiring only: every event hands its work to an engine-independent module."""

from __future__ import annotations

import zoneinfo
from collections.abc import Mapping
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from travelog.checks import check_journal
from travelog.comments.context import load_context
from travelog.comments.render import CommentsContext, fill_slot
from travelog.config import LOCAL_SITE_URL, TravelogConfig, plugin_settings
from travelog.errors import TravelogError
from travelog.family.step import FamilySetup, family_sources, finish_family, prepare_family
from travelog.feeds import write_feeds
from travelog.journal import Journal
from travelog.photos.index import default_manifest
from travelog.photos.settings import PHOTOS_DIR
from travelog.photos.site import photos_after_build, photos_before_build
from travelog.photos.step import StepResult
from travelog.template_data import (
    escape_blog_authors,
    escape_page_meta,
    escape_site_texts,
    escape_view_heading,
    install_safe_filters,
)

PHOTOS_EXTENSION = "travelog.markdown.photos"

log = get_plugin_logger(__name__)


class TravelogPlugin(BasePlugin[TravelogConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.journal: Journal | None = None
        self.comments: CommentsContext | None = None
        self.photos: StepResult | None = None
        self.site_texts: dict[str, str] = {}
        self.family: FamilySetup | None = None
        self.previewing = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # The live preview shows family entries open (and marked) for the writer.
        self.previewing = command == "serve"

    # Validate before the blog plugin (priority 0) reads the posts, so a bad entry fails
    # with travelog's one-line message instead of a blog plugin traceback.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        try:
            plugin_settings(_plain(self.config), Path(config.config_file_path))
            self.journal = check_journal(Path(config.docs_dir))
            self.comments = load_context(
                self.journal,
                self.config.comments,
                site_url=config.site_url or LOCAL_SITE_URL,
                project_dir=Path(config.config_file_path).parent,
            )
            self.family = prepare_family(
                self.journal,
                self.config.family,
                Path(config.config_file_path),
                preview=self.previewing,
            )
        except TravelogError as error:
            raise PluginError(str(error)) from None
        self.site_texts = escape_site_texts(config)
        if PHOTOS_EXTENSION in config.markdown_extensions:
            manifest = default_manifest(Path(config.config_file_path).parent)
            config.mdx_configs.setdefault(PHOTOS_EXTENSION, {})["manifest"] = str(manifest)
        return None

    # Photos are derived before any page renders: the photos extension reads their manifest.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        try:
            self.photos = photos_before_build(
                Path(config.config_file_path),
                Path(config.docs_dir),
                self.config,
                config.site_url or "/",
                warn=log.warning,
            )
        except TravelogError as error:
            raise PluginError(str(error)) from None

    # Before the blog plugin (priority -50) collects posts: family entries never become pages,
    # so no listing, feed, search index or sitemap can hold them.
    @event_priority(100)
    def _hide_family_entries(self, files: Files, /, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.journal is None:
            return
        hidden = {str(path) for path in family_sources(self.journal)}
        for file in [file for file in files if file.abs_src_path in hidden]:
            files.remove(file)

    # After the blog plugin (-50) has made its author pages from the names as written.
    @event_priority(-100)
    def _escape_authors(self, files: Files, /, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            escape_blog_authors(config)

    on_files = CombinedEvent(_hide_family_entries, _escape_authors)

    # Before the blog plugin (-50) copies titles into excerpts.
    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled:
            return None
        escape_page_meta(page)
        return escape_view_heading(page, markdown)

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled:
            install_safe_filters(env)

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder):
        project = Path(config.config_file_path).parent
        for folder in (project / PHOTOS_DIR, project / self.config.comments.archive_dir):
            if self.config.enabled and folder.is_dir():
                server.watch(str(folder))
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.journal is None:
            return
        images = {}
        if self.photos is not None:
            images = photos_after_build(
                self.photos,
                self.journal,
                Path(config.config_file_path),
                Path(config.site_dir),
                config.site_url or LOCAL_SITE_URL,
                unpublished=() if self.previewing else self.journal.unpublished_sources,
            )
        written = write_feeds(
            self.journal,
            Path(config.site_dir),
            site_name=self.site_texts.get("site_name", config.site_name),
            site_url=config.site_url or LOCAL_SITE_URL,
            timezone=zoneinfo.ZoneInfo(self.config.timezone),
            images=images,
        )
        log.debug("wrote %d feeds", len(written))
        try:
            finish_family(
                self.family,
                self.journal,
                markdown=(config.markdown_extensions, config.mdx_configs),
                comments=self.comments,
                photos=self.photos,
                project_dir=Path(config.config_file_path).parent,
                site_url=config.site_url or LOCAL_SITE_URL,
                site_dir=Path(config.site_dir),
            )
        except TravelogError as error:
            raise PluginError(str(error)) from None

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled or self.comments is None:
            return None
        return fill_slot(output, page.url, self.comments)


def _plain(value: object) -> object:
    """Validated options back to plain dicts, to run travelog's own checks on them."""
    if isinstance(value, Mapping):
        return {key: _plain(item) for key, item in value.items()}
    return value
