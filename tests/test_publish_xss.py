"""Nothing a writer writes runs as script: every plain-text field of a journal carries a
hostile payload, the journal is built, and every page is opened in Chromium."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from conftest import copy_journal, run_travelog, serve_directory
from xss_payloads import PAYLOADS, markup_problems, open_every_page

pytestmark = pytest.mark.e2e  # builds whole journals
ALL = " ".join(PAYLOADS)
UNSAFE_LINK = "javascript:alert(90)"


def hostile_journal(project: Path) -> Path:
    """The example journal with a payload in every writer-controlled field."""
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8").split("\nplugins:")[0])
    text = (project / "mkdocs.yml").read_text("utf-8")
    for key in ("site_name", "site_description", "site_author", "copyright"):
        text = text.replace(f"{key}: {config[key]}\n", f"{key}: {_scalar(ALL)}\n", 1)
    (project / "mkdocs.yml").write_text(text, "utf-8")

    docs = project / "docs"
    authors = yaml.safe_load((docs / ".authors.yml").read_text("utf-8"))
    topics = yaml.safe_load((docs / "topics.yml").read_text("utf-8"))
    topics["food"] = ALL
    (docs / "topics.yml").write_text(yaml.safe_dump(topics, allow_unicode=True), "utf-8")
    for number, payload in enumerate(PAYLOADS):
        authors["authors"][f"a{number}"] = {
            "name": payload,
            "description": payload,
            "avatar": UNSAFE_LINK if number % 2 else "assets/authors/claire.svg",
            "url": UNSAFE_LINK if number % 3 == 0 else None,
        }
        if authors["authors"][f"a{number}"]["url"] is None:
            del authors["authors"][f"a{number}"]["url"]
        front = {
            "title": payload,
            "date": dt.date(2023, 1 + number % 12, 1 + number % 28),
            "authors": [f"a{number}"],
            "categories": [f"P{number} {payload}"],
            "tags": ["food"],
            "description": payload,
            "slug": f"hostile-{number}",
        }
        body = f"The excerpt of entry {number}, about 国家.\n\n<!-- more -->\n\nThe rest.\n"
        entry = docs / "posts" / f"hostile-{number}.md"
        entry.write_text(f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n\n{body}")
    (docs / ".authors.yml").write_text(yaml.safe_dump(authors, allow_unicode=True), "utf-8")

    captions = project / "photos" / "park-cameras" / "captions.yml"
    sidecar = yaml.safe_load(captions.read_text("utf-8"))
    for number, name in enumerate(sidecar):
        payload = PAYLOADS[number % len(PAYLOADS)]
        sidecar[name] = {"caption": payload, "alt": payload, "credit": payload}
    captions.write_text(yaml.safe_dump(sidecar, allow_unicode=True), "utf-8")

    glossary = docs / "glossary.yml"
    terms = yaml.safe_load(glossary.read_text("utf-8"))
    for term in terms:
        if term["term"] == "国家":
            term.update(meaning=ALL, literal=PAYLOADS[1], note=ALL)
    glossary.write_text(yaml.safe_dump(terms, allow_unicode=True), "utf-8")
    return project


def _scalar(text: str) -> str:
    return yaml.safe_dump(text, default_style='"', width=10**6).strip()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = hostile_journal(copy_journal(tmp_path_factory.mktemp("hostile")))
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_there_are_enough_payloads():
    assert len(PAYLOADS) >= 30 and len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.e2e
def test_no_on_attribute_and_no_script_url_anywhere(hostile_site: Path):
    assert (hostile_site / "2023" / "01" / "hostile-0" / "index.html").is_file()
    assert markup_problems(hostile_site) == []


@pytest.mark.e2e
def test_every_page_opens_without_a_dialog_and_shows_the_text(hostile_site: Path, page):
    with serve_directory(hostile_site) as url:
        assert open_every_page(page, url, hostile_site) == []
        for number in (0, 4, 8, 12, 19, 28, 37):
            page.goto(f"{url}2023/{1 + number % 12:02d}/hostile-{number}/")
            assert page.locator("article h1").first.inner_text() == PAYLOADS[number]
            assert page.title().startswith(PAYLOADS[number])


@pytest.fixture(scope="module")
def hostile_zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = hostile_journal(copy_journal(tmp_path_factory.mktemp("hostile-zensical")))
    result = run_travelog("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / ".travelog-zensical-docs").exists()
    assert (project / "docs" / "posts" / "hostile-0.md").read_text("utf-8").count(PAYLOADS[0])
    return project / "site"


def test_zensical_site_runs_no_script(hostile_zensical_site: Path, page):
    assert (hostile_zensical_site / "2023" / "01" / "hostile-0" / "index.html").is_file()
    assert markup_problems(hostile_zensical_site) == []
    with serve_directory(hostile_zensical_site) as url:
        assert open_every_page(page, url, hostile_zensical_site) == []


# --- An export's fields: the blog's name and description, display names, titles, places,
# and links in the content. The import writes them as plain text; the build escapes them.
HOSTILE_LINKS = (
    '<p>Links: <a href="javascript:alert(61)">one</a> <a href=" JaVaScRiPt:alert(62)">two</a>'
    ' <a href="data:text/html,&lt;script&gt;alert(63)&lt;/script&gt;">three</a>'
    ' <a href="vbscript:msgbox(64)">four</a> <img src="javascript:alert(65)" alt="five">'
    " &lt;script&gt;alert(66)&lt;/script&gt; &lt;img src=x onerror=alert(67)&gt;"
    ' <a href="https://example.org/a)(b &lt;c&gt;">six</a></p><script>alert(68)</script>'
)


def hostile_export(source: Path, target: Path) -> Path:
    text = source.read_text("utf-8")
    swaps = {
        "<![CDATA[Bennetts in Shenzhen]]>": f"<![CDATA[{PAYLOADS[0]} {PAYLOADS[4]}]]>",
        "<![CDATA[Letters home]]>": f"<![CDATA[{PAYLOADS[1]} {PAYLOADS[6]}]]>",
        "<![CDATA[Claire Bennett]]>": f"<![CDATA[{PAYLOADS[2]} {PAYLOADS[8]}]]>",
        "<![CDATA[Ted &amp; Wang]]>": "<![CDATA[&lt;script&gt;alert(69)&lt;/script&gt;]]>",
        "<![CDATA[Futian]]>": f"<![CDATA[{PAYLOADS[5]}]]>",
        "<title>Noodles on Sunday</title>": f"<title><![CDATA[{PAYLOADS[9]}]]></title>",
        "<![CDATA[深圳的早晨]]>": f"<![CDATA[{PAYLOADS[12]} {PAYLOADS[20]}]]>",
        '<a href="/about/">about us</a>.': f'<a href="/about/">about us</a>. {HOSTILE_LINKS}',
        # A comment that is nothing but markup the sanitizer removes.
        'They\'re harmless, I promise.<script>alert("x")</script> Write to me at '
        "claire@bennetts.example.com if you worry.": "<script>alert(70)</script><style>x</style>",
    }
    for old, new in swaps.items():
        assert old in text, old
        text = text.replace(old, new)
    target.write_text(text, "utf-8")
    return target


@pytest.fixture(scope="module")
def hostile_import(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from wordpress_import import SELF_HOSTED, import_into_new

    root = tmp_path_factory.mktemp("hostile-import")
    export = hostile_export(SELF_HOSTED, root / "export.xml")
    result = import_into_new(root / "journal", export)
    assert result.returncode == 0, result.stderr
    assert "1 comment (empty once cleaned)" in result.stdout, "script-only: skipped, counted"
    built = run_travelog("build", cwd=root / "journal")
    assert built.returncode == 0, built.stderr
    return root / "journal"


def test_import_writes_names_and_titles_as_plain_text(hostile_import: Path):
    head = (hostile_import / "mkdocs.yml").read_text("utf-8").split("\nplugins:")[0]
    config = yaml.safe_load(head)
    assert config["site_name"] == '">', "tags are stripped from the blog's name"
    assert "alert" not in config["site_author"] + config["copyright"]
    authors = yaml.safe_load((hostile_import / "docs" / ".authors.yml").read_text("utf-8"))
    names = {author["name"] for author in authors["authors"].values()}
    assert "<script>alert(69)</script>" in names, "an escaped name is decoded to its text"
    bodies = "".join(
        path.read_text("utf-8").split("\n---\n", 1)[1]
        for path in (hostile_import / "docs" / "posts").rglob("*.md")
    )
    assert "[six](https://example.org/a%29%28b%20%3Cc%3E)" in bodies
    for text in ("one", "two", "three", "four", "five", "&lt;script>alert(66)&lt;/script>"):
        assert text in bodies
    lowered = bodies.lower()
    for unsafe in ("](javascript:", "](data:", "](vbscript:", "(javascript:", "<script", "<img"):
        assert unsafe not in lowered


def test_imported_journal_runs_no_script(hostile_import: Path, page):
    site = hostile_import / "site"
    assert markup_problems(site) == []
    with serve_directory(site) as url:
        assert open_every_page(page, url, site) == []
