"""Test material for ``travelog mail``: a real SMTP server (aiosmtpd) on loopback, plain, with
STARTTLS or with SSL on a certificate made here, and a journal whose photos are processed."""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import os
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from conftest import copy_journal, free_port, run_travelog
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from travelog.config import PRIVATE_DIR, load_site_settings
from travelog.mail.family_list import add_person
from travelog.photos.site import photos_before_build

PUBLIC_SITE_URL = "https://journal.example.org/"
WRITER = "claire@example.org"
SENDER = "journal@example.org"
USERNAME = "claire"
PASSWORD = "correct horse battery staple"
FAMILY = (
    ("Dad", "dad@example.org"),
    ("Aunt Katie", "katie@example.org"),
    ("Cara", "cara@example.org"),
)


@dataclass
class Received:
    recipients: list[str]
    message: EmailMessage


@dataclass
class Mailbox:
    """aiosmtpd handler: keeps every message, refuses the addresses in ``refuse``."""

    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    accept_only: int | None = None
    """Answer "421 try later" to every message after this many (a server going away)."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.accept_only is not None and len(self.received) >= self.accept_only:
            return "421 4.3.2 service shutting down, try later"
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append(Received(list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [item.message for item in self.received if address in item.recipients]


def _authenticator(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USERNAME.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@dataclass(frozen=True)
class Certificate:
    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def make_certificate(folder: Path) -> Certificate:
    """A self-signed certificate for 127.0.0.1 (clients trust it through SSL_CERT_FILE)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "travelog test SMTP")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file = folder / "smtp-cert.pem"
    key_file = folder / "smtp-key.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return Certificate(cert_file, key_file)


@dataclass
class SmtpServer:
    mailbox: Mailbox
    environ: dict[str, str]


@contextmanager
def smtp_server(
    *, security: str = "none", certificate: Certificate | None = None, auth: bool = False
) -> Iterator[SmtpServer]:
    """A real SMTP server on a free loopback port; ``environ`` has the TRAVELOG_SMTP_* for it."""
    mailbox = Mailbox()
    port = free_port()
    options: dict = {}
    if auth:
        # aiosmtpd counts only STARTTLS as TLS, not a connection that began in TLS.
        options.update(authenticator=_authenticator, auth_require_tls=security == "starttls")
    if security == "starttls":
        assert certificate is not None
        options.update(tls_context=certificate.server_context(), require_starttls=True)
    if security == "ssl":
        assert certificate is not None
        options.update(ssl_context=certificate.server_context())
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    environ = {
        "TRAVELOG_SMTP_HOST": "127.0.0.1",
        "TRAVELOG_SMTP_PORT": str(port),
        "TRAVELOG_SMTP_SECURITY": security,
        "TRAVELOG_SMTP_TO": WRITER,
        "TRAVELOG_SMTP_FROM": SENDER,
    }
    if auth:
        environ.update(TRAVELOG_SMTP_USERNAME=USERNAME, TRAVELOG_SMTP_PASSWORD=PASSWORD)
    if certificate is not None:
        environ["SSL_CERT_FILE"] = str(certificate.cert_file)
    try:
        yield SmtpServer(mailbox, environ)
    finally:
        controller.stop()


def processed_journal(destination: Path) -> Path:
    """The example journal at a public address, with its photos processed once."""
    project = copy_journal(destination)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "site_url: http://127.0.0.1:8000/", f"site_url: {PUBLIC_SITE_URL}"
        ),
        encoding="utf-8",
    )
    result = run_travelog("check", cwd=project)
    assert result.returncode == 0, result.stderr
    photos_before_build(load_site_settings(config))
    return project


def clone_journal(template: Path, destination: Path) -> Path:
    """A copy of a processed journal, keeping the photo cache (and its times) warm."""
    shutil.copytree(template, destination, symlinks=True)
    return destination


def add_family(project: Path, people=FAMILY) -> None:
    """Add people in-process (the commands themselves are tested in test_mail_family)."""
    for name, address in people:
        add_person(project / PRIVATE_DIR, name, address, today=dt.date.today())


def write_entry(
    project: Path,
    slug: str,
    title: str,
    *,
    date: str = "2025-11-01",
    body: str | None = None,
    extra: str = "",
) -> Path:
    path = project / "docs" / "posts" / f"{slug}.md"
    text = body or (
        "We walked to the harbour at dawn. The first 国家 flag on the pier was already up.\n\n"
        "![Fishing boats tied up at the pier]"
        '(photos/park-cameras/cameras-gate.jpg "Boats at dawn.")\n\n'
        "<!-- more -->\n\n"
        "## Later\n\nAfterwards we read [about the cameras](park-cameras.md) again.\n"
    )
    path.write_text(
        f'---\ntitle: "{title}"\ndate: {date}\nauthors: [claire]\ncategories: [Futian]\n'
        f'tags: [daily life]\ndescription: "{title}."\nslug: {slug}\n{extra}---\n\n{text}',
        encoding="utf-8",
    )
    return path


def mail(project: Path, environ: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """``travelog mail`` as its own process, with only the given SMTP settings."""
    saved = dict(os.environ)
    for key in [key for key in os.environ if key.startswith("TRAVELOG_SMTP_")]:
        del os.environ[key]
    os.environ.update(environ)
    try:
        return run_travelog("mail", *args, cwd=project)
    finally:
        os.environ.clear()
        os.environ.update(saved)
