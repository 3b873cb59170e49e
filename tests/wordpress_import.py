"""Helpers for the WordPress import tests: fixture paths, a generated uploads tree, journals."""

from __future__ import annotations

import io
import shutil
import tarfile
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
    project = copy_journal(folder, warm_photos=False)
    for content in ("docs/posts", "comments", "photos"):
        shutil.rmtree(project / content, ignore_errors=True)
        (project / content).mkdir()
    return project


def import_into(project: Path, export: Path, *extra: str):
    return run_travelog(
        "import", "wordpress", str(export), "--into", str(project), *extra, cwd=project
    )


def import_into_new(folder: Path, export: Path, *extra: str):
    """Import with ``--into`` a folder that holds no journal, from its parent."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    return run_travelog(
        "import", "wordpress", str(export), "--into", folder.name, *extra, cwd=folder.parent
    )


def tree(project: Path) -> dict[str, bytes]:
    """Every file under ``project`` with its content, for before/after comparisons."""
    return {
        path.relative_to(project).as_posix(): path.read_bytes()
        for path in sorted(project.rglob("*"))
        if path.is_file()
    }


MOVE = FIXTURES / "wordpress-com-move.xml"
# The uploads of the WordPress.com move fixture, as its "Export media library" would give
# them (2017/07/ghost.jpg is missing on purpose): JPEG originals and their WordPress copies,
# a still and an animated GIF, and a PDF that a post links to.
MOVE_JPEGS = {
    "2015/11/dsc_7142.jpg": ((64, 48), "teal"),
    "2016/03/ridge.jpg": ((40, 30), "red"),  # before the edit in WordPress's image editor
    "2016/03/ridge-e1491234567.jpg": ((30, 40), "green"),  # the edit: the one to keep
    "2017/05/summit.jpg": ((80, 60), "navy"),
    "2017/05/summit-scaled.jpg": ((40, 30), "navy"),
    "2017/06/lake-rotated.jpg": ((30, 40), "olive"),
    "2017/07/cover.jpg": ((50, 50), "brown"),
    "2017/08/g1.jpg": ((60, 40), "pink"),
    "2017/08/g2.jpg": ((60, 40), "grey"),
    "2017/08/g3.jpg": ((60, 40), "purple"),
}
PDF_BYTES = (
    b"%PDF-1.4\n% travelog test\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
)


def make_move_media(folder: Path) -> Path:
    """The move fixture's uploads folder (``YYYY/MM/...`` directly inside ``folder``)."""
    for relative, (size, colour) in MOVE_JPEGS.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, colour).save(path)
    frames = [Image.new("RGB", (40, 30), colour) for colour in ("white", "blue", "white")]
    frames[0].save(
        folder / "2017/06/waterfall.gif", save_all=True, append_images=frames[1:], duration=90
    )
    Image.new("RGB", (40, 30), "yellow").convert("P").save(folder / "2017/06/trail-map.gif")
    (folder / "2017/06/hut-guide.pdf").write_bytes(PDF_BYTES)
    return folder


def make_media_tar(uploads: Path, archive: Path, *extra: tarfile.TarInfo) -> Path:
    """``uploads`` as a media archive under one top folder, plus any ``extra`` members."""
    with tarfile.open(archive, "w") as tar:
        tar.add(uploads, arcname="ridgeandriver-media")
        for member in extra:
            data = b"not a photo" if member.isfile() else None
            if data is not None:
                member.size = len(data)
            tar.addfile(member, io.BytesIO(data) if data is not None else None)
    return archive
