"""``travelog mail`` against a real SMTP server (aiosmtpd) on loopback."""

from __future__ import annotations

import email
import io
import json
import re
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from conftest import assert_one_line_error, free_port
from mail_helpers import (
    FAMILY,
    PUBLIC_SITE_URL,
    SENDER,
    WRITER,
    add_family,
    clone_journal,
    mail,
    make_certificate,
    processed_journal,
    smtp_server,
    write_entry,
)
from PIL import Image

ADDRESSES = [address for _, address in FAMILY]
NEW_TITLE = "First light on the pier"

pytestmark = pytest.mark.e2e  # a real SMTP server, whole journals


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return processed_journal(tmp_path_factory.mktemp("mail-template") / "journal")


@pytest.fixture
def journal(template: Path, tmp_path: Path) -> Path:
    project = clone_journal(template, tmp_path / "journal")
    add_family(project)
    return project


def mime_tree(part: EmailMessage) -> list:
    if part.is_multipart():
        return [part.get_content_type(), [mime_tree(child) for child in part.iter_parts()]]
    return [part.get_content_type()]


def ledger(project: Path) -> dict:
    return json.loads((project / "data" / "mailed.json").read_text(encoding="utf-8"))


def test_first_run_notes_old_entries_then_each_new_entry_goes_once_to_each(journal: Path):
    with smtp_server() as server:
        server.environ["TRAVELOG_SMTP_TO"] = f"Claire Bennett <{WRITER}>"
        first = mail(journal, server.environ)
        assert first.returncode == 0, first.stderr
        assert server.mailbox.received == []
        assert "noted park-cameras" in first.stdout

        write_entry(journal, "first-light", NEW_TITLE)
        second = mail(journal, server.environ)
        assert second.returncode == 0, second.stderr
        assert sorted(r for item in server.mailbox.received for r in item.recipients) == sorted(
            ADDRESSES
        )
        for name, address in FAMILY:
            (message,) = server.mailbox.to(address)
            assert message["Subject"] == NEW_TITLE
            assert message["To"].addresses[0].addr_spec == address
            assert message["To"].addresses[0].display_name == name
            assert len(message["To"].addresses) == 1 and message["Cc"] is None
            assert message["From"].addresses[0].addr_spec == SENDER
            assert message["From"].addresses[0].display_name == "Two Years in Shenzhen"
            assert message["Reply-To"].addresses[0].addr_spec == WRITER
            assert message["List-Unsubscribe"].startswith(f"<mailto:{WRITER}?subject=")
            assert message["Message-ID"] and message["Date"]

        third = mail(journal, server.environ)
        assert third.returncode == 0 and "nothing new to mail" in third.stdout
        assert len(server.mailbox.received) == 3

        write_entry(journal, "second-light", "Second light", date="2025-11-02")
        mail(journal, server.environ)
        assert len(server.mailbox.received) == 6
        assert [m["Subject"] for m in server.mailbox.to("cara@example.org")] == [
            NEW_TITLE,
            "Second light",
        ]


def test_the_message_is_alternative_text_and_related_html_with_cid_photos(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        mail(journal, server.environ)
        message = server.mailbox.to("dad@example.org")[0]
    assert mime_tree(message) == [
        "multipart/alternative",
        [["text/plain"], ["multipart/related", [["text/html"], ["image/jpeg"]]]],
    ]
    related = list(message.iter_parts())[1]
    html_part, image = list(related.iter_parts())
    html = html_part.get_content()
    cid = image["Content-ID"].strip("<>")
    assert f'src="cid:{cid}"' in html
    assert not re.search(r"<img[^>]+src=[\"']?https?:", html)
    assert "http" not in " ".join(re.findall(r"url\([^)]*\)", html))  # no remote backgrounds
    assert 'alt="Fishing boats tied up at the pier"' in html
    assert "<figcaption>Boats at dawn.<span" in html
    with Image.open(io.BytesIO(image.get_content())) as photo:
        assert photo.format == "JPEG" and 400 <= photo.width <= 800
        assert not photo.getexif()
    # Glossary words as text, links absolute, a way to comment, size under Gmail's clipping.
    assert "国家</span> (guójiā, nation, country" in html
    assert f'href="{PUBLIC_SITE_URL}2024/09/park-cameras/"' in html
    assert f'href="{PUBLIC_SITE_URL}2025/11/first-light/#travelog-comments-heading"' in html
    assert "Write a comment" in html and "<ruby" not in html
    assert len(html.encode()) < 100_000
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith(f"{NEW_TITLE}\n1 November 2025 · Claire Bennett\n\n")
    assert "We walked to the harbour at dawn. The first 国家 (guójiā, nation, country" in text
    assert "[Photo: Fishing boats tied up at the pier]\nBoats at dawn." in text
    assert "## Later" in text
    assert (
        f"Write a comment: {PUBLIC_SITE_URL}2025/11/first-light/#travelog-comments-heading" in text
    )
    assert "<" not in text.replace("<!--", "")


def test_excerpt_mode_cuts_at_more_with_a_read_the_rest_link(journal: Path):
    config = journal / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - travelog:\n", "  - travelog:\n      mail:\n        content: excerpt\n"
        ),
    )
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        result = mail(journal, server.environ)
        assert result.returncode == 0, result.stderr
        message = server.mailbox.to("dad@example.org")[0]
    html = message.get_body(("html",)).get_content()
    assert f'href="{PUBLIC_SITE_URL}2025/11/first-light/">Read the rest</a>' in html
    assert "Later" not in html
    assert (
        f"Read the rest: {PUBLIC_SITE_URL}2025/11/first-light/"
        in message.get_body(("plain",)).get_content()
    )


def test_include_existing_mails_the_back_catalogue_on_the_first_run(journal: Path):
    with smtp_server() as server:
        result = mail(journal, server.environ, "--include-existing")
        assert result.returncode == 0, result.stderr
        published = 9  # the example's entries less its draft
        assert len(server.mailbox.received) == published * len(FAMILY)


def test_drafts_and_future_entries_are_never_mailed(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "not-yet", "Not yet", extra="draft: true\n")
        write_entry(journal, "next-year", "Next year", date="2099-01-01")
        result = mail(journal, server.environ)
        assert result.returncode == 0 and server.mailbox.received == []
        assert_one_line_error(
            mail(journal, server.environ, "--entry", "not-yet"), "not-yet.md", "draft"
        )
        assert_one_line_error(
            mail(journal, server.environ, "--entry", "next-year"), "next-year.md", "future"
        )
        assert_one_line_error(mail(journal, server.environ, "--entry", "nope"), "'nope'")
        assert server.mailbox.received == []


def test_family_only_entries_need_family(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "at-home", "At home", extra="audience: family\n")
        assert mail(journal, server.environ).returncode == 0
        assert server.mailbox.received == []
        assert mail(journal, server.environ, "--family").returncode == 0
        assert len(server.mailbox.received) == 3


def test_a_new_person_gets_no_back_catalogue_unless_asked(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        mail(journal, server.environ)
        add_family(journal, [("Becca", "becca@example.org")])
        write_entry(journal, "second-light", "Second light", date="2025-11-02")
        mail(journal, server.environ)
        assert [m["Subject"] for m in server.mailbox.to("becca@example.org")] == ["Second light"]

        one = mail(journal, server.environ, "--entry", "first-light")
        assert one.returncode == 0, one.stderr
        assert [m["Subject"] for m in server.mailbox.to("becca@example.org")] == [
            "Second light",
            NEW_TITLE,
        ]
        assert len(server.mailbox.received) == 3 + 4 + 1  # nobody else got it twice

        everything = mail(journal, server.environ, "--to", "BECCA@example.org")
        assert everything.returncode == 0, everything.stderr
        assert len(server.mailbox.to("becca@example.org")) == 11  # 9 old + 2 new, once each
        assert len(server.mailbox.received) == 3 + 4 + 1 + 9
        assert_one_line_error(
            mail(journal, server.environ, "--to", "stranger@example.org"), "not on the family list"
        )


def test_a_refused_recipient_is_retried_next_run_and_nobody_else_twice(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        server.mailbox.refuse.add("katie@example.org")
        result = mail(journal, server.environ)
        assert result.returncode == 1
        assert "katie@example.org refused first-light (550" in result.stderr
        assert "Traceback" not in result.stderr
        assert sorted(r for i in server.mailbox.received for r in i.recipients) == [
            "cara@example.org",
            "dad@example.org",
        ]
        assert ledger(journal)["entries"]["first-light"]["owed"] == ["katie@example.org"]

        server.mailbox.refuse.clear()
        again = mail(journal, server.environ)
        assert again.returncode == 0, again.stderr
        assert [i.recipients for i in server.mailbox.received[2:]] == [["katie@example.org"]]
        assert mail(journal, server.environ).stdout.strip() == "nothing new to mail"
        assert len(server.mailbox.received) == 3


def test_a_server_going_away_mid_run_loses_nobody_and_repeats_nothing(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        server.mailbox.accept_only = 1
        assert_one_line_error(mail(journal, server.environ), "cannot send through 127.0.0.1")
        assert len(server.mailbox.received) == 1
        first = server.mailbox.received[0].recipients
        server.mailbox.accept_only = None
        assert mail(journal, server.environ).returncode == 0
        recipients = [r for item in server.mailbox.received for r in item.recipients]
        assert sorted(recipients) == sorted(ADDRESSES) and recipients[:1] == first


def test_entries_without_comments_have_no_comment_link(journal: Path, tmp_path: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "quiet", "A quiet one", extra="comments: false\n")
        mail(journal, server.environ, "--dry-run", str(tmp_path / "out"))
    (path,) = (tmp_path / "out").glob("quiet--dad*.eml")
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Subject"] == "A quiet one"
    assert "Write a comment" not in message.get_body(("html",)).get_content()
    assert "Write a comment" not in message.get_body(("plain",)).get_content()


def test_an_entry_gmail_would_clip_is_sent_with_a_warning(journal: Path, tmp_path: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        long_text = "\n\n".join(
            f"Paragraph {n}: " + "the harbour at dawn " * 40 for n in range(200)
        )
        write_entry(journal, "long-one", "A long one", body=long_text)
        result = mail(journal, server.environ, "--dry-run", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "long-one.md: the email's HTML is" in result.stderr
    assert "Gmail shows only the first 100 KB" in result.stderr
    assert len(list((tmp_path / "out").glob("long-one--*.eml"))) == 3


def test_dry_run_writes_eml_files_and_sends_nothing(journal: Path, tmp_path: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        before = ledger(journal)
        result = mail(journal, server.environ, "--dry-run", str(tmp_path / "out"))
        assert result.returncode == 0, result.stderr
        assert server.mailbox.received == []
        assert ledger(journal) == before
        files = sorted((tmp_path / "out").glob("*.eml"))
        assert [f.name for f in files] == [
            "first-light--cara_example.org.eml",
            "first-light--dad_example.org.eml",
            "first-light--katie_example.org.eml",
        ]
        for path in files:
            message = email.message_from_bytes(path.read_bytes(), policy=policy.strict)
            assert message.defects == [] and message["Subject"] == NEW_TITLE
            assert mime_tree(message)[0] == "multipart/alternative"
        assert len(mail(journal, server.environ).stdout.splitlines()) == 3  # still owed
        assert len(server.mailbox.received) == 3


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_with_a_certificate_and_login(journal: Path, tmp_path: Path, security: str):
    certificate = make_certificate(tmp_path)
    with smtp_server(security=security, certificate=certificate, auth=True) as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        result = mail(journal, server.environ)
        assert result.returncode == 0, result.stderr
        assert len(server.mailbox.received) == 3

        # Without trusting the certificate, nothing goes and the reason is one line.
        untrusted = {k: v for k, v in server.environ.items() if k != "SSL_CERT_FILE"}
        write_entry(journal, "second-light", "Second light", date="2025-11-02")
        assert_one_line_error(mail(journal, untrusted), "TLS with 127.0.0.1", "CERTIFICATE")
        assert len(server.mailbox.received) == 3


def test_a_wrong_password_says_one_line_and_sends_later_exactly_once(journal: Path, tmp_path):
    certificate = make_certificate(tmp_path)
    with smtp_server(security="starttls", certificate=certificate, auth=True) as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        wrong = {**server.environ, "TRAVELOG_SMTP_PASSWORD": "wrong"}
        assert_one_line_error(mail(journal, wrong), "refused the login", "PASSWORD")
        assert server.mailbox.received == []
        assert mail(journal, server.environ).returncode == 0
        assert len(server.mailbox.received) == 3


def test_an_unreachable_server_says_one_line_and_loses_nothing(journal: Path):
    with smtp_server() as server:
        mail(journal, server.environ)
        write_entry(journal, "first-light", NEW_TITLE)
        closed = {**server.environ, "TRAVELOG_SMTP_PORT": str(free_port())}
        assert_one_line_error(mail(journal, closed), "cannot send through 127.0.0.1")
        assert mail(journal, server.environ).returncode == 0
        assert len(server.mailbox.received) == 3


def test_missing_settings_and_an_empty_list_are_one_line(journal: Path, tmp_path: Path):
    assert_one_line_error(mail(journal, {}), "TRAVELOG_SMTP_HOST", "TRAVELOG_SMTP_TO")
    assert_one_line_error(
        mail(
            journal,
            {
                "TRAVELOG_SMTP_HOST": "x",
                "TRAVELOG_SMTP_TO": WRITER,
                "TRAVELOG_SMTP_SECURITY": "tls",
            },
        ),
        "TRAVELOG_SMTP_SECURITY='tls'",
    )
    assert_one_line_error(
        mail(journal, {"TRAVELOG_SMTP_HOST": "x", "TRAVELOG_SMTP_TO": "claire"}),
        "TRAVELOG_SMTP_TO='claire' is not an email address",
    )
    with smtp_server() as server:
        local = journal / "mkdocs.yml"
        local.write_text(local.read_text().replace(PUBLIC_SITE_URL, "http://127.0.0.1:8000/"))
        assert_one_line_error(mail(journal, server.environ), "mkdocs.yml", "site_url")
        local.write_text(local.read_text().replace("http://127.0.0.1:8000/", PUBLIC_SITE_URL))
        (journal / "data" / "mailed.json").write_text("{not json", encoding="utf-8")
        assert_one_line_error(mail(journal, server.environ), "mailed.json", "restore it")
        (journal / "data" / "family.json").write_text("[]", encoding="utf-8")
        assert_one_line_error(mail(journal, server.environ), "family.json", "not readable")
        (journal / "data" / "family.json").unlink()
        assert_one_line_error(mail(journal, server.environ), "family list is empty")
        assert server.mailbox.received == []
