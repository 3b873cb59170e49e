"""``travelog deploy`` publishes the family pages sealed, under a site_url with a sub-path
(every address in them carries it), and nothing readable of the entry anywhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
from family_helpers import (
    PASSPHRASE,
    derive,
    entry_pages,
    family_journal,
    files_containing,
    open_page,
    page_data,
    secret_sentences,
    travelog,
    unseal,
)

pytestmark = pytest.mark.e2e

PUBLIC = "https://journal.example.org/letters/"


def test_deploy_to_a_folder_publishes_sealed_family_pages(tmp_path: Path):
    project = family_journal(tmp_path / "journal")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_url: http://127.0.0.1:8000/", f"site_url: {PUBLIC}"))
    served = tmp_path / "www"
    result = travelog(project, "deploy", str(served))
    assert result.returncode == 0, result.stderr
    assert files_containing(served, secret_sentences()) == {}
    [page] = entry_pages(served)
    opened = open_page(page, PASSPHRASE)
    assert opened["title"] == "Dad and Aunt Katie come to Shenzhen"
    assert page_data(page)["list"] == "/letters/family/"
    assert (
        f'href="/letters/family/{page.parent.name}/"'
        in open_page(served / "family" / "index.html", PASSPHRASE)["html"]
    )
    assert 'src="/letters/family/assets/family.js"' in page.read_text(encoding="utf-8")
    key = derive(PASSPHRASE, page_data(page))
    for plain, file in opened["files"].items():
        assert plain.startswith("/letters/assets/photos/")
        assert file["url"].startswith("/letters/family/files/")
        sealed = (served / file["url"].removeprefix("/letters/")).read_bytes()
        assert unseal(key, sealed, file["item"])[:4] == b"RIFF"  # a WebP once opened
