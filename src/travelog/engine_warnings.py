"""The engines' warnings as travelog's one-line problems (``file:line: what; how to fix``).

Zensical prints each warning as a coloured, boxed diagnostic (the message, then the file
and position in brackets, then the source line); under ``--strict`` it ends with a bare
"Aborted because --strict flag is set". This turns each diagnostic into one line.
"""

from __future__ import annotations

import re
from pathlib import Path

from travelog.errors import TravelogError

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_HEADLINE = re.compile(r"^\s*(?P<kind>Warning|Error):\s*(?P<what>.+?)\s*$")
_WHERE = re.compile(r"\[\s*(?P<file>[^\]\s]+?):(?P<line>\d+)(?::\d+)?\s*\]")
#: What to do about the warnings Zensical gives for a journal.
HOW_TO_FIX_LINK = "fix the path (relative to this file) or remove the link"
HOW_TO_FIX = {"page does not exist": HOW_TO_FIX_LINK}
DEFAULT_FIX = "fix it, or build without --strict"


def engine_warnings(output: str, docs_dir: Path) -> list[str]:
    """One line per warning in Zensical's ``output``, naming the file under ``docs_dir``."""
    lines = _ANSI.sub("", output).splitlines()
    found = []
    for number, line in enumerate(lines):
        headline = _HEADLINE.match(line)
        if headline is None:
            continue
        what = headline["what"]
        where = next(
            (match for match in map(_WHERE.search, lines[number + 1 : number + 3]) if match),
            None,
        )
        fix = HOW_TO_FIX.get(what, DEFAULT_FIX)
        if where is None:
            found.append(f"{what}; {fix}")
            continue
        path = (docs_dir / where["file"]).as_posix()
        found.append(f"{path}:{where['line']}: {what}; {fix}")
    return found


_MKDOCS_LINK = re.compile(
    r"^Doc file '(?P<file>[^']+)' contains a link '(?P<target>[^']+)', but the target "
    r"(?:'[^']*' )?is not found among documentation files\.?$"
)


def mkdocs_warning(message: str, docs_dir: Path | None) -> str:
    """MkDocs' warning as one line; a broken link names its file and line and what to do."""
    link = _MKDOCS_LINK.match(message)
    if link is None or docs_dir is None:
        return message
    source = docs_dir / link["file"]
    problem = f"link to {link['target']}, which does not exist; {HOW_TO_FIX_LINK}"
    return str(TravelogError(problem, path=source, line=_line_of(source, link["target"])))


def _line_of(path: Path, target: str) -> int | None:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if target in line), None)
