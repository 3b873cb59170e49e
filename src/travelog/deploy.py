"""``travelog deploy``: publish a built site to a folder, an rsync target or GitHub Pages.

The build comes first (strict by default), so what is published is a whole, checked site.
A site whose ``site_url`` is still the local preview's address is refused: its feeds and
link previews would point readers at their own machine.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shutil
import subprocess
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import urlsplit

import ghp_import

from travelog.atomic import DIR_MODE, FILE_MODE, write_bytes_atomic
from travelog.errors import TravelogError

GITHUB_PAGES_BRANCH = "gh-pages"
# rsync gives files and folders the modes a web server can read, whatever the source had.
RSYNC_MODES = "--chmod=Du=rwx,Dgo=rx,Fu=rw,Fgo=r"
_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class Target(StrEnum):
    FOLDER = "folder"
    RSYNC = "rsync"
    GITHUB_PAGES = "github-pages"


@dataclass(frozen=True)
class Published:
    """What a deploy did, for the command's summary."""

    destination: str
    copied: int = 0
    removed: int = 0


def check_public_address(site_url: str, config_file: Path) -> str:
    """``site_url`` if readers can reach it; a one-line error saying what to set otherwise."""
    host = urlsplit(site_url).hostname or ""
    if not site_url or not host or _is_local(host):
        raise TravelogError(
            f"site_url is {site_url or 'empty'!r}, the local preview's address; set site_url "
            "to the journal's public address (e.g. https://journal.example.org/) before deploying",
            path=config_file,
        )
    return site_url


def rsync_target(destination: str) -> bool:
    """``host:path`` (or ``user@host:path``) is for rsync; a local path is a folder."""
    head, colon, _ = destination.partition(":")
    return bool(colon) and "/" not in head and len(head) > 1


def sync_folder(site: Path, destination: Path) -> Published:
    """Make ``destination`` hold exactly ``site``: changed files replaced atomically, files
    no longer built removed, ordinary modes. Refuses a folder that is not a site."""
    _refuse_foreign_folder(destination)
    destination.mkdir(parents=True, exist_ok=True)
    wanted = set()
    copied = 0
    for source in sorted(site.rglob("*")):
        relative = source.relative_to(site)
        wanted.add(relative)
        target = destination / relative
        if source.is_dir():
            if target.exists() and not target.is_dir():
                target.unlink()
            target.mkdir(exist_ok=True)
            target.chmod(DIR_MODE)
            continue
        if target.is_dir():
            shutil.rmtree(target)
        data = source.read_bytes()
        if not target.is_file() or target.stat().st_size != len(data) or _differs(target, data):
            write_bytes_atomic(target, data)
            copied += 1
        target.chmod(FILE_MODE)
    removed = 0
    for target in sorted(destination.rglob("*"), reverse=True):
        if target.relative_to(destination) in wanted:
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()
        removed += 1
    destination.chmod(DIR_MODE)
    return Published(str(destination), copied, removed)


def sync_rsync(site: Path, destination: str) -> Published:
    """``rsync`` the site to ``destination`` (``host:path`` or a local path), deleting what
    is no longer built."""
    rsync = shutil.which("rsync")
    if rsync is None:
        raise TravelogError(
            "rsync is not installed; install it (sudo apt-get install rsync) or deploy to a folder"
        )
    command = [rsync, "--recursive", "--links", "--times", "--delete", RSYNC_MODES]
    result = subprocess.run(
        [*command, f"{site}/", destination.rstrip("/") + "/"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        reason = _last_line(result.stderr) or f"exit status {result.returncode}"
        raise TravelogError(f"rsync to {destination} failed: {reason}")
    return Published(destination)


def push_github_pages(site: Path, project: Path, *, remote: str, message: str) -> Published:
    """Commit ``site`` as the ``gh-pages`` branch of the journal's git repository (ghp-import,
    as ``mkdocs gh-deploy`` does) and push it to ``remote``."""
    if not (project / ".git").exists():
        raise TravelogError(
            "not a git repository; --github-pages pushes a gh-pages branch to the journal's "
            "git remote: run git init and git remote add origin URL first",
            path=project,
        )
    known = subprocess.run(
        ["git", "remote", "get-url", remote], cwd=project, capture_output=True, check=False
    )
    if known.returncode != 0:
        raise TravelogError(
            f"the journal's git repository has no remote {remote!r}; add it with "
            f"git remote add {remote} URL (or name another with --remote)",
            path=project,
        )
    try:
        with contextlib.chdir(project):
            ghp_import.ghp_import(
                str(site),
                mesg=message,
                remote=remote,
                branch=GITHUB_PAGES_BRANCH,
                push=True,
                force=True,
                nojekyll=True,
            )
    except (ghp_import.GhpError, subprocess.CalledProcessError) as error:
        reason = _last_line(str(error)) or "git failed"
        raise TravelogError(
            f"pushing {GITHUB_PAGES_BRANCH} to {remote!r} failed: {reason}", path=project
        ) from None
    return Published(f"{remote} {GITHUB_PAGES_BRANCH}")


def _is_local(host: str) -> bool:
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _refuse_foreign_folder(destination: Path) -> None:
    if destination.exists() and not destination.is_dir():
        raise TravelogError("not a folder; deploy into a folder", path=destination)
    holds_files = destination.is_dir() and any(destination.iterdir())
    if holds_files and not (destination / "index.html").is_file():
        raise TravelogError(
            "this folder holds files but no site (no index.html); deploy replaces a "
            "folder's content, so give an empty folder or one a deploy made",
            path=destination,
        )


def _differs(target: Path, data: bytes) -> bool:
    return target.read_bytes() != data


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""
