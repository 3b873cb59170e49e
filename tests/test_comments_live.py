"""End to end: family comment on a real Isso behind a reverse proxy, moderated, notified,
answered, frozen into the archive and still there when Isso is gone."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
import yaml
from comments_helpers import activation_link, body, reverse_proxy, smtp_server
from conftest import assert_one_line_error, copy_journal, free_port, run_travelog

from travelog.comments.isso_server import IssoSetup, running_isso

ENTRY = "2024/11/noise-display/"
SLUG = "noise-display"
WRITER = "claire@example.org"
FAMILY_ADDRESS = "203.0.113.7"  # what the proxy would forward for Dad's phone
WRITER_ADDRESS = "198.51.100.4"


def approve(link: str) -> None:
    """Isso's moderation: the activate link from the writer's mail, confirmed with POST."""
    request = urllib.request.Request(link, method="POST", data=b"")
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200


def open_entry(browser, base: str, forwarded_for: str):
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": forwarded_for})
    page = context.new_page()
    page.goto(base + ENTRY)
    page.wait_for_selector("#isso-thread .isso-postbox textarea")
    return context, page


@pytest.mark.e2e
def test_family_comment_moderated_answered_frozen_and_archived(browser, tmp_path: Path):
    project = copy_journal(tmp_path / "journal")
    site = project / "site"
    assert run_travelog("build", cwd=project).returncode == 0
    proxy_port, isso_port, smtp_port = free_port(), free_port(), free_port()
    origin = f"http://127.0.0.1:{proxy_port}"
    setup = IssoSetup(
        data_dir=project / "data" / "isso",
        port=isso_port,
        site_origins=(origin,),
        public_endpoint=origin + "/comments",
    )
    environ = {
        "TRAVELOG_SMTP_HOST": "127.0.0.1",
        "TRAVELOG_SMTP_PORT": str(smtp_port),
        "TRAVELOG_SMTP_SECURITY": "none",
        "TRAVELOG_SMTP_TO": WRITER,
        "TRAVELOG_SMTP_FROM": "journal@example.org",
        "PATH": "/usr/bin:/bin",
    }
    log = (tmp_path / "isso.log").open("w")
    with (
        smtp_server(smtp_port) as mailbox,
        reverse_proxy(proxy_port, site, isso_port) as base,
    ):
        with running_isso(setup, environ, log=log):
            # Dad writes, with no account, from his phone.
            context, page = open_entry(browser, base, FAMILY_ADDRESS)
            page.get_by_label("Your comment").fill("Does the sign show the noise in decibels?")
            page.get_by_label("Your name").fill("Dad")
            page.get_by_label("Email (optional, only the writers see it)").fill("dad@example.org")
            page.click("#isso-thread .isso-postbox input[type=submit]")
            mail = mailbox.wait_for(1)[0]
            assert mail["To"] == WRITER
            assert "Does the sign show the noise in decibels?" in body(mail)
            approve(activation_link(mail))
            page.reload()
            page.wait_for_selector("#isso-root .isso-comment .isso-text")
            first = page.locator("#isso-root .isso-comment").first
            assert "decibels" in first.inner_text()
            assert "Dad" in first.locator(".isso-author").inner_text()
            context.close()

            # Claire answers under his comment.
            context, page = open_entry(browser, base, WRITER_ADDRESS)
            page.wait_for_selector("#isso-root .isso-comment .isso-reply")
            page.click("#isso-root .isso-comment .isso-reply")
            reply_box = page.locator("#isso-root .isso-comment .isso-postbox")
            reply_box.locator("textarea").fill("Yes, and it was 72 dB when the bus came past.")
            reply_box.locator("input[name=author]").fill("Claire Bennett")
            reply_box.locator("input[type=submit]").click()
            approve(activation_link(mailbox.wait_for(2)[1]))
            page.reload()
            nested = page.locator("#isso-root .isso-comment .isso-follow-up .isso-comment")
            nested.first.wait_for()
            assert "72 dB" in nested.first.inner_text()
            context.close()

            frozen = run_travelog("comments", "freeze", "--isso", base + "comments/", cwd=project)
            assert frozen.returncode == 0, frozen.stderr
            assert f"comments/{SLUG}.yml: +2" in frozen.stdout
            again = run_travelog("comments", "freeze", "--isso", base + "comments/", cwd=project)
            assert again.returncode == 0 and "up to date" in again.stdout
            status = run_travelog("comments", "status", "--isso", base + "comments/", cwd=project)
            assert status.returncode == 0, status.stderr
            assert "0 comment(s) waiting" in status.stdout

            rebuilt = run_travelog("build", cwd=project)
            assert rebuilt.returncode == 0, rebuilt.stderr

            # While Isso is up, the frozen comments are shown once: in the archive.
            context, page = open_entry(browser, base, FAMILY_ADDRESS)
            page.wait_for_selector("#isso-root .isso-comment", state="attached")
            assert page.locator("#isso-root .isso-comment:visible").count() == 0
            assert page.locator(".travelog-archive .travelog-comment").count() == 2
            context.close()

        # Isso is stopped: the archive still shows both, threaded; the live part says so.
        archive = yaml.safe_load((project / "comments" / f"{SLUG}.yml").read_text("utf-8"))
        assert [c["author"] for c in archive["comments"]] == ["Dad", "Claire Bennett"]
        assert archive["comments"][1]["parent"] == archive["comments"][0]["id"]
        frozen_text = (project / "comments" / f"{SLUG}.yml").read_text("utf-8")
        assert "dad@example.org" not in frozen_text and FAMILY_ADDRESS not in frozen_text
        page = browser.new_page()
        page.goto(base + ENTRY)
        top = page.locator(".travelog-archive .travelog-thread > .travelog-comment")
        assert top.count() == 1
        assert "decibels" in top.first.locator(".travelog-comment-text").first.inner_text()
        reply = top.first.locator(".travelog-replies > .travelog-comment")
        assert "72 dB" in reply.inner_text()
        assert "Claire Bennett" in reply.inner_text()
        status = page.get_by_role("status")
        status.filter(has_text="Comments are unavailable right now.").wait_for()
        page.close()
    log.close()
    for path in site.rglob("*.html"):
        text = path.read_text("utf-8")
        assert "dad@example.org" not in text and FAMILY_ADDRESS not in text


def test_freeze_without_isso_fails_and_leaves_the_archive(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    before = {p.name: p.read_bytes() for p in (project / "comments").iterdir()}
    result = run_travelog(
        "comments", "freeze", "--isso", f"http://127.0.0.1:{free_port()}/", cwd=project
    )
    assert_one_line_error(result, "cannot reach Isso")
    after = {p.name: p.read_bytes() for p in (project / "comments").iterdir()}
    assert after == before
