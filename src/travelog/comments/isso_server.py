"""A real Isso server configured from mkdocs.yml and environment variables.

Safe settings whatever Isso's defaults are: the database and a random hash salt in a data
folder outside git and site/, moderation on, guard and rate limits on, no Gravatar, admin
only with a password from the environment, mail only with SMTP settings from the
environment. ``travelog serve`` runs it beside the preview; ``travelog comments isso`` runs
it in production (behind a reverse proxy).
"""

from __future__ import annotations

import configparser
import io
import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from pathlib import Path
from typing import IO, Any

from travelog.atomic import ensure_private_file, write_bytes_atomic
from travelog.errors import TravelogError
from travelog.smtp_settings import read_smtp_settings

ADMIN_PASSWORD_ENV = "TRAVELOG_ISSO_ADMIN_PASSWORD"
DATABASE_NAME = "comments.db"
SALT_NAME = "salt"
CONFIG_NAME = "isso.cfg"
SALT_BYTES = 24
LOOPBACK = "127.0.0.1"
#: Requests reaching Isso from these addresses are from the reverse proxy: the reader's
#: address is then taken from X-Forwarded-For (rate limits and reply-to-self need it).
TRUSTED_PROXIES = ("127.0.0.1", "::1")
STARTUP_SECONDS = 30.0
POLL_SECONDS = 0.1


@dataclass(frozen=True)
class IssoSetup:
    """Where Isso listens and which site origins it serves."""

    data_dir: Path
    port: int
    site_origins: tuple[str, ...]
    public_endpoint: str
    reply_notifications: bool = False
    #: The name notification emails come from (the journal's), unless TRAVELOG_SMTP_FROM
    #: carries one; Isso's own default is its German sample name.
    sender_name: str = ""

    @property
    def local_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/"


def hash_salt(folder: Path) -> str:
    """The site's own salt, created once and kept with the database."""
    path = folder / SALT_NAME
    if path.is_file():
        salt = path.read_text(encoding="utf-8").strip()
        if salt:
            return salt
    salt = secrets.token_urlsafe(SALT_BYTES)
    write_bytes_atomic(path, (salt + "\n").encode("utf-8"), private=True)
    return salt


def isso_config(setup: IssoSetup, environ: Mapping[str, str]) -> str:
    """The text of an isso.cfg for ``setup``; secrets come only from ``environ``."""
    parser = configparser.ConfigParser(interpolation=None)
    smtp = smtp_settings(environ, sender_name=setup.sender_name)
    notify = "smtp" if smtp else ""
    admin_password = environ.get(ADMIN_PASSWORD_ENV, "")
    parser["general"] = {
        "dbpath": str(setup.data_dir / DATABASE_NAME),
        "host": "\n" + "\n".join(setup.site_origins),
        "max-age": "15m",
        "notify": notify,
        "reply-notifications": _flag(setup.reply_notifications and bool(smtp)),
        "gravatar": "false",
        "latest-enabled": "false",
    }
    parser["moderation"] = {
        "enabled": "true",
        "approve-if-email-previously-approved": "false",
        "purge-after": "30d",
    }
    parser["server"] = {
        "listen": setup.local_url,
        "public-endpoint": setup.public_endpoint.rstrip("/"),
        "reload": "false",
        "profile": "false",
        "trusted-proxies": "\n" + "\n".join(TRUSTED_PROXIES),
    }
    parser["guard"] = {
        "enabled": "true",
        "ratelimit": "2",
        "direct-reply": "3",
        "reply-to-self": "false",
        "require-author": "true",
        "require-email": "false",
    }
    parser["admin"] = {
        "enabled": _flag(bool(admin_password)),
        "password": admin_password or secrets.token_urlsafe(SALT_BYTES),
    }
    parser["hash"] = {"salt": hash_salt(setup.data_dir), "algorithm": "pbkdf2"}
    parser["smtp"] = smtp or {"host": "localhost", "port": "25", "security": "none"}
    parser["rss"] = {"base": "", "limit": "100"}
    out = io.StringIO()
    parser.write(out)
    return out.getvalue()


def smtp_settings(environ: Mapping[str, str], *, sender_name: str = "") -> dict[str, str] | None:
    """Isso's [smtp] section from the TRAVELOG_SMTP_* settings, or None without HOST and TO.
    The sender gets ``sender_name`` when the address has no name of its own."""
    smtp = read_smtp_settings(environ)
    if smtp is None:
        return None
    return {
        "host": smtp.host,
        "port": str(smtp.port),
        "security": smtp.security.value,
        "username": smtp.username,
        "password": smtp.password,
        "to": smtp.to,
        "from": _sender(smtp.sender, sender_name),
        "timeout": "10",
    }


def _sender(address: str, name: str) -> str:
    own_name, bare = parseaddr(address)
    return address if own_name or not name else formataddr((name, bare))


def write_config(setup: IssoSetup, environ: Mapping[str, str]) -> Path:
    """Write isso.cfg into the data folder, readable by its owner only (it may hold secrets).

    The database (commenters' emails) is created empty and private first: Isso's SQLite
    would otherwise create it readable by everyone."""
    ensure_private_file(setup.data_dir / DATABASE_NAME)
    path = setup.data_dir / CONFIG_NAME
    write_bytes_atomic(path, isso_config(setup, environ).encode("utf-8"), private=True)
    return path


def isso_command(config_path: Path) -> list[str]:
    return [sys.executable, "-c", "from isso import main; main()", "-c", str(config_path), "run"]


@contextmanager
def running_isso(
    setup: IssoSetup,
    environ: Mapping[str, str] | None = None,
    *,
    log: int | IO[Any] | None = None,
) -> Iterator[str]:
    """Start Isso, wait until it answers, yield its local URL; stop it on the way out."""
    environ = dict(os.environ if environ is None else environ)
    config_path = write_config(setup, environ)
    environ.pop("ISSO_SETTINGS", None)
    process = subprocess.Popen(
        isso_command(config_path),
        cwd=setup.data_dir,
        env=environ,
        stdout=log,
        stderr=subprocess.STDOUT if log is not None else None,
    )
    try:
        _wait_until_ready(process, setup.local_url)
        yield setup.local_url
    finally:
        stop(process)


def stop(process: subprocess.Popen, *, grace: float = 5.0) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_foreground(setup: IssoSetup, environ: Mapping[str, str]) -> int:
    """Run Isso until it exits (production: under systemd, behind the reverse proxy)."""
    config_path = write_config(setup, environ)
    env = {k: v for k, v in environ.items() if k != "ISSO_SETTINGS"}
    try:
        return subprocess.run(isso_command(config_path), cwd=setup.data_dir, env=env).returncode
    except KeyboardInterrupt:
        return 0


def _wait_until_ready(process: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise TravelogError(
                f"Isso stopped at startup (exit status {process.returncode}); see its messages "
                "above"
            )
        if is_answering(url):
            return
        time.sleep(POLL_SECONDS)
    raise TravelogError(f"Isso did not answer at {url} within {STARTUP_SECONDS:.0f} s")


def is_answering(url: str, *, timeout: float = 1.0) -> bool:
    try:
        with urllib.request.urlopen(url + "config", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def origins_of(addresses: Sequence[str]) -> tuple[str, ...]:
    """Browser origins for ``host:port`` preview addresses (127.0.0.1 and localhost alike)."""
    found: list[str] = []
    for address in addresses:
        host, _, port = address.rpartition(":")
        for name in (host, "localhost" if host == LOOPBACK else host):
            origin = f"http://{name}:{port}"
            if origin not in found:
                found.append(origin)
    return tuple(found)


def _flag(value: bool) -> str:
    return "true" if value else "false"
