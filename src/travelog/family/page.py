"""Family pages in the site's own look: the engine's 404 page is the shell.

Both engines write ``404.html`` with root-relative links (it is served at any depth), so its
header, navigation and styles work at ``family/`` and ``family/<id>/`` alike. Its article is
replaced by the locked page (or, in the writer's preview, by the entry itself).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from travelog.errors import TravelogError
from travelog.family.render import LIST_TITLE

SHELL_FILE = "404.html"
DATA_ELEMENT_ID = "travelog-family-data"
_ARTICLE = re.compile(
    r'(<article class="md-content__inner md-typeset">)(?P<inner>.*?)(</article>)', re.DOTALL
)
_SKIP_ANCHOR = re.compile(r'<a id="__skip"[^>]*></a>')
_TITLE = re.compile(r"<title>(?P<title>.*?)</title>", re.DOTALL)

LOCKED = """<div class="travelog-family" data-travelog-family>
<div class="travelog-family-locked">
<h1>{heading}</h1>
<noscript><p>This page is for the family. Its words and photos are encrypted: to read them,
turn on JavaScript and enter the family passphrase.</p></noscript>
<form class="travelog-family-unlock" hidden>
<p>This page is for the family. Enter the family passphrase to read it.</p>
<input name="username" autocomplete="username" value="family" hidden>
<p><label for="travelog-family-passphrase">Family passphrase</label>
<input id="travelog-family-passphrase" name="passphrase" type="password"
 autocomplete="current-password" required aria-describedby="travelog-family-status"></p>
<p><label><input id="travelog-family-remember" type="checkbox"> Remember on this device</label></p>
<p><button class="travelog-family-button" type="submit">Unlock</button></p>
<p id="travelog-family-status" class="travelog-family-status" role="status"
 aria-live="polite"></p>
</form>
</div>
<div class="travelog-family-content" hidden></div>
</div>
<script type="application/json" id="{data_id}">{data}</script>
"""

PREVIEW = """<div class="travelog-family travelog-family--preview" data-travelog-family>
<p class="travelog-family-preview-note"><strong>Preview: for family only.</strong> Only you
see this open. The published page shows "{heading}" and a passphrase form, and everything
below is encrypted.</p>
<div class="travelog-family-content">{content}</div>
</div>
"""


@dataclass(frozen=True)
class Shell:
    """The engine's 404 page, split where the family page goes."""

    before: str
    after: str
    site_name: str

    @classmethod
    def read(cls, site_dir: Path) -> Shell:
        path = site_dir / SHELL_FILE
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        article = _ARTICLE.search(text)
        title = _TITLE.search(text)
        if article is None or title is None or "</head>" not in text:
            raise TravelogError(
                "the theme's 404 page has no Material article to hold the family pages; "
                "keep Material's (or Zensical's) 404.html",
                path=path,
            )
        skip = _SKIP_ANCHOR.search(article["inner"])
        return cls(
            before=text[: article.start("inner")] + (skip.group(0) if skip else ""),
            after=text[article.end("inner") :],
            site_name=html.unescape(title["title"].strip()),
        )

    def page(self, body: str, *, assets_url: str, lightbox: Mapping[str, str]) -> str:
        """A family page: never indexed, never sending its address to other sites.

        ``lightbox``: the addresses of the site's own GLightbox files (``.js``, ``.css``),
        loaded here unless the shell loads them already."""
        has_lightbox = lightbox["js"] in self.before + self.after
        head = (
            '<meta name="robots" content="noindex, nofollow">'
            '<meta name="referrer" content="no-referrer">'
            + ("" if has_lightbox else f'<link rel="stylesheet" href="{lightbox["css"]}">')
            + f'<link rel="stylesheet" href="{assets_url}family.css">'
        )
        scripts = ("" if has_lightbox else f'<script src="{lightbox["js"]}"></script>') + (
            f'<script src="{assets_url}family.js"></script>'
        )
        title = html.escape(f"{LIST_TITLE} - {self.site_name}")
        before = _TITLE.sub(f"<title>{title}</title>", self.before, count=1)
        before = before.replace("</head>", head + "</head>", 1)
        after = self.after.replace("</body>", scripts + "</body>", 1)
        return before + body + after


def locked_body(data: dict) -> str:
    """The page as everyone sees it: a heading, the form, and the sealed data."""
    # "<" escaped so that no sealed text can close the script element early.
    payload = json.dumps(data, separators=(",", ":")).replace("<", "\\u003c")
    return LOCKED.format(heading=LIST_TITLE, data_id=DATA_ELEMENT_ID, data=payload)


def preview_body(content: str) -> str:
    """The page as the writer's live preview shows it: open, and marked as family-only."""
    return PREVIEW.format(heading=LIST_TITLE, content=content)
