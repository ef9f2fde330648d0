"""Which browser the project drives, and how: one place for the build, checker, tests and scripts.

:func:`find_browser` is the only list of where Chrome, Chromium and Edge are
installed on Linux and macOS; ``scripts/sh/lib.sh`` asks it too (``python -m
curriculum.browser``), so the shell keeps no second copy. ``CHROMIUM``
overrides the search. The flags keep a headless browser from calling home: on
a closed network those background connections only fail, and they are not the
site's requests.
"""

from __future__ import annotations

import importlib
import os
import queue
import shutil
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
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

# Absolute install locations, in order of preference. Debian's chromium comes
# first (the browser CI and the tests are known to work with); Ubuntu's
# /snap/bin/chromium is left out on purpose: Playwright cannot drive the snap
# reliably. On macOS each app is looked for in /Applications and ~/Applications.
LINUX_PATHS = (
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/google-chrome",
    "/opt/google/chrome/chrome",
    "/usr/bin/microsoft-edge-stable",
    "/usr/bin/microsoft-edge",
    "/opt/microsoft/msedge/msedge",
)
MACOS_APPS = (
    "Google Chrome.app/Contents/MacOS/Google Chrome",
    "Chromium.app/Contents/MacOS/Chromium",
    "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
# Names on PATH (a Homebrew or hand-made link, a non-standard prefix), after the fixed locations.
PATH_NAMES = ("chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "microsoft-edge-stable", "microsoft-edge")


class Unavailable(Exception):
    """The browser cannot be started or failed: the message says what to do."""


class BrowserNotFound(Unavailable):
    """No usable browser: the message is one line saying what to install."""


def install_advice(platform: str) -> str:
    """What to install on this kind of machine, for the one-line messages."""
    if platform == "darwin":
        return "Google Chrome from https://www.google.com/chrome/ or 'brew install --cask google-chrome'"
    return "'sudo apt-get install chromium' on Debian; on Ubuntu Google Chrome's .deb, as its chromium is a snap"


def candidates(platform: str, home: Path, root: Path) -> list[Path]:
    """Every fixed install location for ``platform``, under ``root`` (``/`` except in tests)."""
    if platform == "darwin":
        folders = [root / "Applications", root / str(home).lstrip("/") / "Applications"]
        return [folder / app for app in MACOS_APPS for folder in folders]
    return [root / path.lstrip("/") for path in LINUX_PATHS]


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_browser(
    environ: Mapping[str, str] | None = None, *, platform: str | None = None, home: Path | None = None, root: Path = Path("/")
) -> str:
    """The path of the Chrome, Chromium or Edge to drive; raises :class:`BrowserNotFound` (one line).

    ``CHROMIUM``, when set, is the answer or the error: a wrong value is
    reported rather than silently replaced by another browser. Otherwise the
    usual install locations for the platform, then the usual names on
    ``PATH``. ``platform``, ``home`` and ``root`` let tests lay out a
    fixture folder (for example macOS's /Applications) on any machine.
    """
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    advice = install_advice(platform)
    chosen = environ.get("CHROMIUM")
    if chosen:
        if _executable(Path(chosen)):
            return chosen
        raise BrowserNotFound(f"CHROMIUM={chosen} is not an executable file: correct it, or unset it and install a browser ({advice})")
    home = home if home is not None else Path(environ.get("HOME") or Path.home())
    for path in candidates(platform, home, root):
        if _executable(path):
            return str(path)
    search_path = environ.get("PATH", "")
    for name in PATH_NAMES:
        found = shutil.which(name, path=search_path) if search_path else None
        if found and "/snap/" not in found:
            return found
    raise BrowserNotFound(f"No Chrome, Chromium or Edge found: install one ({advice}), or set CHROMIUM=/path/to/browser")


def chromium_path() -> str:
    """The browser executable to launch: :func:`find_browser`'s answer, else ``CHROMIUM`` or Debian's path.

    The fallback lets a caller that only needs a path (a test fixture, a
    script) report the missing file itself; :class:`BrowserPage` reports
    :func:`find_browser`'s own message.
    """
    try:
        return find_browser()
    except BrowserNotFound:
        return os.environ.get("CHROMIUM") or DEFAULT_CHROMIUM


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
        chromium = find_browser()
        try:
            importlib.import_module("playwright.sync_api")
        except ImportError:
            raise Unavailable(
                "the 'playwright' Python package is missing: run 'pip install -r requirements.lock' (scripts/serve.sh and scripts/test.sh do)"
            ) from None
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


def main(argv: list[str] | None = None) -> int:
    """``python -m curriculum.browser``: print the browser's path, or the one line saying what to install (exit 1)."""
    del argv
    try:
        print(find_browser())
    except BrowserNotFound as missing:
        print(missing, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
