"""Decode an original once and write every variant (widths x formats) into a cache folder.

Runs in worker processes: plain functions over paths and a picklable PhotoSettings. The
original is only ever opened for reading.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import shutil
import warnings
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from travelog.atomic import make_temporary_dir, write_bytes_atomic
from travelog.photos.animation import ANIMATED_FORMATS, AnimationTooLarge, read_animation
from travelog.photos.exif import embedded_description, published_exif
from travelog.photos.settings import PhotoSettings
from travelog.photos.sizes import decode_size, scaled_height, variant_widths

META_FILE = "meta.json"
READABLE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "HEIF", "AVIF", "TIFF", "GIF"})
_REDUCED_DECODE_FORMATS = frozenset({"JPEG", "MPO"})
_ROTATED = frozenset({5, 6, 7, 8})
_ORIENTATION = 0x0112
_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
# libwebp's effort, 0 to 6: 2 encodes in half the time of 4 and, at the default quality,
# measures no worse in SSIM (scripts/bench_photos.py).
WEBP_METHOD = 2
_MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    format: str
    file: str

    @property
    def mime(self) -> str:
        return _MIME[self.format]


@dataclass(frozen=True)
class Derived:
    """What one original produced: its upright size and its variants."""

    width: int
    height: int
    alpha: bool
    description: str
    variants: tuple[Variant, ...]

    @property
    def fallback_format(self) -> str:
        return "png" if self.alpha else "jpeg"

    def of_format(self, fmt: str) -> list[Variant]:
        return [variant for variant in self.variants if variant.format == fmt]

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Derived:
        return cls(
            width=data["width"],
            height=data["height"],
            alpha=data["alpha"],
            description=data["description"],
            variants=tuple(Variant(**variant) for variant in data["variants"]),
        )


class DeriveError(Exception):
    """The original cannot be turned into variants; the message says why, for the writer."""


def derive(source: Path, target: Path, settings: PhotoSettings, threads: int = 1) -> Derived:
    """Write all variants of ``source`` into the folder ``target`` (created atomically)."""
    with _reading(settings):
        return _derive(source, target, settings, threads)


def plan(source: Path, settings: PhotoSettings) -> Derived:
    """What :func:`derive` will make of ``source``, read from its header alone: nothing is
    decoded or written. The live preview shows placeholders of these sizes meanwhile."""
    with _reading(settings), Image.open(source) as image:
        _check_format(image)
        width, height = _upright_size(image)
        variants = planned_variants(width, height, False, settings)
        return Derived(width, height, False, embedded_description(image), variants)


def planned_variants(
    width: int, height: int, alpha: bool, settings: PhotoSettings
) -> tuple[Variant, ...]:
    """Every variant of an upright ``width`` x ``height`` original, widest first."""
    formats = {
        variant_width: ["avif", "webp"]
        for variant_width in variant_widths(width, height, settings.widths)
    }
    box = max(settings.widths)
    for fallback_width in variant_widths(width, height, settings.fallback_widths, box):
        formats.setdefault(fallback_width, []).append("png" if alpha else "jpeg")
    return tuple(
        Variant(
            variant_width,
            scaled_height(width, height, variant_width),
            fmt,
            f"{variant_width}.{'jpg' if fmt == 'jpeg' else fmt}",
        )
        for variant_width in sorted(formats, reverse=True)
        for fmt in formats[variant_width]
    )


@contextlib.contextmanager
def _reading(settings: PhotoSettings) -> Iterator[None]:
    """Turn every way an original can fail to read into one DeriveError for the writer."""
    import pillow_heif  # only a build that derives photos needs it (not a warm one)

    pillow_heif.register_heif_opener()
    # Pillow's limit is process-wide: set it for this read only, then put it back.
    previous_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = settings.max_pixels
    megapixels = settings.max_pixels // 1_000_000
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise DeriveError(
            f"has more than {megapixels} megapixels; shrink it or raise photos.max_megapixels"
        ) from None
    except UnidentifiedImageError:
        raise DeriveError(
            "is not an image that can be read (empty, corrupt or not a photo at all); "
            "replace the file"
        ) from None
    except AnimationTooLarge as error:
        raise DeriveError(str(error)) from None
    except ImageCms.PyCMSError:
        raise DeriveError("has a colour profile that cannot be read; re-export it") from None
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DeriveError(
                "cannot be written: the disk is full; free some space and build again"
            ) from None
        raise DeriveError(_undecodable(error)) from None
    except (SyntaxError, ValueError, EOFError) as error:
        raise DeriveError(_undecodable(error)) from None
    finally:
        Image.MAX_IMAGE_PIXELS = previous_limit


def _undecodable(error: BaseException) -> str:
    reason = str(error).strip() or type(error).__name__
    return f"cannot be decoded ({reason}); the file is truncated or corrupt, replace it"


def _check_format(image: Image.Image) -> None:
    if image.format not in READABLE_FORMATS:
        raise DeriveError(
            f"is a {image.format} image; use JPEG, PNG, GIF, WebP, HEIC, AVIF or TIFF"
        )


def _upright_size(image: Image.Image) -> tuple[int, int]:
    """The size once the EXIF orientation is applied."""
    width, height = image.size
    return (height, width) if image.getexif().get(_ORIENTATION, 1) in _ROTATED else (width, height)


def _derive(source: Path, target: Path, settings: PhotoSettings, threads: int) -> Derived:
    with Image.open(source) as image:
        _check_format(image)
        animation = read_animation(image, settings.max_pixels)
        stored = image.size
        width, height = _upright_size(image)
        largest = planned_variants(width, height, False, settings)[0].width
        description = embedded_description(image)
        exif = published_exif(image, frozenset(settings.keep_exif))
        if image.format in _REDUCED_DECODE_FORMATS:
            image.draft(image.mode, decode_size(stored, width, largest))
        image.load()
        upright = ImageOps.exif_transpose(image)
    base, alpha = _to_srgb(upright)
    variants = planned_variants(width, height, alpha, settings)
    files: dict[str, bytes] = {}
    # One chain, widest first: each variant is resized from the one before it, which costs a
    # fraction of resizing every one from the decoded original and measures the same in SSIM.
    resized = base
    for variant in variants:
        size = (variant.width, variant.height)
        if resized.size != size:
            resized = resized.resize(size, Image.Resampling.LANCZOS, reducing_gap=3)
        if animation is not None and variant.format in ANIMATED_FORMATS:
            files[variant.file] = animation.encode(size, variant.format, settings)
        else:
            files[variant.file] = _encode(resized, variant.format, settings, exif, threads)
    derived = Derived(width, height, alpha, description, variants)
    _write_folder(target, files, derived)
    return derived


def _lowest(band: Image.Image) -> float:
    """The lowest value of a one-band image."""
    low, _ = band.getextrema()
    assert isinstance(low, int | float)
    return low


def _to_srgb(image: Image.Image) -> tuple[Image.Image, bool]:
    """Convert any mode and colour profile to 8-bit sRGB; report real transparency."""
    icc = image.info.get("icc_profile")
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    wants_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = profile.profile.xcolor_space.strip()
        if space == ("CMYK" if image.mode == "CMYK" else "RGB"):
            out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(image, profile, _SRGB, outputMode=out_mode)
            assert converted is not None  # a new image: not converted in place
            image = converted
    image = image.convert("RGBA" if wants_alpha else "RGB")
    alpha = wants_alpha and _lowest(image.getchannel("A")) < 255
    if wants_alpha and not alpha:
        image = image.convert("RGB")
    image.info = {}
    return image, alpha


def _encode(
    image: Image.Image, fmt: str, settings: PhotoSettings, exif: bytes, threads: int
) -> bytes:
    options: dict[str, object] = {}
    if fmt == "avif":
        options = {"quality": settings.avif_quality, "speed": settings.avif_speed}
        options["max_threads"] = threads
    elif fmt == "webp":
        options = {"quality": settings.webp_quality, "method": WEBP_METHOD}
    elif fmt == "jpeg":
        options = {"quality": settings.jpeg_quality, "progressive": True, "optimize": True}
    if exif:
        options["exif"] = exif
    buffer = io.BytesIO()
    image.save(buffer, fmt.upper(), **options)
    return buffer.getvalue()


def _write_folder(target: Path, files: dict[str, bytes], derived: Derived) -> None:
    """Write every file into a temporary folder, then rename it into place in one step."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = make_temporary_dir(target.parent, f".{target.name}.")
    try:
        for name, data in files.items():
            (temporary / name).write_bytes(data)
        write_bytes_atomic(temporary / META_FILE, json.dumps(derived.to_json()).encode())
        try:
            os.replace(temporary, target)
        except OSError:
            if not (target / META_FILE).is_file():
                raise
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)


def read_derived(target: Path) -> Derived | None:
    """The cached result in ``target``, or None when it is absent or incomplete."""
    try:
        data = json.loads((target / META_FILE).read_text(encoding="utf-8"))
        derived = Derived.from_json(data)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if all((target / variant.file).is_file() for variant in derived.variants):
        return derived
    return None
