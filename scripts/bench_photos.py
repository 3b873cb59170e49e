"""Benchmark the photo step on phone-like originals, against Sigal and Nikola (not a test).

Generates a journal of entries with three photos each, drawn from N phone-like originals:
12-MP JPEGs of about 3.5 MB with a phone's EXIF (GPS, serial number), a third of them
upright photos stored sideways with an EXIF orientation, as phones store them. Then prints:

- travelog's cold photo step, run as the build runs it, in CPU seconds (its processes and
  their workers, measured with getrusage): per photo for landscape, portrait and all photos,
  per output image, and the peak resident memory of one worker;
- bytes per variant (format and width), and the quality metric: SSIM (scikit-image,
  Gaussian window, on luma) of each variant against a high-quality resize of the fully
  decoded original to the same size;
- what a 390-px, 3x phone loads in headless Chromium for a three-photo entry, and for
  opening its three photos in the lightbox;
- the warm `mkdocs build` in CPU seconds against the same Markdown without the photo
  extension (photos linked unprocessed) and against plain Material (no travelog plugin or
  extensions), on this journal and on the example journal;
- the same originals through Sigal and Nikola, installed into a throwaway virtual
  environment, with the ratios measured in this one run.

Usage: python scripts/bench_photos.py [--photos 90] [--entries 150] [--processes 2]
       [--skip-peers] [--skip-builds] [--skip-browser]      (quick: --photos 6 --entries 6)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageOps
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

ROOT = Path(__file__).resolve().parent.parent
LANDSCAPE = (4032, 3024)  # 12 MP, as phones store every photo
PHONE_QUALITY = 93  # about 3.5 MB at 12 MP, like a phone's camera app
PEERS = ("sigal==2.6.1", "nikola==8.3.3")
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True}
JOURNAL_PARTS = ("mkdocs.yml", "docs", "overrides", "photos", "comments")
CACHE = Path(".travelog-cache/photos")
MEBIBYTE = 1024 * 1024


# --- the corpus ---------------------------------------------------------------------------


def _portrait(index: int) -> bool:
    return index % 3 == 2


def make_photo(args: tuple[Path, int]) -> None:
    """A textured 12-MP picture saved as a phone saves it (portraits stored sideways)."""
    path, index = args
    rng = random.Random(index)
    upright = LANDSCAPE[::-1] if _portrait(index) else LANDSCAPE
    corners = Image.new("RGB", (4, 3))
    corners.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(12)])
    image = corners.resize(upright, Image.Resampling.BICUBIC)
    for cells, weight in ((32, 0.35), (160, 0.25), (400, 0.1)):
        grid = (cells, cells * upright[1] // upright[0])
        octave = Image.merge("RGB", [Image.effect_noise(grid, 64) for _ in range(3)])
        image = Image.blend(image, octave.resize(upright, Image.Resampling.BICUBIC), weight)
    draw = ImageDraw.Draw(image)
    for _ in range(120):
        x, y = rng.randrange(upright[0]), rng.randrange(upright[1])
        colour = tuple(rng.randrange(256) for _ in range(3))
        if rng.random() < 0.5:
            r = rng.randrange(20, 400)
            draw.ellipse([x - r, y - r, x + r, y + r], outline=colour, width=rng.randrange(2, 12))
        else:
            end = (x + rng.randrange(-800, 800), y + rng.randrange(-800, 800))
            draw.line([(x, y), end], fill=colour, width=rng.randrange(1, 8))
    grain = Image.merge("RGB", [Image.effect_noise(upright, 30) for _ in range(3)])
    image = Image.blend(image, grain, 0.15)  # sensor grain: bytes, not detail
    orientation = 1
    if _portrait(index):
        orientation = 6 if index % 2 else 8
        rotation = Image.Transpose.ROTATE_90 if orientation == 6 else Image.Transpose.ROTATE_270
        image = image.transpose(rotation)
    exif = Image.Exif()
    exif[Base.Make], exif[Base.Model] = "Apple", "iPhone 14 Pro"
    exif[Base.Orientation] = orientation
    exif[IFD.Exif] = {Base.DateTimeOriginal: "2025:01:18 19:34:10", Base.BodySerialNumber: "X1"}
    exif[IFD.GPSInfo] = {
        GPS.GPSLatitudeRef: "N",
        GPS.GPSLatitude: (IFDRational(22), IFDRational(32), IFDRational(35)),
        GPS.GPSLongitudeRef: "E",
        GPS.GPSLongitude: (IFDRational(114), IFDRational(3), IFDRational(28)),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=PHONE_QUALITY, exif=exif.tobytes())


def copy_journal(source: Path, destination: Path, parts=JOURNAL_PARTS) -> Path:
    destination.mkdir(parents=True)
    for part in parts:
        if (source / part).is_dir():
            shutil.copytree(source / part, destination / part)
        elif (source / part).is_file():
            shutil.copy2(source / part, destination / part)
    return destination


def make_journal(project: Path, photos: int, entries: int, processes: int) -> list[Path]:
    """Entries of three photos each, the originals used in turn; returns the originals."""
    copy_journal(ROOT, project, ("mkdocs.yml", "docs", "overrides"))
    posts = project / "docs" / "posts"
    shutil.rmtree(posts)
    posts.mkdir()
    originals = [project / "photos" / "corpus" / f"photo-{i:03d}.jpg" for i in range(photos)]
    for number in range(entries):
        names = [originals[(3 * number + k) % photos].name for k in range(3)]
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
            "An opening paragraph for the excerpt, long enough to read like one.",
            "",
            f'![A synthetic photo](photos/corpus/{names[0]} "The *first* photo, '
            f'with [a link](https://example.org/{number}).")',
            "",
            "<!-- more -->",
            "",
            "Body text. " * 60,
            "",
            f"![A second synthetic photo](photos/corpus/{names[1]})",
            "",
            "More body text. " * 40,
            "",
            f'![A third synthetic photo](photos/corpus/{names[2]} "The third, captioned.")',
            "",
        ]
        (posts / f"synthetic-{number}.md").write_text("\n".join(lines), encoding="utf-8")
    with ProcessPoolExecutor(processes) as pool:
        list(pool.map(make_photo, [(path, i) for i, path in enumerate(originals)]))
    return originals


# --- measuring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Cost:
    cpu: float  # user + system CPU seconds of the command and every process it waited for
    peak_mb: float  # the largest resident set of any one of those processes


def measured(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Cost:
    """Run ``command`` in a fresh child that reports its descendants' rusage."""
    probe = (
        "import json, resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps([usage.ru_utime + usage.ru_stime, usage.ru_maxrss]))\n"
    )
    output = subprocess.run(
        [sys.executable, "-c", probe, *command],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cpu, maxrss_kb = json.loads(output.strip().splitlines()[-1])
    return Cost(cpu, maxrss_kb / 1024)


STEP = (
    "import sys\n"
    "from pathlib import Path\n"
    "from travelog.config import load_site_settings\n"
    "from travelog.photos.site import photos_before_build\n"
    "settings = load_site_settings(Path('mkdocs.yml').resolve())\n"
    "settings.plugin.photos.processes = int(sys.argv[1])\n"
    "photos_before_build(settings)\n"
)


def photo_step(project: Path, processes: int) -> Cost:
    shutil.rmtree(project / CACHE, ignore_errors=True)
    return measured([sys.executable, "-c", STEP, str(processes)], project)


def subset(project: Path, target: Path, keep: Callable[[int], bool]) -> Path:
    """A copy of ``project`` whose entries place only the originals ``keep`` accepts."""
    journal = copy_journal(project, target, ("mkdocs.yml", "docs", "overrides"))
    (journal / "photos" / "corpus").mkdir(parents=True)
    for original in sorted((project / "photos" / "corpus").iterdir()):
        if keep(int(original.stem.split("-")[1])):
            os.link(original, journal / "photos" / "corpus" / original.name)
    kept = {path.name for path in (journal / "photos" / "corpus").iterdir()}
    for post in (journal / "docs" / "posts").glob("*.md"):
        lines = post.read_text(encoding="utf-8").splitlines()
        lines = [
            line
            for line in lines
            if "](photos/corpus/" not in line or line.split("/")[2].split()[0].rstrip(")") in kept
        ]
        post.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return journal


def manifest(project: Path) -> dict:
    return json.loads((project / CACHE / "manifest.json").read_text(encoding="utf-8"))["photos"]


def variant_bytes(projects: list[Path]) -> dict[tuple[str, str], list[int]]:
    """(format, width label) -> the sizes in bytes of those variants."""
    sizes: dict[tuple[str, str], list[int]] = defaultdict(list)
    for project in projects:
        for item in manifest(project).values():
            largest = max(variant["width"] for variant in item["derived"]["variants"])
            for variant in item["derived"]["variants"]:
                path = project / CACHE / "objects" / item["key"] / variant["file"]
                label = f"{variant['width']}w" + (
                    " (largest)" if variant["width"] == largest else ""
                )
                sizes[(variant["format"], label)].append(path.stat().st_size)
    return sizes


def quality(projects: list[Path], sample: int) -> dict[str, list[float]]:
    """Format -> SSIM of each sampled photo's variants against a high-quality resize."""
    from skimage.metrics import structural_similarity

    scores: dict[str, list[float]] = defaultdict(list)
    for project in projects:
        for path, item in sorted(manifest(project).items())[:sample]:
            with Image.open(project / "photos" / path) as original:
                reference = ImageOps.exif_transpose(original).convert("RGB")
            for variant in item["derived"]["variants"]:
                size = (variant["width"], variant["height"])
                expected = reference.resize(size, Image.Resampling.LANCZOS).convert("L")
                with Image.open(project / CACHE / "objects" / item["key"] / variant["file"]) as got:
                    actual = got.convert("L")
                score = structural_similarity(
                    _array(expected),
                    _array(actual),
                    data_range=255,
                    gaussian_weights=True,
                    sigma=1.5,
                    use_sample_covariance=False,
                )
                scores[variant["format"]].append(float(score))
    return scores


def _array(image: Image.Image):
    import numpy

    return numpy.asarray(image, dtype=numpy.float64)


def cpu_of(action: Callable[[], object]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    action()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def mkdocs_build_cpu(project: Path) -> float:
    """Median CPU seconds of three warm `mkdocs build` runs (after one to warm up)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=project, check=True, env=env)
    return statistics.median(
        cpu_of(lambda: subprocess.run(command, cwd=project, check=True, env=env)) for _ in range(3)
    )


def plain_project(project: Path, plain: Path, *, material_only: bool) -> Path:
    """The same Markdown without the photo extension, photos linked as they are; with
    ``material_only`` also without the travelog plugin and extensions: plain Material."""
    shutil.copytree(project / "docs", plain / "docs")
    shutil.copytree(project / "overrides", plain / "overrides")
    shutil.copytree(project / "photos", plain / "docs" / "photos")
    if (project / "comments").is_dir():
        shutil.copytree(project / "comments", plain / "comments")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    drop = "travelog" if material_only else "travelog.markdown.photos"
    config["markdown_extensions"] = [
        item
        for item in config["markdown_extensions"]
        if not (item if isinstance(item, str) else next(iter(item))).startswith(drop)
    ]
    if material_only:
        config["plugins"] = [
            item
            for item in config["plugins"]
            if (item if isinstance(item, str) else next(iter(item))) != "travelog"
        ]
    (plain / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for post in (plain / "docs" / "posts").glob("*.md"):
        text = post.read_text(encoding="utf-8").replace("](photos/", "](../photos/")
        text = "\n".join(line for line in text.splitlines() if not line.startswith(":::"))
        post.write_text(text + "\n", encoding="utf-8")
    return plain


def warm_ratios(project: Path, workdir: Path, label: str) -> None:
    """Print the warm build's CPU seconds against the same Markdown without photos and
    against plain Material."""
    ours = mkdocs_build_cpu(project)
    no_photos = mkdocs_build_cpu(plain_project(project, workdir / "no-photos", material_only=False))
    material = mkdocs_build_cpu(plain_project(project, workdir / "material", material_only=True))
    print(
        f"warm mkdocs build, {label}: {ours:.2f} CPU s; without the photo extension "
        f"{no_photos:.2f} (ratio {ours / no_photos:.2f}); plain Material {material:.2f} "
        f"(ratio {ours / material:.2f})"
    )


def phone_bytes(site: Path, entry_url: str) -> tuple[int, int, int]:
    """Image bytes a 390-px 3x phone loads for an entry page, then for its lightbox photos."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import serve_directory

    loaded: list[int] = []

    def count(response) -> None:
        if response.request.resource_type == "image" and response.status == 200:
            loaded.append(len(response.body()))

    with serve_directory(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.on("response", count)
        page.goto(url + entry_url, wait_until="networkidle")
        for _ in range(20):
            page.mouse.wheel(0, 600)
            page.wait_for_timeout(100)
        page.wait_for_load_state("networkidle")
        on_page, photos = sum(loaded), len(loaded)
        loaded.clear()
        page.locator("article a.glightbox").first.click()
        for step in range(3):
            page.locator(".gslide.current img").wait_for(state="visible")
            page.wait_for_function(
                "() => { const i = document.querySelector('.gslide.current img');"
                " return i && i.complete && i.naturalWidth > 0; }"
            )
            if step < 2:
                page.keyboard.press("ArrowRight")  # phones hide the arrow buttons
        page.wait_for_load_state("networkidle")
        lightbox = sum(loaded)
        browser.close()
    return on_page, photos, lightbox


# --- peers --------------------------------------------------------------------------------


def peers_venv(workdir: Path) -> Path:
    venv = workdir / "peers-venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [venv / "bin/pip", "install", "-q", *PEERS], check=True, stderr=subprocess.DEVNULL
    )
    return venv


def images_under(folder: Path) -> int:
    suffixes = {".jpg", ".jpeg", ".webp", ".avif", ".png"}
    return sum(1 for path in folder.rglob("*") if path.suffix.lower() in suffixes)


def sigal(venv: Path, workdir: Path, photos: Path, processes: int) -> tuple[Cost, int]:
    """Sigal with its defaults except a 1600-px bounding box (it also makes thumbnails)."""
    config = workdir / "sigal.conf.py"
    config.write_text("img_size = (1600, 1600)\n", encoding="utf-8")
    out = workdir / "sigal-out"
    command = [str(venv / "bin/sigal"), "build", "-q", "-c", str(config), "-n", str(processes)]
    cost = measured([*command, str(photos), str(out)], workdir)
    return cost, images_under(out)


def nikola(venv: Path, workdir: Path, photos: Path, processes: int) -> tuple[Cost, int]:
    """A new Nikola site (its defaults) with the originals as one gallery."""
    site = workdir / "nikola-site"
    subprocess.run(
        [str(venv / "bin/nikola"), "init", "-q", str(site)], check=True, stdout=subprocess.DEVNULL
    )
    shutil.copytree(photos, site / "galleries" / "corpus")
    env = {**os.environ, "PATH": f"{venv / 'bin'}:{os.environ['PATH']}"}
    cost = measured([str(venv / "bin/nikola"), "build", "-n", str(processes)], site, env)
    return cost, images_under(site / "output" / "galleries")


# --- report -------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=90)
    parser.add_argument("--entries", type=int, default=150)
    parser.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quality-sample", type=int, default=3, help="photos per orientation")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument("--skip-builds", action="store_true")
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="travelog-bench-"))
    project = workdir / "journal"
    print(f"generating {args.photos} phone-like originals, {args.entries} entries in {workdir}")
    originals = make_journal(project, args.photos, args.entries, args.processes)
    portraits = sum(_portrait(i) for i in range(args.photos))
    megabytes = sum(path.stat().st_size for path in originals) / len(originals) / 1e6
    print(
        f"originals: {len(originals)} JPEGs of 12 MP, {megabytes:.2f} MB on average, "
        f"{portraits} portraits stored sideways; {args.processes} processes"
    )

    parts = {
        "landscape": subset(project, workdir / "landscape", lambda i: not _portrait(i)),
        "portrait": subset(project, workdir / "portrait", _portrait),
    }
    costs = {name: photo_step(journal, args.processes) for name, journal in parts.items()}
    counts = {"landscape": len(originals) - portraits, "portrait": portraits}
    outputs = sum(
        len(item["derived"]["variants"])
        for journal in parts.values()
        for item in manifest(journal).values()
    )
    total = sum(cost.cpu for cost in costs.values())
    print("\ntravelog cold photo step (CPU s):")
    for name, cost in costs.items():
        print(
            f"  {name:<9} {cost.cpu / max(counts[name], 1):6.2f} per photo, "
            f"peak {cost.peak_mb:5.0f} MB per process"
        )
    print(
        f"  all       {total / len(originals):6.2f} per photo, {total / outputs:.3f} per output "
        f"image ({outputs / len(originals):.1f} per photo), peak "
        f"{max(cost.peak_mb for cost in costs.values()):.0f} MB"
    )
    print("\nbytes per variant (mean KB):")
    for (fmt, label), sizes in sorted(variant_bytes(list(parts.values())).items()):
        print(f"  {fmt:<5} {label:<16} {statistics.mean(sizes) / 1024:7.1f} ({len(sizes)} images)")
    print("\nquality: SSIM on luma against a Lanczos resize of the full original (min / mean):")
    for fmt, scores in sorted(quality(list(parts.values()), args.quality_sample).items()):
        print(f"  {fmt:<5} {min(scores):.4f} / {statistics.mean(scores):.4f} ({len(scores)})")

    if not args.skip_builds:
        shutil.copytree(parts["landscape"] / CACHE, project / CACHE)
        photo_step(project, args.processes)  # the whole corpus, for the builds below
        print()
        warm_ratios(project, workdir / "plain", f"{args.entries} entries")
        warm_ratios(copy_journal(ROOT, workdir / "example"), workdir / "example-plain", "example")
        if not args.skip_browser:
            entry = "2025/02/synthetic-1/"
            page, count, lightbox = phone_bytes(project / "site", entry)
            print(
                f"390-px 3x phone, three-photo entry {entry}: {page / 1024:.0f} KB of images "
                f"({count} files); opening its three photos in the lightbox: "
                f"{lightbox / 1024:.0f} KB more"
            )

    if not args.skip_peers:
        print(f"\ninstalling {', '.join(PEERS)} into a throwaway virtual environment ...")
        venv = peers_venv(workdir)
        photos = project / "photos" / "corpus"
        per_photo = total / len(originals)
        for name, run in (("sigal", sigal), ("nikola", nikola)):
            cost, images = run(venv, workdir, photos, args.processes)
            print(
                f"{name:<7} {cost.cpu / len(originals):.2f} CPU s per photo, "
                f"{cost.cpu / max(images, 1):.3f} per output image ({images} images), peak "
                f"{cost.peak_mb:.0f} MB; travelog per photo / {name}: "
                f"{per_photo / (cost.cpu / len(originals)):.2f}"
            )
    if args.keep:
        print(f"kept {workdir}")
    else:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
