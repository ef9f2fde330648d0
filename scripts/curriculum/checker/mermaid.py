"""Parse Mermaid diagrams with the very Mermaid the site ships, in Chromium.

One browser launch for all diagrams: the vendored ``mermaid.min.js`` is
loaded once into an ``about:blank`` page and ``mermaid.parse`` runs on every
diagram inside a single ``evaluate``, in a thread that owns the browser. When Playwright or Chromium is missing,
:class:`Unavailable` carries one line saying what to install.
"""

from __future__ import annotations

import queue
import threading
from pathlib import Path

from curriculum.browser import CHROMIUM_ARGS, chromium_path

PARSE_ALL = """
async (sources) => {
  mermaid.initialize({ startOnLoad: false });
  const results = [];
  for (const source of sources) {
    try {
      await mermaid.parse(source);
      results.push(null);
    } catch (error) {
      results.push(String((error && (error.str || error.message)) || error));
    }
  }
  return results;
}
"""


class Unavailable(Exception):
    """The browser cannot be started: the message says what to install."""


class _Job:
    def __init__(self, sources: list[str]) -> None:
        self.sources = sources
        self.done = threading.Event()
        self.result: list[str | None] = []
        self.error: str | None = None


class MermaidParser:
    """A Chromium page with Mermaid loaded, reusable for many batches.

    Playwright's sync API belongs to the thread that starts it, and refuses
    to start where another sync Playwright or an asyncio loop already runs
    (a test suite's own browser). So the browser lives in a thread of its
    own and :meth:`parse` hands it work: any thread may call it.
    """

    def __init__(self, script: Path, chromium: str | None = None) -> None:
        chromium = chromium or chromium_path()
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            raise Unavailable("the 'playwright' Python package is missing: run 'pip install -r requirements.lock' (scripts/test.sh does)") from None
        if not Path(chromium).exists():
            raise Unavailable(f"Chromium is missing at {chromium}: run 'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)")
        if not script.is_file():
            raise Unavailable(f"the vendored Mermaid is missing at {script}: run 'python scripts/vendor_assets.py'")
        self._jobs: queue.Queue[_Job | None] = queue.Queue()
        self._ready = threading.Event()
        self._failure: str | None = None
        self._thread = threading.Thread(target=self._serve, args=(script, chromium), name="mermaid-parser", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._failure:
            self._thread.join()
            raise Unavailable(self._failure)

    def _serve(self, script: Path, chromium: str) -> None:
        from playwright.sync_api import sync_playwright

        try:
            playwright = sync_playwright().start()
        except Exception as error:  # noqa: BLE001 (reported as one line)
            self._failure = f"Playwright did not start: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
            self._ready.set()
            return
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto("about:blank")
            page.add_script_tag(path=str(script))
        except Exception as error:  # noqa: BLE001
            self._failure = f"Chromium at {chromium} did not start: {str(error).splitlines()[0] if str(error) else type(error).__name__}"
            self._ready.set()
            playwright.stop()
            return
        self._ready.set()
        try:
            while (job := self._jobs.get()) is not None:
                try:
                    job.result = list(page.evaluate(PARSE_ALL, job.sources))
                except Exception as error:  # noqa: BLE001
                    job.error = str(error).splitlines()[0] if str(error) else type(error).__name__
                job.done.set()
        finally:
            browser.close()
            playwright.stop()

    def parse(self, sources: list[str]) -> list[str | None]:
        """Mermaid's error message for each source, or None when it parses."""
        if not sources:
            return []
        job = _Job(sources)
        self._jobs.put(job)
        job.done.wait()
        if job.error is not None:
            raise Unavailable(f"the browser failed while parsing: {job.error}")
        return job.result

    def close(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(None)
            self._thread.join()


def parse_once(script: Path, sources: list[str]) -> list[str | None]:
    """Start a browser, parse every source, stop it (raises Unavailable)."""
    parser = MermaidParser(script)
    try:
        return parser.parse(sources)
    finally:
        parser.close()
