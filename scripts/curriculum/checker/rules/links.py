"""Links (L1xx), read from the built HTML and located in the Markdown source.

The built page is what readers click, so links are resolved there: a target
file must exist in the built site and a fragment must be an id on the target
page. Each finding points at the source line of the link.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from ..findings import WARNING, Finding
from ..site import Site, page_url
from .base import Rule

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "Links"

RULES = (
    Rule(
        "L101",
        "link-missing-page",
        "a link points at a page that does not exist",
        "fix the path: links name the .md file, relative to the page",
        "a reader who follows the link lands on a 404",
    ),
    Rule(
        "L102",
        "anchor-missing-here",
        "a link to '#anchor' on the same page names no heading or id of the page",
        "use a heading's id (lowercase words joined by '-'), as shown by its permalink",
        "the link scrolls nowhere and the reader loses their place",
    ),
    Rule(
        "L103",
        "anchor-missing-there",
        "a link to 'page.md#anchor' names no heading or id of that page",
        "open the target page and copy the heading's permalink",
        "the link opens the page but not the section the author meant",
    ),
    Rule(
        "L104",
        "file-missing",
        "a link or image points at a file that does not exist",
        "add the file under docs/ or fix the path",
        "the reader gets a 404 or a broken image",
    ),
    Rule(
        "L105",
        "link-text-vague",
        "a link's text says nothing out of context ('here', 'click here', 'read more', 'this', 'link', 'more')",
        "make the link text name its target, e.g. 'the Day 2 agenda'",
        "screen-reader users list links out of context; 'here' says nothing there",
    ),
    Rule(
        "L106",
        "link-http",
        "an external link uses http: (https: exists or is likely)",
        "use https://",
        "http: links are open to tampering and many browsers warn on them",
        WARNING,
    ),
    Rule(
        "L107",
        "link-unrecognized",
        "an absolute or unrecognised link that MkDocs left as written",
        "link to the .md file with a relative path",
        "an absolute link breaks when the site is served from a sub-folder or offline",
    ),
)
MISSING_PAGE, ANCHOR_HERE, ANCHOR_THERE, MISSING_FILE, VAGUE, HTTP, UNRECOGNIZED = RULES

#: Link texts that say nothing about their target (compared case-insensitively).
VAGUE_TEXTS = frozenset({"here", "click here", "link", "read more", "this", "more", "this link", "this page", "click", "go"})
PAGE_SUFFIXES = ("", ".md", ".html", ".htm")
LOOPBACK = re.compile(r"^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$")


def _needles(rel: str, href: str, text: str, target_rel: str | None, fragment: str) -> list[str]:
    needles = [f"]({href}", href]
    if target_rel:
        relative = posixpath.relpath(target_rel, posixpath.dirname(rel) or ".")
        needles += [f"{relative}#{fragment}" if fragment else f"]({relative}", relative]
    if fragment:
        needles.append("#" + fragment)
    if text:
        needles += [f"[{text}]", text]
    return needles


def external_links(site: Site) -> list[tuple[str, str, str]]:
    """(page rel, href, text) of every http(s) link in the built articles."""
    found = []
    for rel, page in site.built.items():
        for link in page.links:
            if link.href.startswith(("http://", "https://")) and "edit" not in link.rel.split():
                found.append((rel, link.href, link.text))
    return found


def check(site: Site) -> Iterable[Finding]:
    if not site.site_dir:
        return
    site_dir = site.site_dir
    kinds: dict[str, str] = {}  # built path -> "file", "dir" or "" (missing)

    def kind(target: str) -> str:
        if target not in kinds:
            path = site_dir / target
            kinds[target] = "file" if path.is_file() else "dir" if path.is_dir() else ""
        return kinds[target]

    for rel, page in site.built.items():
        doc = site.docs[rel]
        path = site.display(rel)
        base = posixpath.dirname(page_url(rel, site.directory_urls))
        seen: dict[str, int] = {}
        fallback = site.generated_line(rel)
        for link in page.links:
            href = link.href
            nth = seen.get(href, 0)
            seen[href] = nth + 1
            site.counts["links"] += 1
            if link.text.strip().lower().strip(".:!") in VAGUE_TEXTS:
                line, col = doc.locate([f"[{link.text}]", link.text], nth, fallback)
                yield VAGUE.at(path, line, col, f"link text '{link.text}' does not say where the link goes")
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto", "tel", "data") or parts.netloc:
                if parts.scheme == "http" and not site.external and not LOOPBACK.match(parts.netloc):
                    line, col = doc.locate(_needles(rel, href, link.text, None, ""), nth, fallback)
                    yield HTTP.at(
                        path,
                        line,
                        col,
                        f"link uses http: '{href}'",
                        "use https:// (run with --external to check the https: version answers)",
                    )
                continue
            if parts.scheme:
                continue
            fragment = unquote(parts.fragment)
            if not parts.path:
                if fragment and fragment not in page.ids:
                    line, col = doc.locate(_needles(rel, href, link.text, None, fragment), nth, fallback)
                    yield ANCHOR_HERE.at(path, line, col, f"link to '#{fragment}': no heading or id '{fragment}' on this page")
                continue
            if parts.path.startswith("/"):
                line, col = doc.locate(_needles(rel, href, link.text, None, ""), nth, fallback)
                yield UNRECOGNIZED.at(path, line, col, f"absolute link '{href}' breaks when the site is served from a sub-folder")
                continue
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if target.startswith(".."):
                line, col = doc.locate(_needles(rel, href, link.text, None, ""), nth, fallback)
                yield MISSING_FILE.at(path, line, col, f"link '{href}' leaves the site")
                continue
            if kind(target) == "dir":
                target = posixpath.join(target, "index.html")
            if kind(target) != "file":
                suffix = posixpath.splitext(parts.path)[1].lower()
                line, col = doc.locate(_needles(rel, href, link.text, None, ""), nth, fallback)
                if suffix in PAGE_SUFFIXES:
                    yield MISSING_PAGE.at(path, line, col, f"link to '{unquote(parts.path)}': no such page")
                else:
                    yield MISSING_FILE.at(path, line, col, f"link to '{unquote(parts.path)}': no such file")
                continue
            target_rel = site.url_to_rel.get(target)
            if fragment and target_rel is not None and target_rel in site.built:
                if fragment not in site.built[target_rel].ids:
                    line, col = doc.locate(_needles(rel, href, link.text, target_rel, fragment), nth, fallback)
                    yield ANCHOR_THERE.at(
                        path, line, col, f"link to '{target_rel}#{fragment}': that page has no heading or id '{fragment}'"
                    )
        seen_src: dict[str, int] = {}
        for image in page.images:
            nth = seen_src.get(image.src, 0)
            seen_src[image.src] = nth + 1
            site.counts["links"] += 1
            parts = urlsplit(image.src)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if kind(target) != "file":
                line, col = doc.locate([image.src, posixpath.basename(image.src)], nth, fallback)
                yield MISSING_FILE.at(path, line, col, f"image '{image.src}': no such file")
