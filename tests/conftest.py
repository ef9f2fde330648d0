"""Shared fixtures: the real site built and served once per test session, and
a browser (the system Chromium through Playwright) that refuses and records
every request leaving the site's origin.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from curriculum.browser import CHROMIUM_ARGS, chromium_path
from curriculum.building import page_paths
from sitebuild import ROOT, BuildResult, StaticServer, build_and_serve

CHROMIUM = chromium_path()
#: Makes Material's closed shadow roots (one per diagram) inspectable.
OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""


@dataclass
class Site:
    build: BuildResult
    server: StaticServer

    @property
    def origin(self) -> str:
        return self.server.origin

    @property
    def root(self) -> Path:
        return self.build.site_dir

    def url(self, path: str = "") -> str:
        return f"{self.origin}/{path.lstrip('/')}"

    def html_pages(self) -> list[str]:
        """Every built page as a URL path, the 404 page excluded."""
        return page_paths(self.root)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real site, built strictly once, served on 127.0.0.1 with site_url matching."""
    result, server = build_and_serve(ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))
    yield Site(result, server)
    server.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """The system Chromium, started once per test module.

    Module scope, not session: Playwright's sync API allows one running
    instance per thread, and some modules start their own (the checker's
    Mermaid parser); a session-wide browser would make them fail when the
    whole suite runs in one process.
    """
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run 'sudo apt-get install chromium' (scripts/test.sh does this as root)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What a browser context asked for: kept, and refused (off-origin)."""

    origin: str
    requested: list[str] = field(default_factory=list)
    offsite: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


def open_context(browser: object, origin: str, **options: object) -> tuple[object, Traffic]:
    """A browser context that aborts and records every request off ``origin``."""
    context = browser.new_context(**options)  # type: ignore[attr-defined]
    context.add_init_script(OPEN_SHADOW_ROOTS)
    traffic = Traffic(origin)

    def route(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        traffic.requested.append(url)
        if url.startswith(origin + "/") or url == origin or url.startswith(("data:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            traffic.offsite.append(url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    return context, traffic


def watch_console(page: object, traffic: Traffic) -> None:
    def console(msg: Any) -> None:
        if msg.type == "error":
            traffic.console_errors.append(msg.text)

    page.on("console", console)  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: traffic.console_errors.append(str(error)))  # type: ignore[attr-defined]


@pytest.fixture
def context_factory(browser: object) -> Iterator[object]:
    """Make contexts for any origin; each asserts on teardown that nothing left it."""
    made: list[tuple[object, Traffic]] = []

    def make(origin: str, **options: object) -> tuple[object, Traffic]:
        context, traffic = open_context(browser, origin, **options)
        made.append((context, traffic))
        return context, traffic

    yield make
    for context, traffic in made:
        context.close()  # type: ignore[attr-defined]
        assert not traffic.offsite, f"requests left the origin {traffic.origin}: {traffic.offsite}"


@pytest.fixture
def page_factory(context_factory: object) -> Iterator[object]:
    """Make fresh pages on any origin (fixture sites too), each in its own context.

    ``page.traffic`` records the requests; the test fails at teardown on any
    off-origin request (context_factory) or console error (here).
    """
    made: list[Traffic] = []

    def make(origin: str, **context_options: object) -> object:
        context, traffic = context_factory(origin, **context_options)  # type: ignore[operator]
        page = context.new_page()
        watch_console(page, traffic)
        page.traffic = traffic
        made.append(traffic)
        return page

    yield make
    errors = [error for traffic in made for error in traffic.console_errors]
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def page(site: Site, page_factory: object) -> object:
    """A fresh page on the real site; fails the test on any off-origin request or console error."""
    return page_factory(site.origin)  # type: ignore[operator]
