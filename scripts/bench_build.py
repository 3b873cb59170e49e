"""Print what travelog adds to a build: warm CPU seconds against a plain Material build.

For the example journal and for a generated journal of N entries (default 150) this builds,
after one warm-up run each (photo cache, bytecode, disk cache all warm):

- ``travelog build`` (the journal's checks, the photo step, then MkDocs with the plugin);
- ``mkdocs build`` (MkDocs with the travelog plugin, extensions and overrides);
- a plain Material build of the same Markdown: Material's blog and tags plugins (and MkDocs'
  search, which the journal has too), no travelog plugin, extensions or overrides; photo
  lines become plain image links to the unprocessed originals, galleries plain lists.

CPU is user + system time of the child processes (``getrusage(RUSAGE_CHILDREN)``), the median
of the repeats. Run from the repository: ``.venv/bin/python scripts/bench_build.py
[--entries 150] [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
JOURNAL_PARTS = ("mkdocs.yml", "docs", "overrides", "photos", "comments")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".avif"}
PHOTO_LINK = re.compile(r"\]\(photos/")
GALLERY_FENCE = re.compile(r"^:::")
TOPIC_MARKER = re.compile(r"^<!--\s*travelog:topic\s+(?P<name>[^>]+?)\s*-->\s*$")
TOPICS_MARKER = re.compile(r"^<!--\s*travelog:topics\s*-->\s*$")
FRONT_FIELD = re.compile(r"^(?P<key>date|slug):.*$", re.MULTILINE)
# Settings a plain Material site keeps from the journal's mkdocs.yml.
PLAIN_KEYS = ("site_name", "site_description", "site_author", "site_url", "copyright", "nav")
PLAIN_DOCS_KEYS = ("exclude_docs", "not_in_nav")
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_example(destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in JOURNAL_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def generate_entries(project: Path, count: int) -> None:
    """Replace the journal's entries by ``count`` entries cycled from its published ones.

    Each comment archive moves to the first copy of its entry.
    """
    posts = project / "docs" / "posts"
    sources = [
        path.read_text(encoding="utf-8")
        for path in sorted(posts.glob("*.md"))
        if "draft: true" not in path.read_text(encoding="utf-8")
    ]
    slugs = [re.search(r"^slug: (.+)$", text, re.MULTILINE)[1].strip() for text in sources]
    for archive in (project / "comments").glob("*.yml"):
        number = slugs.index(archive.stem)
        renamed = f"{archive.stem}-{number:03d}"
        text = archive.read_text(encoding="utf-8")
        (archive.parent / f"{renamed}.yml").write_text(
            text.replace(f"entry: {archive.stem}", f"entry: {renamed}"), "utf-8"
        )
        archive.unlink()
    for path in posts.glob("*.md"):
        path.unlink()
    first_day = date(2023, 1, 2)
    for number in range(count):
        text = sources[number % len(sources)]
        day = first_day + timedelta(days=5 * number)
        _, front, body = text.split("---\n", 2)

        def renumbered(match: re.Match[str], number: int = number, day: date = day) -> str:
            if match["key"] == "date":
                return f"date: {day.isoformat()}"
            return f"{match[0]}-{number:03d}"

        front = FRONT_FIELD.sub(renumbered, front)
        (posts / f"entry-{number:03d}.md").write_text(f"---\n{front}---\n{body}", "utf-8")


def plain_copy(project: Path, destination: Path) -> Path:
    """The same Markdown as a plain Material site: no travelog parts, photos unprocessed."""
    docs = destination / "docs"
    shutil.copytree(project / "docs", docs)
    photos = docs / "photos"
    for original in (project / "photos").rglob("*"):
        if original.suffix.lower() in IMAGE_SUFFIXES:
            target = photos / original.relative_to(project / "photos")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(original, target)
    for page in docs.rglob("*.md"):
        link = "](" + os.path.relpath(photos, page.parent).replace(os.sep, "/") + "/"
        lines = []
        for line in page.read_text(encoding="utf-8").splitlines():
            if GALLERY_FENCE.match(line):
                continue
            if topic := TOPIC_MARKER.match(line):
                line = f"<!-- material/tags {{ include: [{topic['name']}] }} -->"
            elif TOPICS_MARKER.match(line):
                line = "<!-- material/tags -->"
            lines.append(PHOTO_LINK.sub(link, line) if line.startswith("![") else line)
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    source = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    blog = next(
        plugin["blog"]
        for plugin in source["plugins"]
        if isinstance(plugin, dict) and "blog" in plugin
    )
    config = {key: source[key] for key in PLAIN_KEYS + PLAIN_DOCS_KEYS if key in source}
    config["theme"] = {
        key: value for key, value in source["theme"].items() if key not in ("custom_dir",)
    }
    config["theme"].pop("favicon", None)
    config["theme"].pop("logo", None)
    config["plugins"] = ["search", {"blog": blog}, "tags"]
    config["markdown_extensions"] = [
        "attr_list",
        "md_in_html",
        "footnotes",
        {"toc": {"permalink": True}},
    ]
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), "utf-8")
    return destination


def cpu_seconds(command: list[str], cwd: Path) -> float:
    """User + system CPU of ``command`` and every process it waited for."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(command, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{result.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def warm_median(command: list[str], cwd: Path, repeats: int) -> float:
    cpu_seconds(command, cwd)  # warm-up: photo cache, bytecode, disk cache
    return statistics.median(cpu_seconds(command, cwd) for _ in range(repeats))


def measure(name: str, project: Path, plain: Path, repeats: int) -> None:
    python = sys.executable
    travelog = warm_median([python, "-m", "travelog", "build"], project, repeats)
    mkdocs = warm_median([python, "-m", "mkdocs", "build", "--quiet"], project, repeats)
    material = warm_median([python, "-m", "mkdocs", "build", "--quiet"], plain, repeats)
    entries = sum(
        "draft: true" not in path.read_text(encoding="utf-8")
        for path in (project / "docs" / "posts").glob("*.md")
    )
    print(f"{name} ({entries} published entries), warm CPU seconds, median of {repeats}:")
    print(f"  travelog build       {travelog:6.2f}")
    print(f"  mkdocs build         {mkdocs:6.2f}")
    print(f"  plain Material build {material:6.2f}")
    print(f"  ratio travelog build / plain: {travelog / material:.2f}")
    print(f"  ratio mkdocs build / plain:   {mkdocs / material:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=150, help="entries in the generated journal")
    parser.add_argument("--repeats", type=int, default=3, help="measured runs after the warm-up")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="travelog-bench-") as folder:
        work = Path(folder)
        example = copy_example(work / "example")
        measure(
            "example journal", example, plain_copy(example, work / "example-plain"), args.repeats
        )
        generated = copy_example(work / "generated")
        generate_entries(generated, args.entries)
        measure(
            "generated journal",
            generated,
            plain_copy(generated, work / "generated-plain"),
            args.repeats,
        )


if __name__ == "__main__":
    main()
