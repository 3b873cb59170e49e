"""Time `travelog import wordpress`: a generated export, then WordPress's Theme Unit Test.

1. A generated export of POSTS posts with comments: first import and re-run, in seconds.
2. The Theme Unit Test export (WordPress's public test data) with a generated uploads
   folder (one small file per attachment, images in the format their extension names):
   the one-command move into a new journal and its first `travelog build --strict` (cold
   photo cache), in wall and CPU seconds, with photos found / referenced; then Nikola's
   `import_wordpress` of the same file (no downloads), installed into a throwaway virtual
   environment, and the CPU ratio measured in this run.

Usage: .venv/bin/python scripts/bench_import_wordpress.py [--posts 500]
       [--theme-unit-test PATH] [--skip-peer]
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image

from travelog.config import load_site_settings
from travelog.importers.wordpress.new_journal import start_journal
from travelog.importers.wordpress.run import ImportOptions, import_wordpress

ROOT = Path(__file__).resolve().parent.parent
THEME_UNIT_TEST = ROOT.parent / "shared" / "wordpress" / "theme-unit-test.xml"
PEER = "nikola==8.3.3"
PEER_EXTRAS = ("phpserialize==1.3",)  # Nikola's importer needs it for attachment metadata
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".gif": "GIF"}
_ATTACHMENT_URL = re.compile(r"<wp:attachment_url>(?:<!\[CDATA\[)?([^<\]]+)")
_UPLOAD = re.compile(r"(?:\.files\.wordpress\.com|/wp-content/uploads)/(.+)$")
COMMENTS_PER_POST = 5
HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Bench</title><link>https://bench.example.com</link>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example.com</wp:base_site_url>
"""


def comment(post: int, number: int) -> str:
    parent = f"{post}{number - 1:02d}" if number else "0"
    return (
        f"<wp:comment><wp:comment_id>{post}{number:02d}</wp:comment_id>"
        f"<wp:comment_author>Reader {number}</wp:comment_author>"
        "<wp:comment_date>2024-09-15 08:00:00</wp:comment_date>"
        "<wp:comment_date_gmt>2024-09-15 00:00:00</wp:comment_date_gmt>"
        "<wp:comment_content>Lovely post.\n\nMore please.</wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def post(number: int) -> str:
    body = "\n\n".join(
        f"Paragraph {n} with <em>emphasis</em> and "
        f"<a href='https://bench.example.com/?p={number - 1}'>a link</a>."
        for n in range(8)
    )
    comments = "".join(comment(number, n) for n in range(COMMENTS_PER_POST))
    return (
        f"<item><title>Post number {number}</title><dc:creator>writer</dc:creator>"
        f"<content:encoded>{escape(body)}</content:encoded><excerpt:encoded></excerpt:encoded>"
        f"<wp:post_id>{number}</wp:post_id><wp:post_date>2024-09-14 20:30:00</wp:post_date>"
        "<wp:post_date_gmt>2024-09-14 12:30:00</wp:post_date_gmt>"
        f"<wp:post_name>post-{number}</wp:post_name><wp:status>publish</wp:status>"
        "<wp:post_type>post</wp:post_type>"
        f'<category domain="post_tag" nicename="t{number % 10}">Topic {number % 10}</category>'
        f"{comments}</item>"
    )


def generated(posts: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("posts"))
        export = project / "export.xml"
        items = "".join(post(n) for n in range(1, posts + 1))
        export.write_text(HEADER + items + "</channel></rss>", encoding="utf-8")
        shutil.copytree(ROOT / "overrides", project / "overrides")
        options = ImportOptions(export, load_site_settings(project / "mkdocs.yml"), None)
        for label in ("first import", "re-run"):
            start = time.perf_counter()
            report = import_wordpress(options)
            seconds = time.perf_counter() - start
            print(
                f"{label}: {posts} posts, {report.comments} comments, "
                f"{len(report.written)} files written in {seconds:.2f} s "
                f"({posts / seconds:.0f} posts/s)"
            )


def make_uploads(export: Path, folder: Path) -> int:
    """One small file per attachment of ``export``; returns how many."""
    count = 0
    for url in _ATTACHMENT_URL.findall(export.read_text(encoding="utf-8")):
        found = _UPLOAD.search(url)
        if found is None:
            continue
        path = folder / found.group(1)
        path.parent.mkdir(parents=True, exist_ok=True)
        fmt = IMAGE_FORMATS.get(path.suffix.lower())
        if fmt:
            Image.new("RGB", (640, 480), "teal").save(path, fmt)
        else:
            path.write_bytes(b"generated " + path.suffix.encode())
        count += 1
    return count


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measured(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of a command run to completion (it must succeed)."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, children_cpu() - cpu


def theme_unit_test(export: Path, workdir: Path) -> float:
    """The move and first build; returns the import's CPU seconds."""
    uploads = workdir / "uploads"
    attachments = make_uploads(export, uploads)
    journal = workdir / "journal"
    cpu, start = own_cpu(), time.perf_counter()
    site = start_journal(export, journal)
    report = import_wordpress(ImportOptions(export, site, uploads, new_journal=True))
    wall, import_cpu = time.perf_counter() - start, own_cpu() - cpu
    referenced = report.photos + len(report.missing_media)
    print(
        f"Theme Unit Test move: {len(report.published)} posts, {len(report.pages)} pages, "
        f"{report.comments + report.page_comments} comments, {attachments} uploads generated; "
        f"photos found / referenced: {report.photos} / {referenced}; "
        f"{report.galleries} galleries, {report.redirects} redirects"
    )
    print(f"  import (new journal included): {wall:.2f} s wall, {import_cpu:.2f} s CPU")
    travelog = [sys.executable, "-m", "travelog", "build", "--strict"]
    wall, cpu_seconds = measured(travelog, journal)
    print(f"  first build (--strict, cold photo cache): {wall:.2f} s wall, {cpu_seconds:.2f} s CPU")
    return import_cpu


def peer(export: Path, workdir: Path, travelog_cpu: float) -> None:
    venv = workdir / "peer-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin/pip", "install", "-q", PEER, *PEER_EXTRAS], check=True)
    command = [
        str(venv / "bin/nikola"),
        "import_wordpress",
        "--no-downloads",
        "-o",
        str(workdir / "nikola-site"),
        str(export),
    ]
    wall, cpu = measured(command, workdir)
    print(f"Nikola {PEER.split('==')[1]} import_wordpress: {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"  CPU ratio travelog / Nikola (import): {travelog_cpu / cpu:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--theme-unit-test", type=Path, default=THEME_UNIT_TEST)
    parser.add_argument("--skip-peer", action="store_true")
    args = parser.parse_args()
    generated(args.posts)
    if not args.theme_unit_test.is_file():
        print(f"Theme Unit Test: {args.theme_unit_test} not found, skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        import_cpu = theme_unit_test(args.theme_unit_test, workdir)
        if not args.skip_peer:
            peer(args.theme_unit_test, workdir, import_cpu)


if __name__ == "__main__":
    main()
