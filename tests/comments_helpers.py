"""Real servers for the comments tests: a reverse proxy like production's, and an SMTP sink."""

from __future__ import annotations

import email
import mimetypes
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiosmtpd.controller import Controller
from conftest import serving, wait_until
from werkzeug.middleware.http_proxy import ProxyMiddleware
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


class Mailbox:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list[email.message.Message] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.original_content))
        return "250 OK"

    def wait_for(self, count: int) -> list[email.message.Message]:
        return wait_until(
            lambda: self.messages if len(self.messages) >= count else None,
            f"{count} mails",
            output=lambda: f"got {len(self.messages)}",
        )


def body(message: email.message.Message) -> str:
    return message.get_payload(decode=True).decode("utf-8")


def activation_link(message: email.message.Message) -> str:
    found = re.search(r"Activate comment: (\S+)", body(message))
    assert found, body(message)
    return found.group(1)


@contextmanager
def smtp_server(port: int) -> Iterator[Mailbox]:
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


def static_site(site_dir: Path):
    """A WSGI app serving a built site, with index.html for folders."""

    @Request.application
    def app(request: Request) -> Response:
        path = (site_dir / request.path.lstrip("/")).resolve()
        if not path.is_relative_to(site_dir.resolve()):
            return Response("not found", 404)
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return Response("not found", 404)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return Response(path.read_bytes(), mimetype=kind)

    return app


@contextmanager
def reverse_proxy(port: int, site_dir: Path, isso_port: int) -> Iterator[str]:
    """The site with Isso at /comments/, as the README's nginx setup serves it."""
    app = ProxyMiddleware(
        static_site(site_dir),
        {
            "/comments/": {
                "target": f"http://127.0.0.1:{isso_port}/",
                "remove_prefix": True,
                "headers": {"X-Script-Name": "/comments"},
            }
        },
    )
    with serving(make_server("127.0.0.1", port, app, threaded=True)) as url:
        yield url
