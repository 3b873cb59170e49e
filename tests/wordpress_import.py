"""Helpers for the WordPress import tests: fixture paths, a generated uploads tree, journals."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, copy_journal, run_travelog
from PIL import Image

FIXTURES = ROOT / "tests" / "fixtures" / "wordpress"
GOLDEN = ROOT / "tests" / "golden" / "wordpress"
SELF_HOSTED = FIXTURES / "self-hosted-wxr-1.2.xml"
WORDPRESS_COM = FIXTURES / "wordpress-com-wxr-1.1.xml"
EXPORTS = {"self-hosted": SELF_HOSTED, "wordpress-com": WORDPRESS_COM}

# The originals a WordPress uploads folder would hold (ghost.jpg is missing on purpose).
UPLOADS = {
    "2024/09/lianhua-gate.jpg": ((64, 48), "teal"),
    "2024/09/dancers-1.jpg": ((48, 64), "red"),
    "2024/09/dancers-2.jpg": ((40, 30), "blue"),
    "2024/10/noodles.png": ((30, 20), "orange"),
    "2024/11/creme.jpg": ((50, 50), "yellow"),
    "2024/11/ferry.jpg": ((60, 40), "white"),
}
# Everything private in the fixtures: commenters' and authors' emails, commenters' IPs.
PRIVATE = [
    "claire@bennetts.example.com",
    "ted.wang@mail.example.net",
    "katie@family.example.org",
    "bob@family.example.org",
    "spam@spam.example.com",
    "amy@family.example.org",
    "joe@family.example.org",
    "gone@family.example.org",
    "claire.b@mail.example.com",
    "mom@home.example.com",
    "dad@home.example.com",
    "pending@example.com",
    "203.0.113.",
    "198.51.100.",
    "192.0.2.",
    "2001:db8::1f",
    "family-only",
]


def make_uploads(folder: Path) -> Path:
    """A ``wp-content/uploads/YYYY/MM`` tree of small generated images; returns ``folder``."""
    for relative, (size, colour) in UPLOADS.items():
        path = folder / "wp-content" / "uploads" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, colour).save(path)
    return folder


def empty_journal(folder: Path) -> Path:
    """The example journal's configuration, topics and pages, without its entries."""
    project = copy_journal(folder)
    for content in ("docs/posts", "comments", "photos"):
        shutil.rmtree(project / content, ignore_errors=True)
        (project / content).mkdir()
    return project


def import_into(project: Path, export: Path, *extra: str):
    return run_travelog(
        "import", "wordpress", str(export), "--into", str(project), *extra, cwd=project
    )


def tree(project: Path) -> dict[str, bytes]:
    """Every file under ``project`` with its content, for before/after comparisons."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }
