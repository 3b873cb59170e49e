"""MkDocs event wiring only: every event hands its work to an engine-independent module."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from travelog.config import (
    TEMPLATE_KEY,
    SiteSettings,
    TravelogConfig,
    remember_site,
    site_from_mkdocs,
)
from travelog.errors import TravelogError
from travelog.family.step import family_sources
from travelog.markdown import configure_extensions
from travelog.photos.background import BackgroundPhotos, arrivals_folder, signal_arrival
from travelog.pipeline import BuildPipeline
from travelog.readtime import reading_minutes
from travelog.template_data import (
    escape_blog_authors,
    escape_page_meta,
    escape_site_texts,
    escape_view_heading,
    install_safe_filters,
)

if TYPE_CHECKING:  # the live preview's server (and its file watcher) only for `serve`
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class TravelogPlugin(BasePlugin[TravelogConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.pipeline: BuildPipeline | None = None
        self.background: BackgroundPhotos | None = None
        # The live preview shows family entries open (and marked) for the writer, serves
        # pages at once and derives photos in the background; a build derives every photo
        # before any page renders.
        self.previewing = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.previewing = command == "serve"

    def on_shutdown(self) -> None:
        if self.background is not None:
            self.background.stop()

    # Validate before the blog plugin (priority 0) reads the posts, so a bad entry fails
    # with travelog's one-line message instead of a blog plugin traceback.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        try:
            site = site_from_mkdocs(config)
            remember_site(site)
            self.pipeline = BuildPipeline(
                site, preview=self.previewing, strict=config.strict, warn=log.warning
            )
            self.pipeline.check()
        except TravelogError as error:
            raise PluginError(str(error)) from None
        # After the site context has kept the plain texts (feeds escape their own).
        escape_site_texts(config)
        configure_extensions(config, site)
        config.extra[TEMPLATE_KEY] = self.pipeline.template_data(config.extra)
        return None

    # Photos are derived before any page renders: the photos extension reads their manifest.
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.pipeline is None:
            return
        try:
            site = self.pipeline.site
            self.pipeline.prepare(background=self._background(site) if self.previewing else None)
        except TravelogError as error:
            raise PluginError(str(error)) from None

    # Before the blog plugin (priority -50) collects posts: family entries never become pages,
    # so no listing, feed, search index or sitemap can hold them.
    @event_priority(100)
    def _hide_family_entries(self, files: Files, /, *, config: MkDocsConfig) -> None:
        if self.pipeline is None or self.pipeline.journal is None:
            return
        hidden = {str(path) for path in family_sources(self.pipeline.journal)}
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

    # Before the blog plugin (0), which keeps a reading time that is already set.
    @event_priority(50)
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        post_config = getattr(page, "config", None)  # the blog's entries carry one
        if self.config.enabled and post_config is not None and not post_config.readtime:
            post_config.readtime = reading_minutes(html)
        return None

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> None:
        if self.config.enabled:
            install_safe_filters(env)

    def _background(self, site: SiteSettings) -> BackgroundPhotos:
        if self.background is None:
            project = site.project_dir
            self.background = BackgroundPhotos(
                site.plugin.photos.processes,
                arrived=lambda: signal_arrival(project),
                report=log.info,
            )
        return self.background

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder):
        if self.pipeline is not None:
            site = self.pipeline.site
            for folder in (site.photos_dir, site.archive_dir):
                if folder.is_dir():
                    server.watch(str(folder))
            if self.background is not None:
                # Watched before deriving starts, so no arrival goes unseen.
                arrivals = arrivals_folder(site.project_dir)
                arrivals.mkdir(parents=True, exist_ok=True)
                server.watch(str(arrivals))
                self.background.start()
        return server

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if self.pipeline is None:
            return None
        return self.pipeline.page(output, page.url)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.pipeline is None:
            return
        try:
            written = self.pipeline.finish((config.markdown_extensions, config.mdx_configs))
        except TravelogError as error:
            raise PluginError(str(error)) from None
        log.debug("wrote %d feeds", len(written))
