"""Python-Markdown extensions: they render the journal's features on any engine."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
