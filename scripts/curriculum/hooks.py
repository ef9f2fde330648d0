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
import posixpath
import re
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from curriculum import shortcodes
from curriculum.catalog import Catalog, load_catalog

#: The script tag mermaid2 adds on pages with diagrams.
MERMAID_SCRIPT = re.compile(r'<script (src="[^"]*assets/vendor/mermaid/mermaid\.min\.js")>')
VENDOR_MANIFEST = Path("assets") / "vendor" / "manifest.json"

_state: dict[str, Any] = {}


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _check_vendored_files(Path(config.docs_dir))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs_dir = Path(config.docs_dir)
    rel_paths = [f.src_uri for f in files.documentation_pages()]
    catalog = load_catalog(docs_dir, rel_paths, today=dt.date.today())
    errors = catalog.errors()
    if errors:
        rel, problem = errors[0]
        more = f" (and {len(errors) - 1} more: run 'python scripts/check_site.py')" if len(errors) > 1 else ""
        raise PluginError(f"{_display(config, rel)}:{problem.line}: {problem.code} {problem.message} ({problem.hint}){more}")
    _state["catalog"] = catalog
    _state["files"] = files
    # Pages are rendered to HTML before MkDocs emits on_env, so the partials
    # are loaded through the theme's own environment, created here.
    _state["env"] = config.theme.get_env()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    catalog: Catalog = _state["catalog"]
    rel = page.file.src_uri
    if rel in catalog.sessions:
        markdown = _session_header(rel, page, catalog) + "\n\n" + markdown
        # The "Mark session complete" control (progress.js makes it work).
        markdown += "\n\n" + _state["env"].get_template("partials/curriculum/progress-control.html").render(page_rel=rel).strip() + "\n"
    return _expand_markers(markdown, rel, page, config)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Give every page a meta description (search engines, Lighthouse SEO)."""
    meta = page.meta
    if not meta.get("description") and meta.get("summary"):
        meta["description"] = meta["summary"]
    return context


@event_priority(-100)  # after mermaid2, which adds the script tag in its own on_post_page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Load the vendored Mermaid with ``defer`` (DECISIONS.md, "Accessibility and speed").

    mermaid2 appends a plain ``<script src=".../mermaid.min.js">`` at the end of
    ``<body>``: the parser stops until 3.5 MB (about 1 MB gzipped) arrive, and
    first paint waits on a slow network. Deferred, it still runs before
    DOMContentLoaded, so ``window.mermaid`` exists when Material's bundle mounts
    the diagrams (no unpkg fallback), in every case the diagram tests cover.
    """
    return MERMAID_SCRIPT.sub(r"<script defer \1>", output)


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


def _session_header(rel: str, page: Page, catalog: Catalog) -> str:
    meta = catalog.sessions[rel]
    files: Files = _state["files"]
    prerequisites = []
    for target in meta.prerequisites:
        file = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(rel), target)))
        if file is None:
            raise PluginError(f"docs/{rel}: prerequisite '{target}' is not a page of the site (paths are relative to the page)")
        title = catalog.sessions[file.src_uri].title if file.src_uri in catalog.sessions else catalog.pages[file.src_uri].meta.get("title", file.src_uri)
        prerequisites.append({"url": get_relative_url(file.url, page.file.url), "title": title})
    template = _state["env"].get_template("partials/curriculum/session-header.html")
    return template.render(meta=meta, page_rel=rel, prerequisites=prerequisites).strip()


def _expand_markers(markdown: str, rel: str, page: Page, config: MkDocsConfig) -> str:
    files: Files = _state["files"]

    def link(target: str, doc: bool) -> str:
        if doc:
            file = files.get_file_from_path(target)
            if file is None:
                raise PluginError(f"{_display(config, rel)}: '{target}' is not a page of the site")
            target = file.url
        return get_relative_url(target, page.file.url)

    def context(args: str) -> shortcodes.Context:
        return shortcodes.Context(
            rel,
            _state["catalog"],
            _state["env"],
            Path(config.docs_dir),
            args,
            link=link,
            session_header=lambda session_rel: _session_header(session_rel, page, _state["catalog"]),
            offline=_offline(config),
        )

    try:
        return shortcodes.expand(markdown, context)
    except shortcodes.UnknownMarker as error:
        raise PluginError(f"{_display(config, rel)}: {error}") from None


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
