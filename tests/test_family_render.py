"""Family entries are rendered by travelog itself: links to other pages resolve as the engines
resolve them, and the family pages say nothing before they are opened."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT

from travelog.family.page import Shell, locked_body
from travelog.family.render import PageLinks

DOCS = ROOT / "docs"


def test_links_to_markdown_files_become_page_addresses():
    links = PageLinks(
        DOCS,
        {
            DOCS / "posts" / "park-cameras.md": "/2024/09/park-cameras/",
            DOCS / "posts" / "family-visiting.md": "/family/0123456789abcdef0123/",
        },
        "/",
    )
    source = DOCS / "posts" / "noise-display.md"
    markup = (
        '<a href="park-cameras.md#the-gate">gate</a> <a href="family-visiting.md">Dad</a> '
        '<a href="../about.md">us</a> <a href="../tags/index.md">topics</a> '
        '<a href="../index.md">home</a> <a href="missing.md">gone</a> '
        '<a href="https://example.org/a.md">elsewhere</a>'
    )
    assert links.resolve(markup, source) == (
        '<a href="/2024/09/park-cameras/#the-gate">gate</a> '
        '<a href="/family/0123456789abcdef0123/">Dad</a> '
        '<a href="/about/">us</a> <a href="/tags/">topics</a> <a href="/">home</a> '
        '<a href="missing.md">gone</a> <a href="https://example.org/a.md">elsewhere</a>'
    )


def test_locked_page_holds_no_readable_text_and_cannot_close_its_script(tmp_path: Path):
    (tmp_path / "404.html").write_text(
        "<html><head><title>Journal &amp; Co</title></head><body>"
        '<article class="md-content__inner md-typeset"><a id="__skip" tabindex="-1"></a>'
        "<h1>404 - Not found</h1></article></body></html>",
        encoding="utf-8",
    )
    shell = Shell.read(tmp_path)
    assert shell.site_name == "Journal & Co"
    lightbox = {"js": "/assets/javascripts/glightbox.min.js", "css": "/assets/glightbox.css"}
    data = {"sealed": "</script><script>alert(1)</script>"}
    page = shell.page(locked_body(data), assets_url="/a/", lightbox=lightbox)
    assert "404 - Not found" not in page
    assert "<title>For family - Journal &amp; Co</title>" in page
    assert page.count("</script>") == 3  # the data, the lightbox and family.js
    assert '<a id="__skip" tabindex="-1"></a>' in page
    assert page.index('<meta name="robots" content="noindex, nofollow">') < page.index("</head>")
