"""Test material for photos: real images drawn with Pillow (EXIF like a phone writes, a
hand-built wide-gamut ICC profile, 16-bit PNG) and a real `mkdocs serve` to drive."""

from __future__ import annotations

import contextlib
import hashlib
import random
import re
import struct
import subprocess
import sys
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from pathlib import Path

from conftest import copy_journal, free_port, wait_until
from PIL import Image, ImageDraw
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational

PHOTO_LINE = re.compile(r"^(!\[.*\]\(photos/.*\)|:::.*)$")


def phone_exif(orientation: int = 1, description: str = "") -> Image.Exif:
    exif = Image.Exif()
    exif[Base.Make] = "Apple"
    exif[Base.Model] = "iPhone 14 Pro"
    exif[Base.Orientation] = orientation
    if description:
        exif[Base.ImageDescription] = description
    exif[IFD.Exif] = {
        Base.DateTimeOriginal: "2024:09:14 09:41:07",
        Base.BodySerialNumber: "F2LZK001Q9P",
    }
    exif[IFD.GPSInfo] = {
        GPS.GPSLatitudeRef: "N",
        GPS.GPSLatitude: (IFDRational(22), IFDRational(32), IFDRational(3512, 100)),
        GPS.GPSLongitudeRef: "E",
        GPS.GPSLongitude: (IFDRational(114), IFDRational(3), IFDRational(2844, 100)),
    }
    return exif


def upright_marker(size: tuple[int, int]) -> Image.Image:
    """A picture whose top is red and bottom blue, so orientation can be checked."""
    image = Image.new("RGB", size, (0, 0, 255))
    ImageDraw.Draw(image).rectangle([0, 0, size[0], size[1] // 2], fill=(255, 0, 0))
    return image


def make_jpeg(
    path: Path, size=(1200, 900), *, orientation: int = 1, description: str = "", quality=85
) -> Path:
    """A JPEG that shows ``upright_marker(size)`` once its orientation tag is applied."""
    image = upright_marker(size)
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=quality, exif=phone_exif(orientation, description).tobytes())
    return path


def tree_hashes(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def journal_without_photos(destination: Path) -> Path:
    """The example journal with every photo line removed (fast builds for error cases)."""
    project = copy_journal(destination, warm_photos=False)
    for entry in (project / "docs" / "posts").glob("*.md"):
        lines = entry.read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if not PHOTO_LINE.match(line)]
        entry.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return project


# Adobe RGB (1998): its primaries adapted to the D50 profile connection space (Bradford),
# as published in Adobe's specification, and its gamma of 563/256 (about 2.2).
ADOBE_RGB_COLORANTS = (
    (0.60974, 0.31111, 0.01947),
    (0.20528, 0.62567, 0.06087),
    (0.14919, 0.06322, 0.74457),
)
ADOBE_RGB_GAMMA = 563 / 256
D50 = (0.9642, 1.0, 0.8249)


def _s15f16(*values: float) -> bytes:
    return b"".join(struct.pack(">i", round(value * 65536)) for value in values)


def _desc_tag(text: str) -> bytes:
    """An ICC v2 textDescriptionType: ASCII, an empty Unicode part, an empty Mac part."""
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc\0\0\0\0"
        + struct.pack(">I", len(ascii_text))
        + ascii_text
        + struct.pack(">II", 0, 0)
        + struct.pack(">HB", 0, 0)
        + bytes(67)
    )


def matrix_trc_profile(
    description: str,
    colorants: tuple[tuple[float, float, float], ...] = ADOBE_RGB_COLORANTS,
    gamma: float = ADOBE_RGB_GAMMA,
) -> bytes:
    """A minimal ICC v2 RGB display profile: three colorants, one gamma curve, D50 white.

    Laid out per ICC.1:2001-04: a 128-byte header, the tag table, then 4-byte aligned tag
    data (the three TRC tags share one curve).
    """
    xyz = [b"XYZ \0\0\0\0" + _s15f16(*values) for values in (D50, *colorants)]
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(gamma * 256))
    tags = [
        (b"desc", _desc_tag(description)),
        (b"cprt", b"text\0\0\0\0" + b"No copyright, test data\0"),
        (b"wtpt", xyz[0]),
        (b"rXYZ", xyz[1]),
        (b"gXYZ", xyz[2]),
        (b"bXYZ", xyz[3]),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table = struct.pack(">I", len(tags))
    data = b""
    placed: dict[bytes, int] = {}
    for signature, body in tags:
        if body not in placed:
            placed[body] = offset + len(data)
            data += body + bytes(-len(body) % 4)
        table += signature + struct.pack(">II", placed[body], len(body))
    size = 128 + len(table) + len(data)
    header = (
        struct.pack(">I", size)
        + b"\0\0\0\0"
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2024, 9, 14, 9, 41, 7)
        + b"acsp"
        + bytes(4 + 4 + 4 + 4 + 8)
        + struct.pack(">I", 0)
        + _s15f16(*D50)
        + bytes(4 + 16 + 28)
    )
    assert len(header) == 128
    return header + table + data


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def write_png_rgb16(
    path: Path, size: tuple[int, int], colour: tuple[int, int, int], icc: bytes | None = None
) -> Path:
    """A flat 16-bit-per-channel RGB PNG (Pillow cannot write one), optionally with iCCP.

    Written from the PNG specification: IHDR (bit depth 16, colour type 2), then iCCP
    (profile name, compression method 0, zlib data), one IDAT, IEND.
    """
    width, height = size
    row = b"\0" + struct.pack(">3H", *colour) * width
    chunks = [_png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0))]
    if icc is not None:
        chunks.append(_png_chunk(b"iCCP", b"test profile\0\0" + zlib.compress(icc)))
    chunks.append(_png_chunk(b"IDAT", zlib.compress(row * height)))
    chunks.append(_png_chunk(b"IEND", b""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"".join(chunks))
    return path


def http_get(url: str, timeout: float = 90) -> tuple[int, bytes]:
    """Status and body; connection failures are status 0."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


class LiveServer:
    """A running ``mkdocs serve``: its URL, and its output so far."""

    def __init__(self, url: str, process: subprocess.Popen, log: Path):
        self.url = url
        self.process = process
        self.log = log

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def epoch(self, after: int = 0) -> int | None:
        """The livereload build epoch; with ``after``, waits (up to a minute) for a newer one."""
        if self.process.poll() is not None:
            raise AssertionError(f"mkdocs serve exited:\n{self.output()}")
        status, body = http_get(f"{self.url}livereload/{after}/1")
        return int(body) if status == 200 and body.strip().isdigit() else None

    def rebuilt_since(self, epoch: int) -> int:
        """Wait for the rebuild that follows ``epoch`` to finish; return the new epoch."""

        def newer() -> int | None:
            new = self.epoch(epoch)
            return new if new is not None and new > epoch else None

        return wait_until(
            newer, "mkdocs serve to rebuild", process=self.process, output=self.output
        )


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path) -> Iterator[LiveServer]:
    """Run the real ``mkdocs serve`` (live reload on) for ``project`` on a free port."""
    url = f"http://127.0.0.1:{free_port()}/"
    with log.open("w", encoding="utf-8") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", url[7:-1]],
            cwd=project,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
    try:
        server = LiveServer(url, process, log)
        wait_until(
            server.epoch, "mkdocs serve to build and listen", process=process, output=server.output
        )
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def textured_photo(
    path: Path, size: tuple[int, int], *, orientation: int = 1, seed: int = 0
) -> Path:
    """A photo-like JPEG (soft colour fields, sharp strokes, sensor grain) that shows ``size``
    upright once its orientation tag (1 or 6) is applied: encoders find it as hard as a photo."""
    rng = random.Random(seed)
    corners = Image.new("RGB", (4, 3))
    corners.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(12)])
    image = corners.resize(size, Image.Resampling.BICUBIC)
    for cells, weight in ((24, 0.35), (120, 0.25), (300, 0.1)):
        grid = (cells, max(1, cells * size[1] // size[0]))
        octave = Image.merge("RGB", [Image.effect_noise(grid, 64) for _ in range(3)])
        image = Image.blend(image, octave.resize(size, Image.Resampling.BICUBIC), weight)
    draw = ImageDraw.Draw(image)
    for _ in range(60):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        colour = tuple(rng.randrange(256) for _ in range(3))
        end = (x + rng.randrange(-400, 400), y + rng.randrange(-400, 400))
        draw.line([(x, y), end], fill=colour, width=rng.randrange(1, 6))
    grain = Image.merge("RGB", [Image.effect_noise(size, 30) for _ in range(3)])
    image = Image.blend(image, grain, 0.15)
    if orientation == 6:
        image = image.transpose(Image.Transpose.ROTATE_90)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=93, exif=phone_exif(orientation).tobytes())
    return path
