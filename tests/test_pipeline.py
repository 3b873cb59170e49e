"""One build pipeline: whatever the engine, each of travelog's steps runs once per build."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import copy_journal

from travelog import journal, pipeline
from travelog.build import Engine, build_site
from travelog.config import load_site_settings

STEPS = (
    "check_journal",
    "load_context",
    "prepare_family",
    "photos_before_build",
    "photos_after_build",
    "write_feeds",
    "finish_family",
)


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Each pipeline step, counted where the pipeline calls it."""
    counted: Counter[str] = Counter()

    def counting(name: str, step: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            counted[name] += 1
            return step(*args, **kwargs)

        return run

    for name in STEPS:
        monkeypatch.setattr(pipeline, name, counting(name, getattr(pipeline, name)))
    return counted


@pytest.mark.e2e
@pytest.mark.parametrize("engine", list(Engine))
def test_each_step_runs_once_per_build(tmp_path: Path, calls: Counter[str], engine: Engine):
    project = copy_journal(tmp_path / "journal")
    site = build_site(load_site_settings(project / "mkdocs.yml"), engine)
    assert dict(calls) == dict.fromkeys(STEPS, 1)
    assert (site / "feed.xml").is_file()
    entry = (site / "2024" / "09" / "park-cameras" / "index.html").read_text(encoding="utf-8")
    assert 'class="travelog-archive"' in entry and 'property="og:image"' in entry


@pytest.mark.e2e
def test_a_build_reads_the_journal_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Topic pages, the glossary page and every excerpt use the journal the checks read."""
    counted: Counter[str] = Counter()
    for name in ("_read_journal", "_signature"):
        step = getattr(journal, name)

        def run(*args: Any, name: str = name, step: Callable[..., Any] = step) -> Any:
            counted[name] += 1
            return step(*args)

        monkeypatch.setattr(journal, name, run)
    project = copy_journal(tmp_path / "journal")
    site = build_site(load_site_settings(project / "mkdocs.yml"), Engine.MKDOCS)
    assert dict(counted) == {"_read_journal": 1, "_signature": 1}
    topic = (site / "tags" / "food" / "index.html").read_text(encoding="utf-8")
    assert topic.count('class="md-post travelog-card"') >= 2
