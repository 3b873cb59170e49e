"""Files any web server can serve: ordinary modes in site/ and in the journal; secrets private.

The served-as-another-user test runs a real ``python -m http.server`` as ``nobody`` (via
``runuser``), the way nginx or Caddy would read a copied site.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port, run_travelog, wait_until

from travelog.atomic import DIR_MODE, FILE_MODE
from travelog.comments.isso_server import IssoSetup, write_config

pytestmark = pytest.mark.e2e  # builds whole journals
SYSTEM_PYTHON = "/usr/bin/python3"
AS_NOBODY = ("runuser", "-u", "nobody", "--")


def modes(root: Path) -> Iterator[tuple[Path, int]]:
    for path in sorted(root.rglob("*")):
        yield path, stat.S_IMODE(path.lstat().st_mode)


def wrong_modes(root: Path, *, skip: tuple[str, ...] = ()) -> list[str]:
    wrong = []
    for path, mode in modes(root):
        if path.is_symlink() or any(part in skip for part in path.relative_to(root).parts):
            continue
        expected = DIR_MODE if path.is_dir() else FILE_MODE
        if mode != expected:
            wrong.append(f"{path.relative_to(root)}: {oct(mode)} (expected {oct(expected)})")
    return wrong


def test_everything_built_has_ordinary_modes(built_site: Path):
    umask = _umask()
    assert (0o666 & ~umask, 0o777 & ~umask) == (FILE_MODE, DIR_MODE)
    assert (built_site / "feed.xml").is_file()
    assert wrong_modes(built_site) == []


def test_new_journal_and_new_entry_have_ordinary_modes(tmp_path: Path):
    journal = tmp_path / "journal"
    made = run_travelog(
        "init", str(journal), "--title", "Modes", "--author-name", "Ana", cwd=tmp_path
    )
    assert made.returncode == 0, made.stderr
    entry = run_travelog("new", "First day", cwd=journal)
    assert entry.returncode == 0, entry.stderr
    synced = run_travelog("tags", "sync", cwd=journal)
    assert synced.returncode == 0, synced.stderr
    assert (journal / "docs" / "posts" / "first-day.md").is_file()
    assert wrong_modes(journal) == []


def test_isso_secrets_are_private(tmp_path: Path):
    data = tmp_path / "data" / "isso"
    data.mkdir(parents=True, mode=0o755)
    (data / "comments.db").write_bytes(b"")  # an old journal's database, 0644
    setup = IssoSetup(
        data_dir=data,
        port=8090,
        site_origins=("http://127.0.0.1:8000",),
        public_endpoint="http://127.0.0.1:8090",
    )
    config = write_config(setup, {"TRAVELOG_ISSO_ADMIN_PASSWORD": "correct horse"})
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for path in (config, data / "salt", data / "comments.db"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


@pytest.mark.skipif(os.geteuid() != 0, reason="runuser needs root (CI runs as root)")
def test_site_served_by_another_user_answers_every_file(built_site: Path):
    public = Path(tempfile.mkdtemp(prefix="travelog-public-"))
    try:
        public.chmod(0o755)
        site = public / "site"
        shutil.copytree(built_site, site)  # keeps the modes the build gave
        port = free_port()
        server = subprocess.Popen(
            [*AS_NOBODY, SYSTEM_PYTHON, "-m", "http.server", *_server_args(site, port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}/"
            _wait_for(base, server)
            files = [path for path in site.rglob("*") if path.is_file()]
            pages = [path for path in files if path.suffix in (".html", ".xml")]
            assert len(pages) > 30 and any(path.name == "feed.xml" for path in pages)
            failures = []
            for path in files:
                url = base + path.relative_to(site).as_posix()
                status = _status(url)
                if status != 200:
                    failures.append(f"{status} {url}")
            assert failures == []
        finally:
            server.terminate()
            server.wait(timeout=10)
    finally:
        shutil.rmtree(public)


def _server_args(site: Path, port: int) -> list[str]:
    return ["--bind", "127.0.0.1", "--directory", str(site), str(port)]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _wait_for(url: str, server: subprocess.Popen) -> None:
    def answers() -> bool:
        try:
            _status(url)
        except OSError:
            return False
        return True

    wait_until(answers, f"the server running as nobody to answer at {url}", process=server)
