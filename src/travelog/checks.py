"""Whole-site checks that run before any engine builds.

:func:`check_journal` loads the journal and stops at the first problem (the plugin and the
build need a valid journal to go on). :func:`find_problems` is ``travelog check``: it reads
every file the build reads and lists every problem at once, one line each with its file and
line, so a writer fixes them all in one pass; ``travelog build`` runs it first.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial
from pathlib import Path, PurePosixPath
from typing import TypeVar
from urllib.parse import unquote, urlsplit

import yaml
from PIL import Image

from travelog.comments.archive import load_archives, load_page_archives
from travelog.config import TAGS_DIR, SiteSettings
from travelog.errors import TopicError, TravelogError
from travelog.family.checks import check_family
from travelog.glossary import load_glossary
from travelog.journal import (
    Entry,
    Journal,
    _check_unique_slugs,
    load_authors,
    load_journal,
    read_entry,
)
from travelog.photos.captions import SIDECAR, load_sidecar
from travelog.photos.exif import embedded_description
from travelog.photos.step import SUPPORTED_SUFFIXES, Usage, file_usages, missing_alt
from travelog.text_files import read_text
from travelog.topics import REGISTRY_FILE, TopicRegistry, load_topics

_TOPIC_MARKER = re.compile(r"<!--\s*travelog:topic\s+(?P<name>[^>]+?)\s*-->")
# A Markdown link or image to a local Markdown file: [text](path.md#anchor "title").
_MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?(?P<target>[^)\s>]+\.md)(?:#[^)\s>]*)?>?(?:\s+\"[^\"]*\")?\)"
)
_FENCE = re.compile(r"^\s*(```|~~~)")


def check_journal(site: SiteSettings) -> Journal:
    """Load and validate the journal and its glossary; every topic must have its page."""
    docs_dir = site.docs_dir
    journal = load_journal(site)
    load_glossary(docs_dir, site.project_dir)
    problems = _topic_page_problems(docs_dir, journal.topics)
    if problems:
        raise problems[0]
    return journal


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"  # the build goes on, but fails with --strict
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    severity: Severity
    error: TravelogError

    def __str__(self) -> str:
        return f"{self.severity}: {self.error}"


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    journal: Journal | None = None

    def add(self, severity: Severity, error: TravelogError) -> None:
        problem = Problem(severity, error)
        if all(str(problem) != str(known) for known in self.problems):  # a file read twice
            self.problems.append(problem)

    def of(self, severity: Severity) -> list[Problem]:
        return [problem for problem in self.problems if problem.severity is severity]

    def failed(self, *, strict: bool = False) -> bool:
        """Whether the build would refuse (errors; also warnings when strict)."""
        return bool(self.of(Severity.ERROR) or (strict and self.of(Severity.WARNING)))


def find_problems(site: SiteSettings) -> CheckReport:
    """Every problem the build would reject (and every warning), all at once."""
    report = CheckReport()
    topics = _collect(report, lambda: load_topics(site.docs_dir))
    if topics is not None:
        _duplicate_tags(report, topics.path)
        for problem in _topic_page_problems(site.docs_dir, topics):
            report.add(Severity.ERROR, problem)
    authors = _collect(report, lambda: load_authors(site.authors_file)) or {}
    entries = _entries(report, site, topics, authors) if topics is not None else []
    _collect(report, lambda: load_glossary(site.docs_dir, site.project_dir))
    _collect(report, lambda: _check_unique_slugs(entries))
    _collect(report, lambda: load_archives(site.archive_dir, _all_slugs(site, entries)))
    _collect(report, lambda: load_page_archives(site.archive_dir, site.docs_dir))
    pages = _readable_pages(report, site.docs_dir)
    _photo_problems(report, site, pages)
    _broken_links(report, site.docs_dir, pages)
    if topics is not None and not report.of(Severity.ERROR):
        report.journal = load_journal(site)
        _collect(report, partial(check_family, report.journal, site))
    return report


T = TypeVar("T")


def _collect(report: CheckReport, read: Callable[[], T]) -> T | None:
    try:
        return read()
    except TravelogError as error:
        report.add(Severity.ERROR, error)
        return None


def _entries(
    report: CheckReport, site: SiteSettings, topics: TopicRegistry, authors: dict[str, str]
) -> list[Entry]:
    blog = site.blog
    entries = []
    for path in sorted(site.posts_dir.rglob("*.md")):
        entry = _collect(report, partial(read_entry, path, site, topics, authors))
        if entry is None:
            continue
        entries.append(entry)
        if blog.excerpt_required and blog.excerpt_separator not in entry.body:
            report.add(
                Severity.ERROR,
                TravelogError(
                    f"no excerpt separator; add a line {blog.excerpt_separator} after the "
                    "first paragraph (what the home page shows)",
                    path=path,
                ),
            )
        if blog.authors_enabled and not authors and entry.authors:
            report.add(
                Severity.ERROR,
                TravelogError(
                    f"names authors ({', '.join(entry.authors)}) but there is no authors file "
                    f"{site.blog.authors_path}; create it with an 'authors:' mapping",
                    path=path,
                ),
            )
    return entries


def _all_slugs(site: SiteSettings, entries: list[Entry]) -> list[str]:
    """Entries that could not be read still own their archives (their file name is a guess)."""
    return [entry.slug for entry in entries] + [path.stem for path in site.posts_dir.rglob("*.md")]


def _duplicate_tags(report: CheckReport, path: Path) -> None:
    """The same tag twice in topics.yml (YAML keeps the last one silently)."""
    try:
        root = yaml.compose(read_text(path), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, TravelogError):
        return  # load_topics has reported it
    if not isinstance(root, yaml.MappingNode):
        return
    seen: dict[str, int] = {}
    for key, _ in root.value:
        line = key.start_mark.line + 1
        if key.value in seen:
            report.add(
                Severity.ERROR,
                TopicError(
                    f"tag {key.value!r} is listed twice (first on line {seen[key.value]}); "
                    "keep one description",
                    path=path,
                    line=line,
                ),
            )
        else:
            seen[key.value] = line


def _topic_page_problems(docs_dir: Path, topics: TopicRegistry) -> list[TravelogError]:
    problems: list[TravelogError] = []
    for topic in topics.topics:
        if not (docs_dir / topic.page_path).is_file():
            problems.append(
                TopicError(
                    f"tag {topic.name!r} has no page {TAGS_DIR}/{topic.slug}.md; "
                    "run `travelog tags sync` to create it",
                    path=topics.path,
                )
            )
    for page in sorted((docs_dir / TAGS_DIR).glob("*.md")):
        try:
            text = read_text(page)
        except TravelogError as error:
            problems.append(error)
            continue
        for match in _TOPIC_MARKER.finditer(text):
            if topics.get(match["name"]) is None:
                problems.append(
                    TopicError(
                        f"marker names unknown tag {match['name']!r}; add it to "
                        f"{REGISTRY_FILE} or delete this page",
                        path=page,
                        line=text.count("\n", 0, match.start()) + 1,
                    )
                )
    return problems


def _readable_pages(report: CheckReport, docs_dir: Path) -> dict[Path, str]:
    """Every Markdown file under docs/ that reads as text (the others are reported)."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        text = _collect(report, partial(read_text, path))
        if text is not None:
            pages[path] = text
    return pages


def _photo_problems(report: CheckReport, site: SiteSettings, pages: dict[Path, str]) -> None:
    usages = [
        usage for page in pages for usage in _collect(report, partial(file_usages, page)) or []
    ]
    photos_dir = site.photos_dir
    sidecars: dict[PurePosixPath, dict] = {}
    for folder in sorted({PurePosixPath(usage.ref.path).parent for usage in usages}):
        sidecars[folder] = _collect(report, partial(load_sidecar, photos_dir / folder)) or {}
    for usage in usages:
        source = photos_dir / usage.ref.path
        if not source.is_file():
            report.add(Severity.ERROR, _missing_photo(usage, source))
            continue
        captions = sidecars.get(PurePosixPath(usage.ref.path).parent, {})
        sidecar = captions.get(source.name)
        if not usage.ref.alt and not (sidecar and sidecar.alt) and not _described(source):
            report.add(Severity.WARNING, missing_alt(usage))
    _caption_keys(report, photos_dir)
    if len(pages) < sum(1 for _ in site.docs_dir.rglob("*.md")):
        return  # a page that cannot be read may place the photos that look unused
    used = {photos_dir / usage.ref.path for usage in usages}
    for path in sorted(photos_dir.rglob("*")) if photos_dir.is_dir() else []:
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file() and path not in used:
            report.add(
                Severity.INFO,
                TravelogError("not placed in any entry or page (not published)", path=path),
            )


def _described(source: Path) -> bool:
    """Whether the file carries its own description (EXIF ImageDescription), read from its
    header only."""
    try:
        with Image.open(source) as image:
            return bool(embedded_description(image))
    except (OSError, ValueError, SyntaxError):
        return False  # an unreadable photo is reported by the build's photo step


def _missing_photo(usage: Usage, source: Path) -> TravelogError:
    names = [p.name for p in source.parent.iterdir()] if source.parent.is_dir() else []
    hint = _did_you_mean(source.name, names)
    return TravelogError(
        f"photo photos/{usage.ref.path} not found{hint}; check the name or add the file",
        path=usage.source,
        line=usage.line,
    )


def _caption_keys(report: CheckReport, photos_dir: Path) -> None:
    """Caption entries whose file name matches no photo in their folder."""
    if not photos_dir.is_dir():
        return
    for sidecar in sorted(photos_dir.rglob(SIDECAR)):
        try:
            root = yaml.compose(read_text(sidecar), Loader=yaml.SafeLoader)
        except (yaml.YAMLError, TravelogError):
            continue  # reported by load_sidecar when a photo of the folder is used
        if not isinstance(root, yaml.MappingNode):
            continue
        names = [path.name for path in sidecar.parent.iterdir() if path.name != SIDECAR]
        for key, _ in root.value:
            if key.value not in names:
                report.add(
                    Severity.ERROR,
                    TravelogError(
                        f"{key.value}: no such photo in this folder"
                        f"{_did_you_mean(key.value, names)}; its caption and alt text are lost "
                        "until the name matches the file",
                        path=sidecar,
                        line=key.start_mark.line + 1,
                    ),
                )


def _did_you_mean(name: str, names: list[str]) -> str:
    same_case = [other for other in names if other.lower() == name.lower()]
    close = same_case or difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _broken_links(report: CheckReport, docs_dir: Path, pages: dict[Path, str]) -> None:
    """Links between entries and pages (``[text](other.md)``) whose target does not exist."""
    for path, text in pages.items():
        inside_fence = False
        for number, line in enumerate(text.splitlines(), start=1):
            if _FENCE.match(line):
                inside_fence = not inside_fence
            if inside_fence:
                continue
            for match in _MARKDOWN_LINK.finditer(line):
                target = match["target"]
                parts = urlsplit(target)
                if parts.scheme or parts.netloc:
                    continue
                relative = unquote(parts.path)
                base = docs_dir if relative.startswith("/") else path.parent
                resolved = (base / relative.lstrip("/")).resolve()
                if not resolved.is_file():
                    report.add(
                        Severity.WARNING,
                        TravelogError(
                            f"link to {target}, which does not exist; fix the path "
                            "(relative to this file) or remove the link",
                            path=path,
                            line=number,
                        ),
                    )


def count_line(report: CheckReport) -> str:
    """The summary: ``3 errors, 1 warning`` (and the journal's size when it is valid)."""
    counts = Counter(problem.severity for problem in report.problems)
    parts = [
        f"{counts[severity]} {severity}{'' if counts[severity] == 1 else 's'}"
        for severity in (Severity.ERROR, Severity.WARNING)
        if counts[severity]
    ]
    if report.journal is not None:
        journal = report.journal
        drafts = sum(entry.draft for entry in journal.entries)
        parts.insert(
            0,
            f"{len(journal.published)} entries, {len(journal.family)} for family, "
            f"{drafts} drafts, {len(journal.topics.topics)} tags",
        )
    return ", ".join(parts) + ("" if report.failed(strict=True) else ": ok")
