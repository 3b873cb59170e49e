"""Turn the export's records into the journal's files, in memory, before anything is written."""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from travelog.avatars import avatar_path, avatar_svg
from travelog.comments.archive import PAGES_DIR, ArchivedComment, archive_name, archive_text
from travelog.config import SiteSettings
from travelog.errors import TopicError, TravelogError
from travelog.frontmatter import split_front_matter
from travelog.importers.wordpress import comments as comment_archive
from travelog.importers.wordpress.content import GALLERY_OPENING, Converted, to_markdown
from travelog.importers.wordpress.downloads import DOWNLOADS_DIR, Downloads
from travelog.importers.wordpress.html_text import plain_text
from travelog.importers.wordpress.links import LinkMap
from travelog.importers.wordpress.media import MediaLibrary
from travelog.importers.wordpress.names import slug_for, tag_name, unique
from travelog.importers.wordpress.nav import NavPage
from travelog.importers.wordpress.pages import place_pages
from travelog.importers.wordpress.photos import CAPTIONS_FILE, PHOTOS_DIR, PostPhotos
from travelog.importers.wordpress.records import Export, Item, Term
from travelog.importers.wordpress.redirects import (
    NETLIFY_FILE,
    NGINX_FILE,
    Redirect,
    blog_host,
    netlify_rules,
    nginx_map,
    old_path,
    stub_page,
)
from travelog.importers.wordpress.report import Report
from travelog.importers.wordpress.uploads import MediaFile, MediaSource
from travelog.importers.wordpress.yamlout import dump
from travelog.journal import AUTHORS_FILE, load_authors
from travelog.slugs import author_id as make_author_id
from travelog.slugs import make_slug, tag_slug
from travelog.topics import REGISTRY_FILE, load_topics

PUBLISHED = "publish"
DRAFT_STATUSES = {
    "draft": "a draft",
    "pending": "pending review",
    "future": "scheduled",
    "private": "private",
}
SKIPPED_STATUSES = {
    "trash": "in the trash",
    "auto-draft": "an unsaved auto-draft",
    "inherit": "a revision",
}
RESERVED_PAGES = {
    "index",
    "posts",
    "blog",
    "tags",
    "places",
    "archive",
    "category",
    "assets",
    "authors",
    DOWNLOADS_DIR,
}
STARTER_PAGES = frozenset({"about"})  # what `travelog init` writes for the writer to replace
DEFAULT_AUTHOR = "author"


@dataclass
class Plan:
    """Every file the import would write, keyed by its path relative to the journal."""

    files: dict[str, bytes | MediaFile] = field(default_factory=dict)
    tag_pages: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)
    nav: list[NavPage] = field(default_factory=list)
    replaces: set[str] = field(default_factory=set)  # starter files the import may overwrite
    report: Report = field(default_factory=Report)


@dataclass(frozen=True)
class JournalState:
    """What the target journal already holds (files the last import wrote are not counted)."""

    site: SiteSettings
    """Where entries and archives go, their URLs, site_url."""
    docs_dir: Path
    docs_prefix: str
    entry_slugs: set[str]
    page_names: set[str]
    topics: set[str]
    authors: set[str]
    replaceable: frozenset[str] = frozenset()  # starter pages of a journal the import created


def journal_state(
    site: SiteSettings, imported: set[str], *, new_journal: bool = False
) -> JournalState:
    project_dir, docs_dir = site.project_dir, site.docs_dir
    prefix = docs_dir.relative_to(project_dir).as_posix()
    slugs = set()
    for path in sorted(site.posts_dir.rglob("*.md")):
        if path.relative_to(project_dir).as_posix() in imported:
            continue
        slugs.add(path.stem)
        try:
            meta, _, _ = split_front_matter(path.read_text(encoding="utf-8"), path)
        except TravelogError:
            continue
        if isinstance(meta.get("slug"), str):
            slugs.add(meta["slug"])
        elif isinstance(meta.get("title"), str):
            slugs.add(make_slug(meta["title"]))
    pages = {
        path.stem
        for path in docs_dir.iterdir()
        if (path.suffix == ".md" or path.is_dir())
        and path.relative_to(project_dir).as_posix() not in imported
    }
    try:
        topics = set(load_topics(docs_dir).names())
    except TopicError:
        if (docs_dir / REGISTRY_FILE).exists():
            raise
        topics = set()
    return JournalState(
        site,
        docs_dir,
        prefix,
        slugs,
        pages,
        topics,
        set(load_authors(docs_dir / AUTHORS_FILE)),
        replaceable=STARTER_PAGES if new_journal else frozenset(),
    )


@dataclass
class _Shared:
    """What every item's conversion reads or adds to."""

    state: JournalState
    plan: Plan
    library: MediaLibrary
    links: LinkMap
    downloads: Downloads
    blog_host: str
    redirects: list[Redirect] = field(default_factory=list)


def build_plan(export: Export, state: JournalState, media: MediaSource | None) -> Plan:
    plan = Plan()
    report = plan.report
    items = [item for item in export.items if item.post_type in ("post", "page", "attachment")]
    for item in export.items:
        if item.post_type not in ("post", "page", "attachment"):
            report.skipped_items[f"{item.post_type} items (not content)"] += 1
    library = MediaLibrary([i for i in items if i.post_type == "attachment"], media)
    posts = _importable(items, "post", report)
    pages = _importable(items, "page", report)
    links = LinkMap(export.base_url)
    slugs: dict[str, str] = {}
    taken_slugs = set(state.entry_slugs)
    for item in posts:
        slugs[item.id] = unique(slug_for(item.slug, item.title, f"post-{item.id}"), taken_slugs)
        links.add(
            f"{state.site.blog.posts_path}/{slugs[item.id]}.md", item.id, item.link, item.guid
        )
    places = place_pages(pages, state.page_names | RESERVED_PAGES, state.replaceable)
    for item in pages:
        links.add(places.paths[item.id], item.id, item.link, item.guid)
    plan.nav = places.nav
    plan.replaces = {f"{state.docs_prefix}/{name}" for name in places.replaced}
    report.warnings += places.renamed
    shared = _Shared(
        state, plan, library, links, Downloads(library), blog_host(export.base_url or export.link)
    )
    authors = _authors(export, state, plan)
    tags = _tags(export, posts, state, plan)
    for item in posts:
        _entry(item, slugs[item.id], authors, tags, shared)
    for item in pages:
        _page(item, places.paths[item.id], shared)
    _add_downloads(shared)
    _add_redirects(shared)
    return plan


def _importable(items: list[Item], post_type: str, report: Report) -> list[Item]:
    """Posts and pages worth importing; the rest are reported with the reason."""
    kept = []
    for item in items:
        if item.post_type != post_type:
            continue
        label = f'{post_type} "{item.title or "(untitled)"}" (id {item.id})'
        if item.status in SKIPPED_STATUSES:
            report.skipped.append(f"{label}: {SKIPPED_STATUSES[item.status]}")
        elif post_type == "page" and (item.status != PUBLISHED or item.password):
            why = (
                "password-protected"
                if item.password
                else DRAFT_STATUSES.get(item.status, item.status)
            )
            report.skipped.append(f"{label}: {why}; pages cannot be kept unpublished")
        elif item.status != PUBLISHED and item.status not in DRAFT_STATUSES:
            report.skipped.append(f"{label}: unknown status {item.status!r}")
        else:
            kept.append(item)
    return kept


def _authors(export: Export, state: JournalState, plan: Plan) -> dict[str, str]:
    """WordPress login -> journal author id; new authors get their display name only."""
    names = {author.login: author.display_name for author in export.authors}
    for item in export.items:
        names.setdefault(item.author, item.author)
    mapping = {}
    for login, display_name in names.items():
        if not login:
            continue
        author_id = make_author_id(login) or DEFAULT_AUTHOR
        mapping[login] = author_id
        if author_id not in state.authors and author_id not in plan.authors:
            plan.authors[author_id] = display_name
            plan.files[f"{state.docs_prefix}/{avatar_path(author_id)}"] = avatar_svg(display_name)
            plan.report.authors_added.append(author_id)
    return mapping


def _tags(export: Export, posts: list[Item], state: JournalState, plan: Plan) -> dict[str, str]:
    """WordPress tag name -> registry tag name; new tags join the registry with a page.

    No tag is dropped and no two are merged: a tag with nothing to name it by takes its
    WordPress slug (or "tag N"), and a second tag reaching a taken name gets " 2".
    """
    described: dict[str, Term] = {term.name: term for term in export.tags}
    used = dict.fromkeys(tag for item in posts for tag in item.tags)
    mapping: dict[str, str] = {}
    given: set[str] = set()
    for number, original in enumerate(used, start=1):
        term = described.get(original)
        base = tag_name(original) or tag_name(unquote(term.slug) if term else "") or f"tag {number}"
        name, counter = base, 2
        while name in given:
            name, counter = f"{base} {counter}", counter + 1
        given.add(name)
        mapping[original] = name
        plan.report.tag_names[original] = name
        if name in state.topics or name in plan.topics:
            continue
        description = (
            term.description
            if term and term.description
            else (f"Entries imported from WordPress, where this tag was “{original}”.")
        )
        plan.topics[name] = description
        plan.tag_pages[f"{state.docs_prefix}/tags/{tag_slug(name)}.md"] = name
        plan.report.tags_added.append(name)
    return mapping


def _link_target(shared: _Shared, source: str, label: str):
    """Links to imported posts and pages, then to uploads that become downloads."""
    to_post = shared.links.resolver(source)

    def target(href: str) -> str | None:
        return to_post(href) or shared.downloads.link(href, source, label)

    return target


def _entry(
    item: Item,
    slug: str,
    authors: dict[str, str],
    tags: dict[str, str],
    shared: _Shared,
) -> None:
    state, plan = shared.state, shared.plan
    source = f"{state.site.blog.posts_path}/{slug}.md"
    path = f"{state.docs_prefix}/{source}"
    label = f'"{item.title or slug}" ({path})'
    photos = PostPhotos(folder=slug, post_id=item.id, library=shared.library)
    lead = shared.library.by_id.get(item.meta.get("_thumbnail_id", ""))
    converted = to_markdown(item.content, photos, _link_target(shared, source, label), lead=lead)
    draft = item.status != PUBLISHED or bool(item.password)
    date = item.date or dt.datetime.now(dt.UTC).replace(microsecond=0)
    meta: dict[str, object] = {
        "title": item.title or slug,
        "date": date,
        "authors": [authors[item.author]] if item.author in authors else [],
        "categories": list(item.categories),
        "tags": list(dict.fromkeys(tags[t] for t in item.tags if t in tags)),
        "description": plain_text(item.excerpt),
        "slug": slug,
    }
    if draft:
        meta["draft"] = True
    plan.files[path] = _markdown_file(meta, converted.markdown)
    if item.password:
        plan.report.warnings.append(
            f"{label} is password-protected: imported as a draft, never published"
        )
    (plan.report.drafts if draft else plan.report.published).append(slug)
    _collect(photos, label, converted, plan)
    tally = comment_archive.CommentTally()
    records = comment_archive.archive(item.comments, tally)
    plan.report.comments += tally.kept
    plan.report.skipped_comments.update(tally.skipped)
    _add_archive(plan, state, archive_name(slug), slug, records)
    if not draft:
        url = state.site.blog.entry_url(
            slug=slug, date=date, categories=item.categories, file_name=slug
        )
        _redirect(item, url, shared)


def _page(item: Item, source: str, shared: _Shared) -> None:
    state, plan = shared.state, shared.plan
    path = f"{state.docs_prefix}/{source}"
    label = f'"{item.title}" ({path})'
    folder = posixpath.splitext(source)[0].replace("/", "-")
    photos = PostPhotos(folder=folder, post_id=item.id, library=shared.library)
    converted = to_markdown(
        item.content, photos, _link_target(shared, source, label), excerpt=False
    )
    plan.files[path] = _markdown_file({"title": item.title or folder}, converted.markdown)
    plan.report.pages.append(source)
    _collect(photos, label, converted, plan)
    stem = posixpath.splitext(source)[0]
    tally = comment_archive.CommentTally()
    records = comment_archive.archive(item.comments, tally)
    plan.report.page_comments += tally.kept
    plan.report.skipped_comments.update(tally.skipped)
    name = f"{PAGES_DIR}/{archive_name(stem)}"
    _add_archive(plan, state, name, posixpath.basename(stem), records)
    _redirect(item, state.site.page_url(source), shared)


def _add_archive(
    plan: Plan, state: JournalState, name: str, entry: str, records: list[ArchivedComment]
) -> None:
    """An archive file in the journal's ``comments.archive_dir``, in the archive's format."""
    if records:
        folder = state.site.archive_dir.relative_to(state.site.project_dir).as_posix()
        plan.files[f"{folder}/{name}"] = archive_text(entry, records).encode()


def _redirect(item: Item, new: str, shared: _Shared) -> None:
    """Redirects from the item's old permalink, ``?p=ID`` and ``?page_id=ID`` to ``new``."""
    old = old_path(item.link, shared.blog_host)
    if old is not None and old != new and old.split("/")[0] not in RESERVED_PAGES:
        shared.redirects.append(Redirect(old, new))
    query = "page_id" if item.post_type == "page" else "p"
    if item.id.isdigit():
        shared.redirects.append(Redirect(f"?{query}={item.id}", new))


def _add_redirects(shared: _Shared) -> None:
    """The redirect pages and rules; an old path that a new page uses is left alone."""
    prefix = shared.state.docs_prefix
    plan = shared.plan
    taken = {posixpath.splitext(path.removeprefix(f"{prefix}/"))[0] for path in plan.files}
    redirects = [
        redirect
        for redirect in dict.fromkeys(shared.redirects)
        if redirect.old.startswith("?") or redirect.old.rstrip("/") not in taken
    ]
    if not redirects:
        return
    site = shared.state.site
    for redirect in redirects:
        if not redirect.old.startswith("?"):
            page = stub_page(redirect.old, redirect.new, site.absolute(redirect.new))
            plan.files[f"{prefix}/{redirect.old}index.html"] = page
    plan.files[f"{prefix}/{NETLIFY_FILE}"] = netlify_rules(redirects, site.base_path)
    plan.files[NGINX_FILE] = nginx_map(redirects, site.base_path)
    plan.report.redirects = len(redirects)


def _add_downloads(shared: _Shared) -> None:
    prefix = shared.state.docs_prefix
    for path, file in shared.downloads.copies.items():
        shared.plan.files[f"{prefix}/{path}"] = file
    shared.plan.report.downloads = len(shared.downloads.copies)
    for path, labels in shared.downloads.missing.items():
        shared.plan.report.missing_downloads[path] = labels


def _collect(photos: PostPhotos, label: str, converted: Converted, plan: Plan) -> None:
    plan.files.update(photos.copies)
    plan.report.photos += len(photos.copies)
    plan.report.galleries += converted.markdown.count(GALLERY_OPENING)
    if photos.captions:
        captions = {name: value for name, value in sorted(photos.captions.items()) if value}
        if captions:
            plan.files[f"{PHOTOS_DIR}/{photos.folder}/{CAPTIONS_FILE}"] = dump(captions).encode()
    for missing in photos.missing:
        plan.report.missing_media.setdefault(missing.upload_path, []).append(label)
    plan.report.guessed_alt += [f"{photo} in {label}" for photo in photos.guessed_alt]
    plan.report.external_images += converted.external_images
    plan.report.shortcodes += [f"[{name}] in {label}" for name in converted.unknown_shortcodes]


def _markdown_file(meta: dict[str, object], body: str) -> bytes:
    return f"---\n{dump(meta, flow_lists=True)}---\n\n{body}\n".encode()
