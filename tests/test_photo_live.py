"""The live preview: a real ``mkdocs serve`` redoes only the photo that changed, and never
serves a variant of a photo that is gone.

Each test serves its own copy of the example journal, which starts from the session's warm
photo cache, so the first build encodes nothing and every encoding seen afterwards is one the
preview did because of the test's change.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from conftest import copy_journal, wait_until
from photo_helpers import LiveServer, http_get, mkdocs_serve
from PIL import Image

ENTRY = Path("docs/posts/park-cameras.md")
PAGE = "2024/09/park-cameras/"
FOLDER = Path("photos/park-cameras")
CACHE = Path(".travelog-cache/photos")
_VARIANT = re.compile(
    r"/assets/photos/park-cameras/(?P<stem>[a-z0-9-]+?)-[0-9a-f]{10}-(?P<width>\d+)"
    r"\.(?:avif|webp|jpg|png)"
)
_ANY_VARIANT = re.compile(r"/assets/photos/[^\"' ]+?-[0-9a-f]{10}-\d+\.(?:avif|webp|jpg|png)")
BLUE = (30, 90, 200)
# An entry's own figures, not those of the entries it links to at its end.
OWN = ":not(.travelog-prevnext *, .travelog-related *)"

pytestmark = pytest.mark.e2e


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return copy_journal(tmp_path / "journal")


def _page_photos(server: LiveServer) -> dict[str, set[str]]:
    """Photo name -> the variant URLs the served entry page uses for it."""
    status, body = http_get(server.url + PAGE)
    assert status == 200, status
    photos: dict[str, set[str]] = {}
    for match in _VARIANT.finditer(body.decode("utf-8")):
        photos.setdefault(match["stem"], set()).add(match[0])
    return photos


def _objects(project: Path) -> dict[str, tuple[int, int]]:
    """Cache object folder -> (inode, mtime) of its files: any re-encoding changes it."""
    folders = {}
    for folder in (project / CACHE / "objects").iterdir():
        files = sorted(folder.iterdir())
        assert files, folder
        folders[folder.name] = tuple((f.stat().st_ino, f.stat().st_mtime_ns) for f in files)
    return folders


def _manifest_keys(project: Path) -> dict[str, str]:
    data = json.loads((project / CACHE / "manifest.json").read_text(encoding="utf-8"))
    return {path: item["key"] for path, item in data["photos"].items()}


def _served_image(server: LiveServer, url: str) -> Image.Image:
    status, body = http_get(server.url + url.lstrip("/"))
    assert status == 200, (url, status)
    with Image.open(io.BytesIO(body)) as image:
        image.load()
        return image


def _assert_gone(server: LiveServer, urls: set[str]) -> None:
    for url in sorted(urls):
        assert http_get(server.url + url.lstrip("/"))[0] == 404, url


def test_changing_one_photo_re_encodes_only_that_photo(journal: Path, tmp_path: Path):
    cached = _objects(journal)
    with mkdocs_serve(journal, tmp_path / "serve.log") as server:
        before = _page_photos(server)
        assert set(before) == {"cameras-gate", "cameras-lawn", "calligraphy"}
        assert _objects(journal) == cached, "the first build re-encoded cached photos"
        keys = _manifest_keys(journal)
        epoch = server.epoch()

        # Edit the photo the way an editor saves it: a new file renamed over the old one.
        edited = tmp_path / "calligraphy.jpg"
        Image.new("RGB", (1000, 750), BLUE).save(edited, quality=90)
        os.replace(edited, journal / FOLDER / "calligraphy.jpg")
        server.rebuilt_since(epoch)

        # The preview derives it in the background; the page shows it once it has arrived.
        after = wait_until(
            lambda: photos if "calligraphy" in (photos := _page_photos(server)) else None,
            "the new photo to arrive on the page",
        )
        assert after["cameras-gate"] == before["cameras-gate"]
        assert after["cameras-lawn"] == before["cameras-lawn"]
        assert after["calligraphy"].isdisjoint(before["calligraphy"])
        new_keys = _manifest_keys(journal)
        changed = {path for path in keys if new_keys[path] != keys[path]}
        assert changed == {"park-cameras/calligraphy.jpg"}
        objects = _objects(journal)
        replaced = keys["park-cameras/calligraphy.jpg"]
        added = new_keys["park-cameras/calligraphy.jpg"]
        assert set(objects) == set(cached) - {replaced} | {added}
        assert {key: objects[key] for key in cached if key != replaced} == {
            key: stamp for key, stamp in cached.items() if key != replaced
        }, "a photo that did not change was encoded again"

        widths = {int(m["width"]) for m in map(_VARIANT.fullmatch, after["calligraphy"])}
        assert widths == {400, 800, 1000}  # the new original is 1000 wide: never enlarged
        for url in after["calligraphy"]:
            image = _served_image(server, url)
            centre = image.convert("RGB").getpixel((image.width // 2, image.height // 2))
            assert max(abs(a - b) for a, b in zip(centre, BLUE, strict=True)) <= 8, (url, centre)
        _assert_gone(server, before["calligraphy"])
    assert "Traceback" not in server.output()


def test_a_removed_photo_is_reported_then_never_served_stale(journal: Path, tmp_path: Path):
    with mkdocs_serve(journal, tmp_path / "serve.log") as server:
        before = _page_photos(server)
        lawn = "park-cameras/cameras-lawn.jpg"
        lawn_key = _manifest_keys(journal)[lawn]
        epoch = server.epoch()

        # The photo goes while the entry still shows it: one clear line in the server log.
        (journal / FOLDER / "cameras-lawn.jpg").unlink()
        error = wait_until(
            lambda: next(
                (line for line in server.output().splitlines() if "cameras-lawn.jpg" in line),
                None,
            ),
            "the missing photo to be reported",
            process=server.process,
            output=server.output,
        )
        assert "park-cameras.md:21:" in error and "not found" in error, error

        # The writer removes its line: the preview recovers without the photo.
        entry = journal / ENTRY
        lines = entry.read_text(encoding="utf-8").splitlines(keepends=True)
        entry.write_text("".join(line for line in lines if "cameras-lawn" not in line))
        server.rebuilt_since(epoch)

        after = _page_photos(server)
        assert set(after) == {"cameras-gate", "calligraphy"}
        assert after["cameras-gate"] == before["cameras-gate"]
        assert after["calligraphy"] == before["calligraphy"]
        _assert_gone(server, before["cameras-lawn"])
        assert lawn not in _manifest_keys(journal)
        assert not (journal / CACHE / "objects" / lawn_key).exists()
    assert "Traceback" not in server.output()


def test_an_underived_journal_is_served_at_once_and_its_photos_arrive(tmp_path: Path, page):
    project = copy_journal(tmp_path / "journal", warm_photos=False)
    assert not (project / CACHE).exists()
    # The square-dancing entry's photos are the last of the journal's to be derived.
    entry = "2025/01/square-dancing/"
    with mkdocs_serve(project, tmp_path / "serve.log") as server:
        page.goto(server.url + entry)
        pending = page.locator(f"figure.travelog-photo--pending{OWN} img")
        assert pending.count() >= 1, "the page waited for its photos"
        for number in range(pending.count()):
            assert pending.nth(number).get_attribute("src").startswith("data:image/svg+xml,")
        assert page.locator(f"figure.travelog-photo{OWN} figcaption").count() == 4
        before = _image_boxes(page)

        # Nobody reloads: the preview does, as the photos arrive.
        page.wait_for_function(
            "() => { const images = [...document.querySelectorAll("
            f"'figure.travelog-photo{OWN} img')]; return images.length === 4"
            f" && !document.querySelector('figure.travelog-photo--pending{OWN}')"
            " && images.every(img => img.complete && img.naturalWidth > 0"
            " && !img.src.startsWith('data:')); }",
            timeout=180_000,
        )
        after = _image_boxes(page)
        assert len(before) == len(after) == 4
        for old, new in zip(before, after, strict=True):  # placeholders of the right size
            assert abs(old[0] - new[0]) <= 1 and abs(old[1] - new[1]) <= 1, (before, after)
        assert page.locator(f"figure.travelog-photo{OWN} img").count() == 4
        variants = set(_ANY_VARIANT.findall(http_get(server.url + entry)[1].decode("utf-8")))
        assert len(variants) >= 4 * 3
        for url in sorted(variants):
            _served_image(server, url)
        progress = [line for line in server.output().splitlines() if "ready (" in line]
        assert progress and "16 of 16 ready" in progress[-1], server.output()
    assert "Traceback" not in server.output()


def _image_boxes(page) -> list[tuple[float, float]]:
    images = page.locator(f"figure.travelog-photo{OWN} img")
    boxes = []
    for number in range(images.count()):
        box = images.nth(number).bounding_box()
        assert box is not None
        boxes.append((box["width"], box["height"]))
    return boxes
