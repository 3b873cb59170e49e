"""Who an entry is for: everyone (the default) or family only (``audience: family``).

The one reading of that front-matter key, shared by the site build, the feeds and
``travelog mail``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

AUDIENCE_KEY = "audience"
FAMILY_AUDIENCE = "family"


def is_family_only(meta: Mapping[str, Any]) -> bool:
    """True when an entry's front matter says ``audience: family``."""
    value = meta.get(AUDIENCE_KEY)
    return isinstance(value, str) and value.strip().lower() == FAMILY_AUDIENCE
