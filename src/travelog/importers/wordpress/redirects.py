"""Old WordPress addresses keep working: a static redirect for each imported post and page.

Three forms, all made from the same list:

- ``docs/<old path>/index.html``: a small page with a meta refresh and a canonical link,
  which any static host serves at the old address;
- ``docs/_redirects``: Netlify's (and Cloudflare Pages') rules file, published at the site
  root, with 301s for the old paths and for ``?p=ID`` / ``?page_id=ID``;
- ``redirects.nginx.conf`` beside mkdocs.yml: an nginx ``map`` of the same, to include.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

NETLIFY_FILE = "_redirects"
NGINX_FILE = "redirects.nginx.conf"
_SAFE_SEGMENT = re.compile(r"^[^\x00-\x20\\/\"'<>`{}|^%]+$")


@dataclass(frozen=True)
class Redirect:
    """``old`` is a site-relative path (``2015/11/14/slug/``) or a query (``?p=201``)."""

    old: str
    new: str  # site-relative URL of the new page, e.g. ``2015/11/slug/``


def old_path(link: str, blog_host: str) -> str | None:
    """The site-relative path of a permalink on the blog's own host, if it is a safe one."""
    parts = urlsplit(link.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if host != blog_host or parts.query or not parts.path.strip("/"):
        return None
    segments = [unquote(segment) for segment in parts.path.strip("/").split("/")]
    if any(s in (".", "..") or not _SAFE_SEGMENT.match(s) for s in segments):
        return None
    return "/".join(segments) + "/"


def blog_host(url: str) -> str:
    return (urlsplit(url.strip()).hostname or "").lower().removeprefix("www.")


def stub_page(old: str, new: str, canonical: str) -> bytes:
    """The HTML served at ``old``: a relative refresh (works under any base path) and a
    canonical link to the new page's absolute address."""
    relative = posixpath.relpath(new, old) + "/" if new else posixpath.relpath(".", old) + "/"
    target = html.escape(relative, quote=True)
    return (
        "<!doctype html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Moved</title>\n'
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{html.escape(canonical, quote=True)}">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "</head>\n<body>\n"
        f'<p>This page has moved: <a href="{target}">{target}</a>.</p>\n'
        "</body>\n</html>\n"
    ).encode()


def netlify_rules(redirects: list[Redirect], root: str) -> bytes:
    """``root``: the site's base path (``/`` or ``/journal/``)."""
    lines = ["# Old WordPress addresses (written by travelog import wordpress)"]
    for redirect in redirects:
        if redirect.old.startswith("?"):
            lines.append(f"{root} {redirect.old[1:]} {root}{quote(redirect.new)} 301")
        else:
            old = quote(redirect.old)
            lines.append(f"{root}{old} {root}{quote(redirect.new)} 301")
            lines.append(f"{root}{old.rstrip('/')} {root}{quote(redirect.new)} 301")
    return ("\n".join(lines) + "\n").encode()


def nginx_map(redirects: list[Redirect], root: str) -> bytes:
    """``root``: the site's base path (``/`` or ``/journal/``)."""
    lines = [
        "# Old WordPress addresses (written by travelog import wordpress).",
        "# In nginx's http block: include this file; in the journal's server block:",
        "#     if ($travelog_redirect) { return 301 $travelog_redirect; }",
        "map $request_uri $travelog_redirect {",
    ]
    for redirect in redirects:
        # $request_uri is the address as sent: non-ASCII letters percent-encoded.
        target = f"{root}{quote(redirect.new)}"
        if redirect.old.startswith("?"):
            sources = [f"{root}{redirect.old}", f"{root}index.php{redirect.old}"]
        else:
            old = quote(redirect.old)
            sources = [f"{root}{old}", f"{root}{old.rstrip('/')}"]
        lines += [f'    "{source}" "{target}";' for source in sources]
    lines.append("}")
    return ("\n".join(lines) + "\n").encode()
