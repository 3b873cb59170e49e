"""Python-Markdown extensions: they render the journal's features on any engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.config import load_config

from travelog.photos.index import default_manifest

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from travelog.config import SiteSettings

PHOTOS_EXTENSION = "travelog.markdown.photos"
# Extensions that read the site context: they are told which mkdocs.yml is theirs.
SITE_EXTENSIONS = ("travelog.markdown.topics", "travelog.markdown.glossary")


def configure_extensions(config: MkDocsConfig, site: SiteSettings) -> None:
    """Point travelog's extensions at this journal (its mkdocs.yml, its photo manifest), as
    the plugin does for every page and travelog does for pages it renders itself."""
    for name in SITE_EXTENSIONS:
        if name in config.markdown_extensions:
            config.mdx_configs.setdefault(name, {})["config_file"] = str(site.config_file)
    if PHOTOS_EXTENSION in config.markdown_extensions:
        manifest = default_manifest(site.project_dir)
        config.mdx_configs.setdefault(PHOTOS_EXTENSION, {})["manifest"] = str(manifest)


def markdown_options(site: SiteSettings) -> tuple[list[Any], dict[str, Any]]:
    """The journal's Markdown extensions as the plugin sets them up, for pages travelog
    renders itself (family entries under engines whose plugin does not run, emails)."""
    config = site.mkdocs or load_config(str(site.config_file))
    configure_extensions(config, site)
    return list(config.markdown_extensions), dict(config.mdx_configs)
