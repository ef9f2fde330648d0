"""The site's own stylesheets and scripts, served as one file each.

Maintainers keep the site's CSS and JavaScript in small files with one job each,
listed in mkdocs.yml under ``extra_css`` and ``extra_javascript`` in the order
that matters (the cascade, and the order the scripts start in). Served as they
are, that was 8 stylesheets and 16 scripts: 24 requests on every page, 8 of them
render-blocking. On Lighthouse's simulated phone each request waits for one of
six connections and a 150 ms round trip, and the whole-day page lost 10 to 15
points to them (DECISIONS.md, "Reach").

This hook joins the listed files at build time, in the listed order, into
:data:`STYLESHEET` and :data:`SCRIPT`, points the theme at those two files, and
leaves the listed files out of the built site so nothing can load them twice.
Each script is wrapped so that one which throws while starting does not stop the
ones after it, as when they were separate files (the error still reaches the
console, with its stack). ``mkdocs serve`` rebuilds both files when any listed
file changes, as it does for any file under ``docs/``.

Both the joined script and Material's bundle are marked ``defer``: they still run
before ``DOMContentLoaded`` (which Material waits for), in the same order, but
after the parser has finished, so the browser paints first. Run while the page
was still being parsed, the bundle's first read of ``scrollX`` forced the style
and layout of the whole page in one long task before the first frame, and
Chromium then held that frame back for about a second (DECISIONS.md, "Reach").
Material writes its bundle's tag in ``base.html`` with a hashed name, so this
hook adds the attribute to the built page (:func:`defer_bundle`) and stops the
build, naming the page, if a Material upgrade changes that tag.

What cannot be joined is a build error, one line naming mkdocs.yml's line and the
fix: a remote or missing entry, a script with ``defer``, ``async`` or a ``type``,
a stylesheet with ``@import`` or ``@charset`` (only valid at the top of a file),
or one outside :data:`STYLESHEET`'s folder with a relative ``url()`` (it would
point somewhere else from the joined file).

Registered in mkdocs.yml under ``hooks:`` (``on_config``, ``on_files``,
``on_post_page``, ``on_post_template``); :func:`join_stylesheets`,
:func:`join_scripts`, :func:`problems` and :func:`defer_bundle` are the pure
functions the tests call.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from curriculum.building import KEEP_GOING
from curriculum.source import first_line_holding

STYLESHEET = "assets/stylesheets/site.css"
SCRIPT = "assets/javascripts/site.js"

HEADER = "/* Built from mkdocs.yml's {key} by scripts/curriculum/asset_bundles.py: edit those files, not this one. */\n"

_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_TOP_ONLY = re.compile(r"@(import|charset)\b")
#: Material's bundle as its base.html writes it (the name is hashed per Material release).
_BUNDLE_TAG = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
_RELATIVE_URL = re.compile(r"url\(\s*['\"]?(?![a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)

log = logging.getLogger("mkdocs.plugins.curriculum")


@dataclass
class Listed:
    """The files mkdocs.yml lists, remembered across the events of one build."""

    stylesheets: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)


_listed = Listed()


def _path(entry: object) -> str:
    """An ``extra_css`` or ``extra_javascript`` entry's path (a string, or an ExtraScriptValue)."""
    return str(getattr(entry, "path", entry))


def join_stylesheets(parts: list[tuple[str, str]]) -> str:
    """The stylesheets ``(name, text)`` as one, in order, each under a comment naming it."""
    return HEADER.format(key="extra_css") + "".join(f"\n/* {name} */\n{text.rstrip()}\n" for name, text in parts)


def join_scripts(parts: list[tuple[str, str]]) -> str:
    """The scripts ``(name, text)`` as one, in order; one that throws while starting lets the next start.

    The error is thrown again from a timer, so the console still shows it with its stack.
    """
    return HEADER.format(key="extra_javascript") + "".join(
        f"\n/* {name} */\ntry {{\n{text.rstrip()}\n}} catch (error) {{ setTimeout(function () {{ throw error; }}); }}\n"
        for name, text in parts
    )


def defer_bundle(html: str) -> str | None:
    """``html`` with Material's bundle marked ``defer``; None when the page has no such tag."""
    marked, count = _BUNDLE_TAG.subn(r'<script src="\1" defer></script>', html)
    return marked if count == 1 else None


def problems(docs_dir: Path, stylesheets: Sequence[object], scripts: Sequence[object]) -> list[tuple[str, str]]:
    """What stops the listed files being joined: ``(entry, problem and fix)``, every one, in order."""
    found: list[tuple[str, str]] = []
    for key, entries in (("extra_css", stylesheets), ("extra_javascript", scripts)):
        for entry in entries:
            path = _path(entry)
            attributes = [name for name in ("defer", "async_", "type") if getattr(entry, name, None)]
            if _REMOTE.match(path):
                found.append((path, f"{key} entry '{path}' is on another host; the site is air-gapped: vendor it under docs/assets/"))
            elif attributes:
                names = ", ".join(name.rstrip("_") for name in attributes)
                found.append(
                    (
                        path,
                        f"{key} entry '{path}' has {names}; the listed scripts are joined into {SCRIPT}: load this one from a template in overrides/",
                    )
                )
            elif not (docs_dir / path).is_file():
                found.append((path, f"{key} entry '{path}' is not a file under docs/: fix the path or remove the entry"))
            elif key == "extra_css":
                text = (docs_dir / path).read_text(encoding="utf-8")
                if _TOP_ONLY.search(text):
                    found.append(
                        (path, f"{key} entry '{path}' uses @import or @charset, valid only at the top of a file: copy the rules in instead")
                    )
                elif posixpath.dirname(path) != posixpath.dirname(STYLESHEET) and _RELATIVE_URL.search(text):
                    found.append(
                        (
                            path,
                            f"{key} entry '{path}' has a relative url() and is joined into {STYLESHEET}: move it to {posixpath.dirname(STYLESHEET)}/",
                        )
                    )
    return found


def _where(config: MkDocsConfig, entry: str) -> str:
    """``mkdocs.yml:LINE`` of the entry, or the file alone when it is not written there (inherited)."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        number = first_line_holding(path.read_text(encoding="utf-8"), entry)
    except OSError:
        number = None
    return f"{path.name}:{number}" if number else path.name


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Remember the listed files and point the theme at the joined ones instead."""
    stylesheets = [entry for entry in config.extra_css if _path(entry) != STYLESHEET]
    scripts = [entry for entry in config.extra_javascript if _path(entry) != SCRIPT]
    found = problems(Path(config.docs_dir), stylesheets, scripts)
    lines = [f"{_where(config, entry)}: {text}" for entry, text in found]
    if lines and os.environ.get(KEEP_GOING) != "1":
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        raise PluginError(lines[0] + more)
    for line in lines:
        log.error(line)
    bad = {entry for entry, _ in found}
    _listed.stylesheets = [_path(entry) for entry in stylesheets if _path(entry) not in bad]
    _listed.scripts = [_path(entry) for entry in scripts if _path(entry) not in bad]
    config.extra_css = [STYLESHEET] if _listed.stylesheets else []
    script = ExtraScriptValue(SCRIPT)
    script.defer = True
    config.extra_javascript = [script] if _listed.scripts else []
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the joined files to the site and leave the listed ones out."""
    docs_dir = Path(config.docs_dir)
    for target, listed, join in ((STYLESHEET, _listed.stylesheets, join_stylesheets), (SCRIPT, _listed.scripts, join_scripts)):
        if not listed:
            continue
        parts = [(posixpath.basename(path), (docs_dir / path).read_text(encoding="utf-8")) for path in listed]
        for path in listed:
            if (file := files.get_file_from_path(path)) is not None:
                files.remove(file)
        files.append(File.generated(config, target, content=join(parts)))
    return files


def _deferred(html: str, where: str) -> str:
    marked = defer_bundle(html)
    if marked is None:
        raise PluginError(
            f"{where}: Material's bundle script tag was not found once (it is marked defer); "
            "Material's base.html changed: update _BUNDLE_TAG in scripts/curriculum/asset_bundles.py"
        )
    return marked


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _deferred(output, page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page is a template, not a page."""
    return _deferred(output_content, template_name) if template_name == "404.html" else output_content
