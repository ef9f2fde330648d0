"""On a page that holds the whole day, each diagram is drawn when the reader reaches it.

The whole-day page is every session on one page, for printing: its eleven
diagrams were 594 KB of its 1 MB of HTML (136 of its 220 KB gzipped) and
3,500 of its elements. On a phone's connection the browser could not paint
before all of it had arrived, and Lighthouse put the page at 83 of 100 on a
phone where the same page without the diagrams' SVG in it scored 91
(DECISIONS.md, "Reach"). Here each diagram is written to a file of its own
(``assets/diagrams/<hash>.svg``, the same SVG the session page holds) and the
page keeps a box of the diagram's size with its title and description;
``diagrams.js`` draws it into the box when the reader comes within a screen
of it, fetches the rest when the browser is idle, and draws every one before
printing. Without JavaScript the box shows the title and description, and
each session section links to its session page, where the diagram is drawn.
The offline (file://) copy keeps the diagrams in the page: a browser does not
fetch files from file:// for a page.

:func:`holds_the_whole_day`, :func:`placeholder` and :func:`svg_path` are the
pure functions the build (``curriculum.hooks``) and the tests use.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from curriculum.scanner import scan

#: Where the diagrams' files go in the built site.
DIAGRAM_DIR = "assets/diagrams"

_VIEWBOX = re.compile(r'<svg\b[^>]*?\bviewBox="[-\d.e]+\s+[-\d.e]+\s+([\d.e]+)\s+([\d.e]+)"')
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.DOTALL)
_DESC = re.compile(r"<desc\b[^>]*>(.*?)</desc>", re.DOTALL)


def svg_path(svg: str) -> str:
    """The diagram's file in the built site, named by its content (a change is a new name)."""
    return f"{DIAGRAM_DIR}/{hashlib.sha256(svg.encode('utf-8')).hexdigest()[:16]}.svg"


def _text(pattern: re.Pattern[str], svg: str) -> str:
    match = pattern.search(svg)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).split()) if match else ""


def placeholder(svg: str, attrs: str, url: str) -> str:
    """A box of the diagram's own size that ``diagrams.js`` draws ``url`` into.

    ``attrs`` are the fence's (its ``mermaid`` class, any id), so styles and
    the "Open full size" button treat it as the diagram it becomes. Until it
    is drawn, the box is an image named by the diagram's title and
    description, which it also shows as text when there is no JavaScript.
    """
    size = _VIEWBOX.search(svg)
    width, height = (float(size.group(1)), float(size.group(2))) if size else (16.0, 9.0)
    title, desc = _text(_TITLE, svg), _text(_DESC, svg)
    words = ". ".join(part.rstrip(".") for part in (title, desc) if part) + "." if (title or desc) else "A diagram."
    label = html.escape(words, quote=True)
    # Sized as the SVG is drawn: as wide as the column up to its own width, in its proportions, and
    # inline (so the line's descender below it is the same): nothing moves when it is drawn.
    style = f"max-width: {width:.4f}px; aspect-ratio: {width:.4f} / {height:.4f}"
    return (
        f'<div{attrs} data-cur-diagram="{html.escape(url, quote=True)}" role="img" aria-label="{label}">'
        f'<span class="cur-diagram-later" style="{style}">Diagram: {html.escape(words)}</span></div>'
    )


def holds_the_whole_day(markdown: str) -> bool:
    """True for a page with the ``cur:whole-day`` marker: its diagrams are drawn on demand."""
    return any(marker.name == "whole-day" for marker in scan(markdown.splitlines()).markers)


def write_files(site_dir: Path, files: dict[str, str]) -> None:
    """Write each diagram drawn on demand (site path -> SVG) into the built site."""
    for path, svg in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(svg, encoding="utf-8")
