"""Shared fixtures: a copy of the example journal, built sites, a static server, Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
JOURNAL_PARTS = ("mkdocs.yml", "docs", "overrides", "photos", "comments")


def copy_journal(destination: Path) -> Path:
    """Copy the example journal (config, docs, overrides, photos) into ``destination``."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in JOURNAL_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def _run_module(module: str, args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args], cwd=cwd, capture_output=True, text=True, check=False
    )


def run_travelog(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run_module("travelog", args, cwd)


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Plain ``mkdocs`` (the travelog plugin runs inside it), as a writer would call it."""
    return _run_module("mkdocs", args, cwd)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example journal built once with MkDocs into a temporary folder."""
    project = copy_journal(tmp_path_factory.mktemp("journal"))
    site = project / "site"
    result = run_travelog("build", "-d", str(site), cwd=project)
    assert result.returncode == 0, result.stderr
    return site


@contextlib.contextmanager
def serve_directory(folder: Path, port: int | None = None) -> Iterator[str]:
    """Serve ``folder`` on loopback (a free port unless given); yield its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port or free_port()), handler)
    with serving(server) as url:
        yield url


@contextlib.contextmanager
def serving(server: socketserver.BaseServer) -> Iterator[str]:
    """Run a server (bound to loopback) in a thread; yield its base URL; stop it after."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """The built example journal on a free loopback port."""
    with serve_directory(built_site) as url:
        yield url


def assert_one_line_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    """A failed command said one line on stderr, containing every needle, and no traceback."""
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
