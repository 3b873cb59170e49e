"""Time `travelog import wordpress` on a generated export: prints posts, comments and seconds.

Usage: .venv/bin/python scripts/bench_import_wordpress.py [POSTS]   (default 500)
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from travelog.config import load_site_settings
from travelog.importers.wordpress.run import ImportOptions, import_wordpress

ROOT = Path(__file__).resolve().parent.parent
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


def main() -> None:
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 500
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


if __name__ == "__main__":
    main()
