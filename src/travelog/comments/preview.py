"""The local Isso that ``travelog serve`` runs beside the MkDocs live preview."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from travelog.comments.isso_server import LOOPBACK, IssoSetup, origins_of, running_isso
from travelog.comments.settings import ISSO_URL_ENV
from travelog.config import Provider, SiteSettings


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


@contextmanager
def preview_comments(settings: SiteSettings, address: str) -> Iterator[dict[str, str]]:
    """Start Isso when it is the provider; yield the environment for ``mkdocs serve``."""
    environ = dict(os.environ)
    comments = settings.plugin.comments
    if comments.provider != Provider.ISSO:
        yield environ
        return
    port = comments.isso.port or free_port()
    setup = IssoSetup(
        data_dir=settings.data_dir,
        port=port,
        site_origins=origins_of([address]),
        public_endpoint=f"http://{LOOPBACK}:{port}",
        reply_notifications=comments.isso.reply_notifications,
        sender_name=settings.site_name,
    )
    with running_isso(setup, environ) as url:
        print(
            f"travelog: live comments by Isso at {url} (data in {setup.data_dir})", file=sys.stderr
        )
        yield {**environ, ISSO_URL_ENV: url}
