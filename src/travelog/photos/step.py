"""The photo step: scan entries for photos, derive what the cache lacks, publish variants."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from travelog.atomic import write_bytes_atomic
from travelog.config import PhotosConfig
from travelog.errors import TravelogError
from travelog.photos.background import BackgroundPhotos
from travelog.photos.cache import PhotoCache
from travelog.photos.captions import SIDECAR, Captions, load_sidecar, resolve
from travelog.photos.derive import Derived, DeriveError, plan, read_derived
from travelog.photos.index import PhotoIndex, PhotoRecord, default_manifest
from travelog.photos.pool import Job, run_jobs
from travelog.photos.settings import (
    CACHE_DIR,
    PHOTOS_DIR,
    SITE_PREFIX,
    PageSettings,
    PhotoSettings,
    photo_settings,
)
from travelog.photos.syntax import ImageRef, Kind, PhotoSyntaxError, body_start, find_placements
from travelog.text_files import read_text

SUPPORTED_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".avif", ".tif", ".tiff"}
)


@dataclass(frozen=True)
class Usage:
    """A photo placed in a Markdown file, at a 1-based line."""

    source: Path
    line: int
    ref: ImageRef
    kind: Kind


@dataclass
class StepResult:
    index: PhotoIndex
    usages: list[Usage]
    derived: list[str] = field(default_factory=list)
    pruned: int = 0

    def index_without(self, sources: Collection[Path]) -> PhotoIndex:
        """The index minus photos placed only in ``sources`` (entries not published in the
        clear: drafts, family entries), which must not reach the site."""
        kept = {usage.ref.path for usage in self.usages if usage.source not in sources}
        return replace(
            self.index,
            photos={path: record for path, record in self.index.photos.items() if path in kept},
        )

    def lead_photos(self) -> dict[Path, tuple[PhotoRecord, Captions]]:
        """Each Markdown file's first photo (its card and og:image) with its captions."""
        leads: dict[Path, tuple[PhotoRecord, Captions]] = {}
        for usage in self.usages:
            if usage.source not in leads:
                record = self.index.photos[usage.ref.path]
                captions = resolve(
                    usage.ref.alt, usage.ref.title, record.sidecar, record.derived.description
                )
                leads[usage.source] = (record, captions)
        return leads


def scan_usages(docs_dir: Path) -> list[Usage]:
    """Every photo placed in the Markdown files under ``docs_dir``, in file and line order."""
    return [usage for source in sorted(docs_dir.rglob("*.md")) for usage in file_usages(source)]


def file_usages(source: Path) -> list[Usage]:
    """The photos placed in one Markdown file."""
    lines = read_text(source).splitlines()
    try:
        placements = find_placements(lines, body_start(lines))
    except PhotoSyntaxError as error:
        raise TravelogError(str(error), path=source, line=error.line + 1) from None
    return [
        Usage(source, ref.line + 1, ref, placement.kind)
        for placement in placements
        for ref in placement.images
    ]


def _usage_error(usage: Usage, message: str) -> TravelogError:
    return TravelogError(
        f"photo {PHOTOS_DIR}/{usage.ref.path} {message}", path=usage.source, line=usage.line
    )


def missing_alt(usage: Usage) -> TravelogError:
    """A photo without alt text from the Markdown line, its sidecar or the file itself."""
    sidecar_path = PurePosixPath(PHOTOS_DIR) / PurePosixPath(usage.ref.path).parent / SIDECAR
    return _usage_error(
        usage, f"has no alt text; write ![what it shows](...) or add alt: to {sidecar_path}"
    )


def _check_original(usage: Usage, photos_dir: Path) -> Path:
    source = photos_dir / usage.ref.path
    if source.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise _usage_error(
            usage,
            f"has an unsupported format ({source.suffix or 'no extension'}); "
            "use JPEG, PNG, GIF, WebP, HEIC, AVIF or TIFF",
        )
    if not source.resolve().is_relative_to(photos_dir.resolve()):
        raise _usage_error(usage, f"leads out of {PHOTOS_DIR}/ through a link; move the file in")
    if not source.is_file():
        raise _usage_error(usage, "not found; check the name or add the file to photos/")
    if source.stat().st_size == 0:
        raise _usage_error(usage, "is empty (0 bytes); copy the photo again")
    return source


def prepare_photos(
    project_dir: Path,
    docs_dir: Path,
    config: PhotosConfig,
    *,
    config_file: Path,
    base_url: str,
    strict: bool = False,
    warn: Callable[[str], None] = lambda message: None,
    background: BackgroundPhotos | None = None,
) -> StepResult:
    """Derive every placed photo not yet cached; write the manifest; drop unused cache.

    ``base_url`` is the site's base path (``/`` or ``/journal/``), the root of photo URLs.
    With ``background`` (the live preview), photos not cached are handed to it instead and
    recorded as pending, with the sizes they will have.
    """
    settings = photo_settings(config, config_file)
    photos_dir = project_dir / PHOTOS_DIR
    usages = scan_usages(docs_dir)
    sources = {usage.ref.path: _check_original(usage, photos_dir) for usage in usages}
    cache = PhotoCache(project_dir / CACHE_DIR)
    keys = {
        path: cache.key(cache.digest(path, source), settings) for path, source in sources.items()
    }
    derived: dict[str, Derived | str] = {}
    jobs = []
    for path, key in keys.items():
        cached = read_derived(cache.folder(key))
        if cached is None:
            jobs.append(Job(path, sources[path], cache.folder(key)))
        else:
            derived[path] = cached
    pending: set[str] = set()
    if background is None:
        derived.update(run_jobs(jobs, settings, config.processes))
    else:
        derived.update(_defer(jobs, settings, background))
        pending = {job.path for job in jobs if isinstance(derived[job.path], Derived)}
    for usage in usages:
        outcome = derived[usage.ref.path]
        if isinstance(outcome, str):
            raise _usage_error(usage, outcome)
    sidecars: dict[str, dict[str, Captions]] = {}
    records = {}
    for path, outcome in derived.items():
        assert isinstance(outcome, Derived)
        folder = str(PurePosixPath(path).parent)
        if folder not in sidecars:
            sidecars[folder] = load_sidecar(photos_dir / folder)
        sidecar = sidecars[folder].get(PurePosixPath(path).name, Captions())
        records[path] = PhotoRecord(path, keys[path], outcome, sidecar, path in pending)
    for usage in usages:
        record = records[usage.ref.path]
        if not resolve(
            usage.ref.alt, usage.ref.title, record.sidecar, record.derived.description
        ).alt:
            problem = missing_alt(usage)
            if strict:
                raise problem
            warn(str(problem))
    index = PhotoIndex(
        base_url=base_url,
        page=PageSettings(sizes=config.sizes, gallery_sizes=config.gallery_sizes),
        photos=records,
    )
    index.write(default_manifest(project_dir))
    cache.save_stats()
    pruned = cache.prune(set(keys.values()))
    return StepResult(index, usages, [job.path for job in jobs], pruned)


def _defer(
    jobs: list[Job], settings: PhotoSettings, background: BackgroundPhotos
) -> dict[str, Derived | str]:
    """Each job's planned result (or why it failed); the jobs go to the background."""
    outcomes: dict[str, Derived | str] = {}
    waiting = []
    for job in jobs:
        failure = background.failure(job)
        if failure is None:
            try:
                outcomes[job.path] = plan(job.source, settings)
                waiting.append(job)
            except DeriveError as error:
                failure = str(error)
        if failure is not None:
            outcomes[job.path] = failure
    background.submit(waiting, settings)
    return outcomes


def publish_photos(index: PhotoIndex, project_dir: Path, site_dir: Path) -> int:
    """Put every variant into ``site_dir`` (hard links where possible); remove stale files.

    Returns the number of files written.
    """
    cache = PhotoCache(project_dir / CACHE_DIR)
    wanted: dict[Path, Path] = {}
    for record in index.photos.values():
        if record.pending:
            continue
        for variant in record.derived.variants:
            wanted[site_dir / record.site_file(variant)] = cache.folder(record.key) / variant.file
    written = 0
    for target, source in wanted.items():
        if target.is_file() and target.stat().st_size == source.stat().st_size:
            continue
        _place(source, target)
        written += 1
    root = site_dir / SITE_PREFIX
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written


def _place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}")
    temporary.unlink(missing_ok=True)
    try:
        os.link(source, temporary)
    except OSError:
        shutil.copyfile(source, temporary)
    try:
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        write_bytes_atomic(target, source.read_bytes())
