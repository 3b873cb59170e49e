"""Print what the glossary costs: loading docs/glossary.yml and rendering every entry.

Run from the journal's folder: ``.venv/bin/python scripts/bench_glossary.py [repeats]``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import markdown

from travelog.config import load_site_settings
from travelog.glossary import load_glossary
from travelog.journal import load_journal

EXTENSIONS = ["attr_list", "md_in_html", "footnotes", "toc"]


def render_all(bodies: list[str], extensions: list[str], configs: dict) -> float:
    start = time.perf_counter()
    for body in bodies:
        markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)
    return time.perf_counter() - start


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    docs = Path("docs")
    start = time.perf_counter()
    glossary = load_glossary(docs)
    first_load = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(repeats):
        load_glossary(docs)
    load = (time.perf_counter() - start) / repeats
    bodies = [
        entry.body
        for entry in load_journal(load_site_settings(Path("mkdocs.yml").resolve())).published
    ]
    configs = {"travelog.markdown.glossary": {"docs_dir": str(docs), "annotate": "first"}}
    plain = min(render_all(bodies, EXTENSIONS, {}) for _ in range(repeats))
    with_glossary = min(
        render_all(bodies, [*EXTENSIONS, "travelog.markdown.glossary"], configs)
        for _ in range(repeats)
    )
    pages = len(bodies)
    print(f"glossary: {len(glossary.terms)} terms")
    print(f"first load (imports pypinyin's dictionary): {first_load * 1000:.1f} ms")
    print(f"load glossary.yml: {load * 1000:.2f} ms")
    print(f"render {pages} entries without glossary: {plain * 1000:.1f} ms")
    print(f"render {pages} entries with glossary: {with_glossary * 1000:.1f} ms")
    print(f"cost per page: {(with_glossary - plain) / pages * 1000:.2f} ms")


if __name__ == "__main__":
    main()
