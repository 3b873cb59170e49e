"""Comments as a family conversation, on a real Isso behind a reverse proxy in Chromium:
family wording, one count, a waiting comment kept for its writer, refusals in words, and
deep threads inside a phone screen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from comments_helpers import reverse_proxy
from conftest import copy_journal, free_port, run_travelog

from travelog.comments.isso_server import IssoSetup, running_isso

ENTRY = "2024/11/noise-display/"  # no archived comments: the live thread only
ARCHIVED_ENTRY = "2024/09/park-cameras/"  # five archived comments
DEEP_ENTRY = "2025/03/old-men-music/"
DEPTH = 10
PHONE = {"width": 390, "height": 844}
ISSO_DEFAULTS = ("John Doe", "johndoe@example.com", "Type Comment Here", "example.com")


def deep_archive() -> str:
    lines = ["entry: old-men-music", "comments:"]
    for level in range(DEPTH):
        parent = f'"deep-{level - 1}"' if level else "null"
        lines += [
            f'  - id: "deep-{level}"',
            f"    parent: {parent}",
            f'    author: "{"Dad" if level % 2 == 0 else "Claire Bennett"}"',
            f"    date: 2025-03-{10 + level:02d}T08:00:00+08:00",
            f'    text: "<p>Reply number {level} in a long back and forth about the erhu.</p>"',
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_journal(tmp_path_factory.mktemp("family"))
    (project / "comments" / "old-men-music.yml").write_text(deep_archive(), encoding="utf-8")
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    proxy_port, isso_port = free_port(), free_port()
    origin = f"http://127.0.0.1:{proxy_port}"
    setup = IssoSetup(
        data_dir=project / "data" / "isso",
        port=isso_port,
        site_origins=(origin,),
        public_endpoint=origin + "/comments",
    )
    with (
        reverse_proxy(proxy_port, project / "site", isso_port) as base,
        running_isso(setup, {"PATH": "/usr/bin:/bin"}),
    ):
        yield base


def open_entry(browser, url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#isso-thread .isso-postbox textarea")
    return context, page


def send(page, text: str, name: str = "Dad") -> None:
    page.get_by_label("Your comment").first.fill(text)
    page.get_by_label("Your name").first.fill(name)
    page.locator("#isso-thread .isso-postbox input[type=submit]").first.click()


@pytest.mark.e2e
def test_form_speaks_to_family_without_isso_placeholders(browser, journal: str):
    context, page = open_entry(browser, journal + ENTRY)
    assert page.get_by_label("Your name").count() == 1
    assert page.get_by_label("Email (optional, only the writers see it)").count() == 1
    assert page.get_by_label("Your comment").count() == 1
    form = page.locator("#isso-thread").evaluate("thread => thread.outerHTML")
    for default in ISSO_DEFAULTS:
        assert default not in form
    assert page.locator("#isso-thread .isso-postbox input[type=submit]").get_attribute("value") == (
        "Send comment"
    )
    context.close()


@pytest.mark.e2e
def test_one_count_for_archived_and_live_comments(browser, journal: str):
    context, page = open_entry(browser, journal + ARCHIVED_ENTRY)
    assert page.locator(".travelog-comments h2").inner_text() == "5 comments"
    # Isso's own heading ("No Comments Yet") and the archive's are not shown.
    assert (
        page.locator(".isso-thread-heading:visible, .travelog-archive-title:visible").count() == 0
    )
    context.close()


@pytest.mark.e2e
def test_waiting_comment_stays_for_its_writer_and_refusals_are_explained(browser, journal: str):
    context, page = open_entry(
        browser, journal + ENTRY, extra_http_headers={"X-Forwarded-For": "203.0.113.9"}
    )
    send(page, "Is it this loud at night too?")
    notice = page.locator(".travelog-comments-notice")
    notice.filter(has_text="waits for the writers' approval").wait_for()
    page.reload()
    waiting = page.locator(".travelog-comment--pending")
    waiting.first.wait_for()
    assert "Is it this loud at night too?" in waiting.first.inner_text()
    assert "Waiting for approval" in waiting.first.inner_text()
    # Isso allows two comments a minute from one address; the third is refused in words.
    send(page, "Second question: does it beep?")
    notice.filter(has_text="waits for the writers' approval").wait_for()
    send(page, "Third question, too soon.")
    notice.filter(has_text="only two comments a minute").wait_for()
    assert page.get_by_label("Your comment").first.input_value() == "Third question, too soon."
    context.close()


@pytest.mark.e2e
def test_a_deep_thread_stays_inside_a_phone_screen(browser, journal: str):
    context, page = open_entry(browser, journal + DEEP_ENTRY, viewport=PHONE)
    deepest = page.locator(f"#comment-deep-{DEPTH - 1}")
    box = deepest.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    assert box["width"] >= PHONE["width"] / 2, "the deepest reply is squeezed"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
