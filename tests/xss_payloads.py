"""Hostile strings for every field a writer or an export controls, and the checks that a built
site carries nothing of them that runs: Chromium with a dialog handler, no ``on*`` attribute,
no ``javascript:``/``vbscript:``/``data:text`` URL."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

# Each payload alerts its own number, so a failure names the payload that ran.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "<svg><script>alert(4)</script></svg>",
    '"><script>alert(5)</script>',
    "'><img src=x onerror=alert(6)>",
    '" autofocus onfocus="alert(7)" x="',
    "' autofocus onfocus='alert(8)' x='",
    "</title><script>alert(9)</script>",
    "</textarea><script>alert(10)</script>",
    '<iframe src="javascript:alert(11)"></iframe>',
    '<a href="javascript:alert(12)">click</a>',
    "[click](javascript:alert(13))",
    "<body onload=alert(14)>",
    "<details open ontoggle=alert(15)>",
    "<input autofocus onfocus=alert(16)>",
    "<video><source onerror=alert(17)></video>",
    '<object data="data:text/html,<script>alert(18)</script>"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxOSk8L3NjcmlwdD4=">',
    "&lt;script&gt;alert(20)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(21)&#62;",
    "<scr<script>ipt>alert(22)</script>",
    "<IMG SRC=x OnErRoR=alert(23)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(24)>",
    "javascript:alert(25)",
    "<marquee onstart=alert(26)>x</marquee>",
    '<base href="javascript:alert(27)//">',
    '<form action="javascript:alert(28)"><button>go</button></form>',
    "{{ 7*7 }}{% raw %}<script>alert(29)</script>",
    '<!--<img src="--><img src=x onerror=alert(30)//">',
    '<noscript><p title="</noscript><img src=x onerror=alert(31)>">',
    '<a href="vbscript:msgbox(32)">x</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(33)">',
    "\u2028</script><script>alert(34)</script>",
    "![x](javascript:alert(35))",
    '<a href="&#106;avascript:alert(36)">x</a>',
    "<svg><a xlink:href=javascript:alert(37)><text>x</text></a></svg>",
    "*em* `code` _u_ # [x]: javascript:alert(38)",
]

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href"}
    | {"cite", "ping", "srcset", "longdesc", "codebase", "manifest", "icon"}
)
BAD_SCHEME = re.compile(r"^(javascript:|vbscript:|data:text|data:application)", re.IGNORECASE)


class _Attributes(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            text = "".join((value or "").split())
            if name in URL_ATTRIBUTES and BAD_SCHEME.match(text):
                self.problems.append(f"<{tag} {name}={value!r}>")
        given = dict(attrs)
        if tag == "meta" and (given.get("http-equiv") or "").lower() == "refresh":
            content = given.get("content") or ""
            target = "".join(content.partition("=")[2].split()).strip("'\"")
            # Redirect stubs for old addresses refresh to a page of the same site; anything
            # else (a script URL, another host) is an injection.
            if BAD_SCHEME.match(target) or "//" in target or not target:
                self.problems.append(f"<meta refresh {content!r}>")


def markup_problems(site: Path) -> list[str]:
    """Every ``on*`` attribute and dangerous URL in the site's HTML and XML files."""
    problems = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in (".html", ".xml", ".svg"):
            continue
        parser = _Attributes()
        parser.feed(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(site)}: {problem}" for problem in parser.problems]
    return problems


def open_every_page(page, base_url: str, site: Path) -> list[str]:
    """Open every HTML page of ``site`` (served at ``base_url``) in Chromium; the dialogs."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        url = base_url + relative.removesuffix("index.html")
        before = len(dialogs)
        page.goto(url, wait_until="load")
        _settle(page, relative)
        dialogs[before:] = [f"{relative}: {message}" for message in dialogs[before:]]
    return dialogs


def _settle(page, relative: str) -> None:
    """Let the page's scripts run for a frame; a redirect stub moves on to its target first."""
    for _ in range(3):
        try:
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
            return
        except PlaywrightError as error:
            if "context was destroyed" not in str(error):
                raise
            page.wait_for_load_state("load")
    raise AssertionError(f"{relative} kept navigating")
