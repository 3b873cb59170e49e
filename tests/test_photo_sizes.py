"""Width, srcset and syntax rules of the photo pipeline (pure functions)."""

from __future__ import annotations

import pytest

from travelog.photos.sizes import decode_size, pick_width, scaled_height, srcset, variant_widths
from travelog.photos.syntax import Kind, PhotoSyntaxError, body_start, find_placements, photo_path


@pytest.mark.parametrize(
    ("original", "widths", "expected"),
    [
        ((4032, 3024), [400, 800, 1200, 1600], [400, 800, 1200, 1600]),
        ((1000, 750), [400, 800, 1200, 1600], [400, 800, 1000]),
        ((800, 600), [400, 800, 1200], [400, 800]),
        ((300, 200), [400, 800], [300]),
        ((1600, 1200), [1600, 400, 400, 800], [400, 800, 1600]),
        # Portraits: the largest variant fits the same 1600-px box as a landscape's.
        ((3024, 4032), [400, 800, 1200, 1600], [400, 800, 1200]),
        ((2268, 4032), [400, 800, 1200, 1600], [400, 800, 900]),
        ((1000, 5000), [400, 800, 1200, 1600], [320]),
    ],
)
def test_variant_widths_never_upscale_nor_exceed_the_box(original, widths, expected):
    planned = variant_widths(*original, widths)
    assert planned == expected
    box = max(widths)
    for width in planned:
        assert width <= original[0]
        assert scaled_height(*original, width) <= min(box, original[1])


def test_fallback_widths_keep_to_the_responsive_box():
    assert variant_widths(4032, 3024, [1200], box=1600) == [1200]
    assert variant_widths(3024, 4032, [1200], box=1600) == [1200]
    assert variant_widths(3024, 4032, [1200], box=800) == [600]
    assert variant_widths(900, 600, [1200], box=1600) == [900]


def test_scaled_height_keeps_the_aspect_ratio():
    assert scaled_height(4032, 3024, 800) == 600
    assert scaled_height(3024, 4032, 400) == 533
    assert scaled_height(5000, 10, 16) == 1


def test_srcset_lists_candidates_narrowest_first():
    assert srcset([("b.webp", 800), ("a.webp", 400)]) == "a.webp 400w, b.webp 800w"


def test_pick_width_prefers_the_widest_that_fits():
    assert pick_width([400, 800, 1200], 1000) == 800
    assert pick_width([400, 800, 1200], 1200) == 1200
    assert pick_width([600, 900], 400) == 600


def test_decode_size_scales_both_axes_and_never_enlarges():
    assert decode_size((4032, 3024), 4032, 1600) == (1600, 1200)
    # Stored sideways (orientation 6): the upright width is the stored height.
    assert decode_size((4032, 3024), 3024, 1600) == (2134, 1600)
    assert decode_size((800, 600), 800, 1600) == (800, 600)


def test_photo_paths_must_stay_inside_photos():
    assert photo_path("photos/park/a.jpg", 0) == "park/a.jpg"
    assert photo_path("photos/park/../b.jpg", 0) == "b.jpg"
    assert photo_path("images/a.jpg", 0) is None
    for bad in ("photos/../mkdocs.yml", "photos/../../etc/passwd", "photos/.."):
        with pytest.raises(PhotoSyntaxError, match="leaves photos/"):
            photo_path(bad, 3)


def test_placements_find_photos_and_galleries_but_not_code():
    lines = [
        "---",
        "title: x",
        "---",
        "Intro.",
        '![Alt](photos/a/one.jpg "Caption")',
        "```",
        "![](photos/a/in-code.jpg)",
        "```",
        "::: gallery",
        "![](photos/a/two.jpg)",
        "",
        "![Second](photos/a/three.jpg)",
        ":::",
        "![Elsewhere](images/not-ours.png)",
    ]
    placements = find_placements(lines, body_start(lines))
    assert [p.kind for p in placements] == [Kind.PHOTO, Kind.GALLERY]
    first = placements[0].images[0]
    assert (first.path, first.alt, first.title, first.line) == ("a/one.jpg", "Alt", "Caption", 4)
    assert [ref.path for ref in placements[1].images] == ["a/two.jpg", "a/three.jpg"]
    assert (placements[1].first, placements[1].last) == (8, 12)


@pytest.mark.parametrize(
    ("lines", "message", "line"),
    [
        (["Text ![x](photos/a.jpg) inline"], "line of its own", 0),
        (["::: gallery", "![](photos/a.jpg)"], "not closed", 0),
        (["::: gallery", ":::"], "empty gallery", 0),
        (["::: gallery", "some words", ":::"], "only image lines", 1),
    ],
)
def test_syntax_problems_name_their_line(lines, message, line):
    with pytest.raises(PhotoSyntaxError, match=message) as raised:
        find_placements(lines)
    assert raised.value.line == line
