"""MkDocs hooks: thin adapters from MkDocs events to the curriculum model.

Registered in mkdocs.yml under ``hooks:``. Each event handler only dispatches;
the work is in :mod:`curriculum.catalog`, :mod:`curriculum.model` and
:mod:`curriculum.shortcodes`. Content errors become one ``PluginError`` line
naming the file and line, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from curriculum import facts_build, labpage, quiz
from curriculum.browser import Unavailable
from curriculum.building import KEEP_GOING
from curriculum.catalog import Catalog, load_catalog
from curriculum.diagram_on_demand import holds_the_whole_day, placeholder, svg_path, write_files
from curriculum.diagram_page import replace_fences, report_lines
from curriculum.diagrams import DIAGRAM_STYLESHEET, FONT_FILES, MERMAID_SCRIPT, DiagramRenderer
from curriculum.lab import LabError
from curriculum.markers import Context, UnknownMarker
from curriculum.objectives import label_objectives
from curriculum.shortcodes import RENDERERS

VENDOR_MANIFEST = Path("assets") / "vendor" / "manifest.json"


log = logging.getLogger("mkdocs.plugins.curriculum")


@dataclass(frozen=True)
class SiteState:
    """What on_files reads once for the pages of one build."""

    catalog: Catalog
    files: Files
    #: The theme's Jinja environment, for the partials (pages render before on_env).
    env: Environment
    #: The running example's facts and the sessions' run sheets.
    teaching: facts_build.Teaching


@dataclass
class BuildState:
    """The hooks' state across the events of one build (one per process; 'mkdocs serve' reuses it)."""

    diagrams: DiagramRenderer | None = None
    site: SiteState | None = None
    #: 'mkdocs serve': a diagram that cannot be drawn (no browser) is shown as its source.
    preview: bool = False
    preview_told: bool = False  # the one terminal line saying why has been written in this build
    #: Pages with a diagram: their font and stylesheet, for the head (overrides/main.html).
    diagram_assets: dict[str, str] = field(default_factory=dict)
    #: Pages with a diagram: the address of diagrams.js, run after Material's bundle (overrides/main.html).
    diagram_scripts: dict[str, str] = field(default_factory=dict)
    #: Diagrams drawn on demand (curriculum.diagram_on_demand): site path -> SVG, written after the build.
    diagram_files: dict[str, str] = field(default_factory=dict)

    def current(self) -> SiteState:
        if self.site is None:
            raise PluginError("curriculum hooks: a page event came before on_files")
        return self.site


_state = BuildState()


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def on_startup(command: str, dirty: bool) -> None:
    """'mkdocs serve' is a preview: a diagram it cannot draw (no browser) is shown as its source."""
    _state.preview = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _check_vendored_files(Path(config.docs_dir))
    _close_renderer()  # a rebuild under 'mkdocs serve' starts afresh
    _state.diagrams = DiagramRenderer(Path(config.docs_dir) / MERMAID_SCRIPT, preview=_state.preview)
    _state.preview_told = False
    if not _offline(config):
        # The iframe-worker shim is for search from file:// only: served, it is a script every
        # page would wait for before its first paint.
        config.extra["polyfills"] = [path for path in config.extra.get("polyfills", []) if "iframe-worker" not in str(path)]
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Load the catalog; stop at its first error, or (for the checker) log every one and go on."""
    docs_dir = Path(config.docs_dir)
    rel_paths = [f.src_uri for f in files.documentation_pages()]
    catalog = load_catalog(docs_dir, rel_paths, today=dt.date.today())
    errors = sorted(catalog.errors() + quiz.site_problems(catalog) + labpage.site_problems(catalog))
    if errors and os.environ.get(KEEP_GOING) != "1":
        rel, problem = errors[0]
        more = f" (and {len(errors) - 1} more: run 'python scripts/check_site.py')" if len(errors) > 1 else ""
        raise PluginError(problem.text(_display(config, rel)) + more)
    for rel, problem in errors:
        log.error(problem.text(_display(config, rel)))
    for rel, page in catalog.pages.items():
        if page.unreadable and (file := files.get_file_from_path(rel)) is not None:
            # MkDocs stops at the first page it cannot decode; the rest of the site is still checked.
            file.content_string = page.path.read_bytes().decode("utf-8", errors="replace")
    teaching = facts_build.read(docs_dir, catalog)
    failures = facts_build.build_errors(teaching, lambda rel: _display(config, rel))
    if failures and os.environ.get(KEEP_GOING) != "1":
        more = f" (and {len(failures) - 1} more: run 'python scripts/check_site.py')" if len(failures) > 1 else ""
        raise PluginError(failures[0] + more)
    for failure in failures:
        log.error(failure)
    facts_build.register(config, teaching)
    _state.site = SiteState(catalog, files, config.theme.get_env(), teaching)
    _state.diagram_files = {}
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site = _state.current()
    rel = page.file.src_uri
    if rel in site.catalog.sessions:
        markdown = facts_build.with_timing_note(markdown, rel, site.teaching, site.catalog, site.env)
        markdown = _session_header(rel, page, site) + "\n\n" + markdown
        # The "Mark session complete" control (progress.js makes it work).
        markdown += "\n\n" + site.env.get_template("partials/curriculum/progress-control.html").render(page_rel=rel).strip() + "\n"
    return _expand_markers(markdown, rel, page, config)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Give every page a meta description (search engines, Lighthouse SEO), and a diagram
    page its diagram assets for the head (in the body, a stylesheet restyles the whole page)."""
    meta = page.meta
    if not meta.get("description") and meta.get("summary"):
        meta["description"] = meta["summary"]
    context["cur_diagram_assets"] = _state.diagram_assets.get(page.file.src_uri, "")
    context["cur_diagram_script"] = _state.diagram_scripts.get(page.file.src_uri, "")
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Diagrams become SVG here, at build time (curriculum.diagram_page; DECISIONS.md, decision 1);
    objective labels get the objective's words (curriculum.objectives)."""
    renderer = _state.diagrams
    if renderer is None:
        raise PluginError("curriculum hooks: on_page_content came before on_config")
    rel = page.file.src_uri
    html = label_objectives(html, rel, _state.current().catalog.sessions)
    env = _state.current().env

    def source_box(attrs: str, source: str, reason: str) -> str:
        return env.get_template("partials/curriculum/diagram-source.html").render(attrs=attrs, source=source, reason=reason)

    def later(svg: str, attrs: str) -> str:
        path = svg_path(svg)
        _state.diagram_files[path] = svg
        return placeholder(svg, attrs, get_relative_url(path, page.file.url))

    source = _state.current().catalog.pages.get(rel)
    on_demand = not _offline(config) and source is not None and holds_the_whole_day(source.text)
    try:
        result = replace_fences(html, renderer, Path(config.docs_dir), rel, source_box, later if on_demand else None)
    except Unavailable as error:
        raise PluginError(f"{_display(config, rel)}: the diagrams cannot be rendered: {error}") from None
    if result.failures or result.references:
        sources = _state.current().catalog.pages
        pages = [(_display(config, other), sources[other].text) for other in sorted(sources, key=lambda other: other != rel)]
        for line in report_lines(result, pages):
            log.warning(line)
    if result.unavailable and not _state.preview_told:
        _state.preview_told = True
        log.info(f"Preview: diagrams not in the cache are shown as their source, because {result.unavailable}")
    html = result.html
    if result.drawn:
        # The font is preloaded where diagrams are drawn with the page, not where they wait for the reader.
        _state.diagram_assets[rel] = _diagram_assets(page, env, preload=not _offline(config) and not on_demand)
        _state.diagram_scripts[rel] = get_relative_url((Path("assets") / "javascripts" / "diagrams.js").as_posix(), page.file.url)
    else:
        _state.diagram_assets.pop(rel, None)
        _state.diagram_scripts.pop(rel, None)
    site = _state.current()
    return html + facts_build.run_sheet_element(rel, site.teaching, site.catalog, site.env)


def _diagram_assets(page: Page, env: Any, preload: bool) -> str:
    """The diagram font and stylesheet, linked from diagram pages' heads only.

    No preload in the file:// copy: Chromium refuses a cross-origin-mode font request from file://.
    """

    def url(path: Path) -> str:
        return get_relative_url(path.as_posix(), page.file.url)

    return env.get_template("partials/curriculum/diagram-assets.html").render(
        font=url(FONT_FILES[400]) if preload else None,
        stylesheet=url(DIAGRAM_STYLESHEET),
    )


def on_post_build(config: MkDocsConfig) -> None:
    write_files(Path(config.site_dir), _state.diagram_files)
    _close_renderer()


def on_build_error(error: Exception) -> None:
    _close_renderer()


def _close_renderer() -> None:
    renderer, _state.diagrams = _state.diagrams, None
    if renderer is not None:
        if renderer.cache_error:
            log.info(f"Diagram cache not written ({renderer.cache_error}); set CURRICULUM_DIAGRAM_CACHE to a writable folder")
        elif renderer.rendered:
            log.info(f"Rendered {renderer.rendered} diagram(s) to SVG; cached in {renderer.cache_dir}")
        renderer.close()


# --------------------------------------------------------------------------
# Vendored files
# --------------------------------------------------------------------------


def _check_vendored_files(docs_dir: Path) -> None:
    manifest_path = docs_dir / VENDOR_MANIFEST
    if not manifest_path.is_file():
        raise PluginError(f"{manifest_path}: vendored-asset manifest is missing; run 'python scripts/vendor_assets.py'")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for name, entry in manifest.items():
        path = manifest_path.parent / entry["file"]
        if not path.is_file():
            raise PluginError(f"{path}: vendored file of '{name}' is missing; run 'python scripts/vendor_assets.py'")
        if hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
            raise PluginError(f"{path}: does not match the SHA-256 in {VENDOR_MANIFEST}; run 'python scripts/vendor_assets.py'")


# --------------------------------------------------------------------------
# Session header and markers
# --------------------------------------------------------------------------


def _session_header(rel: str, page: Page, site: SiteState) -> str:
    catalog = site.catalog
    meta = catalog.sessions[rel]
    prerequisites = []
    for target in meta.prerequisites:
        file = site.files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(rel), target)))
        if file is None:
            raise PluginError(f"docs/{rel}: prerequisite '{target}' is not a page of the site (paths are relative to the page)")
        title = (
            catalog.sessions[file.src_uri].title
            if file.src_uri in catalog.sessions
            else catalog.pages[file.src_uri].meta.get("title", file.src_uri)
        )
        prerequisites.append({"url": get_relative_url(file.url, page.file.url), "title": title})
    template = site.env.get_template("partials/curriculum/session-header.html")
    return template.render(meta=meta, page_rel=rel, prerequisites=prerequisites).strip()


def _expand_markers(markdown: str, rel: str, page: Page, config: MkDocsConfig) -> str:
    site = _state.current()

    def link(target: str, doc: bool) -> str:
        if doc:
            file = site.files.get_file_from_path(target)
            if file is None:
                raise PluginError(f"{_display(config, rel)}: '{target}' is not a page of the site")
            target = file.url
        return get_relative_url(target, page.file.url)

    context = Context(
        rel,
        site.catalog,
        site.env,
        Path(config.docs_dir),
        RENDERERS,
        link=link,
        session_header=lambda session_rel: _session_header(session_rel, page, site),
        offline=_offline(config),
    )
    try:
        return context.expand(markdown)
    except UnknownMarker as error:
        raise PluginError(f"{_display(config, rel)}: {error}") from None
    except LabError as error:
        raise PluginError(
            _display(config, error.path.resolve().relative_to(Path(config.docs_dir).resolve()).as_posix()) + error.located
        ) from None


def _offline(config: MkDocsConfig) -> bool:
    """True when Material's offline plugin is enabled (the file:// build)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _display(config: MkDocsConfig, rel: str) -> str:
    """A docs path as the maintainer sees it from the repository root."""
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    try:
        return (docs / rel).relative_to(root).as_posix()
    except ValueError:
        return (docs / rel).as_posix()
