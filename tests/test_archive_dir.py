"""``comments.archive_dir`` other than ``comments``: the WordPress import and ``comments
freeze`` both write archives there, in the one archive format, and the journal counts them."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from comments_helpers import activation_link, smtp_server
from conftest import copy_journal, free_port, run_travelog
from wordpress_import import SELF_HOSTED, import_into

from travelog.comments.archive import read_archive
from travelog.comments.isso_server import IssoSetup, running_isso

ARCHIVE_DIR = "family-comments"
IMPORTED = "lianhuashan-cameras"  # the fixture's entry with a comment thread
FROZEN = "noise-display"
FROZEN_URI = "/2024/11/noise-display/"


def _journal_with_archive_dir(folder: Path) -> Path:
    project = copy_journal(folder, warm_photos=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "archive_dir: comments " in text
    config.write_text(text.replace("archive_dir: comments ", f"archive_dir: {ARCHIVE_DIR} "))
    (project / "comments").rename(project / ARCHIVE_DIR)
    return project


def _post_and_approve(isso: str, origin: str, mailbox, text: str) -> None:
    """A reader's comment through Isso's HTTP API, approved from the moderation mail."""
    request = urllib.request.Request(
        f"{isso}new?uri={FROZEN_URI}",
        data=json.dumps(
            {"text": text, "author": "Dad", "email": "dad@example.org", "title": "The sign"}
        ).encode(),
        headers={"Content-Type": "application/json", "Origin": origin, "Referer": origin + "/"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status in (201, 202), response.status
    approve = urllib.request.Request(activation_link(mailbox.wait_for(1)[0]), data=b"")
    with urllib.request.urlopen(approve, timeout=10) as response:
        assert response.status == 200


@pytest.mark.e2e
def test_import_and_freeze_write_into_the_configured_archive_dir(tmp_path: Path):
    project = _journal_with_archive_dir(tmp_path / "journal")
    imported = import_into(project, SELF_HOSTED)
    assert imported.returncode == 0, imported.stderr
    assert not (project / "comments").exists()
    archive = read_archive(project / ARCHIVE_DIR / f"{IMPORTED}.yml")
    assert len(archive.comments) >= 2 and archive.comments[0].id.startswith("wp-")

    isso_port, smtp_port = free_port(), free_port()
    origin = "http://127.0.0.1:8000"
    setup = IssoSetup(
        data_dir=tmp_path / "isso",
        port=isso_port,
        site_origins=(origin,),
        public_endpoint=f"http://127.0.0.1:{isso_port}",
    )
    environ = {
        "TRAVELOG_SMTP_HOST": "127.0.0.1",
        "TRAVELOG_SMTP_PORT": str(smtp_port),
        "TRAVELOG_SMTP_SECURITY": "none",
        "TRAVELOG_SMTP_TO": "claire@example.org",
        "PATH": "/usr/bin:/bin",
    }
    with smtp_server(smtp_port) as mailbox, running_isso(setup, environ) as isso:
        _post_and_approve(isso, origin, mailbox, "Is it **loud**? Mail dad@example.org")
        frozen = run_travelog("comments", "freeze", "--isso", isso, cwd=project)
        assert frozen.returncode == 0, frozen.stderr
        assert f"{ARCHIVE_DIR}/{FROZEN}.yml: +1" in frozen.stdout
        status = run_travelog("comments", "status", "--isso", isso, cwd=project)
    assert status.returncode == 0, status.stderr
    rows = {line.split()[0]: line.split() for line in status.stdout.splitlines()[1:-1]}
    assert int(rows[IMPORTED][1]) == len(archive.comments)
    assert int(rows[FROZEN][1]) >= 1
    text = (project / ARCHIVE_DIR / f"{FROZEN}.yml").read_text(encoding="utf-8")
    assert "dad@example.org" not in text  # neither the address field nor the words
    frozen_archive = read_archive(project / ARCHIVE_DIR / f"{FROZEN}.yml")
    assert "<strong>loud</strong>" in frozen_archive.comments[-1].text
    assert not (project / "comments").exists()
