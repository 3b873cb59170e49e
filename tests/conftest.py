"""Shared fixtures: copies of the example journal, built sites, a static server, Chromium,
one wait helper, and the ``browser`` and ``e2e`` markers (see pyproject.toml)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import socket
import socketserver
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import prefork
import pytest

from travelog.photos.settings import CACHE_DIR

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
JOURNAL_PARTS = ("mkdocs.yml", "docs", "overrides", "photos", "comments")
PHOTO_OBJECTS = Path(CACHE_DIR) / "objects"
# A deadline only stops a hung test; it must never fail a slow but working one.
WAIT_SECONDS = 300.0
# Playwright's own waits (30 s by default) get the same room.
BROWSER_WAIT_MS = int(WAIT_SECONDS * 1000)
# Tests asking for these fixtures use a built journal or a server: they are end to end.
E2E_FIXTURES = frozenset({"built_site", "zensical_site", "site_server"})
BUILD_COMMANDS = frozenset({"build", "serve"})


_RUNNER = prefork.Runner()


class _Session:
    """What the session shares: where it keeps files, the test running now, the example."""

    folders: pytest.TempPathFactory | None = None
    fast_only = False  # e2e tests deselected (make test-fast): builds must not slip in
    item: pytest.Item | None = None
    example: Path | None = None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    _Session.fast_only = "not e2e" in (config.option.markexpr or "")
    for item in items:
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        if E2E_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _Session.item = item


@pytest.fixture(scope="session", autouse=True)
def _session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    _Session.folders = tmp_path_factory
    yield
    _RUNNER.close()


def example_journal() -> Path:
    """The example journal, copied and built once per session from a cold photo cache.

    Its ``site/`` is ``built_site``; its photo cache warms every other copy.
    """
    if _Session.example is None:
        assert _Session.folders is not None
        project = copy_journal(_Session.folders.mktemp("journal"), warm_photos=False)
        result = run_travelog("build", cwd=project)
        assert result.returncode == 0, result.stderr
        assert (project / PHOTO_OBJECTS).is_dir(), f"no {PHOTO_OBJECTS} after a build"
        _Session.example = project
    return _Session.example


def copy_journal(destination: Path, *, warm_photos: bool = True) -> Path:
    """Copy the example journal (config, docs, overrides, photos, comments) into ``destination``.

    With ``warm_photos`` the copy starts from the session's derived photos, as a writer's
    journal does after its first build; a test about derivation passes False, and so does
    one that never builds (no need to build the example for it).
    """
    destination.mkdir(parents=True, exist_ok=True)
    for part in JOURNAL_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    if warm_photos:
        # Real copies, not links: a build links them into site/, where tests may edit files.
        shutil.copytree(example_journal() / PHOTO_OBJECTS, destination / PHOTO_OBJECTS)
    return destination


def _run_module(module: str, args: tuple[str, ...], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m module args`` in ``cwd``, as its own process (forked from a warm one)."""
    result = _RUNNER.run(module, args, cwd)
    item = _Session.item
    if result.returncode == 0 and args[:1] and args[0] in BUILD_COMMANDS and _Session.fast_only:
        assert item is not None and item.get_closest_marker("e2e"), (
            f"{item and item.nodeid} builds a whole journal ({module} {args[0]}), which the "
            "fast subset leaves out: mark it @pytest.mark.e2e (or, if it builds nothing, "
            "pass warm_photos=False to copy_journal)"
        )
    return result


def run_travelog(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return _run_module("travelog", args, cwd)


def run_mkdocs(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Plain ``mkdocs`` (the travelog plugin runs inside it), as a writer would call it."""
    return _run_module("mkdocs", args, cwd)


def wait_until(
    check: Callable[[], T | None],
    what: str,
    *,
    timeout: float = WAIT_SECONDS,
    process: subprocess.Popen | None = None,
    output: Callable[[], str] | None = None,
) -> T:
    """Poll ``check`` until it returns something other than None or False, and return that.

    Fails with ``what`` it waited for when the deadline passes or ``process`` exits first,
    adding ``output()`` (a server's log, say) to the message.
    """
    deadline = time.monotonic() + timeout
    while True:
        outcome = check()
        if outcome is not None and outcome is not False:
            return outcome
        problem = None
        if process is not None and process.poll() is not None:
            problem = f"the process exited (status {process.returncode})"
        elif time.monotonic() > deadline:
            problem = f"timed out after {timeout:.0f} s"
        if problem:
            details = f"\n{output()}" if output is not None else ""
            raise AssertionError(f"{problem} waiting for {what}{details}")
        time.sleep(0.1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The example journal built once per session (from a cold photo cache)."""
    return example_journal() / "site"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example journal built once per session with ``travelog build --engine zensical``."""
    project = copy_journal(tmp_path_factory.mktemp("zensical") / "journal")
    result = run_travelog("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 0, result.stderr
    return project / "site"


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


class _PatientBrowser:
    """The browser, whose contexts and pages wait as long as ``wait_until`` does.

    Playwright's own default is 30 s, which a busy machine can exceed without anything
    being wrong.
    """

    def __init__(self, browser) -> None:
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.set_default_timeout(BROWSER_WAIT_MS)
        context.set_default_navigation_timeout(BROWSER_WAIT_MS)
        return context

    def new_page(self, **options):
        page = self._browser.new_page(**options)
        page.set_default_timeout(BROWSER_WAIT_MS)
        page.set_default_navigation_timeout(BROWSER_WAIT_MS)
        return page

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=BROWSER_WAIT_MS)

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
        yield _PatientBrowser(chromium)
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
