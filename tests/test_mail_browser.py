"""The email's HTML in Chromium, as a mail client shows it: photos from the message itself
(``cid:`` parts), nothing fetched from anywhere, no accessibility violations (axe-core), in
light and dark mode."""

from __future__ import annotations

import base64
import email
from email import policy

import pytest
from axe_playwright_python.sync_playwright import Axe
from mail_helpers import add_family, mail, processed_journal, smtp_server, write_entry

# Photos, a gallery, glossary terms, headings, a footnote, a list and a table.
RICH_BODY = """\
Morning at the pier: 国家 flags and 饮茶 after.[^1]

![Fishing boats tied up at the pier](photos/park-cameras/cameras-gate.jpg "Boats at dawn.")

<!-- more -->

## What we saw

- boats
- nets

::: gallery
![A camera above the lawn](photos/park-cameras/cameras-lawn.jpg)
![An old man writing on the pavement](photos/park-cameras/calligraphy.jpg)
:::

| Boats | Nets |
| --- | --- |
| 12 | 40 |

<p style="background: url(https://tracker.example/bg.png)">Written by hand.</p>
<img src="https://tracker.example/pixel.gif" alt="">
<link rel="stylesheet" href="https://tracker.example/style.css">

[^1]: We went to the tea house by the harbour.
"""

pytestmark = pytest.mark.e2e  # a real SMTP server, whole journals


@pytest.fixture(scope="module")
def message(tmp_path_factory: pytest.TempPathFactory) -> email.message.EmailMessage:
    root = tmp_path_factory.mktemp("mail-browser")
    project = processed_journal(root / "journal")
    add_family(project, [("Dad", "dad@example.org")])
    write_entry(project, "first-light", "First light on the pier", body=RICH_BODY)
    with smtp_server() as server:
        result = mail(
            project, server.environ, "--dry-run", str(root / "out"), "--entry", "first-light"
        )
    assert result.returncode == 0, result.stderr
    (path,) = (root / "out").glob("*.eml")
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def as_mail_client_shows_it(message: email.message.EmailMessage) -> tuple[str, int]:
    """The HTML with each ``cid:`` replaced by its attached part (what a mail client does)."""
    html = message.get_body(("html",)).get_content()
    count = 0
    for part in message.walk():
        cid = part.get("Content-ID")
        if cid:
            data = base64.b64encode(part.get_content()).decode()
            html = html.replace(
                f"cid:{cid.strip('<>')}", f"data:{part.get_content_type()};base64,{data}"
            )
            count += 1
    assert "cid:" not in html
    return html, count


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_photos_show_and_axe_finds_nothing(browser, message, scheme: str):
    html, attached = as_mail_client_shows_it(message)
    assert attached == 3
    context = browser.new_context(color_scheme=scheme, viewport={"width": 420, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        page.set_content(html, wait_until="load")
        images = page.eval_on_selector_all(
            "img",
            "els => els.map(e => [e.complete, e.naturalWidth, e.alt, e.clientWidth])",
        )
        assert len(images) == 3
        for complete, natural_width, alt, shown_width in images:
            assert complete and natural_width >= 400 and alt
            assert shown_width <= 420  # fits a phone's column
        assert page.get_by_text("国家 (guójiā, nation, country").count() == 1
        assert page.get_by_role("link", name="Write a comment").is_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        assert [url for url in requests if not url.startswith(("data:", "about:"))] == []
    finally:
        context.close()
