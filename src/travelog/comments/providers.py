"""The live thread under an entry, for the provider chosen in mkdocs.yml."""

from __future__ import annotations

import html
from functools import cache
from importlib.resources import files

from travelog.comments.settings import isso_browser_url, thread_uri
from travelog.config import CommentsConfig, Provider, SiteSettings
from travelog.journal import Entry

UNAVAILABLE = "Comments are unavailable right now."
LOADING = "Loading comments…"
GISCUS_CLIENT = "https://giscus.app/client.js"


@cache
def _loader_script() -> str:
    return files("travelog.comments").joinpath("isso-loader.js").read_text(encoding="utf-8")


def live_thread(entry: Entry, site: SiteSettings) -> str:
    settings = site.plugin.comments
    provider = Provider(settings.provider)
    if provider is Provider.ISSO:
        return _isso(entry, site)
    if provider is Provider.GISCUS:
        return _giscus(settings)
    return ""


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def _status(text: str, *, hidden: bool) -> str:
    return (
        f'<p class="travelog-comments-status" role="status"{" hidden" if hidden else ""}>'
        f"{html.escape(text)}</p>\n"
    )


def _isso(entry: Entry, site: SiteSettings) -> str:
    endpoint = isso_browser_url(site)
    return (
        f'<div class="travelog-live" data-isso-endpoint="{_attr(endpoint)}" '
        f'data-unavailable="{_attr(UNAVAILABLE)}">\n'
        f"{_status(LOADING, hidden=False)}"
        "<noscript><p>Writing a comment needs JavaScript.</p></noscript>\n"
        f'<section id="isso-thread" data-isso-id="{_attr(thread_uri(entry, site))}" '
        f'data-title="{_attr(entry.title)}" aria-label="Live comments"></section>\n'
        f"<script>{_loader_script()}</script>\n"
        "</div>\n"
    )


def _giscus(settings: CommentsConfig) -> str:
    giscus = settings.giscus
    attributes = {
        "src": GISCUS_CLIENT,
        "data-repo": giscus.repo,
        "data-repo-id": giscus.repo_id,
        "data-category": giscus.category,
        "data-category-id": giscus.category_id,
        "data-mapping": giscus.mapping,
        "data-strict": "1",
        "data-reactions-enabled": "0",
        "data-emit-metadata": "0",
        "data-input-position": "top",
        "data-theme": "preferred_color_scheme",
        "data-lang": "en",
        "data-loading": "lazy",
        "crossorigin": "anonymous",
    }
    rendered = " ".join(f'{name}="{_attr(value)}"' for name, value in attributes.items())
    return (
        '<div class="travelog-live travelog-giscus">\n'
        f"{_status(UNAVAILABLE, hidden=True)}"
        f"<script {rendered} async "
        'onerror="this.previousElementSibling.hidden=false"></script>\n'
        "</div>\n"
    )
