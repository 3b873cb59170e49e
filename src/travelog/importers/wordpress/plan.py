"""Turn the export's records into the journal's files, in memory, before anything is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from travelog.avatars import avatar_path, avatar_svg
from travelog.errors import TopicError, TravelogError
from travelog.frontmatter import split_front_matter
from travelog.importers.wordpress import comments as comment_archive
from travelog.importers.wordpress.content import to_markdown
from travelog.importers.wordpress.html_text import plain_text
from travelog.importers.wordpress.links import LinkMap
from travelog.importers.wordpress.media import MediaLibrary
from travelog.importers.wordpress.names import author_id as make_author_id
from travelog.importers.wordpress.names import slug_for, tag_name, unique
from travelog.importers.wordpress.photos import CAPTIONS_FILE, PHOTOS_DIR, PostPhotos
from travelog.importers.wordpress.records import Export, Item, Term
from travelog.importers.wordpress.report import Report
from travelog.importers.wordpress.uploads import MediaFile, MediaSource
from travelog.importers.wordpress.yamlout import dump
from travelog.journal import POSTS_DIR, load_authors, make_slug
from travelog.topics import REGISTRY_FILE, load_topics, tag_slug

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
RESERVED_PAGES = {"index", POSTS_DIR, "tags", "places", "archive", "category", "assets", "authors"}
DEFAULT_AUTHOR = "author"


@dataclass
class Plan:
    """Every file the import would write, keyed by its path relative to the journal."""

    files: dict[str, bytes | MediaFile] = field(default_factory=dict)
    tag_pages: dict[str, str] = field(default_factory=dict)
    topics: dict[str, str] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)
    report: Report = field(default_factory=Report)


@dataclass(frozen=True)
class JournalState:
    """What the target journal already holds (files the last import wrote are not counted)."""

    docs_dir: Path
    docs_prefix: str
    entry_slugs: set[str]
    page_names: set[str]
    topics: set[str]
    authors: set[str]


def journal_state(project_dir: Path, docs_dir: Path, imported: set[str]) -> JournalState:
    prefix = docs_dir.relative_to(project_dir).as_posix()
    slugs = set()
    for path in sorted((docs_dir / POSTS_DIR).rglob("*.md")):
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
        for path in docs_dir.glob("*.md")
        if path.relative_to(project_dir).as_posix() not in imported
    }
    try:
        topics = set(load_topics(docs_dir).names())
    except TopicError:
        if (docs_dir / REGISTRY_FILE).exists():
            raise
        topics = set()
    return JournalState(docs_dir, prefix, slugs, pages, topics, set(load_authors(docs_dir)))


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
        links.add(f"{POSTS_DIR}/{slugs[item.id]}.md", item.id, item.link, item.guid)
    taken_pages = state.page_names | RESERVED_PAGES
    for item in pages:
        slugs[item.id] = unique(slug_for(item.slug, item.title, f"page-{item.id}"), taken_pages)
        links.add(f"{slugs[item.id]}.md", item.id, item.link, item.guid)
    authors = _authors(export, state, plan)
    tags = _tags(export, posts, state, plan)
    for item in posts:
        _entry(item, slugs[item.id], authors, tags, library, links, state, plan)
    for item in pages:
        _page(item, slugs[item.id], library, links, state, plan)
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
    """WordPress tag name -> registry tag name; new tags join the registry with a page."""
    described: dict[str, Term] = {term.name: term for term in export.tags}
    used = dict.fromkeys(tag for item in posts for tag in item.tags)
    mapping = {}
    for original in used:
        name = tag_name(original)
        if not name:
            plan.report.skipped.append(f"tag {original!r}: no letters or digits to name it by")
            continue
        mapping[original] = name
        plan.report.tag_names[original] = name
        if name in state.topics or name in plan.topics:
            continue
        term = described.get(original)
        description = (
            term.description
            if term and term.description
            else (f"Entries imported from WordPress, where this tag was “{original}”.")
        )
        plan.topics[name] = description
        plan.tag_pages[f"{state.docs_prefix}/tags/{tag_slug(name)}.md"] = name
        plan.report.tags_added.append(name)
    return mapping


def _entry(
    item: Item,
    slug: str,
    authors: dict[str, str],
    tags: dict[str, str],
    library: MediaLibrary,
    links: LinkMap,
    state: JournalState,
    plan: Plan,
) -> None:
    source = f"{POSTS_DIR}/{slug}.md"
    photos = PostPhotos(folder=slug, post_id=item.id, library=library)
    lead = library.by_id.get(item.meta.get("_thumbnail_id", ""))
    converted = to_markdown(item.content, photos, links.resolver(source), lead=lead)
    draft = item.status != PUBLISHED or bool(item.password)
    meta: dict[str, object] = {
        "title": item.title or slug,
        "date": item.date or dt.datetime.now(dt.UTC).replace(microsecond=0),
        "authors": [authors[item.author]] if item.author in authors else [],
        "categories": list(item.categories),
        "tags": list(dict.fromkeys(tags[t] for t in item.tags if t in tags)),
        "description": plain_text(item.excerpt),
        "slug": slug,
    }
    if draft:
        meta["draft"] = True
    path = f"{state.docs_prefix}/{source}"
    plan.files[path] = _markdown_file(meta, converted.markdown)
    label = f'"{meta["title"]}" ({path})'
    if item.password:
        plan.report.warnings.append(
            f"{label} is password-protected: imported as a draft, never published"
        )
    (plan.report.drafts if draft else plan.report.published).append(slug)
    _collect_media(photos, label, converted.external_images, plan)
    plan.report.shortcodes += [f"[{name}] in {label}" for name in converted.unknown_shortcodes]
    tally = comment_archive.CommentTally()
    document = comment_archive.archive(slug, item.comments, tally)
    plan.report.comments += tally.kept
    plan.report.skipped_comments.update(tally.skipped)
    if document is not None:
        plan.files[f"{comment_archive.COMMENTS_DIR}/{slug}.yml"] = dump(document).encode()


def _page(
    item: Item, slug: str, library: MediaLibrary, links: LinkMap, state: JournalState, plan: Plan
) -> None:
    photos = PostPhotos(folder=slug, post_id=item.id, library=library)
    converted = to_markdown(item.content, photos, links.resolver(f"{slug}.md"), excerpt=False)
    path = f"{state.docs_prefix}/{slug}.md"
    plan.files[path] = _markdown_file({"title": item.title or slug}, converted.markdown)
    plan.report.pages.append(slug)
    label = f'"{item.title}" ({path})'
    _collect_media(photos, label, converted.external_images, plan)
    plan.report.shortcodes += [f"[{name}] in {label}" for name in converted.unknown_shortcodes]


def _collect_media(photos: PostPhotos, label: str, external: list[str], plan: Plan) -> None:
    plan.files.update(photos.copies)
    plan.report.photos += len(photos.copies)
    if photos.captions:
        captions = {name: value for name, value in sorted(photos.captions.items()) if value}
        if captions:
            plan.files[f"{PHOTOS_DIR}/{photos.folder}/{CAPTIONS_FILE}"] = dump(captions).encode()
    plan.report.missing_media += [
        f"{missing.upload_path} in {label}: kept as a link to its old address"
        for missing in photos.missing
    ]
    plan.report.guessed_alt += [f"{photo} in {label}" for photo in photos.guessed_alt]
    plan.report.external_images += external


def _markdown_file(meta: dict[str, object], body: str) -> bytes:
    return f"---\n{dump(meta, flow_lists=True)}---\n\n{body}\n".encode()
