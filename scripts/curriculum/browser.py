"""Which Chromium the project drives, and how: one place for the build, checker, tests and scripts.

Debian's package puts it at /usr/bin/chromium; ``CHROMIUM`` overrides that
(scripts/test.sh sets it when it falls back to Google Chrome). The flags keep
a headless browser from calling home: on a closed network those background
connections only fail, and they are not the site's requests.
"""

from __future__ import annotations

import importlib
import os
import queue
import threading
from collections.abc import Callable
from typing import Any

DEFAULT_CHROMIUM = "/usr/bin/chromium"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def chromium_path() -> str:
    """The browser executable to launch."""
    return os.environ.get("CHROMIUM", DEFAULT_CHROMIUM)


class Unavailable(Exception):
    """The browser cannot be started or failed: the message says what to do."""


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


class _Job:
    def __init__(self, script: str, arg: Any) -> None:
        self.script, self.arg = script, arg
        self.done = threading.Event()
        self.result: Any = None
        self.error: str | None = None


class BrowserPage:
    """One headless Chromium page in a thread of its own, for many ``evaluate`` calls.

    Playwright's sync API belongs to the thread that starts it, and refuses
    to start where another sync Playwright or an asyncio loop already runs
    (a test suite's own browser, or a build inside the checker). So the
    browser lives in its own thread and :meth:`evaluate` hands it work: any
    thread may call it. ``setup`` prepares the page once (load scripts and
    styles). Raises :class:`Unavailable` with one line saying what to install.
    """

    def __init__(self, setup: Callable[[Any], None], *, name: str = "browser") -> None:
        chromium = chromium_path()
        try:
            importlib.import_module("playwright.sync_api")
        except ImportError:
            raise Unavailable(
                "the 'playwright' Python package is missing: run 'pip install -r requirements.lock' (scripts/serve.sh and scripts/test.sh do)"
            ) from None
        if not os.path.exists(chromium):
            raise Unavailable(f"Chromium is missing at {chromium}: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)")
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._ready = threading.Event()
        self._failure: str | None = None
        self._thread = threading.Thread(target=self._serve, args=(chromium, setup), name=name, daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._failure:
            self._thread.join()
            raise Unavailable(self._failure)

    def _serve(self, chromium: str, setup: Callable[[Any], None]) -> None:
        from playwright.sync_api import sync_playwright

        try:
            playwright = sync_playwright().start()
        except Exception as error:
            self._failure = f"Playwright did not start: {_first_line(error)}"
            self._ready.set()
            return
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto("about:blank")
            setup(page)
        except Exception as error:
            self._failure = f"Chromium at {chromium} did not start: {_first_line(error)}"
            self._ready.set()
            playwright.stop()
            return
        self._ready.set()
        try:
            while (job := self._jobs.get()) is not None:
                try:
                    job.result = page.evaluate(job.script, job.arg)
                except Exception as error:
                    job.error = _first_line(error)
                job.done.set()
        finally:
            browser.close()
            playwright.stop()

    def evaluate(self, script: str, arg: Any = None) -> Any:
        """Run ``script`` (a JavaScript function) on ``arg`` in the page; its result."""
        if not self._thread.is_alive():
            raise Unavailable("the browser has been closed")
        job = _Job(script, arg)
        self._jobs.put(job)
        job.done.wait()
        if job.error is not None:
            raise Unavailable(f"the browser failed: {job.error}")
        return job.result

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()
