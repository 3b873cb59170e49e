"""``travelog mail``: which entries go to whom, then sending (or writing .eml files).

Rules:
- Only published entries whose date has come are mailed (never drafts or future entries);
  family-only entries (``audience: family``) only with ``family=True``.
- An entry is new the first time a run sees it; it is then owed to everyone on the list.
  The very first run (no record yet) only notes the existing entries, unless
  ``include_existing``, so turning mail on does not flood anyone with the back catalogue.
- People who join later do not get older entries, unless asked: ``entry`` owes that entry to
  everyone (or to ``to`` only), ``to`` alone owes that person every entry they lack.
- Nothing is ever sent twice; whatever was refused or not reached stays owed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from travelog.atomic import write_bytes_atomic
from travelog.config import SiteSettings
from travelog.errors import TravelogError
from travelog.journal import Entry, Journal
from travelog.mail.family_list import Person, email_key, load_family
from travelog.mail.ledger import Ledger
from travelog.mail.message import build_message
from travelog.mail.render import HTML_LIMIT_BYTES, MailSite, render_entry
from travelog.mail.send import RecipientRefused, deliver, smtp_connection
from travelog.photos.site import photos_before_build
from travelog.smtp_settings import SmtpSettings

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class MailOptions:
    include_existing: bool = False
    family: bool = False
    entry: str | None = None
    to: str | None = None
    dry_run: Path | None = None


@dataclass(frozen=True)
class Delivery:
    entry: Entry
    person: Person


@dataclass
class MailReport:
    sent: list[Delivery] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    refused: list[tuple[Delivery, str]] = field(default_factory=list)
    noted: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def mailable(journal: Journal, now: dt.datetime, *, family: bool) -> list[Entry]:
    """Published entries whose date has come, oldest first (family-only ones if asked)."""
    entries = [
        entry
        for entry in [*journal.published, *(journal.family if family else [])]
        if entry.date <= now
    ]
    return sorted(entries, key=lambda entry: entry.date)


def plan(
    entries: list[Entry],
    people: list[Person],
    ledger: Ledger,
    options: MailOptions,
    *,
    now: str,
    report: MailReport,
) -> list[Delivery]:
    """Update the ledger with what is newly owed; return what to send, oldest entry first."""
    first_run = not ledger.exists
    for entry in entries:
        if not ledger.is_new(entry.slug):
            continue
        ledger.see(entry.slug, now)
        if first_run and not options.include_existing:
            report.noted.append(entry)
            continue
        for person in people:
            ledger.owe(entry.slug, person.key)
    asked_for = [person for person in people if options.to is None or person.key == options.to]
    if options.entry is not None:
        ledger.see(options.entry, now)
        for person in asked_for:
            ledger.owe(options.entry, person.key)
    elif options.to is not None:
        for entry in entries:
            ledger.see(entry.slug, now)
            ledger.owe(entry.slug, options.to)
    on_list = {person.key: person for person in people}
    return [
        Delivery(entry, on_list[key])
        for entry in entries
        for key in ledger.owed(entry.slug)
        if key in on_list
    ]


def run_mail(
    settings: SiteSettings,
    journal: Journal,
    smtp: SmtpSettings,
    options: MailOptions,
    *,
    now: dt.datetime | None = None,
    on_sent: Callable[[Delivery], None] = lambda delivery: None,
) -> MailReport:
    now = now or dt.datetime.now(settings.timezone)
    people = load_family(settings.private_dir)
    if not people:
        raise TravelogError(
            'the family list is empty; add people with travelog family add "Name" EMAIL'
        )
    options = _checked(options, journal, people, now)
    if options.dry_run is None:
        _check_public_address(settings)
    entries = mailable(journal, now, family=options.family)
    ledger = Ledger.load(settings.private_dir)
    report = MailReport()
    deliveries = plan(entries, people, ledger, options, now=now.isoformat(), report=report)
    if deliveries:
        photos_before_build(settings)
    site = MailSite(settings, journal)
    rendered = {}
    for delivery in deliveries:
        if delivery.entry.slug not in rendered:
            rendered[delivery.entry.slug] = render_entry(site, delivery.entry)
            size = len(rendered[delivery.entry.slug].html.encode("utf-8"))
            if size > HTML_LIMIT_BYTES:
                report.warnings.append(
                    f"{delivery.entry.source.name}: the email's HTML is {size // 1000} KB; "
                    "Gmail shows only the first 100 KB (set mail: content: excerpt)"
                )
    list_id = f"family.{urlsplit(settings.site_url).hostname or 'journal'}"

    def message_for(delivery: Delivery):
        return build_message(
            rendered[delivery.entry.slug],
            delivery.person,
            smtp=smtp,
            site_name=settings.site_name,
            list_id=list_id,
        )

    if options.dry_run is not None:
        for delivery in deliveries:
            path = options.dry_run / _eml_name(delivery)
            write_bytes_atomic(path, message_for(delivery).as_bytes(), private=True)
            report.written.append(path)
        return report
    ledger.save()
    if not deliveries:
        return report
    with smtp_connection(smtp) as connection:
        for delivery in deliveries:
            try:
                deliver(
                    connection, message_for(delivery), smtp.sender_address, delivery.person.email
                )
            except RecipientRefused as refusal:
                report.refused.append((delivery, refusal.reason))
                continue
            sent_at = dt.datetime.now(settings.timezone).isoformat()
            ledger.record_sent(delivery.entry.slug, delivery.person.key, sent_at)
            ledger.save()
            report.sent.append(delivery)
            on_sent(delivery)
    return report


def _checked(
    options: MailOptions, journal: Journal, people: list[Person], now: dt.datetime
) -> MailOptions:
    """``--entry`` names a mailable entry, ``--to`` someone on the list (as its key)."""
    if options.to is not None:
        key = email_key(options.to)
        if not any(person.key == key for person in people):
            raise TravelogError(
                f"{options.to} is not on the family list; add them first with "
                f'travelog family add "Name" {options.to}'
            )
        options = MailOptions(**{**vars(options), "to": key})
    if options.entry is not None:
        entry = next((e for e in journal.entries if e.slug == options.entry), None)
        if entry is None:
            raise TravelogError(
                f"no entry with the slug {options.entry!r}; travelog check lists the entries"
            )
        if entry.draft:
            raise TravelogError(f"{entry.source.name} is a draft; drafts are never mailed")
        if entry.date > now:
            raise TravelogError(f"{entry.source.name} is dated in the future; mail it from then")
        if entry.for_family and not options.family:
            raise TravelogError(
                f"{entry.source.name} is for family only (audience: family); add --family"
            )
    return options


def _check_public_address(settings: SiteSettings) -> None:
    host = urlsplit(settings.site_url).hostname or ""
    if host in LOOPBACK_HOSTS:
        raise TravelogError(
            f"site_url {settings.site_url} is this computer's address, which family cannot "
            "open; set the journal's public address in site_url (or use --dry-run DIR)",
            path=settings.config_file,
        )


def _eml_name(delivery: Delivery) -> str:
    person = _UNSAFE_NAME.sub("_", delivery.person.email)
    return f"{delivery.entry.slug}--{person}.eml"
