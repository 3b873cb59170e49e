"""The ``family`` options under ``plugins: - travelog:`` in mkdocs.yml, and where the
passphrase comes from."""

from __future__ import annotations

from pathlib import Path

from travelog.config import FamilyConfig
from travelog.errors import TravelogError

PASSPHRASE_ENV = "TRAVELOG_FAMILY_PASSPHRASE"
PASSPHRASE_FILE = "passphrase"
SALT_FILE = "salt.json"
#: Four random words, or 16 characters: long enough that guessing it offline takes too long.
MIN_PASSPHRASE_LENGTH = 16
#: Where the family pages are published, below the site's root.
SITE_FOLDER = "family"


def family_data_dir(family: FamilyConfig, config_file: Path) -> Path:
    """The data folder, refused inside docs/ or site/ where it would be published."""
    project = config_file.parent.resolve()
    folder = (project / family.data_dir).resolve()
    for published in ("docs", "site"):
        if folder.is_relative_to(project / published):
            raise TravelogError(
                f"plugins.travelog.family.data_dir {family.data_dir!r} is inside {published}/, "
                "where it would be published; use a folder such as data/family",
                path=config_file,
            )
    return folder
