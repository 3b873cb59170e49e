"""In headless Chromium, a photo opens in the lightbox with its caption; next/prev stay in
the entry's gallery."""

from __future__ import annotations

import re


def test_lightbox_opens_with_caption_and_steps_through_the_entry(page, site_server: str):
    page.goto(site_server + "2025/01/square-dancing/", wait_until="networkidle")
    first = page.locator("figure.travelog-photo img").first
    assert first.evaluate("img => img.complete && img.naturalWidth > 0")
    assert first.evaluate("img => img.currentSrc").endswith(".avif")
    page.locator("a.glightbox").first.click()
    description = page.locator(".gslide.current .gslide-desc")
    description.wait_for(state="visible")
    assert "Seven-thirty: the rows form under the street lights." in description.inner_text()
    current = page.locator(".gslide.current img")
    current.wait_for(state="visible")
    assert current.evaluate("img => img.naturalWidth") >= 800
    page.locator(".gnext").click()
    page.wait_for_function(
        "() => document.querySelector('.gslide.current .gslide-desc')"
        "?.innerText.includes('Arms up')"
    )
    assert page.locator(".gslide").count() == 4  # the lead photo and the gallery's three
    page.locator(".gprev").click()
    page.wait_for_function(
        "() => document.querySelector('.gslide.current .gslide-desc')"
        "?.innerText.includes('Seven-thirty')"
    )
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")


PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1}
# The entry's own photos, not those of the entries it links to at its end.
ENTRY_PHOTOS = "figure.travelog-photo:not(.travelog-prevnext *, .travelog-related *) img"
_WIDTH = re.compile(r"-(\d+)\.(?:avif|webp|jpg|png)$")


def _width(url: str) -> int:
    match = _WIDTH.search(url)
    assert match, url
    return int(match[1])


def _lightbox_width(browser, site_server: str, device: dict) -> tuple[list[int], int]:
    """Widths of the page's photos as loaded, and of the lightbox's first image."""
    context = browser.new_context(**device)
    try:
        page = context.new_page()
        page.goto(site_server + "2025/01/square-dancing/", wait_until="networkidle")
        link = page.locator("a.glightbox").first
        assert link.get_attribute("data-srcset").count("w,") >= 2
        images = page.locator(ENTRY_PHOTOS)
        for number in range(images.count()):
            images.nth(number).scroll_into_view_if_needed()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0",
                arg=images.nth(number).element_handle(),
            )
        widths = [
            _width(images.nth(n).evaluate("img => img.currentSrc")) for n in range(images.count())
        ]
        link.click()
        current = page.locator(".gslide.current img")
        current.wait_for(state="visible")
        page.wait_for_function(
            "() => { const img = document.querySelector('.gslide.current img');"
            " return img && img.complete && img.naturalWidth > 0; }"
        )
        assert current.evaluate("img => img.currentSrc").endswith(".webp")
        return widths, _width(current.evaluate("img => img.currentSrc"))
    finally:
        context.close()


def test_phones_and_desktops_load_the_width_they_show(browser, site_server: str):
    # A 390-px 3x phone: the column photo as for 2x (800), the gallery's half-width photos
    # at 400, and the lightbox a screen-wide 800 instead of the 1600 a desktop may get.
    widths, lightbox = _lightbox_width(browser, site_server, PHONE)
    assert widths == [800, 400, 400, 400]
    assert lightbox == 800
    widths, lightbox = _lightbox_width(browser, site_server, DESKTOP)
    assert widths[0] >= 800 and lightbox == 1200
