"""Build and serve a MkDocs site for tests: used by conftest.py's fixtures.

Kept out of conftest.py so fixture sites under tests/fixtures/ and the real
site are built the same way, and so scripts can reuse it.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

from curriculum import building
from curriculum.building import BuildLog

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


#: What a build returns: its status, log lines and site folder (curriculum.building).
BuildResult = BuildLog


def build(config_file: Path, site_dir: Path, site_url: str | None = None, strict: bool = True) -> BuildResult:
    """Run ``mkdocs build`` in a subprocess, as a maintainer would."""
    return building.build(config_file, site_dir, site_url=site_url, strict=strict)


def copy_fixture(name: str, dest: Path) -> Path:
    """Copy ``tests/fixtures/<name>`` to ``dest`` ready to build; return its mkdocs.yml.

    Fixture configs inherit the real ``mkdocs.yml`` and point at the repository
    with ``../../../`` paths; in the copy those become absolute. The real
    ``docs/assets/`` (vendored Mermaid, CSS, JavaScript), ``docs/includes/`` (the
    glossary snippets the real config appends) and ``docs/data/`` (the running
    example's facts those snippets insert) are copied in beside the fixture's
    pages, unless the fixture brings its own.
    """
    shutil.copytree(FIXTURES / name, dest)
    for shared in ("assets", "includes", "data"):
        if not (dest / "docs" / shared).exists():
            shutil.copytree(ROOT / "docs" / shared, dest / "docs" / shared)
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return config


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class StaticServer:
    """A static file server on 127.0.0.1 and a port the OS picks, in a daemon thread."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory
        handler = functools.partial(QuietHandler, directory=str(directory) if directory else None)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"

    def serve(self, directory: Path) -> StaticServer:
        self.httpd.RequestHandlerClass = functools.partial(QuietHandler, directory=str(directory))
        thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        thread.start()
        return self

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def build_and_serve(config_file: Path, site_dir: Path) -> tuple[BuildResult, StaticServer]:
    """Pick a port, build with ``site_url`` equal to that origin, then serve."""
    server = StaticServer()
    result = build(config_file, site_dir, site_url=server.origin + "/")
    if result.returncode != 0:
        server.close()
        raise RuntimeError(f"mkdocs build failed for {config_file}:\n{result.output}")
    return result, server.serve(site_dir)


#: Draws every diagram a page draws on demand (the whole-day page: curriculum.diagram_on_demand),
#: so a test can read each diagram's SVG as it reads a session page's. Other pages: nothing to do.
DRAW_ALL_DIAGRAMS = "() => window.curDiagrams ? window.curDiagrams.drawAll().then(() => true) : true"


def draw_all_diagrams(page: object) -> None:
    """Every diagram of ``page`` drawn, however the page draws them."""
    assert page.evaluate(DRAW_ALL_DIAGRAMS)  # type: ignore[attr-defined]
