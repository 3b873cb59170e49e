"""The glossary model: generated readings, sorting, usage, and one-line errors for bad input."""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import markdown
import pytest

from travelog.glossary import GlossaryError, load_glossary
from travelog.glossary.loader import READINGS_CACHE
from travelog.glossary.readings import join_pinyin, resolve_reading
from travelog.glossary.usage import terms_in


def write_glossary(docs: Path, text: str) -> Path:
    docs.mkdir(parents=True, exist_ok=True)
    path = docs / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("term", "reading", "syllables"),
    [
        ("二胡", "èrhú", ("èr", "hú")),
        ("广场舞", "guǎngchǎngwǔ", ("guǎng", "chǎng", "wǔ")),
        ("家", "jiā", ("jiā",)),
        ("西安", "xī'ān", ("xī", "ān")),
        ("拼桌", "pīnzhuō", ("pīn", "zhuō")),
    ],
)
def test_readings_are_generated_with_tone_marks(term: str, reading: str, syllables: tuple):
    generated = resolve_reading(term, "zh", None)
    assert generated is not None
    assert (generated.text, generated.syllables, generated.generated) == (reading, syllables, True)


def test_written_readings_win_and_split_per_character():
    spaced = resolve_reading("国家", "zh", "guó jiā")
    assert spaced is not None and spaced.syllables == ("guó", "jiā") and spaced.text == "guójiā"
    one_word = resolve_reading("国家", "zh", "guójiā")
    assert one_word is not None and one_word.syllables == ("guó", "jiā")
    other = resolve_reading("还", "zh", "huán")
    assert other is not None and other.text == "huán" and not other.generated
    whole = resolve_reading("饮茶", "yue", "yum cha")
    assert whole is not None and whole.syllables == ("yum", "cha")
    assert resolve_reading("饮茶", "yue", None) is None
    assert join_pinyin(["tiān", "ān", "mén"]) == "tiān'ānmén"


def test_loaded_glossary_fills_readings_and_sorts_by_pronunciation(tmp_path: Path):
    write_glossary(
        tmp_path,
        "- term: 二胡\n  meaning: fiddle\n"
        "- term: 阿姨\n  meaning: auntie\n"
        "- term: 国家\n  pronunciation: guó jiā\n  meaning: nation\n  literal: state-family\n"
        "- term: 饮茶\n  lang: yue\n  pronunciation: jam2 caa4\n  meaning: dim sum\n",
    )
    glossary = load_glossary(tmp_path)
    assert [term.text for term in glossary.sorted_terms()] == ["阿姨", "二胡", "国家", "饮茶"]
    assert glossary.get("二胡").reading == "èrhú" and glossary.get("二胡").generated
    assert not glossary.get("国家").generated
    assert glossary.get("国家").tooltip == "nation; literally “state-family”"
    assert glossary.get("饮茶").lang == "yue"


def test_generated_readings_are_kept_for_the_next_build(tmp_path: Path):
    write_glossary(tmp_path / "docs", "- term: 二胡\n  meaning: fiddle\n")
    assert load_glossary(tmp_path / "docs", tmp_path).get("二胡").reading == "èrhú"
    cache = tmp_path / READINGS_CACHE
    stored = json.loads(cache.read_text(encoding="utf-8"))
    assert stored["readings"] == {"二胡": ["èr", "hú"]}
    # The next load reads the kept reading instead of asking pypinyin again...
    stored["readings"]["二胡"] = ["èr", "hù"]
    cache.write_text(json.dumps(stored), encoding="utf-8")
    assert load_glossary(tmp_path / "docs", tmp_path).get("二胡").reading == "èrhù"
    # ...unless pypinyin's version changed, or the file is unreadable.
    for kept in (json.dumps({**stored, "pypinyin": "0.0.1"}), "not json"):
        cache.write_text(kept, encoding="utf-8")
        glossary = load_glossary(tmp_path / "docs", tmp_path)
        assert glossary.get("二胡").reading == "èrhú" and glossary.get("二胡").generated
        assert json.loads(cache.read_text(encoding="utf-8"))["readings"] == {"二胡": ["èr", "hú"]}


def test_missing_glossary_is_empty(tmp_path: Path):
    assert load_glossary(tmp_path).terms == ()


def test_terms_in_entry_text_follow_longest_match_and_skip_code(tmp_path: Path):
    write_glossary(tmp_path, "- term: 国家\n  meaning: nation\n- term: 家\n  meaning: family\n")
    glossary = load_glossary(tmp_path)
    assert terms_in("A 国家 here.", glossary) == {"国家"}
    assert terms_in("A 国家 and 家.", glossary) == {"国家", "家"}
    assert terms_in("Code `家` and\n```\n家\n```\n国家", glossary) == {"国家"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "- term: 家\n  meaning: family\n- term: 二胡\n  meaning: fiddle\n"
            "- term: 家\n  meaning: home\n",
            "glossary.yml:5: term '家' is listed twice (first on line 1); keep one entry per term",
        ),
        (
            "- term: 家\n  meaning: family\n- term: 二胡\n  note: no meaning\n",
            "glossary.yml:3: term '二胡': missing 'meaning'; add meaning: "
            "<what it means in English>",
        ),
        (
            "- term: 家\n  meaning: family\n- term: 二胡\n  meaning: [unclosed\n",
            "glossary.yml:5: invalid YAML (*) in term '二胡'; fix the syntax",
        ),
        (
            "- term: 饮茶\n  lang: yue\n  meaning: dim sum\n",
            "glossary.yml:1: term '饮茶': missing 'pronunciation'; readings are generated only "
            "for Chinese characters (lang zh)",
        ),
        (
            "- term: 家\n  meaning: family\n  meanin: typo\n",
            "glossary.yml:1: term '家': unknown key 'meanin'; use only: "
            "term, meaning, pronunciation, literal, note, lang",
        ),
        (
            "家: family\n",
            "glossary.yml:1: expected a list of terms, each starting with '- term: ...'",
        ),
        ("- meaning: family\n", "glossary.yml:1: an item has no 'term'; add term: <the word>"),
    ],
)
def test_bad_glossary_is_one_line_naming_file_and_term(tmp_path: Path, text: str, expected: str):
    path = write_glossary(tmp_path, text)
    with pytest.raises(GlossaryError) as raised:
        load_glossary(tmp_path)
    message = str(raised.value)
    # The YAML parser's own wording (libyaml or pure Python) stands where the * is.
    assert fnmatch.fnmatchcase(message, f"{path.parent}/{expected}")
    assert "\n" not in message
    assert path.read_text(encoding="utf-8") == text


def test_first_occurrence_restarts_for_every_page(tmp_path: Path):
    """MkDocs and Zensical may reuse one Markdown instance: each conversion is a new page."""
    write_glossary(tmp_path, "- term: 家\n  meaning: family\n")
    md = markdown.Markdown(
        extensions=["travelog.markdown.glossary"],
        extension_configs={"travelog.markdown.glossary": {"docs_dir": str(tmp_path)}},
    )
    first = md.convert("家 and 家")
    md.reset()
    second = md.convert("家 and 家")
    assert first == second
    assert first.count("<ruby") == 1


def test_unknown_annotate_option_names_the_choices(tmp_path: Path):
    with pytest.raises(ValueError, match="expected one of first, all, off but received 'some'"):
        markdown.markdown(
            "家",
            extensions=["travelog.markdown.glossary"],
            extension_configs={"travelog.markdown.glossary": {"annotate": "some"}},
        )


def test_a_changed_glossary_is_read_again_by_the_same_markdown(tmp_path: Path):
    path = write_glossary(tmp_path, "- term: 家\n  meaning: family\n")
    md = markdown.Markdown(
        extensions=["travelog.markdown.glossary"],
        extension_configs={"travelog.markdown.glossary": {"docs_dir": str(tmp_path)}},
    )
    assert 'title="family"' in md.convert("家")
    path.write_text("- term: 家\n  meaning: home, and a longer meaning\n", encoding="utf-8")
    assert 'title="home, and a longer meaning"' in md.reset().convert("家")
