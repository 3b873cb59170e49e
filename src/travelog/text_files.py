"""Reading the writer's text files: UTF-8 (a byte-order mark is accepted), or one line that
names the file and the line and says what to do."""

from __future__ import annotations

from pathlib import Path

from travelog.errors import TravelogError

ENCODING = "utf-8-sig"  # UTF-8; a leading byte-order mark (as Windows editors write) is dropped


def read_text(path: Path) -> str:
    """The text of ``path``; a :class:`TravelogError` if it is binary or not UTF-8."""
    data = path.read_bytes()
    if b"\0" in data:
        line = data.count(b"\n", 0, data.index(b"\0")) + 1
        raise TravelogError(
            "holds binary data, not text; replace it with a text file (or remove it)",
            path=path,
            line=line,
        )
    try:
        return data.decode(ENCODING)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise TravelogError(
            f"is not UTF-8 text (byte 0x{data[error.start]:02x}); save it as UTF-8 in your editor",
            path=path,
            line=line,
        ) from None
