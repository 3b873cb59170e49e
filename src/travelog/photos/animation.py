"""Animated GIFs: every frame resized into an animated WebP or AVIF.

The still variants (the JPEG or PNG fallback) come from the first frame through the usual
path; only the WebP and AVIF variants move. Nothing but the frames, their durations and
the loop count is carried over, so no metadata reaches the output.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageSequence

from travelog.photos.settings import PhotoSettings

ANIMATED_FORMATS = frozenset({"webp", "avif"})
DEFAULT_FRAME_MS = 100


class AnimationTooLarge(ValueError):
    """The frames together hold more pixels than a photo may."""


@dataclass(frozen=True)
class Animation:
    frames: tuple[Image.Image, ...]
    durations: tuple[int, ...]
    loop: int

    def encode(self, size: tuple[int, int], fmt: str, settings: PhotoSettings) -> bytes:
        """The animation at ``size`` as WebP or AVIF bytes."""
        frames = [
            frame
            if frame.size == size
            else frame.resize(size, Image.Resampling.LANCZOS, reducing_gap=3)
            for frame in self.frames
        ]
        options: dict[str, object] = {
            "save_all": True,
            "append_images": frames[1:],
            "duration": list(self.durations),
            "loop": self.loop,
        }
        if fmt == "avif":
            options.update(quality=settings.avif_quality, speed=settings.avif_speed)
        else:
            options.update(quality=settings.webp_quality, method=4)
        buffer = io.BytesIO()
        frames[0].save(buffer, fmt.upper(), **options)
        return buffer.getvalue()


def read_animation(image: Image.Image, max_pixels: int) -> Animation | None:
    """All frames of an animated image (None for a still one), refused above ``max_pixels``."""
    frame_count = getattr(image, "n_frames", 1)
    if frame_count < 2:
        return None
    if image.width * image.height * frame_count > max_pixels:
        raise AnimationTooLarge(
            f"has {frame_count} frames, more than {max_pixels // 1_000_000} megapixels in "
            "all; shorten it or raise photos.max_megapixels"
        )
    frames, durations = [], []
    for frame in ImageSequence.Iterator(image):
        durations.append(int(frame.info.get("duration") or DEFAULT_FRAME_MS))
        frames.append(frame.convert("RGBA"))
    image.seek(0)
    return Animation(tuple(frames), tuple(durations), int(image.info.get("loop", 0)))
