"""Images (I1xx): every image has alt text, or is marked decorative.

Decorative images are marked in Markdown with an attribute list:
``![](assets/rule.svg){ role=presentation }`` (``data-decorative`` works too).
Only those may have an empty ``alt``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..findings import Finding
from ..site import Site
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Images"

RULES = (
    Rule(
        "I101",
        "image-alt-missing",
        "an image has no alt attribute",
        "write ![what the image shows](path), or mark it decorative: ![](path){ role=presentation }",
        "screen readers read the file name of an image without alt text",
    ),
    Rule(
        "I102",
        "image-alt-empty",
        "an image has an empty alt but is not marked decorative",
        "describe the image in the brackets, or add { role=presentation } if it carries no information",
        "an empty alt hides an informative image from screen-reader users",
    ),
)
NO_ALT, EMPTY_ALT = RULES


def check(site: Site) -> Iterable[Finding]:
    for rel, page in site.built.items():
        doc = site.docs[rel]
        seen: dict[str, int] = {}
        for image in page.images:
            nth = seen.get(image.src, 0)
            seen[image.src] = nth + 1
            if image.alt is not None and (image.alt.strip() or image.decorative):
                continue
            line, col = doc.locate([image.src, posixpath.basename(image.src)], nth, site.generated_line(rel))
            if image.alt is None:
                yield NO_ALT.at(site.display(rel), line, col, f"image '{image.src}' has no alt text")
            else:
                yield EMPTY_ALT.at(site.display(rel), line, col, f"image '{image.src}' has empty alt text and is not marked decorative")
