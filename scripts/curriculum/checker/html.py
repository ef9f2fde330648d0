"""Reading a built page: only its article (the Markdown's HTML), parsed once.

The theme's navigation grows with the site on every page; the checker reads
only ``<article class="md-content__inner">`` so its time grows with the
content, not with pages x navigation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


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


def article_of(html: str) -> str | None:
    start = html.find('<article class="md-content__inner')
    if start == -1:
        return None
    end = html.find("</article>", start)
    return html[start : end if end != -1 else len(html)]


def is_decorative(attrs: dict[str, str | None]) -> bool:
    """The documented marker of a decorative image: ``{ role=presentation }``
    (or ``data-decorative``) in the Markdown's attribute list."""
    return attrs.get("role") in ("presentation", "none") or "data-decorative" in attrs or attrs.get("aria-hidden") == "true"


class _Parser(HTMLParser):
    def __init__(self, page: BuiltPage) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.heading: Heading | None = None
        self.heading_text: list[str] = []
        self.link: Link | None = None
        self.link_text: list[str] = []
        self.skip_depth = 0  # inside a heading's permalink

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        ident = attrs.get("id")
        if ident:
            self.page.ids.add(ident)
        if tag == "a":
            if attrs.get("name"):
                self.page.ids.add(attrs["name"] or "")
            classes = (attrs.get("class") or "").split()
            if "headerlink" in classes:
                self.skip_depth = 1
                return
            if "md-content__button" in classes or "data-check-skip" in attrs:
                return  # the theme's edit button; a file the deploy adds (documented opt-out)
            if attrs.get("href") is not None:
                self.link = Link(attrs["href"] or "", "", attrs.get("rel") or "")
                self.link_text = []
        elif tag in HEADINGS:
            self.heading = Heading(HEADINGS[tag], "", ident or "")
            self.heading_text = []
        elif tag == "img":
            alt = attrs.get("alt")
            self.page.images.append(Image(attrs.get("src") or "", alt, is_decorative(attrs)))
            if self.link is not None and alt:
                self.link_text.append(alt)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            if self.skip_depth:
                self.skip_depth = 0
                return
            if self.link is not None:
                self.link.text = " ".join("".join(self.link_text).split())
                self.page.links.append(self.link)
                self.link = None
        elif tag in HEADINGS and self.heading is not None:
            self.heading.text = " ".join("".join(self.heading_text).split())
            self.page.headings.append(self.heading)
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.heading is not None:
            self.heading_text.append(data)
        if self.link is not None:
            self.link_text.append(data)


def parse_page(html: str) -> BuiltPage:
    page = BuiltPage()
    article = article_of(html)
    if article is None:
        page.found_article = False
        return page
    parser = _Parser(page)
    parser.feed(article)
    parser.close()
    return page
