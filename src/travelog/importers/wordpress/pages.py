"""Where imported pages go: their hierarchy as folders (URL paths) and nav sections.

A page is ``<path>.md`` and its sub-pages sit in the folder ``<path>/`` (so ``/gear/`` and
``/gear/tents/``); in the nav, a page with sub-pages opens a section of its own. A top-level
name the journal already uses is never silently renamed: the page gets ``-2`` and the
summary says so, except the starter pages a new journal was given (its ``about.md``), which
the blog's own page replaces.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from travelog.importers.wordpress.names import slug_for, unique
from travelog.importers.wordpress.nav import NavPage
from travelog.importers.wordpress.records import Item


@dataclass
class PagePlaces:
    paths: dict[str, str] = field(default_factory=dict)  # page id -> path below docs/
    nav: list[NavPage] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # starter pages replaced
    renamed: list[str] = field(default_factory=list)  # report lines


def place_pages(pages: list[Item], taken: set[str], replaceable: frozenset[str]) -> PagePlaces:
    """Paths and nav for ``pages``; ``taken`` holds the top-level names already in docs/."""
    places = PagePlaces()
    children: dict[str, list[Item]] = {}
    for page in pages:
        children.setdefault(_parent(page, {p.id: p for p in pages}), []).append(page)

    def place(parent: str, prefix: str, siblings: set[str], nav: list[NavPage]) -> None:
        ordered = sorted(children.get(parent, []), key=lambda p: (p.menu_order, p.title, p.id))
        for page in ordered:
            wanted = slug_for(page.slug, page.title, f"page-{page.id}")
            has_children = bool(children.get(page.id))
            if not prefix and wanted in replaceable:
                name = wanted
                places.replaced.append(f"{wanted}.md")
            else:
                name = unique(wanted, siblings)
                if name != wanted and not prefix:
                    places.renamed.append(
                        f'page "{page.title}" (id {page.id}) imported as {name}: the journal '
                        f"already has a page or folder {wanted!r}; merge the two by hand"
                    )
            path = f"{prefix}{name}.md"
            places.paths[page.id] = path
            entry = NavPage(page.title or name, path)
            nav.append(entry)
            if has_children:
                place(page.id, f"{prefix}{name}/", set(), entry.children)

    place("", "", set(taken), places.nav)
    return places


def _parent(page: Item, by_id: dict[str, Item]) -> str:
    """The imported parent page's id, or "" at the top (also for a loop of parents)."""
    seen = {page.id}
    current = page.parent
    while current in by_id:
        if current in seen:
            return ""
        seen.add(current)
        current = by_id[current].parent
    return page.parent if page.parent in by_id else ""
