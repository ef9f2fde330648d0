"""External links (--external) against a local server on 127.0.0.1 only.

Never a real host: the server answers 200, 404 or sleeps, and counts requests
so the cache can be seen to work.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker_sites import make_site, run
from curriculum.checker.rules.external import fetch


class Server:
    def __init__(self) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                outer.requests.append(f"{self.command} {self.path}")
                if self.path.startswith("/slow"):
                    time.sleep(1.5)
                status = 200 if self.path.startswith(("/ok", "/slow")) else 404
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_HEAD = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port() -> str:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    port = httpd.server_address[1]
    httpd.server_close()
    return f"http://127.0.0.1:{port}/gone"


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Server, str]]:
    """The good site plus three external links, built once: (config, site_dir, server, refused URL)."""
    server = Server()
    refused = closed_port()
    folder = tmp_path_factory.mktemp("external")
    config = make_site(folder / "site")
    page = folder / "site" / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + f"\nSee [the working page]({server.origin}/ok), [the missing page]({server.origin}/missing)"
        + f" and [the dead host]({refused}).\n",
        encoding="utf-8",
    )
    site_dir = folder / "built"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)], check=True, capture_output=True)
    yield config, site_dir, server, refused
    server.close()


def test_external_links_are_not_fetched_by_default(linked_site: tuple[Path, Path, Server, str]) -> None:
    config, site_dir, server, _ = linked_site
    result = run(config, site_dir=site_dir)
    assert server.requests == []
    assert not (config.parent / ".cache").exists()
    assert result.codes() == set()


def test_external_links_checked_and_cached(linked_site: tuple[Path, Path, Server, str]) -> None:
    config, site_dir, server, refused = linked_site
    result = run(config, site_dir=site_dir, external=True)
    unreachable = {f.message for f in result.findings if f.code == "L201"}
    assert all(f.severity == "warning" for f in result.findings)
    assert any("/missing" in m and "HTTP 404" in m for m in unreachable), unreachable
    assert any(refused in m and "refused" in m.lower() for m in unreachable), unreachable
    assert not any("/ok'" in m for m in unreachable)
    assert (config.parent / ".cache" / "checker-external.json").is_file()
    count = len(server.requests)
    assert count >= 2
    run(config, site_dir=site_dir, external=True)
    assert len(server.requests) == count, "a rerun within the cache's age must not refetch"
    run(config, site_dir=site_dir, external=True, cache_max_age_hours=0)
    assert len(server.requests) > count, "an expired cache is refetched"


def test_fetch_times_out() -> None:
    server = Server()
    try:
        began = time.perf_counter()
        result = fetch(f"{server.origin}/slow", timeout=0.3, retries=0)
        assert time.perf_counter() - began < 1.4
        assert result["ok"] is False and "timed out" in str(result["error"])
    finally:
        server.close()
