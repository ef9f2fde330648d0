"""Reading a built page: only its article (the Markdown's HTML), scanned once.

The theme's navigation grows with the site on every page; the checker reads
only ``<article class="md-content__inner">`` so its time grows with the
content, not with pages x navigation. The article is MkDocs' own serialised
HTML (quoted attributes, escaped code), so a few regular expressions read it
several times faster than a general HTML parser; they collect ids, headings,
links and images, each in document order.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

ARTICLE_START = '<article class="md-content__inner'

ID = re.compile(r"""<[a-zA-Z][\w-]*\s[^>]*?\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
HEADING = re.compile(r"<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.DOTALL | re.IGNORECASE)
LINK = re.compile(r"<a(\s[^>]*)?>(.*?)</a\s*>", re.DOTALL | re.IGNORECASE)
IMAGE = re.compile(r"<img(\s[^>]*?)?/?>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")
TAG = re.compile(r"<[^>]*>")
HEADERLINK = re.compile(r"""<a\s[^>]*class=["'][^"']*\bheaderlink\b.*?</a\s*>""", re.DOTALL | re.IGNORECASE)


@dataclass
class Link:
    href: str
    text: str
    rel: str = ""


@dataclass
class Image:
    src: str
    alt: str | None
    decorative: bool


@dataclass
class Heading:
    level: int
    text: str
    id: str = ""


@dataclass
class BuiltPage:
    ids: set[str] = field(default_factory=set)
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    found_article: bool = True
    size: int = 0  # characters of the article


def article_of(page_html: str) -> str | None:
    start = page_html.find(ARTICLE_START)
    if start == -1:
        return None
    end = page_html.find("</article>", start)
    return page_html[start : end if end != -1 else len(page_html)]


def attributes(text: str | None) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for match in ATTRIBUTE.finditer(text or ""):
        name = match.group(1).lower()
        value = match.group(2) if match.group(2) is not None else match.group(3) if match.group(3) is not None else match.group(4)
        found.setdefault(name, html.unescape(value) if value is not None else None)
    return found


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(TAG.sub("", fragment)).split())


def is_decorative(attrs: dict[str, str | None]) -> bool:
    """The documented marker of a decorative image: ``{ role=presentation }``
    (or ``data-decorative``) in the Markdown's attribute list."""
    return attrs.get("role") in ("presentation", "none") or "data-decorative" in attrs or attrs.get("aria-hidden") == "true"


def parse_page(page_html: str) -> BuiltPage:
    page = BuiltPage()
    article = article_of(page_html)
    if article is None:
        page.found_article = False
        return page
    page.size = len(article)
    page.ids = {html.unescape(a if a is not None else b) for a, b in ID.findall(article)}
    for level, attrs, inner in HEADING.findall(article):
        page.headings.append(Heading(int(level), text_of(HEADERLINK.sub("", inner)), attributes(attrs).get("id") or ""))
    for match in LINK.finditer(article):
        attrs = attributes(match.group(1))
        classes = (attrs.get("class") or "").split()
        if attrs.get("href") is None or "headerlink" in classes or "md-content__button" in classes or "data-check-skip" in attrs:
            continue  # permalinks, the theme's edit button, files the deploy adds (documented opt-out)
        inner = match.group(2)
        text = text_of(inner)
        if not text and "<img" in inner:
            text = " ".join(alt for image in IMAGE.finditer(inner) if (alt := attributes(image.group(1)).get("alt")))
        page.links.append(Link(attrs["href"] or "", text, attrs.get("rel") or ""))
    for match in IMAGE.finditer(article):
        attrs = attributes(match.group(1))
        page.images.append(Image(attrs.get("src") or "", attrs.get("alt"), is_decorative(attrs)))
    return page
