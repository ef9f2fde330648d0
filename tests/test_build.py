"""The real site: strict build, nothing loaded from another host, an edit link on
every page, and instant navigation kept off.

These tests read the site built once per session by the ``site`` fixture
(``mkdocs build --strict`` with ``site_url`` = the served origin).
"""

from __future__ import annotations

import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.config import load_config as mkdocs_load_config
from mkdocs.config.defaults import MkDocsConfig

from curriculum.building import built_pages
from sitebuild import ROOT

# --------------------------------------------------------------------------
# Strict build
# --------------------------------------------------------------------------


def test_strict_build_passes_without_warnings(site) -> None:
    assert site.build.returncode == 0, site.build.output
    assert not site.build.warnings, "\n".join(site.build.warnings)
    assert "WARNING" not in site.build.output, site.build.output
    assert (site.root / "index.html").is_file()


def test_real_config_is_strict_and_validates_links() -> None:
    config = load_config()
    assert config["strict"] is True
    # Each check at 'warn' (or above) + strict is a failed build (tests/test_broken_site.py proves it).
    levels = {f"{group}.{name}": level for group, checks in dict(config["validation"]).items() for name, level in dict(checks).items()}
    for check in (
        "nav.omitted_files",
        "nav.not_found",
        "links.not_found",
        "links.anchors",
        "links.absolute_links",
        "links.unrecognized_links",
    ):
        assert levels[check] >= logging.WARNING, f"validation {check} is {logging.getLevelName(levels[check])}"
    assert config["theme"]["font"] is False


# --------------------------------------------------------------------------
# Instant navigation stays off
# --------------------------------------------------------------------------


def load_config() -> MkDocsConfig:
    """The real mkdocs.yml as MkDocs itself reads it."""
    return mkdocs_load_config(str(ROOT / "mkdocs.yml"))


def test_instant_navigation_is_off_in_mkdocs_yml() -> None:
    """Deliberate (DECISIONS.md, "Mermaid rendering"): the site's own scripts
    (facilitator mode, presentation, progress, agenda) mount once per page
    load; instant navigation swaps pages without a load, and does nothing on
    file:// (the offline copy) anyway."""
    features = load_config()["theme"].get("features", [])
    assert not [f for f in features if f.startswith("navigation.instant")], features


def test_instant_navigation_is_off_in_the_built_pages(site) -> None:
    for html in site.root.rglob("*.html"):
        match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html.read_text(encoding="utf-8"))
        assert match, f"{html}: Material's __config is missing"
        features = json.loads(match.group(1))["features"]
        assert not [f for f in features if f.startswith("navigation.instant")], f"{html}: {features}"


# --------------------------------------------------------------------------
# Nothing loaded from another host
# --------------------------------------------------------------------------

#: Elements and attributes whose URL the browser fetches (or connects to) on its own.
LOADING_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
#: <link rel=...> values that are navigation metadata, not loads.
NON_LOADING_LINK_RELS = {"canonical", "next", "prev", "alternate", "author", "help", "license", "search", "me"}
XML_NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "http://www.w3.org/1999/xlink"}
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
ABSOLUTE_IN_SCRIPT = re.compile(r"""(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)]*""", re.IGNORECASE)


def css_urls(css: str) -> list[str]:
    return [next(g for g in m.groups() if g is not None) for m in (*CSS_URL.finditer(css), *CSS_IMPORT.finditer(css))]


class ResourceCollector(HTMLParser):
    """Every URL an HTML page makes the browser load, and every plain link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (where, url)
        self.links: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            (
                self.links.append(values.get("href", ""))
                if rels and rels <= NON_LOADING_LINK_RELS
                else self.loads.append((f"<link rel={values.get('rel')}>", values.get("href", "")))
            )
        elif tag in ("a", "area", "form"):
            self.links.append(values.get("href", values.get("action", "")))
        for name in LOADING_ATTRIBUTES.get(tag, ()):
            if name in values:
                for url in re.split(r",\s+", values[name]) if name == "srcset" else [values[name]]:
                    self.loads.append((f"<{tag} {name}>", url.strip().split(" ")[0]))
        if "style" in values:
            self.loads += [(f"<{tag} style>", url) for url in css_urls(values["style"])]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.loads.append(("<meta refresh>", values.get("content", "").partition("url=")[2]))
        if tag in ("style", "script") and "src" not in values and values.get("type", "") != "application/json":
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "style":
            self.loads += [("<style>", url) for url in css_urls(data)]
        elif self._in == "script":
            # Inline scripts: any absolute URL is suspect (fetch, import, a script tag built in JS),
            # except XML namespace names, which identify and never load (createElementNS).
            self.loads += [("<script> inline", url) for url in ABSOLUTE_IN_SCRIPT.findall(data) if url not in XML_NAMESPACES]


def third_party(url: str, origin: str) -> bool:
    """Whether loading ``url`` from a page of ``origin`` contacts another host."""
    url = url.strip()
    if not url or url.startswith(("data:", "blob:", "#", "about:")):
        return False
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc:
        return False  # relative: same origin
    return f"{parts.scheme or urlsplit(origin).scheme}://{parts.netloc}" != origin


def offending_loads(html: str, origin: str) -> list[tuple[str, str]]:
    collector = ResourceCollector()
    collector.feed(html)
    return [(where, url) for where, url in collector.loads if third_party(url, origin)]


def test_scanner_catches_third_party_loads_and_allows_links() -> None:
    """The scanner itself: it must flag real loads and leave hyperlinks alone."""
    origin = "http://127.0.0.1:8000"
    html = """
      <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="preconnect" href="https://fonts.gstatic.com">
      <link rel="canonical" href="http://127.0.0.1:8000/x/">
      <script src="https://unpkg.com/mermaid@11/dist/mermaid.min.js"></script>
      <script>var s = document.createElement('script'); s.src = '//www.googletagmanager.com/gtag/js';</script>
      <script>document.createElementNS("http://www.w3.org/2000/svg", "svg");</script>
      <img srcset="a.png 1x, https://cdn.example.com/b.png 2x">
      <div style="background: url('https://cdn.example.com/bg.png')"></div>
      <style>@import "https://cdn.example.com/x.css";</style>
      <svg xmlns="http://www.w3.org/2000/svg"><image href="http://127.0.0.1:8000/ok.png"/></svg>
      <a href="https://github.com/example-org/onboarding-curriculum">repository</a>
      <img src="../assets/images/local.png"><img src="data:image/png;base64,AAAA">
    """
    found = offending_loads(html, origin)
    assert sorted(url for _, url in found) == sorted(
        [
            "https://fonts.googleapis.com/css?family=Roboto",
            "https://fonts.gstatic.com",
            "https://unpkg.com/mermaid@11/dist/mermaid.min.js",
            "//www.googletagmanager.com/gtag/js",
            "https://cdn.example.com/b.png",
            "https://cdn.example.com/bg.png",
            "https://cdn.example.com/x.css",
        ]
    ), found
    assert css_urls("a{background:url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\")}") == [
        "data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>"
    ]


def test_no_built_html_or_css_loads_from_another_host(site) -> None:
    html_files = sorted(site.root.rglob("*.html"))
    css_files = sorted(site.root.rglob("*.css"))
    assert html_files and css_files
    problems = []
    for path in html_files:
        for where, url in offending_loads(path.read_text(encoding="utf-8"), site.origin):
            problems.append(f"{path.relative_to(site.root)}: {where} {url}")
    for path in css_files:
        for url in css_urls(path.read_text(encoding="utf-8")):
            if third_party(url, site.origin):
                problems.append(f"{path.relative_to(site.root)}: url()/@import {url}")
    assert not problems, "third-party resources:\n" + "\n".join(problems)


# --------------------------------------------------------------------------
# "Edit this page" on every page
# --------------------------------------------------------------------------


def source_of(html: Path, site_root: Path) -> Path:
    """The docs/ Markdown file a built page came from (use_directory_urls layout)."""
    rel = html.relative_to(site_root).parent.as_posix()
    candidates = ["index.md"] if rel == "." else [f"{rel}.md", f"{rel}/index.md"]
    found = [ROOT / "docs" / c for c in candidates if (ROOT / "docs" / c).is_file()]
    assert found, f"{html}: no source among {candidates}"
    return found[0]


class EditLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "a" and "edit" in values.get("rel", "").split():
            self.found.append(values)


def test_every_page_has_an_edit_this_page_link(site) -> None:
    config = load_config()
    edit_base = config["repo_url"].rstrip("/") + "/" + config["edit_uri"].strip("/") + "/"
    pages = built_pages(site.root)
    assert len(pages) >= 3
    for html in pages:
        name = html.relative_to(site.root)
        source = source_of(html, site.root).relative_to(ROOT / "docs").as_posix()
        parser = EditLinks()
        parser.feed(html.read_text(encoding="utf-8"))
        assert len(parser.found) == 1, f"{name}: expected one 'Edit this page' link, found {parser.found}"
        link = parser.found[0]
        assert link["href"] == edit_base + source, f"{name}: edit link {link['href']}"
        assert link.get("title") == "Edit this page", link


@pytest.mark.parametrize("feature", ["content.action.edit"])
def test_edit_feature_is_on(feature: str) -> None:
    assert feature in load_config()["theme"]["features"]


# --------------------------------------------------------------------------
# Navigation shows the days and sessions; headings have permalinks
# --------------------------------------------------------------------------


def test_navigation_lists_every_day_and_session(site) -> None:
    home = (site.root / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('class="md-nav md-nav--primary"') :]
    for source in sorted((ROOT / "docs").glob("day-*/*.md")):
        target = source.relative_to(ROOT / "docs").with_suffix("").as_posix()
        target = target.removesuffix("/index") + "/"
        assert f'href="{target}"' in nav, f"the navigation has no link to {target} ({source.name})"


def test_headings_have_permalinks(site) -> None:
    html = (site.root / "day-2" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="[^"]+">.*?<a class="headerlink" href="#[^"]+" title="Link to this section">', html)
