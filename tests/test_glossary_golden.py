"""Golden HTML for the glossary extension's rules (input .md + expected .html, diff on change).

Set TRAVELOG_UPDATE_GOLDEN=1 to rewrite the expected files after an intended change.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from golden_files import assert_matches_golden

GOLDEN = Path(__file__).parent / "golden" / "glossary"


def render(source: str, annotate: str, docs_dir: Path = GOLDEN) -> str:
    return markdown.markdown(
        source,
        extensions=["attr_list", "md_in_html", "footnotes", "toc", "travelog.markdown.glossary"],
        extension_configs={
            "travelog.markdown.glossary": {"docs_dir": str(docs_dir), "annotate": annotate}
        },
    )


@pytest.mark.parametrize(
    ("case", "annotate"),
    [("rules", "first"), ("rules", "all"), ("rules", "off"), ("explicit", "first")],
)
def test_golden_html(case: str, annotate: str):
    html = render((GOLDEN / f"{case}.md").read_text(encoding="utf-8"), annotate) + "\n"
    assert_matches_golden(html, GOLDEN / f"{case}.{annotate}.html")
