"""What a diagram's source asks the reader's browser to load: images and icons.

Mermaid can draw a picture in a node (``A@{ img: "..." }``) or an ``<img>``
in an unquoted label, and icons from icon packs (``fa:fa-car`` in
flowcharts, ``::icon(fa fa-book)`` in mindmaps, ``@{ icon: "fa:user" }``,
``service db(logos:aws-rds)`` in architecture diagrams). On an air-gapped
site:

* an image on another host would make the reader's browser leave the site:
  :func:`references` reports it, as it does a local image that does not exist;
* a local image (a path relative to the page's Markdown file, or starting
  with ``/`` for the docs folder) is drawn into the SVG: :func:`inline_images`
  puts its bytes in the source as a ``data:`` URI before rendering;
* the site ships no icon pack, so Mermaid would draw nothing, or a "?" box:
  every icon reference is reported, naming the icon.

The scan reads the source Mermaid receives (labels protected by
:mod:`curriculum.mermaid_fence`, so an ``<img>`` inside a quoted label is
text, not an image). Lines are counted from the first line of the source.
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

#: ``img: "url"`` in a node's ``@{ ... }`` and ``<img src=url>`` in a label.
IMAGE = re.compile(
    r"""\bimg\s*:\s*(?P<q1>["']?)(?P<url1>[^"',}\s]+)(?P=q1)|<img\b[^>]*?\bsrc\s*=\s*(?P<q2>["']?)(?P<url2>[^"'\s>]+)(?P=q2)"""
)
#: Icon references: Font Awesome in labels, ``icon:`` in a node's ``@{ ... }``, mindmap ``::icon()``,
#: and ``pack:name`` icons of architecture diagrams (its five built-in icons have no pack).
ICON = re.compile(
    r"(?P<fa>\bfa[bsrlk]?:fa-[\w-]+)"
    r"|\bicon\s*:\s*[\"']?(?P<shape>[^\"',}\s]+)"
    r"|::icon\((?P<mindmap>[^)]*)\)"
    r"|^\s*(?:service|group|junction)\s+[\w-]+\s*\((?P<arch>[\w-]+:[\w-]+)\)"
)
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


@dataclass(frozen=True)
class Reference:
    """A problem with one image or icon reference; ``line`` counts from the source's first line (1)."""

    line: int
    kind: str  # "external-image", "missing-image" or "icon"
    target: str


def resolve(url: str, docs_dir: Path, page_rel: str) -> Path | None:
    """The file under ``docs_dir`` a local image URL names, or None when it is outside or absent."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    rel = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(page_rel), path)
    rel = posixpath.normpath(rel)
    if rel.startswith("../") or rel == "..":
        return None
    candidate = docs_dir / rel
    return candidate if candidate.is_file() else None


def _images(source: str) -> list[tuple[int, re.Match[str], str]]:
    found = []
    for number, line in enumerate(source.splitlines(), start=1):
        for match in IMAGE.finditer(line):
            found.append((number, match, match.group("url1") or match.group("url2")))
    return found


def first_image_line(source: str) -> int:
    """The line of the first image in ``source`` (1 when it has none)."""
    images = _images(source)
    return images[0][0] if images else 1


def references(source: str, docs_dir: Path, page_rel: str) -> list[Reference]:
    """Every image or icon in ``source`` the reader's browser could not be given offline."""
    problems = []
    for number, _, url in _images(source):
        if url.startswith("data:"):
            continue
        if EXTERNAL.match(url):
            problems.append(Reference(number, "external-image", url))
        elif resolve(url, docs_dir, page_rel) is None:
            problems.append(Reference(number, "missing-image", url))
    for number, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith(("accTitle", "accDescr", "%%")):
            continue  # prose about the diagram, not part of the drawing
        for match in ICON.finditer(line):
            icon = next(group for group in match.groups() if group)
            problems.append(Reference(number, "icon", icon.strip()))
    return problems


def inline_images(source: str, docs_dir: Path, page_rel: str) -> str:
    """``source`` with every local image replaced by a ``data:`` URI of its bytes (others left as written)."""
    lines = source.splitlines()
    for number, match, url in reversed(_images(source)):
        path = None if EXTERNAL.match(url) else resolve(url, docs_dir, page_rel)
        if path is None:
            continue
        kind = IMAGE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        data = f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
        group = "url1" if match.group("url1") else "url2"
        line = lines[number - 1]
        lines[number - 1] = line[: match.start(group)] + data + line[match.end(group) :]
    return "\n".join(lines)


def describe(reference: Reference) -> tuple[str, str]:
    """(message, fix) for one reference, for the build's log line and the checker's finding."""
    if reference.kind == "external-image":
        return (
            f"diagram image '{reference.target}' is on another host: the reader's browser would leave the site",
            "save the image under docs/assets/images/ and point at it with a path relative to the page",
        )
    if reference.kind == "unloadable-image":
        return (
            f"a diagram image could not be loaded or decoded (Mermaid: {reference.target})",
            "check the image file is a PNG, JPEG, GIF, WebP or SVG that opens in a browser",
        )
    if reference.kind == "missing-image":
        return (
            f"diagram image '{reference.target}' is not a file under docs/",
            "fix the path: relative to the page's Markdown file, or starting with '/' for the docs folder",
        )
    return (
        f"diagram icon '{reference.target}' cannot be drawn: the site ships no icon pack, so it would show as nothing or '?'",
        "remove it, or draw it as an image node (A@{ img: \"../assets/images/icon.svg\" }); see CONTRIBUTING, 'Diagrams'",
    )
