"""The WordPress importer's parts: upload paths, tag names, paragraphs, shortcodes, links."""

from __future__ import annotations

import pytest

from travelog.comments.sanitize import safe_website
from travelog.importers.wordpress.autop import autop
from travelog.importers.wordpress.comments import sanitize
from travelog.importers.wordpress.html_text import converter, drop_empty_items
from travelog.importers.wordpress.links import LinkMap
from travelog.importers.wordpress.media import MediaLibrary, file_candidates, upload_path
from travelog.importers.wordpress.names import slug_for, tag_name
from travelog.importers.wordpress.photos import PostPhotos
from travelog.importers.wordpress.redirects import Redirect, netlify_rules, old_path, stub_page
from travelog.importers.wordpress.shortcodes import unknown_shortcodes
from travelog.importers.wordpress.uploads import UploadsFolder, inside_uploads
from travelog.photos.syntax import find_placements


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://b.example.com/wp-content/uploads/2024/09/gate-1024x768.jpg", "2024/09/gate.jpg"),
        ("https://b.example.com/wp-content/uploads/2024/09/big-scaled.jpg", "2024/09/big.jpg"),
        ("https://me.files.wordpress.com/2024/11/creme.jpg?w=1024", "2024/11/creme.jpg"),
        (
            "https://i0.wp.com/me.files.wordpress.com/2024/11/ferry.jpg?resize=1024%2C768",
            "2024/11/ferry.jpg",
        ),
        (
            "https://i1.wp.com/me.files.wordpress.com/2016/03/ridge-e1491234567-1024x768.jpg?w=1024",
            "2016/03/ridge.jpg",
        ),
        (
            "https://me.example.org/wp-content/uploads/2017/06/lake-rotated-300x200.jpg",
            "2017/06/lake.jpg",
        ),
        ("https://me.example.org/files/2015/11/a-e1491234567123.jpg", "2015/11/a.jpg"),
        ("https://photos.example.org/friend.jpg", None),
    ],
)
def test_resized_references_resolve_to_the_original(url, expected):
    assert upload_path(url) == expected


@pytest.mark.parametrize(
    ("attached", "expected"),
    [
        ("2015/11/dsc_7142.jpg", "2015/11/dsc_7142.jpg"),
        (
            "/home/wpcom/public_html/wp-content/blogs.dir/9ff/93551069/files/2015/11/dsc_7142.jpg",
            "2015/11/dsc_7142.jpg",
        ),
        ("/srv/www/blog/wp-content/uploads/2015/11/dsc_7142.jpg", "2015/11/dsc_7142.jpg"),
        ("/var/www/wp-content/blogs.dir/2/files/2015/11/a.jpg", "2015/11/a.jpg"),
        ("../../etc/passwd", None),
        ("2015/../../secret.jpg", None),
    ],
)
def test_attached_files_in_every_form_resolve_inside_the_uploads(attached, expected):
    assert inside_uploads(attached) == expected


def test_the_edited_copy_is_preferred_then_the_original_then_the_copy_named():
    assert file_candidates("2016/03/ridge-e1491234567-1024x768.jpg") == [
        "2016/03/ridge-e1491234567.jpg",
        "2016/03/ridge.jpg",
        "2016/03/ridge-e1491234567-1024x768.jpg",
    ]
    assert file_candidates("2017/05/summit-scaled.jpg") == [
        "2017/05/summit.jpg",
        "2017/05/summit-scaled.jpg",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Street Food", "street food"),
        ("Café Culture", "café culture"),
        ("深圳", "深圳"),
        ("Москва", "москва"),
        ("서울", "서울"),
        ("content περιεχόμενο", "content περιεχόμενο"),
        ("東京", "東京"),
        ("नमस्ते", "नमस्ते"),
        ("C++", "c++"),
        ("C++ & Rust_tips", "c++ and rust tips"),
        ("wordpress.tv", "wordpress tv"),
        ("!!!", ""),
    ],
)
def test_tag_names_fit_the_registry(name, expected):
    assert tag_name(name) == expected


def test_slugs_are_ascii_from_encoded_post_names_or_titles():
    assert slug_for("%e6%b7%b1%e5%9c%b3-morning", "x", "y") == "shen-zhen-morning"
    assert slug_for("", "Crème brûlée à Shekou", "y") == "creme-brulee-a-shekou"
    assert slug_for("", "!!!", "post-7") == "post-7"


def test_blank_lines_make_paragraphs_and_pre_is_kept():
    html = autop("One\ntwo\n\n<h2>Head</h2>\nThree\n<pre>a\n\nb</pre>")
    assert html == "<p>One<br />\ntwo</p>\n<h2>Head</h2>\n<p>Three</p>\n<pre>a\n\nb</pre>"


def test_only_real_shortcodes_are_reported():
    text = '[contact-form-7 id="9"] [sic] [note]x[/note] [my_widget] [1]'
    assert unknown_shortcodes(text) == ["contact-form-7", "note", "my_widget"]


def test_comment_text_is_sanitized_and_private_data_removed():
    text = sanitize('Hi <script>x()</script><a href="javascript:y()">me</a> a@b.example 10.0.0.1')
    assert "script" not in text and "javascript" not in text
    assert "a@b.example" not in text and "10.0.0.1" not in text
    assert safe_website("https://ok.example/") == "https://ok.example/"
    assert safe_website("javascript:alert(1)") is None
    assert safe_website("http://user@evil.example/") is None


def test_links_by_permalink_guid_and_id_rewrite_relative_to_the_source():
    links = LinkMap("https://b.example.com")
    links.add(
        "posts/walk.md",
        "10",
        "https://b.example.com/2024/09/14/walk/",
        "https://b.example.com/?p=10",
    )
    resolve = links.resolver("posts/other.md")
    assert resolve("http://www.b.example.com/2024/09/14/walk") == "walk.md"
    assert resolve("/?p=10#comment-3") == "walk.md"
    assert resolve("https://b.example.com/2024/09/14/walk/#the-count") == "walk.md#the-count"
    assert links.resolver("about.md")("https://b.example.com/?p=10") == "posts/walk.md"
    assert resolve("https://elsewhere.example/") is None


def test_lists_keep_their_nesting_numbering_and_separation():
    html = (
        "<ul><li>Packing<ul><li>Tent<ul><li>Pegs</li></ul></li><li>Stove</li></ul></li>"
        "<li>Food</li></ul><ul><li>Another list</li></ul>"
        '<ol start="3"><li>Third</li><li>Fourth<ol><li>Part one</li></ol></li></ol>'
    )
    assert converter.convert(html).strip() == (
        "-   Packing\n"
        "    -   Tent\n"
        "        -   Pegs\n"
        "    -   Stove\n"
        "-   Food\n\n"
        "<!-- -->\n\n"
        "-   Another list\n\n"
        "3.  Third\n"
        "4.  Fourth\n"
        "    1.  Part one"
    )


@pytest.mark.parametrize(
    ("html", "markdown"),
    [
        ("<p>#travel #shenzhen</p>", "\\#travel #shenzhen"),
        ("<p>1986. A great year</p>", "1986\\. A great year"),
        ("<p>&gt; an arrow</p>", "\\> an arrow"),
        ("<p>- a dash<br>+ a plus</p>", "\\- a dash  \n\\+ a plus"),
        ("<p>Title<br>===</p>", "Title  \n&#61;=="),
        ("<p>---</p>", "\\---"),
        (
            "<p>a &lt;b&gt; tag, &amp;copy; and `ticks`</p>",
            "a &lt;b> tag, &amp;copy; and \\`ticks\\`",
        ),
        ("<p>H<sub>2</sub>O, E = MC<sup>2</sup></p>", "H<sub>2</sub>O, E = MC<sup>2</sup>"),
        ("<dl><dt>Col</dt><dd>A low point.</dd></dl>", "Col\n:   A low point."),
        (
            '<pre class="wp-block-code"><code class="language-python">x = 1</code></pre>',
            "```python\nx = 1\n```",
        ),
        ('<pre class="brush: ruby; notranslate">puts 1</pre>', "```ruby\nputs 1\n```"),
    ],
)
def test_text_that_looks_like_markdown_stays_text(html, markdown):
    assert converter.convert(html).strip() == markdown


def test_escaped_text_renders_as_written():
    """What the escapes mean to the journal's own Markdown configuration."""
    import markdown as python_markdown

    source = converter.convert(
        "<p>#travel</p><p>1986. A year</p><p>&gt; arrow</p><p>- dash<br>===</p><p>a &lt;b&gt;</p>"
    )
    rendered = python_markdown.markdown(source, extensions=["def_list", "tables", "sane_lists"])
    assert rendered == (
        "<p>#travel</p>\n<p>1986. A year</p>\n<p>&gt; arrow</p>\n"
        "<p>- dash<br />\n&#61;==</p>\n<p>a &lt;b&gt;</p>"
    )


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        (
            "https://blog.example.com/2018/05/20/chinas-social-credit-system/",
            "2018/05/20/chinas-social-credit-system/",
        ),
        ("https://www.blog.example.com/%E6%B7%B1%E5%9C%B3/", "深圳/"),
        ("https://blog.example.com/2018/../../etc/", None),
        ("https://blog.example.com/a/%2e%2e/%2e%2e/x/", None),
        ("https://blog.example.com/a%2Fb/", None),
        ("https://blog.example.com/?p=12", None),
        ("https://elsewhere.example.org/2018/05/20/x/", None),
        ("https://blog.example.com/", None),
    ],
)
def test_old_paths_stay_inside_the_site(link, expected):
    assert old_path(link, "blog.example.com") == expected


def test_a_redirect_page_refreshes_relatively_and_names_the_canonical_address():
    canonical = "https://j.example.org/journal/2018/05/walk/"
    page = stub_page("2018/05/20/walk/", "2018/05/walk/", canonical)
    text = page.decode()
    assert '<meta http-equiv="refresh" content="0; url=../../walk/">' in text
    assert '<link rel="canonical" href="https://j.example.org/journal/2018/05/walk/">' in text
    rules = netlify_rules(
        [Redirect("2018/05/20/walk/", "2018/05/walk/"), Redirect("深圳/", "shen-zhen/")],
        "/journal/",
    ).decode()
    assert "/journal/2018/05/20/walk/ /journal/2018/05/walk/ 301" in rules
    assert "/journal/%E6%B7%B1%E5%9C%B3/ /journal/shen-zhen/ 301" in rules


def test_a_photo_used_twice_carries_each_caption_on_its_line(tmp_path):
    """The line's title is the caption, whatever quotes, brackets or links it holds."""
    (tmp_path / "2024/09").mkdir(parents=True)
    (tmp_path / "2024/09/gate.jpg").write_bytes(b"jpeg")
    library = MediaLibrary([], UploadsFolder(tmp_path))
    photos = PostPhotos(folder="walk", post_id="1", library=library)
    gate = library.resolve("https://b.example.com/wp-content/uploads/2024/09/gate-300x200.jpg")
    assert gate is not None
    captions = ['The "south" gate (at dawn)', "See [the park](https://park.example.org/)"]
    lines = [photos.markdown(gate, alt="A gate", caption=caption) for caption in captions]
    markdown = photos.finish("\n\n".join(lines))
    placements = find_placements(markdown.split("\n"))
    assert [p.images[0].title for p in placements] == captions
    assert [p.images[0].path for p in placements] == ["walk/gate.jpg", "walk/gate.jpg"]
    assert "caption" not in photos.captions["gate.jpg"]


def test_emptied_list_items_go_but_code_keeps_its_lines():
    markdown = "-   \n\n![a](photos/x/a.jpg)\n\n```\n-\n1.\n```\n\n- kept"
    assert drop_empty_items(markdown) == "\n![a](photos/x/a.jpg)\n\n```\n-\n1.\n```\n\n- kept"
