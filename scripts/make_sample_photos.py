"""Draw the example journal's illustrative photos into photos/ (run once; the results are
committed as originals).

No free photos are at hand offline, so these are drawings at phone size with the metadata a
phone writes: camera, date, GPS near Shenzhen, a body serial number and, for some, a
rotation tag over sideways-stored pixels. They exercise the whole photo pipeline: EXIF
orientation, GPS stripping, a CMYK JPEG, a palette PNG and a PNG with transparency.

Usage: python scripts/make_sample_photos.py [--out photos]
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.ExifTags import GPS, IFD, Base
from PIL.TiffImagePlugin import IFDRational as Fraction

LANDSCAPE = (4032, 3024)
PORTRAIT = (3024, 4032)
SHENZHEN = (22.5431, 114.0579)
MAX_BYTES = 600_000


@dataclass(frozen=True)
class Sample:
    path: str
    draw: Callable[[ImageDraw.ImageDraw, tuple[int, int]], None]
    date: str
    size: tuple[int, int] = LANDSCAPE
    sideways: bool = False
    mode: str = "RGB"
    camera: tuple[str, str] = ("Apple", "iPhone 14 Pro")
    description: str = ""


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def sky(draw: ImageDraw.ImageDraw, size, top=(150, 200, 235), bottom=(225, 235, 240), upto=0.6):
    width, height = size
    limit = int(height * upto)
    for y in range(0, limit, 8):
        t = y / limit
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.rectangle([0, y, width, y + 8], fill=colour)


def ground(draw, size, colour=(120, 150, 90), start=0.6):
    width, height = size
    draw.rectangle([0, int(height * start), width, height], fill=colour)


def tree(draw, x, y, scale=1.0):
    draw.rectangle([x - 25 * scale, y, x + 25 * scale, y + 400 * scale], fill=(100, 70, 40))
    for dx, dy, r in ((0, -60, 220), (-150, 40, 170), (150, 40, 170)):
        draw.ellipse(
            [
                x + (dx - r) * scale,
                y + (dy - r) * scale,
                x + (dx + r) * scale,
                y + (dy + r) * scale,
            ],
            fill=(60, 120, 60),
        )


def person(draw, x, y, scale=1.0, shirt=(200, 60, 60), arms_up=False):
    s = scale
    draw.ellipse([x - 45 * s, y - 300 * s, x + 45 * s, y - 210 * s], fill=(230, 190, 160))
    draw.rectangle([x - 60 * s, y - 210 * s, x + 60 * s, y - 60 * s], fill=shirt)
    draw.rectangle([x - 55 * s, y - 60 * s, x - 10 * s, y + 100 * s], fill=(50, 50, 80))
    draw.rectangle([x + 10 * s, y - 60 * s, x + 55 * s, y + 100 * s], fill=(50, 50, 80))
    if arms_up:
        draw.line(
            [x - 60 * s, y - 200 * s, x - 150 * s, y - 330 * s], fill=shirt, width=int(30 * s)
        )
        draw.line(
            [x + 60 * s, y - 200 * s, x + 150 * s, y - 330 * s], fill=shirt, width=int(30 * s)
        )
    else:
        draw.line([x - 60 * s, y - 200 * s, x - 90 * s, y - 70 * s], fill=shirt, width=int(30 * s))
        draw.line([x + 60 * s, y - 200 * s, x + 90 * s, y - 70 * s], fill=shirt, width=int(30 * s))


def dome_camera(draw, x, y, r=70):
    draw.rectangle([x - 15, y - r - 60, x + 15, y - r], fill=(90, 90, 95))
    draw.pieslice([x - r, y - r, x + r, y + r], 0, 180, fill=(40, 40, 45))
    draw.rectangle([x - r, y - r // 3, x + r, y], fill=(210, 210, 215))


def cameras_gate(draw, size):
    sky(draw, size)
    ground(draw, size, (170, 160, 140))
    w, h = size
    draw.rectangle([w * 0.1, h * 0.35, w * 0.25, h * 0.6], fill=(150, 40, 40))
    draw.rectangle([w * 0.75, h * 0.35, w * 0.9, h * 0.6], fill=(150, 40, 40))
    draw.rectangle([w * 0.08, h * 0.3, w * 0.92, h * 0.36], fill=(110, 30, 30))
    draw.rectangle([w * 0.49, h * 0.1, w * 0.51, h * 0.95], fill=(120, 120, 125))
    for i, (dx, dy) in enumerate(
        ((-220, 0), (220, 0), (-160, 200), (160, 200), (-220, 400), (220, 400))
    ):
        draw.line(
            [w * 0.5, h * 0.15 + dy, w * 0.5 + dx, h * 0.15 + dy], fill=(120, 120, 125), width=24
        )
        dome_camera(draw, int(w * 0.5 + dx), int(h * 0.15 + dy + 130), 60 + i % 2 * 10)


def cameras_lawn(draw, size):
    sky(draw, size, upto=0.5)
    ground(draw, size, (110, 160, 80), 0.5)
    w, h = size
    for x in (0.15, 0.8):
        tree(draw, w * x, h * 0.4, 1.4)
    draw.rectangle([w * 0.48, h * 0.12, w * 0.52, h * 0.8], fill=(200, 200, 200))
    for dy, side in ((0, 1), (0, -1)):
        x0 = w * 0.5 + side * 60
        draw.rectangle(
            [min(x0, x0 + side * 300), h * 0.15 + dy, max(x0, x0 + side * 300), h * 0.15 + 160],
            fill=(240, 240, 240),
        )
    draw.polygon([(w * 0.3, h * 0.3), (w * 0.36, h * 0.22), (w * 0.4, h * 0.3)], fill=(230, 80, 60))


def calligraphy(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(175, 170, 160))
    for y in range(0, h, 180):
        draw.line([0, y, w, y], fill=(160, 155, 145), width=6)
    rng = random.Random(7)
    for i in range(6):
        x = w * 0.15 + i * w * 0.12
        for _ in range(5):
            x1, y1 = x + rng.randint(-120, 120), h * 0.4 + rng.randint(-200, 200)
            draw.line(
                [x1, y1, x1 + rng.randint(-150, 150), y1 + rng.randint(-150, 150)],
                fill=(90, 85, 80),
                width=34,
            )
    person(draw, int(w * 0.85), int(h * 0.75), 2.2, (240, 240, 230))
    draw.line([w * 0.8, h * 0.6, w * 0.7, h * 0.85], fill=(120, 80, 40), width=20)


def noise_display(draw, size):
    w, h = size
    sky(draw, size, (190, 195, 200), (220, 220, 215), 1.0)
    draw.rectangle([w * 0.2, h * 0.15, w * 0.8, h * 0.8], fill=(30, 30, 35))
    draw.rectangle([w * 0.23, h * 0.2, w * 0.77, h * 0.75], fill=(5, 10, 5))
    draw.text((w * 0.5, h * 0.36), "63.5 dB", font=font(420), fill=(255, 60, 40), anchor="mm")
    lines = ["PM2.5  38 ug/m3", "PM10   61 ug/m3", "27.4 C   78 %RH   NE 2.1 m/s"]
    for i, text in enumerate(lines):
        draw.text(
            (w * 0.5, h * 0.55 + i * 150), text, font=font(120), fill=(80, 230, 90), anchor="mm"
        )
    draw.ellipse([w * 0.47, h * 0.02, w * 0.53, h * 0.12], fill=(120, 120, 120))


def noise_pole(draw, size):
    sky(draw, size, upto=0.7)
    ground(draw, size, (150, 140, 130), 0.7)
    w, h = size
    for i in range(3):
        draw.rectangle(
            [w * (0.55 + i * 0.12), h * (0.2 + i * 0.05), w * (0.65 + i * 0.12), h * 0.7],
            fill=(180, 170, 150),
        )
    draw.line([w * 0.7, h * 0.05, w * 0.7, h * 0.25], fill=(230, 170, 30), width=40)
    draw.line([w * 0.5, h * 0.06, w * 0.95, h * 0.06], fill=(230, 170, 30), width=40)
    draw.rectangle([w * 0.24, h * 0.25, w * 0.26, h * 0.95], fill=(110, 110, 110))
    draw.rectangle([w * 0.15, h * 0.3, w * 0.35, h * 0.42], fill=(20, 20, 20))
    draw.text((w * 0.25, h * 0.36), "58 dB", font=font(200), fill=(255, 70, 40), anchor="mm")


def square_evening(shirts, arms_up):
    def draw_it(draw, size):
        w, h = size
        sky(draw, size, (40, 40, 80), (120, 90, 110), 0.55)
        ground(draw, size, (140, 130, 120), 0.55)
        for x in (0.1, 0.9):
            draw.rectangle([w * x - 10, h * 0.2, w * x + 10, h * 0.6], fill=(60, 60, 60))
            draw.ellipse([w * x - 60, h * 0.17, w * x + 60, h * 0.23], fill=(255, 230, 150))
        for row in range(3):
            for col in range(6):
                x = w * (0.15 + col * 0.14 + row * 0.03)
                y = h * (0.68 + row * 0.1)
                person(
                    draw,
                    int(x),
                    int(y),
                    1.1 + row * 0.25,
                    shirts[(row + col) % len(shirts)],
                    arms_up,
                )

    return draw_it


def speaker_cart(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(0, 0, 0, 0))
    draw.rounded_rectangle([w * 0.25, h * 0.1, w * 0.75, h * 0.7], 60, fill=(40, 40, 50, 255))
    for y in (0.25, 0.5):
        draw.ellipse([w * 0.38, h * (y - 0.1), w * 0.62, h * (y + 0.1)], fill=(90, 90, 100, 255))
    draw.rectangle([w * 0.2, h * 0.7, w * 0.8, h * 0.78], fill=(150, 150, 160, 255))
    for x in (0.3, 0.7):
        draw.ellipse([w * x - 80, h * 0.78, w * x + 80, h * 0.9], fill=(20, 20, 20, 255))


def musicians(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h * 0.35], fill=(120, 120, 125))
    draw.rectangle([0, h * 0.28, w, h * 0.35], fill=(90, 90, 95))
    ground(draw, size, (160, 150, 135), 0.35)
    for i in range(5):
        x = w * (0.15 + i * 0.17)
        draw.rectangle([x - 90, h * 0.62, x + 90, h * 0.66], fill=(170, 120, 60))
        person(draw, int(x), int(h * 0.7), 1.6, ((60, 70, 110), (90, 90, 90), (120, 60, 50))[i % 3])
        draw.line([x + 40, h * 0.45, x + 70, h * 0.72], fill=(90, 50, 20), width=18)


def erhu(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(200, 185, 160))
    draw.line([w * 0.5, h * 0.05, w * 0.5, h * 0.85], fill=(100, 55, 25), width=60)
    draw.ellipse([w * 0.38, h * 0.78, w * 0.62, h * 0.95], fill=(80, 40, 20))
    for dy in (0.1, 0.16):
        draw.rectangle([w * 0.5 - 150, h * dy, w * 0.5 + 150, h * dy + 40], fill=(60, 30, 15))
    draw.line([w * 0.15, h * 0.72, w * 0.9, h * 0.65], fill=(220, 220, 210), width=14)
    draw.line([w * 0.52, h * 0.1, w * 0.52, h * 0.82], fill=(240, 240, 240), width=4)


def round_table(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(230, 215, 190))
    draw.ellipse([w * 0.1, h * 0.15, w * 0.9, h * 0.9], fill=(250, 250, 245))
    draw.ellipse([w * 0.35, h * 0.38, w * 0.65, h * 0.67], fill=(200, 200, 200))
    rng = random.Random(3)
    for i in range(8):
        angle = i * math.pi / 4
        x = w * 0.5 + math.cos(angle) * w * 0.3
        y = h * 0.52 + math.sin(angle) * h * 0.28
        r = 150
        draw.ellipse(
            [x - r, y - r, x + r, y + r],
            fill=rng.choice([(200, 80, 40), (90, 140, 60), (210, 170, 70)]),
        )
    for i in range(6):
        angle = i * math.pi / 3 + 0.3
        x = w * 0.5 + math.cos(angle) * w * 0.46
        y = h * 0.52 + math.sin(angle) * h * 0.44
        draw.ellipse([x - 130, y - 130, x + 130, y + 130], fill=(90, 60, 40))


def noodle_bowl(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(120, 80, 50))
    draw.ellipse([w * 0.2, h * 0.15, w * 0.8, h * 0.9], fill=(245, 245, 240))
    draw.ellipse([w * 0.27, h * 0.24, w * 0.73, h * 0.8], fill=(200, 130, 60))
    rng = random.Random(5)
    for _ in range(40):
        x, y = w * 0.5 + rng.randint(-700, 700), h * 0.52 + rng.randint(-600, 600)
        draw.arc(
            [x - 200, y - 80, x + 200, y + 80],
            rng.randint(0, 180),
            rng.randint(180, 360),
            fill=(250, 235, 180),
            width=22,
        )
    for _ in range(12):
        x, y = w * 0.5 + rng.randint(-600, 600), h * 0.52 + rng.randint(-500, 500)
        draw.ellipse([x - 40, y - 40, x + 40, y + 40], fill=(60, 160, 60))


def guojia_card(draw, size):
    """The characters 国家 drawn stroke by stroke (no CJK font needed)."""
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(250, 245, 230))
    draw.rectangle([40, 40, w - 40, h - 40], outline=(180, 40, 40), width=20)
    ink, stroke = (20, 20, 20), 60
    x0, y0, side = w * 0.1, h * 0.25, w * 0.35
    draw.rectangle([x0, y0, x0 + side, y0 + side], outline=ink, width=stroke)
    for fy in (0.3, 0.5, 0.72):
        draw.line(
            [x0 + side * 0.25, y0 + side * fy, x0 + side * 0.75, y0 + side * fy],
            fill=ink,
            width=stroke,
        )
    draw.line(
        [x0 + side * 0.5, y0 + side * 0.3, x0 + side * 0.5, y0 + side * 0.72],
        fill=ink,
        width=stroke,
    )
    draw.ellipse([x0 + side * 0.62, y0 + side * 0.55, x0 + side * 0.74, y0 + side * 0.67], fill=ink)
    x1 = w * 0.55
    draw.line([x1 + side * 0.5, y0 - 40, x1 + side * 0.5, y0 + 40], fill=ink, width=stroke)
    draw.line([x1, y0 + 60, x1 + side, y0 + 60], fill=ink, width=stroke)
    draw.line([x1, y0 + 60, x1, y0 + 160], fill=ink, width=stroke)
    draw.line([x1 + side, y0 + 60, x1 + side, y0 + 160], fill=ink, width=stroke)
    draw.line([x1 + side * 0.2, y0 + 220, x1 + side * 0.8, y0 + 220], fill=ink, width=stroke)
    draw.line([x1 + side * 0.5, y0 + 220, x1 + side * 0.3, y0 + side + 60], fill=ink, width=stroke)
    for dx in (0.15, 0.35, 0.55):
        draw.line(
            [x1 + side * 0.45, y0 + 300 + dx * 300, x1 + side * (0.05 + dx), y0 + 420 + dx * 400],
            fill=ink,
            width=stroke,
        )
    draw.line([x1 + side * 0.5, y0 + 320, x1 + side * 0.95, y0 + side + 40], fill=ink, width=stroke)
    draw.text(
        (w * 0.5, h * 0.88),
        "guo jia - country (literally: nation-family)",
        font=font(110),
        fill=(120, 40, 40),
        anchor="mm",
    )


def metro(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(215, 220, 225))
    draw.rectangle([0, h * 0.7, w, h], fill=(170, 170, 175))
    draw.rectangle([w * 0.05, h * 0.2, w * 0.95, h * 0.68], fill=(240, 240, 245))
    for i in range(4):
        x = w * (0.1 + i * 0.22)
        draw.rectangle([x, h * 0.28, x + w * 0.16, h * 0.5], fill=(60, 80, 110))
    draw.rectangle([w * 0.05, h * 0.55, w * 0.95, h * 0.6], fill=(0, 150, 90))
    draw.text(
        (w * 0.5, h * 0.1),
        "Line 1  Luohu  ->  Airport East",
        font=font(150),
        fill=(0, 110, 70),
        anchor="mm",
    )
    for i in range(5):
        person(draw, int(w * (0.15 + i * 0.17)), int(h * 0.85), 1.3, (70 + i * 30, 90, 140))


def arrivals(draw, size):
    w, h = size
    draw.rectangle([0, 0, w, h], fill=(235, 235, 230))
    for i in range(12):
        draw.line([w * i / 12, 0, w * 0.5, h * 0.4], fill=(200, 200, 195), width=10)
    ground(draw, size, (200, 195, 185), 0.6)
    draw.rectangle([w * 0.3, h * 0.15, w * 0.7, h * 0.25], fill=(20, 40, 80))
    draw.text((w * 0.5, h * 0.2), "ARRIVALS", font=font(170), fill=(255, 210, 60), anchor="mm")
    person(draw, int(w * 0.35), int(h * 0.8), 2.0, (60, 90, 160))
    person(draw, int(w * 0.55), int(h * 0.8), 1.9, (170, 60, 110))
    draw.rectangle([w * 0.62, h * 0.72, w * 0.72, h * 0.9], fill=(40, 40, 40))


SAMPLES = [
    Sample("park-cameras/cameras-gate.jpg", cameras_gate, "2024:09:14 09:41:07", PORTRAIT),
    Sample("park-cameras/cameras-lawn.jpg", cameras_lawn, "2024:09:14 10:12:55", sideways=True),
    Sample("park-cameras/calligraphy.jpg", calligraphy, "2024:09:14 10:30:12"),
    Sample("noise-display/noise-display.jpg", noise_display, "2024:11:02 16:20:41"),
    Sample(
        "noise-display/noise-pole.jpg",
        noise_pole,
        "2024:11:02 16:22:03",
        PORTRAIT,
        camera=("HUAWEI", "P60 Pro"),
        description="The noise pole at the corner of the construction site",
    ),
    Sample(
        "square-dancing/dancers-1.jpg",
        square_evening([(220, 50, 60), (240, 200, 60)], False),
        "2025:01:18 19:34:10",
    ),
    Sample(
        "square-dancing/dancers-2.jpg",
        square_evening([(60, 120, 200), (220, 50, 60)], True),
        "2025:01:18 19:41:48",
        sideways=True,
    ),
    Sample(
        "square-dancing/dancers-3.jpg",
        square_evening([(240, 200, 60), (90, 170, 90)], True),
        "2025:01:18 19:52:30",
    ),
    Sample(
        "square-dancing/speaker-cart.png",
        speaker_cart,
        "2025:01:18 20:01:00",
        (1600, 1600),
        mode="RGBA",
    ),
    Sample(
        "old-men-music/musicians.jpg",
        musicians,
        "2025:03:08 10:05:00",
        camera=("Xiaomi", "13 Ultra"),
    ),
    Sample("old-men-music/erhu.jpg", erhu, "2025:03:08 10:09:31", PORTRAIT, sideways=True),
    Sample(
        "sharing-tables/round-table.jpg",
        round_table,
        "2025:05:24 12:31:00",
        (2400, 1800),
        mode="CMYK",
    ),
    Sample("noodle-shop-morning/noodle-bowl.jpg", noodle_bowl, "2025:11:22 07:04:00"),
    Sample(
        "learning-the-language/guojia-card.png",
        guojia_card,
        "2025:08:30 21:10:00",
        (2000, 1500),
        mode="P",
    ),
    Sample("social-credit-trust/metro.jpg", metro, "2025:07:12 08:15:00"),
    Sample(
        "family-visiting/arrivals.jpg",
        arrivals,
        "2025:10:19 18:45:00",
        camera=("Google", "Pixel 8"),
    ),
]


def _dms(value: float) -> tuple[Fraction, Fraction, Fraction]:
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60, 2)
    return (Fraction(degrees), Fraction(minutes), Fraction(round(seconds * 100), 100))


def exif_for(sample: Sample, index: int) -> Image.Exif:
    exif = Image.Exif()
    exif[Base.Make], exif[Base.Model] = sample.camera
    exif[Base.Software] = "17.5.1"
    exif[Base.DateTime] = sample.date
    exif[Base.Orientation] = 6 if sample.sideways else 1
    if sample.description:
        exif[Base.ImageDescription] = sample.description
    exif[IFD.Exif] = {
        Base.DateTimeOriginal: sample.date,
        Base.BodySerialNumber: f"F2LZK{index:03d}Q9P",
        Base.FNumber: Fraction(178, 100),
        Base.ExposureTime: Fraction(1, 120),
        Base.ISOSpeedRatings: 64,
        Base.FocalLength: Fraction(686, 100),
        Base.LensModel: f"{sample.camera[1]} back camera",
    }
    lat = SHENZHEN[0] + (index % 5) * 0.004
    lon = SHENZHEN[1] + (index % 7) * 0.005
    exif[IFD.GPSInfo] = {
        GPS.GPSLatitudeRef: "N",
        GPS.GPSLatitude: _dms(lat),
        GPS.GPSLongitudeRef: "E",
        GPS.GPSLongitude: _dms(lon),
    }
    return exif


def render(sample: Sample) -> Image.Image:
    canvas_mode = "RGBA" if sample.mode == "RGBA" else "RGB"
    image = Image.new(canvas_mode, sample.size, (0, 0, 0, 0) if canvas_mode == "RGBA" else "white")
    sample.draw(ImageDraw.Draw(image), sample.size)
    if sample.sideways:
        # Stored sideways as a phone held on its side does; Orientation 6 turns it upright.
        image = image.transpose(Image.Transpose.ROTATE_90)
    if sample.mode == "P":
        image = image.quantize(64)
    elif sample.mode == "CMYK":
        image = image.convert("CMYK")
    return image


def save(image: Image.Image, target: Path, exif: Image.Exif) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix == ".png":
        image.save(target, optimize=True, exif=exif.tobytes())
    else:
        # CMYK JPEGs carry no chroma subsampling, so they need a lower quality for the size.
        quality = 60 if image.mode == "CMYK" else 80
        image.save(target, quality=quality, exif=exif.tobytes())
    if target.stat().st_size > MAX_BYTES:
        raise SystemExit(f"{target}: {target.stat().st_size} bytes, over {MAX_BYTES}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("photos"))
    args = parser.parse_args()
    for number, sample in enumerate(SAMPLES):
        target = args.out / sample.path
        save(render(sample), target, exif_for(sample, number))
        print(f"{target}  {target.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
