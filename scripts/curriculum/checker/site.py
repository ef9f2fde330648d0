"""What the rules read: the configuration, the sources and the built pages.

Everything is read once here; rules only look things up. Reading never
raises on bad content: problems with ``mkdocs.yml`` or the docs folder are
kept in :attr:`Site.fatal` for the CLI to report as one line.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from curriculum.catalog import Catalog, load_catalog
from curriculum.source import PageSource, first_line_holding, read_page

from .html import ARTICLE_START, BuiltPage, parse_page
from .markdown import MarkdownDoc, scan

DEFAULT_EXCLUDES = [".*", "/templates/"]


class ConfigError(Exception):
    """mkdocs.yml is missing or unreadable: (line, message, hint)."""

    def __init__(self, line: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.message, self.hint = line, message, hint


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing anything: tags become plain values."""


def _tagged(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node, deep=True)
        if suffix == "ENV" and values:  # !ENV [NAME, default]
            names = values[0] if isinstance(values[0], list) else [values[0]]
            for name in names:
                if isinstance(name, str) and name in os.environ:
                    return os.environ[name]
            return values[-1] if len(values) > 1 else None
        return values
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    return None


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def load_config(path: Path) -> tuple[dict[str, Any], str]:
    if not path.is_file():
        raise ConfigError(1, f"{path.name} not found", "run from the repository root, or pass --config path/to/mkdocs.yml")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(1, f"cannot read the configuration: {error}", "save it as UTF-8") from None
    try:
        config = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ConfigError((mark.line + 1) if mark else 1, f"not valid YAML: {reason}", "check indentation and quoting") from None
    if not isinstance(config, dict):
        raise ConfigError(1, "must be a mapping of settings", "see the MkDocs configuration reference")
    return config, text


def page_url(rel: str, directory_urls: bool) -> str:
    """The built file of a docs page, relative to the site folder."""
    stem, _ = posixpath.splitext(rel)
    name = posixpath.basename(stem)
    folder = posixpath.dirname(stem)
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html") if folder else "index.html"
    if directory_urls:
        return posixpath.join(stem, "index.html")
    return stem + ".html"


@dataclass
class NavEntry:
    path: str  # docs-relative, as written in the nav
    line: int  # line in mkdocs.yml


@dataclass
class Site:
    config_file: Path
    root: Path
    config: dict[str, Any]
    config_text: str
    docs_dir: Path
    today: dt.date
    pages: list[str] = field(default_factory=list)  # documentation pages (docs-relative)
    all_markdown: list[str] = field(default_factory=list)  # every .md under docs, excluded ones too
    catalog: Catalog | None = None
    sources: dict[str, PageSource] = field(default_factory=dict)  # every .md
    docs: dict[str, MarkdownDoc] = field(default_factory=dict)
    nav: list[NavEntry] | None = None
    site_dir: Path | None = None
    built: dict[str, BuiltPage] = field(default_factory=dict)  # docs rel -> parsed article
    url_to_rel: dict[str, str] = field(default_factory=dict)
    build_output: str = ""
    build_failed: bool = False
    external: bool = False
    slides: bool = False
    cache_file: Path | None = None
    cache_max_age: float = 24 * 3600
    diagram_results: dict[tuple[str, int], str | None] = field(default_factory=dict)
    diagram_unavailable: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: {"links": 0, "diagrams": 0, "article_kb": 0})
    _generated: dict[str, tuple[int, int]] = field(default_factory=dict)

    # -- locations ---------------------------------------------------------

    def display(self, rel: str) -> str:
        """A docs path as seen from the repository root (the config's folder)."""
        path = self.docs_dir / rel
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def config_display(self) -> str:
        try:
            return self.config_file.relative_to(self.root).as_posix()
        except ValueError:
            return self.config_file.as_posix()

    def config_line(self, needle: str, top_level: bool = False) -> int:
        """The first line of mkdocs.yml holding ``needle`` (at its start if ``top_level``), else 1."""
        return first_line_holding(self.config_text, needle, at_start=top_level) or 1

    @property
    def directory_urls(self) -> bool:
        return bool(self.config.get("use_directory_urls", True))

    def source(self, rel: str) -> PageSource | None:
        return self.sources.get(rel)

    def title_line(self, rel: str) -> int:
        page = self.source(rel)
        return page.key_lines.get("title", 1) if page else 1

    def generated_line(self, rel: str) -> tuple[int, int]:
        """Where HTML that has no source line comes from: the page's first
        ``<!-- cur:... -->`` marker (rendered by a hook), else its title."""
        if rel not in self._generated:
            doc = self.docs.get(rel)
            markers = doc.scan.markers if doc is not None else []
            self._generated[rel] = (markers[0].line if markers else self.title_line(rel), 1)
        return self._generated[rel]

    # -- built pages -------------------------------------------------------

    def read_built(self) -> None:
        if not self.site_dir:
            return
        for rel in self.pages:
            url = page_url(rel, self.directory_urls)
            self.url_to_rel[url] = rel
            path = self.site_dir / url
            if path.is_file():
                self.built[rel] = parse_page(read_article_region(path))
                self.counts["article_kb"] += self.built[rel].size // 1024


TAIL_BYTES = 256 * 1024


def read_article_region(path: Path) -> str:
    """The end of a built page, where Material puts the article (after the
    navigation, whose size grows with the site); the whole file if the
    article starts earlier than that."""
    with path.open("rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size > TAIL_BYTES:
            handle.seek(size - TAIL_BYTES)
            tail = handle.read().decode("utf-8", errors="replace")
            if ARTICLE_START in tail:
                return tail
        handle.seek(0)
        return handle.read().decode("utf-8", errors="replace")


def _excluded(config: dict[str, Any]) -> Any:
    import pathspec

    patterns = list(DEFAULT_EXCLUDES)
    extra = config.get("exclude_docs")
    if isinstance(extra, str):
        patterns += extra.splitlines()
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _walk_nav(items: Any, site: Site, out: list[NavEntry]) -> None:
    if isinstance(items, str):
        if "://" not in items and not items.startswith(("/", "#", "mailto:")):
            out.append(NavEntry(items, site.config_line(items)))
    elif isinstance(items, list):
        for item in items:
            _walk_nav(item, site, out)
    elif isinstance(items, dict):
        for value in items.values():
            _walk_nav(value, site, out)


def open_site(config_file: Path, today: dt.date | None = None) -> Site:
    """Read mkdocs.yml, list and scan every page, load the curriculum catalog."""
    config_file = config_file.resolve()
    config, text = load_config(config_file)
    root = config_file.parent
    docs_dir = (root / str(config.get("docs_dir", "docs"))).resolve()
    site = Site(config_file, root, config, text, docs_dir, today or dt.date.today())
    if not docs_dir.is_dir():
        return site
    spec = _excluded(config)
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        site.all_markdown.append(rel)
        if not spec.match_file(rel):
            site.pages.append(rel)
    # The same catalog the build hook loads (documentation pages only);
    # excluded files (includes/) are read too, for the hygiene rules.
    site.catalog = load_catalog(docs_dir, site.pages, today=site.today)
    for rel in site.all_markdown:
        page = site.catalog.pages.get(rel) or read_page(docs_dir / rel, docs_dir)
        site.sources[rel] = page
        site.docs[rel] = scan(page)
    if "nav" in config and config["nav"] is not None:
        site.nav = []
        _walk_nav(config["nav"], site, site.nav)
    return site
