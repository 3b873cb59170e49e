"""What was mailed to whom: ``data/mailed.json``, private like the family list.

Per entry: when travelog first saw it published (then it is no longer new), who got it, and
who is still owed it (a refused recipient, or a run that stopped early). Saved after every
message, so an interrupted run never sends anything twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from travelog.atomic import write_text_atomic
from travelog.errors import TravelogError

LEDGER_FILE = "mailed.json"
LEDGER_VERSION = 1


@dataclass
class EntryRecord:
    seen: str
    sent: dict[str, str] = field(default_factory=dict)
    owed: list[str] = field(default_factory=list)


@dataclass
class Ledger:
    path: Path
    entries: dict[str, EntryRecord]
    exists: bool

    @classmethod
    def load(cls, data_dir: Path) -> Ledger:
        path = data_dir / LEDGER_FILE
        if not path.is_file():
            return cls(path, {}, exists=False)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != LEDGER_VERSION:
                raise ValueError("unknown version")
            entries = {
                slug: EntryRecord(
                    seen=str(item["seen"]), sent=dict(item["sent"]), owed=list(item["owed"])
                )
                for slug, item in data["entries"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            raise TravelogError(
                "the record of mailed entries is not readable; restore it from a backup "
                "(without it, travelog cannot know what family already received)",
                path=path,
            ) from None
        return cls(path, entries, exists=True)

    def is_new(self, slug: str) -> bool:
        return slug not in self.entries

    def see(self, slug: str, when: str) -> EntryRecord:
        return self.entries.setdefault(slug, EntryRecord(seen=when))

    def owe(self, slug: str, key: str) -> None:
        record = self.entries[slug]
        if key not in record.sent and key not in record.owed:
            record.owed.append(key)

    def owed(self, slug: str) -> list[str]:
        record = self.entries.get(slug)
        return list(record.owed) if record else []

    def has_sent(self, slug: str, key: str) -> bool:
        record = self.entries.get(slug)
        return record is not None and key in record.sent

    def record_sent(self, slug: str, key: str, when: str) -> None:
        record = self.entries[slug]
        record.sent[key] = when
        if key in record.owed:
            record.owed.remove(key)

    def save(self) -> None:
        data = {
            "version": LEDGER_VERSION,
            "entries": {
                slug: {"seen": record.seen, "sent": record.sent, "owed": record.owed}
                for slug, record in sorted(self.entries.items())
            },
        }
        write_text_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False), private=True)
        self.exists = True
