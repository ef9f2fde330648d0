"""Images in the text load when the reader reaches them, in a box of their own size.

A page's images used to load with the page: the facilitator guide's three
screenshots (280 KB) were fetched before its first paragraph was painted,
and on a phone's connection that pushed the page's largest paint back by
more than a second (DECISIONS.md, "Reach"). Every ``<img>`` in a page's
content gets ``loading="lazy"`` and ``decoding="async"``, and a local PNG or
JPEG its ``width`` and ``height`` read from the file, so the browser keeps
the room for it and nothing moves when it arrives. Attributes a page sets
itself (``{ loading=eager }`` after the image in Markdown) are kept.

Registered in mkdocs.yml under ``hooks:`` (``on_page_content``);
:func:`size_of` and :func:`lazy_images` are the pure functions the tests call.
"""

from __future__ import annotations

import posixpath
import re
import struct
from pathlib import Path
from typing import Any

_IMG = re.compile(r"<img\b[^>]*>")
_SRC = re.compile(r'\bsrc="([^"]*)"')
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def size_of(path: Path) -> tuple[int, int] | None:
    """A PNG's or JPEG's (width, height) in pixels from its header, or None."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(_PNG) and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data.startswith(b"\xff\xd8"):
        at = 2
        while at + 9 < len(data) and data[at] == 0xFF:
            marker, length = data[at + 1], struct.unpack(">H", data[at + 2 : at + 4])[0]
            if marker in _JPEG_FRAMES:
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return width, height
            at += 2 + length
    return None


def lazy_images(html: str, resolve: Any) -> str:
    """``html`` with each ``<img>`` lazy, asynchronous and sized; ``resolve(src)`` gives a file or None."""

    def fix(match: re.Match[str]) -> str:
        tag = match.group(0)
        extra = []
        if " loading=" not in tag:
            extra.append('loading="lazy"')
        if " decoding=" not in tag:
            extra.append('decoding="async"')
        src = _SRC.search(tag)
        if src and " width=" not in tag and " height=" not in tag:
            path = resolve(src.group(1))
            size = size_of(path) if path else None
            if size:
                extra.append(f'width="{size[0]}" height="{size[1]}"')
        if not extra:
            return tag
        closing = " />" if tag.endswith("/>") else ">"
        return tag[: -len(closing.strip())].rstrip() + " " + " ".join(extra) + closing

    return _IMG.sub(fix, html)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """MkDocs hook: the page's images made lazy and sized."""
    docs = Path(config["docs_dir"])
    here = posixpath.dirname(page.url.rstrip("/")) if not page.url.endswith("/") else page.url.rstrip("/")

    def resolve(src: str) -> Path | None:
        if "://" in src or src.startswith(("data:", "/", "//")):
            return None
        return docs / posixpath.normpath(posixpath.join(here, src.split("#")[0].split("?")[0]))

    return lazy_images(html, resolve)
