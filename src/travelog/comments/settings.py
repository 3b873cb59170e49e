"""The ``comments`` options under ``plugins: - travelog:`` in mkdocs.yml, and their checks."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c

from travelog.errors import TravelogError

#: Set by ``travelog serve`` for the live preview: where the browser reaches the local Isso.
ISSO_URL_ENV = "TRAVELOG_ISSO_URL"


class Provider(StrEnum):
    ISSO = "isso"
    GISCUS = "giscus"
    NONE = "none"


class IssoOptions(base.Config):
    url = c.Type(str, default="comments/")
    """Where readers' browsers reach Isso; relative URLs are resolved against the site's root."""
    port = c.Type(int, default=8090)
    """Port of the local Isso (``travelog serve``, ``travelog comments isso``); 0: any free port."""
    data_dir = c.Type(str, default="data/isso")
    """Database, salt and generated isso.cfg, relative to mkdocs.yml; keep it out of git."""
    reply_notifications = c.Type(bool, default=False)
    """Let commenters ask for an email when someone answers them (needs SMTP)."""


class GiscusOptions(base.Config):
    repo = c.Type(str, default="")
    repo_id = c.Type(str, default="")
    category = c.Type(str, default="")
    category_id = c.Type(str, default="")
    mapping = c.Choice(("pathname", "url", "title", "og:title"), default="pathname")


class CommentsConfig(base.Config):
    provider = c.Choice(tuple(p.value for p in Provider), default=Provider.ISSO.value)
    archive_dir = c.Type(str, default="comments")
    isso = c.SubConfig(IssoOptions)
    giscus = c.SubConfig(GiscusOptions)


def check_comments_settings(comments: CommentsConfig, config_file: Path) -> None:
    """Checks the schema cannot express: giscus needs its ids; the data folder stays private."""
    prefix = "plugins.travelog.comments"
    if comments.provider == Provider.GISCUS:
        for key in ("repo", "repo_id", "category", "category_id"):
            if not comments.giscus[key]:
                raise TravelogError(
                    f"{prefix}.giscus.{key} is empty; copy it from https://giscus.app/ "
                    "or choose another provider",
                    path=config_file,
                )
    project = config_file.parent.resolve()
    data_dir = (project / comments.isso.data_dir).resolve()
    for folder in ("docs", "site"):
        if data_dir.is_relative_to(project / folder):
            raise TravelogError(
                f"{prefix}.isso.data_dir {comments.isso.data_dir!r} is inside {folder}/, where "
                "it would be published; use a folder such as data/isso",
                path=config_file,
            )


def isso_browser_url(comments: CommentsConfig, site_url: str) -> str:
    """The Isso address written into pages, always ending in a slash."""
    override = os.environ.get(ISSO_URL_ENV)
    if override:
        url = override
    else:
        root = urlsplit(site_url).path or "/"
        url = (
            comments.isso.url
            if urlsplit(comments.isso.url).scheme
            else urljoin(root if root.endswith("/") else root + "/", comments.isso.url)
        )
    return url if url.endswith("/") else url + "/"


def thread_uri(entry_url: str, site_url: str) -> str:
    """The Isso thread id of an entry: its path on the site, e.g. ``/2024/09/park-cameras/``."""
    root = urlsplit(site_url).path or "/"
    return (root if root.endswith("/") else root + "/") + entry_url


def isso_api_url(comments: CommentsConfig, given: str | None) -> str:
    """Where the commands reach Isso: ``--isso``, else an absolute ``url``, else the local port."""
    url = given or (comments.isso.url if urlsplit(comments.isso.url).scheme else "")
    if not url:
        url = f"http://127.0.0.1:{comments.isso.port}/"
    return url if url.endswith("/") else url + "/"
