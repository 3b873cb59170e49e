"""Golden-file comparison: a unified diff on mismatch; TRAVELOG_UPDATE_GOLDEN=1 rewrites."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

UPDATE = os.environ.get("TRAVELOG_UPDATE_GOLDEN") == "1"


def assert_matches_golden(actual: str, expected_path: Path) -> None:
    if UPDATE:
        expected_path.parent.mkdir(parents=True, exist_ok=True)
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            expected_path.name,
            "actual",
        )
    )
    assert actual == expected, (
        f"{expected_path.name} differs (TRAVELOG_UPDATE_GOLDEN=1 accepts the change):\n{diff}"
    )
