"""Images in the text load lazily, in a box of their own size (scripts/curriculum/content_images.py)."""

from __future__ import annotations

import struct
from pathlib import Path

from curriculum.content_images import lazy_images, size_of
from sitebuild import ROOT

SCREENSHOT = ROOT / "docs" / "assets" / "images" / "presenter-view.png"


def test_sizes_come_from_the_png_and_jpeg_headers(tmp_path: Path) -> None:
    assert size_of(SCREENSHOT) == (1280, 800)
    jpeg = tmp_path / "x.jpg"
    # SOI, an APP0 segment to skip, then a baseline frame header: 8-bit, 300 high, 400 wide.
    jpeg.write_bytes(
        b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 4) + b"\x00\x00" + b"\xff\xc0" + struct.pack(">HBHH", 11, 8, 300, 400) + b"\x00" * 6
    )
    assert size_of(jpeg) == (400, 300)
    (tmp_path / "x.txt").write_text("not an image")
    assert size_of(tmp_path / "x.txt") is None
    assert size_of(tmp_path / "missing.png") is None


def test_every_image_is_lazy_and_a_local_one_is_sized() -> None:
    html = '<p><img alt="a" src="../a.png"></p><img src="https://example.org/b.png" alt="b" />'
    out = lazy_images(html, lambda src: SCREENSHOT if src == "../a.png" else None)
    assert '<img alt="a" src="../a.png" loading="lazy" decoding="async" width="1280" height="800">' in out
    assert '<img src="https://example.org/b.png" alt="b" loading="lazy" decoding="async" />' in out


def test_what_a_page_sets_itself_is_kept() -> None:
    html = '<img src="a.png" alt="" loading="eager" width="10" height="5">'
    assert lazy_images(html, lambda src: SCREENSHOT) == '<img src="a.png" alt="" loading="eager" width="10" height="5" decoding="async">'


def test_the_built_guide_loads_its_screenshots_lazily(site) -> None:
    html = (site.root / "facilitators" / "guide" / "index.html").read_text(encoding="utf-8")
    assert html.count('loading="lazy"') >= 3
    assert 'presenter-view.png" loading="lazy" decoding="async" width="1280" height="800"' in html
