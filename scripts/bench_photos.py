"""Benchmark the photo step on a synthetic journal and print the figures (not a test).

Generates N entries with M phone-sized JPEGs (EXIF with GPS, every fourth stored sideways),
then prints: the cold photo step's time and photos per second; its ratio to a bare
full-size decode of every original with the same number of processes; the warm rebuild
time and how many images it re-encoded; the ratio of a warm `mkdocs build` of the journal
to a plain Material build of the same Markdown with the photos linked unprocessed; and
Sigal producing the same widths and formats (one Sigal run per width and format, since
Sigal writes one size and one format per run), in its own virtual environment.

Usage: python scripts/bench_photos.py [--entries 60] [--photos 180] [--skip-sigal]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image, ImageDraw
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

from travelog.config import load_site_settings
from travelog.photos.settings import CACHE_DIR
from travelog.photos.site import photos_before_build

ROOT = Path(__file__).resolve().parent.parent
SIZE = (4000, 3000)  # 12 MP
SIGAL = "sigal==2.6.1"
SIGAL_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


def make_photo(args: tuple[Path, int]) -> None:
    path, seed = args
    rng = random.Random(seed)
    image = Image.linear_gradient("L").resize(SIZE).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(SIZE[0]), rng.randrange(SIZE[1])
        r = rng.randrange(50, 600)
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    noise = Image.effect_noise(SIZE, 24).convert("RGB")
    image = Image.blend(image, noise, 0.15)
    exif = Image.Exif()
    exif[Base.Make], exif[Base.Model] = "Apple", "iPhone 14 Pro"
    exif[Base.Orientation] = 6 if seed % 4 == 0 else 1
    exif[IFD.Exif] = {Base.DateTimeOriginal: "2025:01:18 19:34:10", Base.BodySerialNumber: "X1"}
    exif[IFD.GPSInfo] = {
        GPS.GPSLatitudeRef: "N",
        GPS.GPSLatitude: (IFDRational(22), IFDRational(32), IFDRational(35)),
        GPS.GPSLongitudeRef: "E",
        GPS.GPSLongitude: (IFDRational(114), IFDRational(3), IFDRational(28)),
    }
    if seed % 4 == 0:
        image = image.transpose(Image.Transpose.ROTATE_90)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=90, exif=exif.tobytes())


def make_journal(project: Path, entries: int, photos: int, processes: int) -> list[Path]:
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("posts"))
    posts = project / "docs" / "posts"
    posts.mkdir()
    jobs = []
    for number in range(entries):
        names = [f"photo-{i}.jpg" for i in range(number, photos, entries)]
        lines = [
            "---",
            f'title: "Synthetic entry {number}"',
            f"date: 2025-{number % 12 + 1:02d}-{number % 28 + 1:02d}",
            "authors: [claire]",
            "categories: [Futian]",
            "tags: [daily life]",
            f"slug: synthetic-{number}",
            "---",
            "",
            "An opening paragraph for the excerpt.",
            "",
        ]
        for name in names[:1]:
            lines += [f"![A synthetic photo](photos/entry-{number}/{name})", ""]
        lines += ["<!-- more -->", "", "Body text. " * 40, ""]
        for name in names[1:]:
            lines += [f"![A synthetic photo](photos/entry-{number}/{name})", ""]
        (posts / f"synthetic-{number}.md").write_text("\n".join(lines), encoding="utf-8")
        jobs += [
            (project / "photos" / f"entry-{number}" / name, hash(name) % 1000) for name in names
        ]
    for index, (path, _) in enumerate(jobs):
        jobs[index] = (path, index)
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(make_photo, jobs))
    return [path for path, _ in jobs]


def plain_project(project: Path, plain: Path) -> None:
    """The same Markdown and plugins without the photo extension; photos linked as they are.

    The travelog plugin stays (journal checks, feeds) so that the ratio isolates the photos.
    """
    shutil.copytree(project / "docs", plain / "docs")
    shutil.copytree(project / "overrides", plain / "overrides")
    shutil.copytree(project / "photos", plain / "docs" / "photos")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - travelog.markdown.photos\n", "")
    (plain / "mkdocs.yml").write_text(config, encoding="utf-8")
    for post in (plain / "docs" / "posts").glob("*.md"):
        text = post.read_text(encoding="utf-8").replace("](photos/", "](../photos/")
        post.write_text(text, encoding="utf-8")


def decode(path: Path) -> None:
    with Image.open(path) as image:
        image.load()


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def mkdocs_build(project: Path) -> float:
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    return timed(lambda: subprocess.run(command, cwd=project, check=True))


def sigal_seconds(workdir: Path, photos: Path, widths: list[int], processes: int) -> float:
    venv = workdir / "sigal-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin/pip", "install", "-q", SIGAL], check=True)
    total = 0.0
    for width in widths:
        for fmt, pil_format in SIGAL_FORMATS.items():
            config = workdir / f"sigal-{width}-{fmt}.py"
            config.write_text(
                f"img_size = ({width}, {width * 10})\n"
                f"img_format = {pil_format!r}\n"
                "make_thumbs = False\nkeep_orig = False\nautorotate_images = True\n"
                "copy_exif_data = False\nwrite_html = False\n"
                "jpg_options = {'quality': 82, 'optimize': True, 'progressive': True}\n",
                encoding="utf-8",
            )
            out = workdir / f"sigal-out-{width}-{fmt}"
            command = [
                str(venv / "bin/sigal"),
                "build",
                "-c",
                str(config),
                "-n",
                str(processes),
                "-q",
                str(photos),
                str(out),
            ]
            total += timed(lambda command=command: subprocess.run(command, check=True))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=60)
    parser.add_argument("--photos", type=int, default=180)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--skip-sigal", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="travelog-bench-"))
    project = workdir / "journal"
    project.mkdir()
    print(f"generating {args.entries} entries, {args.photos} photos of 12 MP in {workdir} ...")
    originals = make_journal(project, args.entries, args.photos, args.processes)
    megabytes = sum(path.stat().st_size for path in originals) / 1e6
    print(f"originals: {len(originals)} files, {megabytes:.0f} MB, {args.processes} processes")

    settings = load_site_settings(project / "mkdocs.yml")
    settings.plugin.photos.processes = args.processes
    os.chdir(project)

    def step():
        return photos_before_build(
            settings.config_file, settings.docs_dir, settings.plugin, settings.site_url
        )

    shutil.rmtree(project / CACHE_DIR, ignore_errors=True)
    cold = timed(step)
    print(f"cold photo step: {cold:.1f} s, {len(originals) / cold:.2f} photos/s")
    with ProcessPoolExecutor(args.processes) as pool:
        bare = timed(lambda: list(pool.map(decode, originals)))
    print(f"bare full-size decode of every original: {bare:.1f} s; ratio {cold / bare:.2f}")
    results = []
    warm = timed(lambda: results.append(step()))
    print(f"warm photo step: {warm:.2f} s, {len(results[0].derived)} images re-encoded")

    plain = workdir / "plain"
    plain_project(project, plain)
    mkdocs_build(project)
    ours = statistics.median(mkdocs_build(project) for _ in range(3))
    mkdocs_build(plain)
    theirs = statistics.median(mkdocs_build(plain) for _ in range(3))
    print(
        f"warm mkdocs build: travelog {ours:.2f} s, plain Material with unprocessed photos "
        f"{theirs:.2f} s; ratio {ours / theirs:.2f}"
    )
    if not args.skip_sigal:
        widths = list(settings.plugin.photos.widths)
        sigal = sigal_seconds(workdir, project / "photos", widths, args.processes)
        print(
            f"sigal ({SIGAL}, {len(widths)} widths x {len(SIGAL_FORMATS)} formats, one run "
            f"each): {sigal:.1f} s; travelog cold step is {sigal / cold:.2f}x faster"
        )
    if not args.keep:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
