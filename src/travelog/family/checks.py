"""Checks that stop a build before anything is written: quick, so ``travelog check`` and
``travelog build`` run them first (no key is derived here)."""

from __future__ import annotations

import os
from collections.abc import Mapping

from travelog.config import SiteSettings
from travelog.errors import TravelogError
from travelog.family.keys import read_passphrase
from travelog.family.settings import SITE_FOLDER, family_data_dir
from travelog.journal import Journal


def check_family(
    journal: Journal, site: SiteSettings, environ: Mapping[str, str] = os.environ
) -> None:
    """Stop before building when family entries have no usable passphrase or another page
    stands where theirs go (quick: no key is derived)."""
    if journal.family:
        check_no_page_at_family(site)
        data_dir = family_data_dir(site.plugin.family, site.config_file)
        read_passphrase(data_dir, journal.family[0].source, environ)


def check_no_page_at_family(site: SiteSettings) -> None:
    """``family/`` belongs to the family pages: no page of the writer's may be built there."""
    for page in (site.docs_dir / f"{SITE_FOLDER}.md", site.docs_dir / SITE_FOLDER):
        if page.exists():
            raise TravelogError(
                f"this page would be published at {SITE_FOLDER}/, where the family pages go; "
                "rename it",
                path=page,
            )
