"""In headless Chromium, a photo opens in the lightbox with its caption; next/prev stay in
the entry's gallery."""

from __future__ import annotations


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
