"""Take the README's screenshots of the example journal in headless Chromium.

Usage: .venv/bin/python scripts/screenshot.py [--out docs/assets/screenshot.png] [--path P]
Builds the journal into a temporary folder, serves it on a free loopback port and
captures the page on a desktop (--out) and on a phone (the same name with -phone).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "screenshot.png")
    parser.add_argument("--path", default="", help="page to capture, relative to the site root")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        site = Path(temporary) / "site"
        subprocess.run(
            [sys.executable, "-m", "travelog", "build", "-d", str(site)], cwd=ROOT, check=True
        )
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
                )
                address = f"http://127.0.0.1:{server.server_address[1]}/{args.path}"
                phone = args.out.with_name(f"{args.out.stem}-phone{args.out.suffix}")
                for out, viewport, scale in (
                    (args.out, {"width": 1280, "height": 860}, 1),
                    (phone, {"width": 390, "height": 844}, 2),
                ):
                    page = browser.new_page(viewport=viewport, device_scale_factor=scale)
                    page.goto(address)
                    page.wait_for_load_state("networkidle")
                    page.screenshot(path=str(out))
                    print(f"wrote {out}")
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
