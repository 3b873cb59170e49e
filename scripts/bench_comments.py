"""Print how long the comments steps take: validating, rendering and sanitizing archives.

Run: .venv/bin/python scripts/bench_comments.py [COMMENTS]
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from travelog.comments.archive import ArchivedComment, read_archive, write_archive
from travelog.comments.render import render_archive

DEFAULT_COMMENTS = 2000
TEXT = (
    "<p>Twenty-three cameras, and <a href='https://example.org/'>a link</a>. "
    "<script>alert(1)</script><em>Still</em> here.</p>"
)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COMMENTS
    start = dt.datetime(2024, 9, 15, 8, tzinfo=dt.UTC)
    comments = [
        ArchivedComment(
            id=f"isso-{n}",
            parent=None if n % 4 == 0 else f"isso-{n - 1}",
            author=f"Reader {n}",
            website="https://example.org/" if n % 2 else None,
            date=start + dt.timedelta(minutes=n),
            text=TEXT,
        )
        for n in range(count)
    ]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yml"
        began = time.perf_counter()
        write_archive(path, "bench", comments)
        wrote = time.perf_counter() - began
        began = time.perf_counter()
        archive = read_archive(path)
        read = time.perf_counter() - began
        began = time.perf_counter()
        html = render_archive(archive)
        rendered = time.perf_counter() - began
    print(f"{count} comments, {len(html) / 1024:.0f} KiB of HTML")
    print(f"write archive   {wrote * 1000:8.1f} ms")
    print(f"read + validate {read * 1000:8.1f} ms")
    print(f"render + nh3    {rendered * 1000:8.1f} ms ({rendered / count * 1e6:.0f} µs/comment)")


if __name__ == "__main__":
    main()
