"""Bad photos fail the build with one line naming the entry line and the photo.

No traceback, a non-zero exit, and the originals byte-identical afterwards.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from conftest import run_mkdocs, run_travelog
from photo_helpers import journal_without_photos, make_jpeg, tree_hashes
from PIL import Image

from travelog.errors import TravelogError
from travelog.photos.captions import load_sidecar

ENTRY = "docs/posts/park-cameras.md"


def _png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG that claims width x height pixels (a decompression bomb) with almost no data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * 1024)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data))


def _make_bad(folder: Path) -> None:
    good = make_jpeg(folder / "good.jpg", (800, 600))
    data = good.read_bytes()
    (folder / "truncated.jpg").write_bytes(data[: len(data) // 2])
    (folder / "corrupt.jpg").write_bytes(data[:200] + bytes(range(256)) * 40)
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "notes.jpg").write_text("Remember to buy tea.\n", encoding="utf-8")
    _png_header_only(folder / "bomb.png", 30000, 30000)
    Image.new("RGB", (10, 10)).save(folder / "old.bmp")
    good.unlink()


CASES = {
    "truncated": ("![Broken](photos/bad/truncated.jpg)", "photos/bad/truncated.jpg", "truncated"),
    "corrupt": ("![Broken](photos/bad/corrupt.jpg)", "photos/bad/corrupt.jpg", "corrupt"),
    "zero bytes": ("![Empty](photos/bad/empty.jpg)", "photos/bad/empty.jpg", "is empty"),
    "text as jpg": ("![Notes](photos/bad/notes.jpg)", "photos/bad/notes.jpg", "not a photo"),
    "bomb": ("![Bomb](photos/bad/bomb.png)", "photos/bad/bomb.png", "megapixels"),
    "missing": ("![Gone](photos/bad/missing.jpg)", "photos/bad/missing.jpg", "not found"),
    "leaves photos": ("![Out](photos/../mkdocs.yml)", "photos/../mkdocs.yml", "leaves photos/"),
    "unsupported": ("![Bitmap](photos/bad/old.bmp)", "photos/bad/old.bmp", "unsupported format"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = journal_without_photos(tmp_path_factory.mktemp("bad"))
    _make_bad(project / "photos" / "bad")
    return project


def _with_line(project: Path, line: str) -> int:
    entry = project / ENTRY
    lines = entry.read_text(encoding="utf-8").splitlines()
    lines = [text for text in lines if "photos/" not in text] + ["", line]
    entry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_photo_gives_one_line_naming_entry_and_photo(project: Path, case: str):
    markdown, photo, reason = CASES[case]
    line = _with_line(project, markdown)
    before = tree_hashes(project / "photos")
    result = run_travelog("build", cwd=project)
    assert result.returncode != 0
    output = result.stderr.strip()
    assert "Traceback" not in output
    assert len(output.splitlines()) == 1, output
    assert output.startswith(f"travelog: error: {ENTRY}:{line}: "), output
    assert photo in output and reason in output, output
    assert tree_hashes(project / "photos") == before


def test_mkdocs_alone_reports_bad_photo_without_traceback(project: Path):
    line = _with_line(project, CASES["truncated"][0])
    before = tree_hashes(project / "photos")
    result = run_mkdocs("build", "-q", cwd=project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert f"{ENTRY}:{line}: photo photos/bad/truncated.jpg cannot be decoded" in result.stderr
    assert tree_hashes(project / "photos") == before


@pytest.mark.e2e
def test_missing_alt_text_fails_a_strict_build_only(project: Path):
    make_jpeg(project / "photos" / "plain" / "no-alt.jpg", (640, 480))
    line = _with_line(project, "![](photos/plain/no-alt.jpg)")
    strict = run_travelog("build", "--strict", cwd=project)
    assert strict.returncode != 0
    assert strict.stderr.strip() == (
        f"travelog: error: {ENTRY}:{line}: photo photos/plain/no-alt.jpg has no alt text; "
        "write ![what it shows](...) or add alt: to photos/plain/captions.yml"
    )
    assert run_travelog("build", cwd=project).returncode == 0


def test_a_focus_point_that_is_not_two_percentages_is_refused(tmp_path: Path):
    folder = tmp_path / "trip"
    folder.mkdir()
    (folder / "captions.yml").write_text(
        'a.jpg:\n  alt: "A bowl"\n  focus: 30% 60%\nb.jpg:\n  focus: left top\n', encoding="utf-8"
    )
    with pytest.raises(TravelogError) as refused:
        load_sidecar(folder)
    message = str(refused.value)
    assert "b.jpg.focus" in message and "30% 60%" in message and ":5" in message
