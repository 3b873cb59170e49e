"""The family list: who gets new entries by email, kept private in the journal's data folder.

One JSON file, ``data/family.json``, readable by its owner only (0600), never in docs/ or
site/ (the data folder is git-ignored). Addresses are checked with Python's own email parser.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import asdict, dataclass
from email.errors import HeaderParseError, MessageDefect
from email.headerregistry import Address
from pathlib import Path

from travelog.atomic import write_text_atomic
from travelog.errors import TravelogError

LIST_FILE = "family.json"
_EMAIL_COLUMN_HINT = "email"
_NAME_COLUMNS = ("name", "display name", "display_name", "full name", "username")
_DATE_HINTS = ("date", "since", "subscribed")


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    added: str  # ISO date: when they joined the list (or subscribed on WordPress.com)

    @property
    def key(self) -> str:
        return email_key(self.email)

    def address(self) -> Address:
        local, _, domain = self.email.rpartition("@")
        return Address(display_name=self.name, username=local, domain=domain)


def email_key(address: str) -> str:
    """Addresses compare without regard to case (as every real mail system treats them)."""
    return address.strip().lower()


def check_email(value: str) -> str | None:
    """The address cleaned up, or None when it is not one plain, deliverable-looking address."""
    value = value.strip()
    if not value or any(char.isspace() for char in value):
        return None
    try:
        parsed = Address(addr_spec=value)
    except (HeaderParseError, MessageDefect, ValueError, IndexError):
        return None
    labels = parsed.domain.split(".")
    if not parsed.username or len(labels) < 2 or not all(labels):
        return None
    return f"{parsed.username}@{parsed.domain.lower()}"


def list_path(data_dir: Path) -> Path:
    return data_dir / LIST_FILE


def load_family(data_dir: Path) -> list[Person]:
    path = list_path(data_dir)
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        people = [Person(**item) for item in data["people"]]
    except (OSError, ValueError, KeyError, TypeError):
        raise TravelogError(
            "the family list is not readable; restore it from a backup or remove it and "
            "add people again",
            path=path,
        ) from None
    return people


def save_family(data_dir: Path, people: list[Person]) -> Path:
    """Write the list atomically, owner-only, in a folder only the owner can enter."""
    path = list_path(data_dir)
    people = sorted(people, key=lambda person: (person.name.lower(), person.key))
    data = json.dumps({"people": [asdict(p) for p in people]}, indent=1, ensure_ascii=False)
    write_text_atomic(path, data, private=True)
    return path


def add_person(data_dir: Path, name: str, email: str, *, today: dt.date) -> Person:
    address = check_email(email)
    if address is None:
        raise TravelogError(f"{email!r} is not an email address; write it like dad@example.org")
    name = " ".join(name.split())
    if not name:
        raise TravelogError('give the person\'s name, e.g. travelog family add "Dad" EMAIL')
    people = load_family(data_dir)
    if any(person.key == email_key(address) for person in people):
        raise TravelogError(f"{address} is already on the family list; nothing changed")
    person = Person(name=name, email=address, added=today.isoformat())
    save_family(data_dir, [*people, person])
    return person


def remove_person(data_dir: Path, email: str) -> Person:
    people = load_family(data_dir)
    gone = [person for person in people if person.key == email_key(email)]
    if not gone:
        raise TravelogError(
            f"{email.strip()} is not on the family list; `travelog family list` shows who is"
        )
    save_family(data_dir, [person for person in people if person.key != email_key(email)])
    return gone[0]


@dataclass(frozen=True)
class ImportReport:
    added: list[Person]
    already: int


def import_subscribers(data_dir: Path, csv_file: Path, *, today: dt.date) -> ImportReport:
    """Add the people of a WordPress.com subscriber export (an email column, maybe a name
    and a date). All or nothing: an invalid address stops the import, naming its line."""
    rows = _read_csv(csv_file)
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    email_column = next((i for i, cell in enumerate(header) if _EMAIL_COLUMN_HINT in cell), None)
    if email_column is None:
        raise TravelogError(
            "no email column; export the subscribers from WordPress.com (Users → Subscribers → "
            "Download as CSV) or add a header line with 'email'",
            path=csv_file,
            line=1,
        )
    name_column = next((i for i, cell in enumerate(header) if cell in _NAME_COLUMNS), None)
    date_column = next(
        (i for i, cell in enumerate(header) if any(hint in cell for hint in _DATE_HINTS)), None
    )
    people = load_family(data_dir)
    known = {person.key for person in people}
    added: list[Person] = []
    already = 0
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        raw = _cell(row, email_column)
        address = check_email(raw)
        if address is None:
            raise TravelogError(
                f"{raw!r} is not an email address; fix or delete that line (nothing was added)",
                path=csv_file,
                line=number,
            )
        if email_key(address) in known:
            already += 1
            continue
        known.add(email_key(address))
        name = " ".join(_cell(row, name_column).split()) or address.partition("@")[0]
        added.append(
            Person(name=name, email=address, added=_date(_cell(row, date_column)) or str(today))
        )
    if added:
        save_family(data_dir, [*people, *added])
    return ImportReport(added=added, already=already)


def _read_csv(path: Path) -> list[list[str]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            return list(csv.reader(stream))
    except FileNotFoundError:
        raise TravelogError(
            "no such file; give the CSV that WordPress.com exported", path=path
        ) from None
    except (OSError, UnicodeDecodeError, csv.Error):
        raise TravelogError("not a readable CSV file (UTF-8 text expected)", path=path) from None


def _cell(row: list[str], column: int | None) -> str:
    return row[column].strip() if column is not None and column < len(row) else ""


def _date(value: str) -> str:
    """The date part of a WordPress timestamp ("2023-04-01 10:20:30"), if it is one."""
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return ""
