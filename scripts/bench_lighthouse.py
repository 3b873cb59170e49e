"""Lighthouse on the example journal: the four scores and LCP, CLS and TBT per page and form.

Usage: .venv/bin/python scripts/bench_lighthouse.py [--runs 1] [--site DIR]

Builds the journal (unless --site names a built one), serves it on a free loopback port and
runs Lighthouse (npm, pinned in scripts/lighthouse/package-lock.json; installed there on the
first run with `npm ci`) against Debian's Chromium for the home page, an entry, a topic page
and the glossary, as a phone (Lighthouse's mobile emulation) and on a desktop. With --runs N
each figure is the median of N runs. Goal on a quiet machine: accessibility, best practices
and SEO 100, performance 95 or more.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE = TOOL / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "",
    "entry": "2024/09/park-cameras/",
    "tag page": "tags/surveillance/",
    "glossary": "glossary/",
}
FORMS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = {
    "LCP s": ("largest-contentful-paint", 1000),
    "CLS": ("cumulative-layout-shift", 1),
    "TBT ms": ("total-blocking-time", 1),
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def ensure_lighthouse() -> None:
    if not LIGHTHOUSE.exists():
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=TOOL, check=True
        )


def build(into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "travelog", "build", "-d", str(into)], cwd=ROOT, check=True
    )
    return into


def audit(url: str, form: str, report: Path) -> dict[str, float]:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        f"--only-categories={','.join(CATEGORIES)}",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    result = json.loads(report.read_text(encoding="utf-8"))
    figures = {name: result["categories"][name]["score"] * 100 for name in CATEGORIES}
    for label, (audit_id, scale) in METRICS.items():
        figures[label] = result["audits"][audit_id]["numericValue"] / scale
    failed = [
        f"{audit_id}: {item['title']}"
        for name in ("accessibility", "best-practices", "seo")
        for ref in result["categories"][name]["auditRefs"]
        if ref["weight"] and (item := result["audits"][(audit_id := ref["id"])])["score"] != 1
    ]
    for line in failed:
        print(f"    {form} {url}: {line}", file=sys.stderr)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--site", type=Path, help="an already built site folder")
    args = parser.parse_args()
    ensure_lighthouse()
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site or build(Path(temporary) / "site")
        handler = functools.partial(_Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        header = ["page", "form", "perf", "a11y", "best", "seo", *METRICS]
        print(" | ".join(f"{title:>10}" for title in header))
        try:
            for name, path in PAGES.items():
                for form in FORMS:
                    runs = [
                        audit(base + path, form, Path(temporary) / f"report-{run}.json")
                        for run in range(args.runs)
                    ]
                    row = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                    cells = [name, form] + [f"{row[c]:.0f}" for c in CATEGORIES]
                    cells += [f"{row['LCP s']:.2f}", f"{row['CLS']:.3f}", f"{row['TBT ms']:.0f}"]
                    print(" | ".join(f"{cell:>10}" for cell in cells), flush=True)
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
