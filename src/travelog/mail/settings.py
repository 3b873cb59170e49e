"""The ``mail`` options under ``plugins: - travelog:`` in mkdocs.yml."""

from __future__ import annotations

from enum import StrEnum

from mkdocs.config import base
from mkdocs.config import config_options as c


class Content(StrEnum):
    FULL = "full"
    """The whole entry in the email."""
    EXCERPT = "excerpt"
    """Up to ``<!-- more -->``, then a "Read the rest" link to the entry."""


class MailConfig(base.Config):
    content = c.Choice(tuple(item.value for item in Content), default=Content.FULL.value)
