"""Reading time counts Chinese by its characters (Material's blog counts a few "words")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import copy_journal, run_travelog

from travelog.readtime import reading_minutes

CHINESE = "我们在深圳的生活很有意思每天都能看到新的东西。" * 50  # 1,150 characters


def test_chinese_characters_and_english_words_each_count():
    assert reading_minutes(f"<p>{CHINESE}</p>") == 3  # 1,150 characters at 400 a minute
    assert reading_minutes("<p>" + "word " * 530 + "</p>") == 2  # 530 words at 265 a minute
    # Readings above characters (ruby) are not read twice.
    assert reading_minutes("<p><ruby>国<rt>guó</rt></ruby></p>" * 500) == 2


@pytest.mark.e2e
def test_an_entry_in_chinese_shows_its_real_reading_time(tmp_path: Path):
    project = copy_journal(tmp_path / "journal")
    (project / "docs" / "posts" / "zh-entry.md").write_text(
        "---\ntitle: 深圳的早晨\ndate: 2025-11-30\nauthors: [claire]\ncategories: [Shenzhen]\n"
        "tags: [daily life]\ndescription: 一个早晨。\nslug: zh-entry\n---\n\n"
        f"{CHINESE[:24]}\n\n<!-- more -->\n\n{CHINESE}\n",
        encoding="utf-8",
    )
    result = run_travelog("build", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "2025" / "11" / "zh-entry" / "index.html").read_text("utf-8")
    byline = page[page.index('class="travelog-byline"') :]
    assert re.search(r"· 3 min read", byline[: byline.index("</p>")])
