"""``travelog build`` and ``travelog serve``: the journal's checks, the engine, the extra steps.

MkDocs runs travelog's steps through the plugin; Zensical ignores MkDocs plugins, so after a
Zensical build the same steps run here.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

import jinja2
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import MkDocsException

from travelog.atomic import replacing_folder
from travelog.checks import check_journal
from travelog.comments.preview import preview_comments
from travelog.config import TEMPLATE_KEY, SiteSettings, load_site_settings, mkdocs_errors
from travelog.engine_warnings import engine_warnings
from travelog.errors import TravelogError
from travelog.family.step import config_excluding, family_sources
from travelog.lightbox import copy_lightbox
from travelog.markdown import markdown_options
from travelog.pipeline import BuildPipeline
from travelog.template_data import escaped_site_texts
from travelog.zensical_docs import escaped_docs

#: How long ``travelog serve`` waits for the preview and its workers to stop.
STOP_SECONDS = 10.0
POLL_SECONDS = 0.05
PROC = Path("/proc")


class Engine(StrEnum):
    MKDOCS = "mkdocs"
    ZENSICAL = "zensical"


def build_site(settings: SiteSettings, engine: Engine, *, strict: bool = False) -> Path:
    """Build the journal into ``settings.site_dir`` and return that folder.

    The engine builds into a fresh folder beside it, which takes its place only when the whole
    build succeeded: a failed build leaves the last good site as it was (both engines)."""
    try:
        with replacing_folder(settings.site_dir) as fresh:
            _build_into(replace(settings, site_dir=fresh), engine, strict=strict)
    except TravelogError as error:
        raise TravelogError(
            f"{error.message}; {settings.site_dir.name}/ was left as it was",
            path=error.path,
            line=error.line,
        ) from None
    return settings.site_dir


def _build_into(settings: SiteSettings, engine: Engine, *, strict: bool) -> None:
    """With MkDocs the build runs in this process, where the plugin runs the pipeline;
    Zensical runs no MkDocs plugin, so the pipeline runs here around ``zensical build``."""
    if engine is Engine.MKDOCS:
        _build_with_mkdocs(settings, strict=strict)
        return
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which(
        "zensical"
    )
    if zensical is None:
        raise TravelogError("zensical is not installed; pip install 'travelog[zensical]'")
    pipeline = BuildPipeline(settings, strict=strict, warn=_warn)
    journal = pipeline.check()
    pipeline.prepare()
    # Zensical runs no MkDocs plugin: it is told to leave the family entries out, to build
    # into the fresh folder, and given the site's texts escaped (see template_data).
    extra = dict(settings.mkdocs.extra) if settings.mkdocs is not None else {}
    overrides = {
        "site_dir": str(settings.site_dir),
        **escaped_site_texts(settings.mkdocs),
        "extra": {
            **extra,
            TEMPLATE_KEY: pipeline.template_data(extra),
        },
    }
    with (
        escaped_docs(settings, journal) as docs_dir,
        config_excluding(
            settings, family_sources(journal), {**overrides, "docs_dir": docs_dir.name}
        ) as config_file,
    ):
        command = [zensical, "build", "--clean", "-f", str(config_file)]
        if strict:
            command.append("--strict")
        _run_zensical(command, settings, strict=strict)
    pipeline.pages_in(settings.site_dir)
    copy_lightbox(settings.site_dir)
    pipeline.finish(markdown_options(settings) if pipeline.family else ([], {}))


def _build_with_mkdocs(settings: SiteSettings, *, strict: bool) -> None:
    """``mkdocs build`` in this process, from the configuration already read."""
    config = settings.mkdocs or load_site_settings(settings.config_file).mkdocs
    assert config is not None
    config["site_dir"] = str(settings.site_dir)
    config["strict"] = strict
    with mkdocs_errors(settings.docs_dir) as errors:
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        except MkDocsException as error:
            reason = errors[0] if errors else str(error)
            raise TravelogError(reason) from None
        except jinja2.TemplateNotFound as error:
            raise TravelogError(
                f"page template {error.name!r} not found; fix the page's 'template:' or add "
                f"the file to the theme's overrides/",
                path=settings.config_file,
            ) from None
        finally:
            config.plugins.on_shutdown()


def serve_site(settings: SiteSettings, *, address: str) -> int:
    """Run the MkDocs live preview (and Isso for live comments) until interrupted or
    terminated; return its exit status. Stopping the preview stops Isso."""
    check_journal(settings)
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "-f",
        str(settings.config_file),
        "-a",
        address,
    ]
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with preview_comments(settings, address) as environ:
            # Its own process group: the photo workers and multiprocessing's resource
            # tracker it starts are stopped with it.
            preview = subprocess.Popen(
                command, cwd=settings.project_dir, env=environ, start_new_session=True
            )
            try:
                return preview.wait()
            except KeyboardInterrupt:
                stop_group(preview)
                return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the preview like Ctrl-C, so Isso is stopped too."""
    raise KeyboardInterrupt


def stop_group(process: subprocess.Popen[bytes], *, grace: float = STOP_SECONDS) -> None:
    """SIGTERM to ``process`` and its process group; wait for them (SIGKILL after ``grace``)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    try:
        process.wait(timeout=grace)
        while _group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
    except subprocess.TimeoutExpired:
        pass
    with contextlib.suppress(ProcessLookupError):
        if _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _group_alive(group: int) -> bool:
    """Whether a process of ``group`` still runs (the resource tracker leaves last).

    Where /proc lists processes, the finished ones its parent has not reaped yet (zombies,
    which hold nothing) do not count."""
    if not PROC.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in PROC.glob("[0-9]*/stat"):
        try:
            state, _parent, process_group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, ValueError):
            continue
        if state != "Z" and int(process_group) == group:
            return True
    return False


def _warn(message: str) -> None:
    print(f"travelog: warning: {message}", file=sys.stderr)


def _run_zensical(command: list[str], settings: SiteSettings, *, strict: bool) -> None:
    """Run Zensical; each of its warnings becomes one line (an error when ``strict``)."""
    result = subprocess.run(
        command,
        cwd=settings.project_dir,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    output = f"{result.stdout}\n{result.stderr}"
    warnings = engine_warnings(output, settings.docs_dir.relative_to(settings.project_dir))
    if result.returncode == 0:
        for warning in warnings:
            _warn(warning)
        return
    if strict and warnings:
        for warning in warnings[:-1]:
            print(f"travelog: error: {warning}", file=sys.stderr)
        raise TravelogError(f"{warnings[-1]} (--strict stops the build at any warning)")
    lines = [line for line in output.strip().splitlines() if line.strip()]
    reason = lines[-1].strip() if lines else "no output"
    raise TravelogError(f"zensical build failed: {reason}", path=settings.config_file)
