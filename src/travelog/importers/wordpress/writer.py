"""Write a plan into the journal, safely on re-runs.

The manifest ``.travelog-import.json`` (at the journal root) records the SHA-256 of every
file as the importer wrote it. A file whose current content differs from that record (or
that the importer never wrote) was edited by someone: it is kept unless ``force``. Shared
files (the topic registry, the authors file) are merged: only missing names are added.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import yaml

from travelog.atomic import write_bytes_atomic, write_text_atomic
from travelog.avatars import avatar_path
from travelog.config import TAGS_DIR
from travelog.errors import TravelogError
from travelog.importers.wordpress.nav import add_pages
from travelog.importers.wordpress.plan import Plan
from travelog.importers.wordpress.yamlout import dump
from travelog.journal import AUTHORS_FILE
from travelog.topics import (
    REGISTRY_FILE,
    REGISTRY_HEADER,
    TAGS_INDEX_TEXT,
    Topic,
    tag_page_text,
)

MANIFEST_FILE = ".travelog-import.json"
MANIFEST_VERSION = 1


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_manifest(project_dir: Path) -> dict[str, str]:
    """Path -> hash of every file the previous imports wrote."""
    path = project_dir / MANIFEST_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if not isinstance(files, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise TravelogError(
            "the import manifest is damaged; delete it and re-run with --force", path=path
        ) from None
    return {str(key): str(value) for key, value in files.items()}


def write_plan(
    plan: Plan, project_dir: Path, docs_dir: Path, config_file: Path, *, force: bool
) -> None:
    recorded = load_manifest(project_dir)
    report = plan.report
    for relative, content in sorted(plan.files.items()):
        data = content if isinstance(content, bytes) else content.read_bytes()
        target = project_dir / relative
        wanted = digest(data)
        if target.is_file():
            current = digest(target.read_bytes())
            if current == wanted:
                recorded[relative] = wanted
                report.unchanged.append(relative)
                continue
            if not force and recorded.get(relative) != current and relative not in plan.replaces:
                report.kept.append(relative)
                continue
        write_bytes_atomic(target, data)
        recorded[relative] = wanted
        report.written.append(relative)
    _merge_nav(plan, config_file)
    _merge_topics(plan, docs_dir)
    _merge_authors(plan, docs_dir)
    for relative, name in sorted(plan.tag_pages.items()):
        target = project_dir / relative
        if not target.exists():
            write_text_atomic(target, tag_page_text(Topic(name=name, description="")))
            report.written.append(relative)
    index = docs_dir / TAGS_DIR / "index.md"
    if plan.tag_pages and not index.exists():
        write_text_atomic(index, TAGS_INDEX_TEXT)
    manifest = {"version": MANIFEST_VERSION, "source": "wordpress", "files": recorded}
    write_text_atomic(
        project_dir / MANIFEST_FILE, json.dumps(manifest, indent=1, sort_keys=True) + "\n"
    )


def _merge_nav(plan: Plan, config_file: Path) -> None:
    """Imported pages join mkdocs.yml's nav (pages already there are left as they are)."""
    if not plan.nav or not config_file.is_file():
        return
    text = config_file.read_text(encoding="utf-8")
    updated = add_pages(text, plan.nav)
    if updated != text:
        write_text_atomic(config_file, updated)
        plan.report.written.append(config_file.name)


def _merge_topics(plan: Plan, docs_dir: Path) -> None:
    if not plan.topics:
        return
    path = docs_dir / REGISTRY_FILE
    text = path.read_text(encoding="utf-8") if path.is_file() else REGISTRY_HEADER
    if text and not text.endswith("\n"):
        text += "\n"
    write_text_atomic(path, text + dump(plan.topics))
    plan.report.written.append(path.name)


def _merge_authors(plan: Plan, docs_dir: Path) -> None:
    if not plan.authors:
        return
    path = docs_dir / AUTHORS_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    data = data if isinstance(data, dict) else {}
    authors = data.setdefault("authors", {}) or {}
    data["authors"] = authors
    for author_id, name in plan.authors.items():
        authors.setdefault(
            author_id, {"name": name, "description": "", "avatar": avatar_path(author_id)}
        )
    write_text_atomic(path, dump(data))
    plan.report.written.append(path.name)
