"""MkDocs event wiring only: every event hands its work to an engine-independent module."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from travelog.checks import check_journal
from travelog.config import TravelogConfig, plugin_settings
from travelog.errors import TravelogError
from travelog.feeds import write_feeds
from travelog.journal import Journal

log = get_plugin_logger(__name__)


class TravelogPlugin(BasePlugin[TravelogConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.journal: Journal | None = None

    # Validate before the blog plugin (priority 0) reads the posts, so a bad entry fails
    # with travelog's one-line message instead of a blog plugin traceback.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        try:
            plugin_settings(dict(self.config), Path(config.config_file_path))
            self.journal = check_journal(Path(config.docs_dir))
        except TravelogError as error:
            raise PluginError(str(error)) from None
        return None

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.journal is None:
            return
        written = write_feeds(
            self.journal,
            Path(config.site_dir),
            site_name=config.site_name,
            site_url=config.site_url or "http://127.0.0.1:8000/",
            timezone=zoneinfo.ZoneInfo(self.config.timezone),
        )
        log.debug("wrote %d feeds", len(written))
