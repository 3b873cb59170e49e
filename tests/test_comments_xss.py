"""Hostile archived comments: nothing executable survives the renderer, and Chromium agrees."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from travelog.comments.archive import Archive, ArchivedComment
from travelog.comments.render import render_archive

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<div style="width: expression(alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    '<input autofocus onfocus="alert(1)">',
    "<video><source onerror=alert(1)></video>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<<script>script>alert(1)<</script>/script>",
    '<img src="x" onerror="alert(1)"',
    "<p onclick=alert(1)>unclosed",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href=javascript:alert(1)//>",
    '<a href="https://example.org" onmouseover="alert(1)">hover</a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<svg><a xlink:href=javascript:alert(1)><text>x</text></a></svg>",
]
WEBSITES = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://example.org/" onmouseover="alert(1)',
    "https://example.org/'><script>alert(1)</script>",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "//evil.example/",
]

ON_ATTRIBUTE = re.compile(r"<[^>]*\son\w+\s*=", re.IGNORECASE)
BAD_URL = re.compile(r"(href|src|action|data)\s*=\s*[\"']?\s*(javascript|data|vbscript):", re.I)
BAD_TAG = re.compile(
    r"<\s*(script|style|iframe|object|embed|svg|math|img|form|meta|base|input)", re.I
)


def hostile_archive() -> Archive:
    when = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
    comments = []
    for index, payload in enumerate(PAYLOADS):
        comments.append(
            ArchivedComment(
                id=f"isso-{index}",
                parent=None if index % 3 == 0 else f"isso-{index - index % 3}",
                author=payload,
                website=WEBSITES[index % len(WEBSITES)],
                date=when + dt.timedelta(minutes=index),
                text=payload,
            )
        )
    return Archive(path=Path("hostile.yml"), entry="hostile", comments=tuple(comments))


def test_there_are_enough_payloads():
    assert len(PAYLOADS) >= 25


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_does_not_survive_in_text_author_or_website(payload: str):
    for website in WEBSITES:
        comment = ArchivedComment(
            id="isso-1",
            parent=None,
            author=payload,
            website=website,
            date=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
            text=payload,
        )
        html = render_archive(Archive(path=Path("x.yml"), entry="x", comments=(comment,)))
        assert not BAD_TAG.search(html), html
        assert not ON_ATTRIBUTE.search(html), html
        assert not BAD_URL.search(html), html
        for href in re.findall(r'href="([^"]*)"', html):
            assert href.startswith(("https://", "http://")), href


def test_links_that_survive_are_nofollow_ugc_noopener():
    comment = ArchivedComment(
        id="isso-1",
        parent=None,
        author="Aunt Katie",
        website="https://example.org/katie",
        date=dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
        text='<p><a href="https://example.org/a" rel="opener">a</a></p>',
    )
    html = render_archive(Archive(path=Path("x.yml"), entry="x", comments=(comment,)))
    links = re.findall(r"<a [^>]*>", html)
    assert len(links) == 2
    assert all('rel="nofollow ugc noopener"' in link for link in links)


def test_no_dialog_fires_in_chromium(page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    html = render_archive(hostile_archive())
    page.set_content(f"<!doctype html><html><body>{html}</body></html>")
    for link in page.locator("a").all():
        link.hover()
        link.focus()
    page.mouse.wheel(0, 4000)
    page.wait_for_load_state("load")
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script, iframe, object, embed').length") == 0
    assert page.locator(".travelog-comment").count() == len(PAYLOADS)
