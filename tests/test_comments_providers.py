"""Providers chosen in mkdocs.yml: isso (default), giscus, none; bad settings in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_journal, run_travelog

from travelog.config import load_site_settings


def configure(project: Path, block: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    start = text.index("      comments:\n")
    end = text.index("\nmarkdown_extensions:")
    config.write_text(text[:start] + block + text[end:], "utf-8")


def test_isso_is_the_default(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    configure(project, "")
    comments = load_site_settings(project / "mkdocs.yml").plugin.comments
    assert comments.provider == "isso"
    assert comments.isso.url == "comments/"
    assert comments.isso.data_dir == "data/isso"


@pytest.mark.e2e
def test_giscus_and_none_render_their_live_part(tmp_path: Path):
    project = copy_journal(tmp_path / "journal")
    configure(
        project,
        "      comments:\n        provider: giscus\n        giscus:\n"
        "          repo: bennetts/journal\n          repo_id: R_kgDOExample\n"
        "          category: Comments\n          category_id: DIC_kwDOExample\n",
    )
    assert run_travelog("build", cwd=project).returncode == 0
    html = (project / "site/2024/09/park-cameras/index.html").read_text("utf-8")
    assert 'src="https://giscus.app/client.js"' in html
    assert 'data-repo="bennetts/journal"' in html and "isso-thread" not in html
    assert "travelog-archive" in html

    configure(project, "      comments:\n        provider: none\n")
    assert run_travelog("build", cwd=project).returncode == 0
    html = (project / "site/2024/09/park-cameras/index.html").read_text("utf-8")
    assert "giscus" not in html and "isso-thread" not in html
    assert "travelog-archive" in html
    html = (project / "site/2024/11/noise-display/index.html").read_text("utf-8")
    assert "travelog-comments" not in html, "no archive and no provider: no section"


def test_bad_comment_settings_fail_in_one_line(tmp_path: Path):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    cases = {
        "      comments:\n        provider: giscus\n": "comments.giscus.repo is empty",
        "      comments:\n        provider: disqus\n": "comments",
        "      comments:\n        isso:\n          data_dir: site/isso\n": "inside site/",
    }
    for block, message in cases.items():
        configure(project, block)
        result = run_travelog("check", cwd=project)
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1, result.stderr
        assert "mkdocs.yml" in lines[0] and message in lines[0], lines[0]
