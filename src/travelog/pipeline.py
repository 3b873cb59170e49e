"""One build pipeline for every engine: check, prepare, each page, finish.

The MkDocs plugin calls these steps from its events; ``travelog build`` with Zensical (which
runs no MkDocs plugin) calls the same steps around ``zensical build``. Either way each step
runs once per build.

- :meth:`BuildPipeline.check`: the journal, its glossary, comment archives, family setup;
- :meth:`BuildPipeline.prepare`: the photo step (before any page renders: the photos
  extension reads its manifest);
- :meth:`BuildPipeline.page`: the comments section of one built page;
- :meth:`BuildPipeline.finish`: published photos and og:image tags, feeds, the family site.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from travelog.atomic import write_text_atomic
from travelog.checks import check_journal
from travelog.comments.context import load_context
from travelog.comments.render import SLOT, CommentsContext, fill_slot
from travelog.config import TEMPLATE_KEY, SiteSettings
from travelog.family.step import FamilySetup, finish_family, prepare_family
from travelog.feeds import write_feeds
from travelog.journal import Journal, hold_for_build
from travelog.markdown.cards import photo_index
from travelog.photos.background import BackgroundPhotos
from travelog.photos.site import photos_after_build, photos_before_build
from travelog.photos.step import StepResult
from travelog.related import SLOT as RELATED_SLOT
from travelog.related import fill_related

Markdown = tuple[Sequence[Any], Mapping[str, Any]]


def _ignore(message: str) -> None:
    """No warnings wanted."""


@dataclass
class BuildPipeline:
    """The state one build carries from step to step."""

    site: SiteSettings
    preview: bool = False
    """The live preview: family entries shown open, every photo published."""
    strict: bool = False
    warn: Callable[[str], None] = _ignore
    journal: Journal | None = field(default=None, init=False)
    comments: CommentsContext | None = field(default=None, init=False)
    family: FamilySetup | None = field(default=None, init=False)
    photos: StepResult | None = field(default=None, init=False)

    def check(self) -> Journal:
        """Validate the journal and everything read with it; raise a one-line TravelogError."""
        site = self.site
        self.journal = check_journal(site)
        hold_for_build(site, self.journal)
        self.comments = load_context(self.journal, site)
        self.family = prepare_family(self.journal, site, preview=self.preview)
        return self.journal

    def template_data(self, writer_extra: Mapping[str, Any]) -> dict[str, Any]:
        """``extra.travelog`` for the templates: the writer's own theme settings there (the
        accent) with the site's URLs the overrides need (see SiteSettings.template_data)."""
        assert self.journal is not None, "check() runs first"
        return {
            **(writer_extra.get(TEMPLATE_KEY) or {}),
            **self.site.template_data(self.journal.topics.names()),
        }

    def prepare(self, *, background: BackgroundPhotos | None = None) -> None:
        """Derive the photos the pages place and write their manifest (in the live preview,
        ``background`` derives them while pages are served with placeholders)."""
        self.photos = photos_before_build(
            self.site, strict=self.strict, warn=self.warn, background=background
        )

    def page(self, html: str, url: str) -> str:
        """One built page with its comments section and related entries filled in."""
        if self.journal is not None:
            html = fill_related(html, url, self.journal, photo_index(self.site), self.site)
        return fill_slot(html, url, self.comments) if self.comments is not None else html

    def pages_in(self, site_dir: Path) -> int:
        """:meth:`page` over every built HTML file (engines without MkDocs plugins)."""
        filled = 0
        for path, url in _built_pages(site_dir):
            text = path.read_text(encoding="utf-8")
            if SLOT in text or RELATED_SLOT in text:
                write_text_atomic(path, self.page(text, url))
                filled += 1
        return filled

    def finish(self, markdown: Markdown) -> list[Path]:
        """Publish photos and og:image tags, write the feeds and the family site; return the
        feeds written. ``markdown``: the extensions and their options, for family entries."""
        assert self.journal is not None, "check() runs first"
        site, journal = self.site, self.journal
        images = {}
        if self.photos is not None:
            unpublished = () if self.preview else journal.unpublished_sources
            images = photos_after_build(self.photos, journal, site, unpublished=unpublished)
        feeds = write_feeds(journal, site, images)
        finish_family(
            self.family,
            journal,
            site,
            markdown=markdown,
            comments=self.comments,
            photos=self.photos,
        )
        hold_for_build(site, None)  # the build is done: what comes next reads the files again
        return feeds


def _built_pages(site_dir: Path) -> Iterator[tuple[Path, str]]:
    """Every built HTML page with its site-relative URL (directory URLs)."""
    for path in sorted(site_dir.rglob("*.html")):
        folder = path.parent.relative_to(site_dir).as_posix()
        if path.name == "index.html":
            yield path, "" if folder == "." else folder + "/"
        else:
            yield path, path.relative_to(site_dir).as_posix()
