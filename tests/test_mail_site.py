"""On the site: "Get new entries by email" (a mailto to the writer) and the feeds on the home
page, each entry and each topic page; the family list and mail record never reach site/."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import run_travelog, serve_directory
from mail_helpers import FAMILY, add_family, mail, processed_journal, smtp_server

FOLLOW_LABEL = "Follow this journal"

pytestmark = pytest.mark.e2e  # a real SMTP server, whole journals


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = processed_journal(tmp_path_factory.mktemp("mail-site") / "journal")
    add_family(project)
    with smtp_server() as server:
        result = mail(project, server.environ, "--include-existing")
        assert result.returncode == 0, result.stderr
    assert (project / "data" / "mailed.json").is_file()
    built = run_travelog("build", cwd=project)
    assert built.returncode == 0, built.stderr
    return project / "site"


def follow_box(site: Path, page: str):
    soup = BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("nav", attrs={"aria-label": FOLLOW_LABEL})


@pytest.mark.parametrize("page", ["", "2024/09/park-cameras", "tags/surveillance"])
def test_home_entries_and_topics_offer_email_and_feeds(site: Path, page: str):
    box = follow_box(site, page)
    assert box is not None, page
    mailto = box.find("a", string="Get new entries by email")["href"]
    address = urlsplit(mailto)
    assert address.scheme == "mailto" and address.path == "claire@example.org"
    query = parse_qs(address.query)
    assert query["subject"] == ["Please add me to Two Years in Shenzhen"]
    feeds = [link["href"] for link in box.find_all("a", type="application/atom+xml")]
    assert any(href.endswith("feed.xml") and "tags/" not in href for href in feeds)
    for href in feeds:
        assert (site / page / href).resolve().is_file(), href
    if page.startswith("tags/"):
        assert any(href.endswith("feed.xml") and href != "../../feed.xml" for href in feeds)


def test_other_pages_do_not_repeat_it(site: Path):
    assert follow_box(site, "about") is None


def test_the_link_shows_in_chromium(site: Path, page):
    with serve_directory(site) as url:
        page.goto(url)
        link = page.get_by_role("navigation", name=FOLLOW_LABEL).get_by_role(
            "link", name="Get new entries by email"
        )
        assert link.is_visible()


def test_the_family_list_and_mail_record_never_reach_the_site(site: Path):
    names = {path.name for path in site.rglob("*")}
    assert "family.json" not in names and "mailed.json" not in names
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".js", ".txt"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for _, address in FAMILY:
                assert address not in text, path
