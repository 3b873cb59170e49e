"""The pronunciation switch in headless Chromium: click, keyboard, remembered across reloads."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_journal, free_port, run_travelog, serve_directory
from frontmatter_reader import entry_url, published_entries

SWITCH = "button.travelog-readings-switch"
HIDDEN_CLASS = "travelog-readings-hidden"


def entry_address(base: str, slug: str) -> str:
    entry = next(e for e in published_entries() if e["slug"] == slug)
    return base + entry_url(entry)


def first_reading_display(page) -> str:
    return page.eval_on_selector("ruby.travelog-term rt", "rt => getComputedStyle(rt).display")


def html_is_hidden(page) -> bool:
    return page.evaluate(f"document.documentElement.classList.contains('{HIDDEN_CLASS}')")


def test_switch_hides_and_shows_readings_and_remembers_the_choice(site_server: str, page):
    page.goto(entry_address(site_server, "learning-the-language"))
    switch = page.locator(SWITCH)
    assert switch.count() == 1
    assert switch.text_content() == "Hide pronunciation"
    assert first_reading_display(page) != "none"
    assert page.locator("ruby.travelog-term rt").first.is_visible()

    switch.click()
    assert switch.text_content() == "Show pronunciation"
    assert html_is_hidden(page)
    assert first_reading_display(page) == "none"
    assert page.evaluate("localStorage.getItem('travelog.readings')") == "hidden"

    page.reload()
    assert html_is_hidden(page)
    assert page.locator(SWITCH).text_content() == "Show pronunciation"
    assert first_reading_display(page) == "none"

    # Another entry on the same site follows the stored choice.
    page.goto(entry_address(site_server, "old-men-music"))
    assert first_reading_display(page) == "none"
    assert page.locator(SWITCH).text_content() == "Show pronunciation"


def test_switch_works_from_the_keyboard(site_server: str, page):
    page.goto(entry_address(site_server, "square-dancing"))
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('travelog-readings-switch')"):
            break
    else:
        raise AssertionError("the switch is not reachable with the Tab key")
    page.keyboard.press("Enter")
    assert html_is_hidden(page)
    assert page.locator(SWITCH).text_content() == "Show pronunciation"
    page.keyboard.press("Space")
    assert not html_is_hidden(page)
    assert page.locator(SWITCH).text_content() == "Hide pronunciation"
    assert first_reading_display(page) != "none"
    page.reload()
    assert not html_is_hidden(page)
    assert page.evaluate("localStorage.getItem('travelog.readings')") == "shown"


def test_pages_without_terms_have_no_switch(site_server: str, page):
    page.goto(entry_address(site_server, "noise-display"))
    assert page.locator("ruby.travelog-term").count() == 0
    assert page.locator(SWITCH).count() == 0


MEANING = "nation, country; literally “state-family”"


def test_term_meaning_opens_on_tap_and_language_is_marked(browser, site_server: str):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(entry_address(site_server, "learning-the-language"))
    ruby = page.locator("ruby.travelog-term").first
    assert ruby.get_attribute("lang") == "zh"
    assert page.locator("ruby.travelog-term rt").first.text_content() == "guó"
    # No tooltip-only meaning: the term is a button whose name is the term and its reading.
    assert ruby.get_attribute("title") is None
    button = page.locator(".travelog-term-button").first
    assert button.get_attribute("aria-label") == "国家, guó jiā"
    meaning = page.locator("#" + button.get_attribute("aria-controls"))
    assert meaning.is_hidden()
    button.tap()
    assert button.get_attribute("aria-expanded") == "true"
    assert meaning.is_visible() and meaning.text_content() == MEANING
    # Pinyin is legible: at least 11 px.
    size = page.eval_on_selector("ruby.travelog-term rt", "rt => getComputedStyle(rt).fontSize")
    assert float(size.removesuffix("px")) >= 11
    context.close()


def test_term_meaning_opens_from_the_keyboard(site_server: str, page):
    page.goto(entry_address(site_server, "learning-the-language"))
    button = page.locator(".travelog-term-button").first
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('travelog-term-button')"):
            break
    else:
        raise AssertionError("no glossary term is reachable with the Tab key")
    page.keyboard.press("Enter")
    meaning = page.locator("#" + button.get_attribute("aria-controls"))
    assert meaning.is_visible() and meaning.text_content() == MEANING
    page.keyboard.press("Escape")
    assert meaning.is_hidden()


@pytest.mark.e2e
def test_switch_survives_material_instant_navigation(tmp_path: Path, page):
    """With navigation.instant, pages are swapped without a reload; the switch is made again."""
    project = copy_journal(tmp_path / "journal")
    port = free_port()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "    - navigation.top\n", "    - navigation.instant\n    - navigation.top\n"
    )
    text = re.sub(r"^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", text, flags=re.M)
    config.write_text(text, encoding="utf-8")
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    with serve_directory(project / "site", port):
        page.goto(f"http://127.0.0.1:{port}/glossary/")
        page.evaluate("window.travelogSamePage = true")
        page.locator("a", has_text="Invited to the square").first.click()
        page.wait_for_url("**/square-dancing/")
        switch = page.locator(SWITCH)
        switch.wait_for()
        assert page.evaluate("window.travelogSamePage === true"), "instant navigation was used"
        switch.click()
        assert html_is_hidden(page)
        assert first_reading_display(page) == "none"
