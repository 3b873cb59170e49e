"""The writer's mail server, read once from the ``TRAVELOG_SMTP_*`` environment variables.

Comment notifications (Isso) and ``travelog mail`` both send through these settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import parseaddr
from enum import StrEnum

from travelog.errors import TravelogError

SMTP_ENV_PREFIX = "TRAVELOG_SMTP_"
_KEYS = ("HOST", "PORT", "USERNAME", "PASSWORD", "SECURITY", "FROM", "TO")


class Security(StrEnum):
    NONE = "none"
    STARTTLS = "starttls"
    SSL = "ssl"


SSL_PORT = 465
SUBMISSION_PORT = 587


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    security: Security
    username: str
    password: str
    to: str
    """The writer's own address: notifications go there, and family replies reach it."""
    sender: str
    """The From address (``TRAVELOG_SMTP_FROM``, else the writer's own), maybe with a name."""

    @property
    def to_address(self) -> str:
        """The writer's bare address (``TO`` may be written ``Claire <claire@example.org>``)."""
        return parseaddr(self.to)[1]

    @property
    def sender_address(self) -> str:
        return parseaddr(self.sender)[1]

    @property
    def sender_name(self) -> str:
        """The name written in ``FROM`` itself, if any."""
        return parseaddr(self.sender)[0]


def read_smtp_settings(environ: Mapping[str, str]) -> SmtpSettings | None:
    """The settings, or None without ``TRAVELOG_SMTP_HOST`` and ``TRAVELOG_SMTP_TO``."""
    get = {key: environ.get(SMTP_ENV_PREFIX + key, "").strip() for key in _KEYS}
    if not get["HOST"] or not get["TO"]:
        return None
    try:
        security = Security(get["SECURITY"] or Security.STARTTLS)
    except ValueError:
        raise TravelogError(
            f"{SMTP_ENV_PREFIX}SECURITY={get['SECURITY']!r}; use one of: "
            + ", ".join(item.value for item in Security)
        ) from None
    port = get["PORT"] or str(SSL_PORT if security is Security.SSL else SUBMISSION_PORT)
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise TravelogError(f"{SMTP_ENV_PREFIX}PORT={port!r}; use a port number like 587")
    for key in ("TO", "FROM"):
        if get[key] and "@" not in parseaddr(get[key])[1]:
            raise TravelogError(
                f"{SMTP_ENV_PREFIX}{key}={get[key]!r} is not an email address; write it like "
                "claire@example.org or Claire <claire@example.org>"
            )
    return SmtpSettings(
        host=get["HOST"],
        port=int(port),
        security=security,
        username=get["USERNAME"],
        password=environ.get(SMTP_ENV_PREFIX + "PASSWORD", ""),
        to=get["TO"],
        sender=get["FROM"] or get["TO"],
    )


def require_smtp_settings(environ: Mapping[str, str], purpose: str) -> SmtpSettings:
    """The settings, or one line saying which variables to set for ``purpose``."""
    settings = read_smtp_settings(environ)
    if settings is None:
        raise TravelogError(
            f"{purpose} needs {SMTP_ENV_PREFIX}HOST and {SMTP_ENV_PREFIX}TO (your mail server "
            "and your address); set them, with PORT, SECURITY, USERNAME, PASSWORD and FROM as "
            "needed"
        )
    return settings
