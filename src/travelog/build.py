"""``travelog build`` and ``travelog serve``: the journal's checks, the engine, the extra steps.

MkDocs runs travelog's steps through the plugin; Zensical ignores MkDocs plugins, so after a
Zensical build the same steps run here.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from enum import StrEnum
from pathlib import Path

from travelog.checks import check_journal
from travelog.comments.context import load_context
from travelog.comments.preview import preview_comments
from travelog.comments.render import fill_site
from travelog.config import SiteSettings
from travelog.errors import TravelogError
from travelog.family.step import (
    check_passphrase,
    config_excluding,
    family_sources,
    finish_family,
    markdown_options,
    prepare_family,
)
from travelog.feeds import write_feeds
from travelog.photos.site import photos_after_build, photos_before_build


class Engine(StrEnum):
    MKDOCS = "mkdocs"
    ZENSICAL = "zensical"


def build_site(settings: SiteSettings, engine: Engine, *, strict: bool = False) -> Path:
    """Build the journal into ``settings.site_dir`` and return that folder."""
    journal = check_journal(settings)
    check_passphrase(journal, settings)
    comments = load_context(journal, settings)
    photos = photos_before_build(
        settings,
        strict=strict,
        # With MkDocs the plugin runs the step again and logs the same warnings itself.
        warn=_warn if engine is Engine.ZENSICAL else lambda message: None,
    )
    if engine is Engine.MKDOCS:
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--quiet",
            "-f",
            str(settings.config_file),
            "-d",
            str(settings.site_dir),
        ]
        if strict:
            command.append("--strict")
        _run(command, settings, engine)
        return settings.site_dir
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which(
        "zensical"
    )
    if zensical is None:
        raise TravelogError("zensical is not installed; pip install 'travelog[zensical]'")
    family = prepare_family(journal, settings, preview=False)
    # Zensical runs no MkDocs plugin: it is told to leave the family entries out.
    with config_excluding(
        settings.config_file, settings.docs_dir, family_sources(journal)
    ) as config_file:
        command = [zensical, "build", "--clean", "-f", str(config_file)]
        if strict:
            command.append("--strict")
        _run(command, settings, engine)
    images = photos_after_build(photos, journal, settings, unpublished=journal.unpublished_sources)
    write_feeds(journal, settings, images)
    fill_site(settings.site_dir, comments)
    finish_family(
        family,
        journal,
        settings,
        markdown=markdown_options(settings) if family else ([], {}),
        comments=comments,
        photos=photos,
    )
    return settings.site_dir


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
            return subprocess.run(
                command, cwd=settings.project_dir, env=environ, check=False
            ).returncode
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM stops the preview like Ctrl-C, so Isso is stopped too."""
    raise KeyboardInterrupt


def _warn(message: str) -> None:
    print(f"travelog: warning: {message}", file=sys.stderr)


def _run(command: list[str], settings: SiteSettings, engine: Engine) -> None:
    result = subprocess.run(
        command, cwd=settings.project_dir, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip().splitlines()
        reason = next((line for line in reversed(output) if line.strip()), "no output")
        raise TravelogError(f"{engine} build failed: {reason.strip()}", path=settings.config_file)
