"""In headless Chromium: the family pages refuse a wrong passphrase, open with the right one
(text, photos, lightbox), remember the key across a reload, open every family page once
unlocked, report a changed byte, and explain themselves without JavaScript."""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from conftest import serve_directory
from family_helpers import DATA_SCRIPT, PASSPHRASE, entry_pages, family_journal, travelog

pytestmark = pytest.mark.e2e  # every test here builds a journal
TITLE = "Dad and Aunt Katie come to Shenzhen"
CAPTION = "Dad and Aunt Katie, finally through arrivals."
COMMENT = "I keep reaching for chopsticks at breakfast"
STATUS = "#travelog-family-status"
# Deriving 600,000 PBKDF2 rounds takes a moment on a loaded machine.
UNLOCK_TIMEOUT = 60_000
# The remembered key, as this device keeps it: a CryptoKey that no script can read out.
REMEMBERED_KEY = """() => new Promise((resolve, reject) => {
  const request = indexedDB.open("travelog-family");
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const store = request.result.transaction("keys").objectStore("keys");
    const all = store.getAll();
    all.onsuccess = () => resolve(all.result.map((key) => ({
      type: key.type, extractable: key.extractable,
    }))[0]);
  };
})"""


@pytest.fixture(scope="module")
def family_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = family_journal(tmp_path_factory.mktemp("family-browser") / "journal")
    result = travelog(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def family_server(family_site: Path):
    with serve_directory(family_site) as url:
        yield url


def entry_url(site: Path, base: str) -> str:
    [page] = entry_pages(site)
    return f"{base}family/{page.parent.name}/"


def unlock(page, passphrase: str, *, remember: bool = False) -> None:
    page.fill("#travelog-family-passphrase", passphrase)
    if remember:
        page.check("#travelog-family-remember")
    page.get_by_role("button", name="Unlock").click()


def wait_opened(page) -> None:
    page.wait_for_selector("[data-travelog-family-photos=ready]", timeout=UNLOCK_TIMEOUT)


def test_wrong_passphrase_is_refused_in_words(page, family_site, family_server):
    page.goto(entry_url(family_site, family_server))
    assert page.locator("h1").inner_text() == "For family"
    assert page.get_by_label("Family passphrase").is_visible()
    unlock(page, "this is not the passphrase")
    status = page.locator(STATUS)
    status.get_by_text("does not open these pages").wait_for(timeout=UNLOCK_TIMEOUT)
    assert page.locator(".travelog-family-content").is_hidden()
    assert TITLE not in page.content()


def test_right_passphrase_shows_text_photo_comments_and_lightbox(page, family_site, family_server):
    page.goto(entry_url(family_site, family_server))
    unlock(page, PASSPHRASE)
    wait_opened(page)
    content = page.locator(".travelog-family-content")
    assert content.locator("h1").inner_text() == TITLE
    assert page.title() == f"{TITLE} - Two Years in Shenzhen"
    assert COMMENT in content.inner_text()
    assert CAPTION in content.locator("figcaption").inner_text()
    image = content.locator("figure img").first
    assert image.evaluate("img => img.complete && img.naturalWidth >= 400")
    assert image.evaluate("img => img.currentSrc.startsWith('blob:')")
    content.locator("a.glightbox").first.click()
    current = page.locator(".gslide.current img")
    current.wait_for(state="visible")
    page.wait_for_function(
        "() => document.querySelector('.gslide.current img')?.naturalWidth >= 1200"
    )
    assert current.evaluate("img => img.src.startsWith('blob:')")
    assert CAPTION in page.locator(".gslide.current .gslide-desc").inner_text()
    page.keyboard.press("Escape")
    page.locator(".glightbox-container").wait_for(state="detached")


def test_unlocking_once_opens_every_family_page(page, family_site, family_server):
    page.goto(entry_url(family_site, family_server))
    unlock(page, PASSPHRASE)
    wait_opened(page)
    page.get_by_role("link", name="All family entries").click()
    page.wait_for_url(f"{family_server}family/")
    listed = page.locator(".travelog-family-list")
    listed.wait_for(timeout=UNLOCK_TIMEOUT)
    assert TITLE in listed.inner_text()
    assert page.locator("form.travelog-family-unlock").is_hidden()
    assert page.get_by_role("link", name="All family entries").count() == 0
    listed.get_by_role("link", name=TITLE).click()
    page.locator(".travelog-family-content h1").get_by_text(TITLE).wait_for()


def test_remember_on_this_device_survives_a_reload_and_lock_forgets(
    browser, family_site, family_server
):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(entry_url(family_site, family_server))
        unlock(page, PASSPHRASE, remember=True)
        wait_opened(page)
        stored = page.evaluate(
            "() => JSON.stringify([Object.values(localStorage), Object.values(sessionStorage)])"
        )
        assert PASSPHRASE not in stored
        assert page.evaluate(REMEMBERED_KEY) == {"type": "secret", "extractable": False}
        # A new tab has a new session: only the remembered key can open it.
        other = context.new_page()
        other.goto(entry_url(family_site, family_server))
        wait_opened(other)
        other.reload()
        wait_opened(other)
        assert other.locator(".travelog-family-content h1").inner_text() == TITLE
        other.get_by_role("button", name="Lock on this device").click()
        other.wait_for_load_state()
        other.get_by_label("Family passphrase").wait_for()
        third = context.new_page()
        third.goto(entry_url(family_site, family_server))
        third.get_by_label("Family passphrase").wait_for()
        assert third.locator(".travelog-family-content").is_hidden()
    finally:
        context.close()


def test_without_remember_a_new_tab_asks_again(browser, family_site, family_server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(entry_url(family_site, family_server))
        unlock(page, PASSPHRASE)
        wait_opened(page)
        other = context.new_page()
        other.goto(entry_url(family_site, family_server))
        other.get_by_label("Family passphrase").wait_for()
        assert other.locator(".travelog-family-content").is_hidden()
    finally:
        context.close()


def test_a_changed_byte_is_reported(page, family_site, tmp_path):
    changed = tmp_path / "site"
    shutil.copytree(family_site, changed)
    [entry] = entry_pages(changed)
    text = entry.read_text(encoding="utf-8")
    sealed = DATA_SCRIPT.search(text).group(1).split('"sealed":"')[1].split('"')[0]
    data = bytearray(base64.b64decode(sealed))
    data[len(data) // 2] ^= 0x01
    entry.write_text(text.replace(sealed, base64.b64encode(bytes(data)).decode()), "utf-8")
    photo = sorted((changed / "family" / "files").iterdir())
    with serve_directory(changed) as base:
        page.goto(entry_url(changed, base))
        unlock(page, PASSPHRASE)
        page.locator(STATUS).get_by_text("changed or damaged").wait_for(timeout=UNLOCK_TIMEOUT)
        assert page.locator(".travelog-family-content").is_hidden()
        # A changed photo file: the page opens and says which photo could not be shown.
        entry.write_text(text, "utf-8")
        later = entry.stat().st_mtime + 10  # newer than the browser's copy (no 304)
        os.utime(entry, (later, later))
        for path in photo:
            body = bytearray(path.read_bytes())
            body[-1] ^= 0x01
            path.write_bytes(bytes(body))
        page.reload()
        wait_opened(page)
        assert page.locator(".travelog-family-content h1").inner_text() == TITLE
        assert "could not be opened" in page.locator("figure").first.inner_text()


def test_without_javascript_the_page_explains_what_is_needed(browser, family_site, family_server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(entry_url(family_site, family_server))
        body = page.locator("article").inner_text()
        assert "turn on JavaScript and enter the family passphrase" in body
        assert page.locator("form.travelog-family-unlock").is_hidden()
        assert TITLE not in page.content()
    finally:
        context.close()


def test_zensical_built_pages_open_the_same_way(page, family_site, tmp_path):
    project = tmp_path / "journal"
    shutil.copytree(family_site.parent, project, symlinks=True)
    result = travelog(project, "build", "--engine", "zensical")
    assert result.returncode == 0, result.stderr
    with serve_directory(project / "site") as base:
        page.goto(entry_url(project / "site", base))
        unlock(page, "not the passphrase at all")
        page.locator(STATUS).get_by_text("does not open these pages").wait_for(
            timeout=UNLOCK_TIMEOUT
        )
        unlock(page, PASSPHRASE)
        wait_opened(page)
        content = page.locator(".travelog-family-content")
        assert content.locator("h1").inner_text() == TITLE
        assert content.locator("figure img").first.evaluate("img => img.naturalWidth >= 400")
        content.locator("a.glightbox").first.click()
        page.wait_for_function(
            "() => document.querySelector('.gslide.current img')?.naturalWidth >= 1200"
        )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_locked_and_open_pages_pass_axe_and_request_nothing_missing(
    browser, family_site, family_server, scheme
):
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    problems: list[str] = []
    try:
        page = context.new_page()
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.on(
            "response",
            lambda response: (
                response.status >= 400 and problems.append(f"{response.status}: {response.url}")
            ),
        )
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(entry_url(family_site, family_server), wait_until="networkidle")
        assert axe_violations(page) == []
        unlock(page, PASSPHRASE)
        wait_opened(page)
        assert axe_violations(page) == []
        page.goto(f"{family_server}family/", wait_until="networkidle")
        page.locator(".travelog-family-list").wait_for(timeout=UNLOCK_TIMEOUT)
        assert axe_violations(page) == []
        assert problems == []
    finally:
        context.close()


def axe_violations(page) -> list[str]:
    return [
        f"{item['id']}: {item['help']} (e.g. {item['nodes'][0]['html'][:160]})"
        for item in Axe().run(page).response["violations"]
    ]
