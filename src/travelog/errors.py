"""One error tree for problems the writer can fix.

``str(error)`` is a single line: ``file[:line]: what is wrong; what to do``. Only ``cli.py``
turns these into an exit status; the MkDocs plugin turns them into ``PluginError``.
"""

from __future__ import annotations

from pathlib import Path


class TravelogError(Exception):
    """A user-fixable problem, reported as one line naming the file."""

    def __init__(self, message: str, *, path: Path | str | None = None, line: int | None = None):
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        where = _display_path(self.path)
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class FrontMatterError(TravelogError):
    """An entry's YAML front matter is missing, malformed or invalid."""


class TopicError(TravelogError):
    """The topic (tag) registry is invalid, or an entry uses an unknown tag."""


def _display_path(path: Path) -> str:
    """Show paths relative to the working directory when they are inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
