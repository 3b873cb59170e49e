"""The example journal with its glossary: ruby in entries, the glossary page, both engines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, assert_one_line_error, copy_journal, run_mkdocs, run_travelog
from frontmatter_reader import entry_url, published_entries
from test_site import article, linked_entry_urls

GLOSSARY = yaml.safe_load((ROOT / "docs" / "glossary.yml").read_text(encoding="utf-8"))
RUBY = re.compile(r'<ruby class="travelog-term[^"]*" lang="([^"]+)"[^>]*>(.*?)</ruby>', re.DOTALL)


def annotated_terms(html: str) -> list[str]:
    """The terms carrying ruby, in page order (base text without the readings)."""
    return [re.sub(r"<r[pt][^>]*>.*?</r[pt]>", "", body) for _, body in RUBY.findall(html)]


def entry_page(site: Path, slug: str) -> str:
    """An entry's article (the post body, without navigation and sidebars)."""
    entry = next(e for e in published_entries() if e["slug"] == slug)
    html = (site / entry_url(entry) / "index.html").read_text(encoding="utf-8")
    start = html.index('<article class="md-content__inner')
    return html[start : html.index("</article>", start)]


def test_example_glossary_has_terms_used_in_the_entries():
    assert len(GLOSSARY) >= 10
    bodies = "".join(
        (ROOT / "docs" / "posts" / entry["file"]).read_text(encoding="utf-8")
        for entry in published_entries()
    )
    for item in GLOSSARY:
        assert item["term"] in bodies, item["term"]
    assert any("pronunciation" not in item for item in GLOSSARY), "some readings are generated"


def test_entries_annotate_each_term_once_longest_first(built_site: Path):
    html = entry_page(built_site, "learning-the-language")
    assert annotated_terms(html) == ["国家", "家"]
    paragraphs = "".join(re.findall(r"<p>(.*?)</p>", RUBY.sub("", html), re.DOTALL))
    assert paragraphs.count("家") == 2, "the later uses of 家 in the text stay plain"
    assert 'title="nation, country; literally “state-family”"' in html
    assert re.search(r'<rt [^>]*lang="zh-Latn-pinyin">guó</rt>', html)


def test_generated_and_explicit_readings_in_entries(built_site: Path):
    html = entry_page(built_site, "square-dancing")
    assert annotated_terms(html) == ["广场舞", "王阿姨"]
    assert re.search(r'<rt [^>]*lang="zh-Latn-pinyin">guǎng</rt>', html)
    assert 'title="Auntie Wang"' in html
    cantonese = entry_page(built_site, "sharing-tables")
    assert '<ruby class="travelog-term" lang="yue"' in cantonese
    assert '<rt data-search-exclude="">jam2</rt>' in cantonese


def test_glossary_page_lists_terms_by_pronunciation_with_backlinks(built_site: Path):
    html = article(built_site, "glossary")
    terms = re.findall(r'<span class="travelog-glossary-term" id="[^"]+" lang="[^"]+">(.*?)<', html)
    assert sorted(terms) == sorted(item["term"] for item in GLOSSARY)
    readings = re.findall(r'<span class="travelog-glossary-reading"[^>]*>(.*?)<', html)
    assert readings[:3] == ["āyí", "dìshū", "èrhú"]
    items = html.split("<li>")[1:]
    for item in items:
        term = re.search(r"travelog-glossary-term[^>]*>(.*?)<", item)[1]
        expected = {
            entry_url(entry)
            for entry in published_entries()
            if term in (ROOT / "docs" / "posts" / entry["file"]).read_text(encoding="utf-8")
            and not (term == "家" and entry["slug"] != "learning-the-language")
        }
        assert linked_entry_urls(item, "glossary/") == expected, term
        for url in expected:
            assert (built_site / url / "index.html").is_file()
    jia = next(item for item in items if ">家<" in item)
    assert linked_entry_urls(jia, "glossary/") == {"2025/08/learning-the-language/"}


def test_search_finds_terms_without_their_readings(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(
        doc["text"] for doc in index["docs"] if "learning-the-language" in doc["location"]
    )
    assert "whiteboard: 国家, nation" in text
    assert "国guó" not in text and "国(guó)" not in text


def test_glossary_source_is_not_published(built_site: Path):
    assert not (built_site / "glossary.yml").exists()
    assert (built_site / "assets" / "travelog" / "glossary.js").is_file()


def test_zensical_build_has_the_ruby_and_the_glossary_page(zensical_site: Path, built_site: Path):
    site = zensical_site
    for slug in ("learning-the-language", "square-dancing"):
        entry = next(e for e in published_entries() if e["slug"] == slug)
        zensical = (site / entry_url(entry) / "index.html").read_text(encoding="utf-8")
        assert annotated_terms(zensical) == annotated_terms(entry_page(built_site, slug))
        assert "assets/travelog/glossary.js" in zensical
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert linked_entry_urls(glossary, "glossary/") >= {"2025/08/learning-the-language/"}


BROKEN = {
    "duplicate": ("- term: 家\n  meaning: family\n- term: 家\n  meaning: home\n", "'家'"),
    "no meaning": ("- term: 二胡\n  note: fiddle\n", "'二胡'"),
    "invalid yaml": ("- term: 二胡\n  meaning: [fiddle\n", "'二胡'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_bad_glossary_stops_check_with_one_line(tmp_path: Path, case: str):
    text, term = BROKEN[case]
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    glossary = project / "docs" / "glossary.yml"
    glossary.write_text(text, encoding="utf-8")
    assert_one_line_error(run_travelog("check", cwd=project), "docs/glossary.yml:", term)
    assert glossary.read_text(encoding="utf-8") == text


def test_bad_glossary_stops_both_engines_before_they_build(tmp_path: Path):
    text, term = BROKEN["duplicate"]
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    glossary = project / "docs" / "glossary.yml"
    glossary.write_text(text, encoding="utf-8")
    for engine in ("mkdocs", "zensical"):
        assert_one_line_error(
            run_travelog("build", "--engine", engine, cwd=project), "docs/glossary.yml:", term
        )
    assert glossary.read_text(encoding="utf-8") == text
    assert not (project / "site").exists()


def test_bad_glossary_stops_plain_mkdocs_build_without_traceback(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    (project / "docs" / "glossary.yml").write_text("- term: 二胡\n", encoding="utf-8")
    result = run_mkdocs("build", "--quiet", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/glossary.yml:1: term '二胡': missing 'meaning'" in result.stderr


def test_glossary_list_shows_generated_readings():
    result = run_travelog("glossary", "list", cwd=ROOT)
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert len(rows) == len(GLOSSARY)
    by_term = {row[0]: row for row in rows}
    assert by_term["二胡"][1:4] == ["èrhú", "generated", "1"]
    assert by_term["国家"][1:3] == ["guójiā", "written"]
    assert [row[0] for row in rows][:3] == ["阿姨", "地书", "二胡"]
